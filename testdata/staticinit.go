// Package variables known at compile time are data (lower_staticinit.c): their values, including
// slice literals' backing arrays and &T{...}, are right before any init code runs, they can be
// written like any variable, and heap pointers stored into static backing arrays survive
// collections.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type point struct {
	x, y int16
	tag  string
	ok   bool
	f    float32
	c    complex128
}

type node struct {
	name string
	next *node
}

var (
	points = [...]point{{1, 2, "a", true, 1.5, 2 + 3i}, 3: {x: -4, tag: "d"}, {y: 7}}
	names  = []string{"zero", "one", "two"}
	table  = [][]byte{[]byte("ab"), nil, {'c'}}
	list   = &node{"head", &node{"tail", nil}}
	ptrs   = []*node{{name: "p0"}, nil, {name: "p2"}}
	bits   = [4]bool{true, false, true}
	mixed  = struct {
		a [2]uint8
		s []int32
		m map[string]int
	}{[2]uint8{9, 8}, []int32{-1, 2}, nil}
	empty   = []int{}
	seenAt  = snapshot() // runs at init: sees the data already there
	runeTab = map[rune]string{'x': "ex"} // a map: init code
)

func snapshot() string {
	return fmt.Sprint(names[1], list.next.name, len(ptrs))
}

func main() {
	fmt.Println(points, len(points))
	fmt.Println(names, table, list.name, list.next.name, ptrs[0].name, ptrs[1] == nil, ptrs[2].name)
	fmt.Println(bits, mixed.a, mixed.s, mixed.m == nil, empty != nil, len(empty), seenAt, runeTab)

	names[0] = strings.Repeat("z", 3)
	names = append(names, "three")
	points[1].tag = "b"
	list.next.next = &node{name: strings.ToUpper("new")}
	for i := range ptrs {
		ptrs[i] = &node{name: fmt.Sprint("heap", i)}
	}
	table[1] = []byte(strings.Repeat("q", 2))
	for i := 0; i < 3; i++ {
		_ = make([]byte, 1<<20)
		runtime.GC()
	}
	fmt.Println(names, points[1].tag, list.next.next.name, ptrs[0].name, ptrs[1].name, ptrs[2].name, string(table[1]))
}
