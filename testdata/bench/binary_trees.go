// Benchmark: the Benchmarks Game's binary-trees at depth 18, with its standard output: a stretch tree
// of depth 19, then for each even depth d from 4 to 18, 2^(18-d+4) trees of depth d built bottom-up
// and checked (node count), all while one long-lived tree of depth 18 stays reachable. Measures small
// pointerful allocations (16-byte nodes) and the collector: go1.19 frees each batch of trees as it
// goes, holding about 8 MB live, and issue 8 aims for gocc within 1.5x of its time. Single-threaded
// (the Game's Go programs split the depths over goroutines; one goroutine keeps the figures about the
// allocator and the collector). Prints with fmt to stdout, in the Game's format, then the checksum.
//
// Without a collector gocc's RSS grows to everything the program allocates (~1.1 GB):
// bench-caveat: gocc has no GC yet (bump allocator, never frees): it skips go1.19's GC work and its RSS grows to all memory ever allocated
package main

import "fmt"

type Node struct{ left, right *Node }

func bottomUp(depth int) *Node {
	if depth <= 0 {
		return &Node{}
	}
	return &Node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *Node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	const minDepth = 4
	maxDepth := 18
	stretch := maxDepth + 1
	sum := 0

	c := bottomUp(stretch).check()
	fmt.Printf("stretch tree of depth %d\t check: %d\n", stretch, c)
	sum += c

	longLived := bottomUp(maxDepth)
	for d := minDepth; d <= maxDepth; d += 2 {
		iterations := 1 << uint(maxDepth-d+minDepth)
		check := 0
		for i := 0; i < iterations; i++ {
			check += bottomUp(d).check()
		}
		fmt.Printf("%d\t trees of depth %d\t check: %d\n", iterations, d, check)
		sum += check
	}
	c = longLived.check()
	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, c)
	sum += c
	println("binary_trees checksum", sum)
}
