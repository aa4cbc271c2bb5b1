// stdlib_sort: go1.19's sort compiled by gocc from GOROOT: Ints, Strings, Float64s, Slice,
// SliceStable, Sort/Stable on an interface, Search.

package main

import "sort"

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

var seed uint32 = 7

func next() int {
	seed = seed*1664525 + 1013904223
	return int(seed >> 16)
}

func main() {
	a := make([]int, 200)
	for i := range a {
		a[i] = next() % 1000
	}
	sort.Ints(a)
	println(sort.IntsAreSorted(a), a[0], a[100], a[199], sort.SearchInts(a, a[50]))
	s := []string{"pear", "fig", "banana", "kiwi", "apple", "date"}
	sort.Strings(s)
	for _, x := range s {
		print(x, " ")
	}
	println()
	sort.Stable(byLen(s))
	for _, x := range s {
		print(x, " ")
	}
	println()
	f := []float64{2.5, -1, 3, 0}
	sort.Float64s(f)
	println(f[0], f[3])
	type kv struct{ k, v int }
	kvs := make([]kv, 50)
	for i := range kvs {
		kvs[i] = kv{next() % 5, i}
	}
	sort.SliceStable(kvs, func(i, j int) bool { return kvs[i].k < kvs[j].k })
	for _, e := range kvs[:10] {
		print(e.k, ":", e.v, " ")
	}
	println()
	sort.Slice(a, func(i, j int) bool { return a[i] > a[j] })
	println(a[0], a[199])
	sort.Sort(sort.Reverse(sort.IntSlice(a)))
	println(a[0], a[199], sort.Search(100, func(i int) bool { return i*i >= 50 }))
}
