// append grows a slice by go1.19's growslice rule (double while small, then
// by 1.25x plus a smoothing term, rounded up to an allocator size class). The
// sequence of capacities is observable, so it must match exactly.
package main

func intGrowth() {
	var s []int
	last := -1
	for i := 0; i < 5000; i++ {
		s = append(s, i)
		if cap(s) != last {
			print(cap(s), " ")
			last = cap(s)
		}
	}
	println()
}

func byteGrowth() {
	var s []byte
	last := -1
	for i := 0; i < 5000; i++ {
		s = append(s, byte(i))
		if cap(s) != last {
			print(cap(s), " ")
			last = cap(s)
		}
	}
	println()
}

type triple struct{ a, b, c int32 }

func structGrowth() {
	var s []triple
	last := -1
	for i := 0; i < 2000; i++ {
		s = append(s, triple{})
		if cap(s) != last {
			print(cap(s), " ")
			last = cap(s)
		}
	}
	println()
}

func main() {
	intGrowth()
	byteGrowth()
	structGrowth()
	// appending several elements at once
	a := []int{1, 2, 3}
	a = append(a, 4, 5, 6, 7)
	println(len(a), cap(a))
	b := append([]int(nil), make([]int, 13)...)
	println(len(b), cap(b))
	c := append(make([]byte, 0, 5), "hello, world"...)
	println(len(c), cap(c), string(c))
	var strs []string
	strs = append(strs, "a")
	strs = append(strs, "b", "c")
	println(len(strs), cap(strs), strs[2])
}
