// Benchmark: allocation-heavy code. Binary trees of small structs built with
// &Node{} and new(Node) (after the Benchmarks Game's binary-trees), a linked
// list, and slices grown by append from empty. Measures the allocator fast
// path and, for go1.19, the garbage collector.
//
// gocc's runtime has no garbage collector yet (a bump allocator that never
// frees), so under gocc this program's resident memory grows to everything it
// ever allocated (~0.6 GB) where go1.19 stays under 20 MB, and gocc saves the
// collector's work while paying the kernel for fresh pages instead:
// bench-caveat: gocc has no GC yet (bump allocator, never frees): it skips go1.19's GC work and its RSS grows to all memory ever allocated
package main

type Node struct {
	left, right *Node
	val         int
}

func bottomUp(depth int) *Node {
	if depth <= 0 {
		return &Node{val: 1}
	}
	n := new(Node)
	n.left = bottomUp(depth - 1)
	n.right = bottomUp(depth - 1)
	n.val = depth
	return n
}

func (n *Node) check() int {
	if n.left == nil {
		return n.val
	}
	return n.val + n.left.check() - n.right.check()
}

type Item struct {
	next *Item
	key  int
	name string
}

func list(n int) int {
	var head *Item
	for i := 0; i < n; i++ {
		head = &Item{head, i, "item"}
	}
	s := 0
	for p := head; p != nil; p = p.next {
		s += p.key + len(p.name)
	}
	return s
}

func grow(n int) int {
	var a []int
	var ps []*Item
	for i := 0; i < n; i++ {
		a = append(a, i*i)
		if i%8 == 0 {
			ps = append(ps, &Item{key: i})
		}
	}
	return len(a) + cap(a) + len(ps) + cap(ps) + a[n-1]%1000 + ps[len(ps)-1].key
}

func main() {
	const maxDepth = 16
	sum := 0
	long := bottomUp(maxDepth)
	for d := 4; d <= maxDepth; d += 2 {
		iters := 1 << (maxDepth - d + 4)
		c := 0
		for i := 0; i < iters; i++ {
			c += bottomUp(d).check()
		}
		sum += c + iters
	}
	sum += long.check()
	for i := 0; i < 20; i++ {
		sum += list(50000)
		sum += grow(100000 + i)
	}
	println("alloc checksum", sum)
}
