// for range over maps: key and value, key only, blank forms, break/continue with labels,
// deleting during the walk (deleted entries not produced), inserting during the walk (each
// entry at most once), and values that are structs. Output is order-independent.
package main

type S struct{ a, b int }

func main() {
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i * 2
	}
	ks, vs := 0, 0
	for k, v := range m {
		ks += k
		vs += v
	}
	println(ks, vs)
	n := 0
	for range m {
		n++
	}
	for _ = range m {
		n++
	}
	for _, _ = range m {
		n++
	}
	println(n)
	// delete every other key before the walk reaches it: those are never produced
	seen := 0
	for k := range m {
		if k%2 == 0 {
			delete(m, k+1)
		}
		seen++
	}
	println(seen <= 100, seen >= 50, len(m) >= 50)
	// insert during the walk: each key at most once
	count := map[int]int{}
	for k := range m {
		count[k]++
		if k < 1000 {
			m[k+1000] = 0
		}
	}
	dup := false
	for _, c := range count {
		if c > 1 {
			dup = true
		}
	}
	println(dup)
	// break and continue, labeled
	sm := map[string]S{"a": {1, 2}, "b": {3, 4}, "c": {5, 6}}
	tot := 0
outer:
	for k, v := range sm {
		for i := 0; i < 3; i++ {
			if k == "b" {
				continue outer
			}
			if i == 1 {
				break
			}
			tot += v.a + v.b
		}
	}
	println(tot)
	found := false
	for _, v := range sm {
		if v.a == 5 {
			found = true
			break
		}
	}
	println(found)
	// the value is a copy: changing it does not change the map
	for k, v := range sm {
		v.a = 100
		_ = k
	}
	println(sm["a"].a)
	var k2 string
	var v2 S
	for k2, v2 = range map[string]S{"z": {7, 8}} {
	}
	println(k2, v2.a, v2.b)
}
