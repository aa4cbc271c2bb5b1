// gc_parallel_mark: the collector's parallel mark (runtime/mgc.c) on 4 Ps. A live heap of every
// shape the workers share: a binary tree (work that fans out), one long list (work that cannot be
// split), a 4.8 MB array of interior pointers into a pointer-free array (split into oblets), an array
// of 24-byte structs (oblet boundaries inside elements), a 320 KB single-element array (oblets inside
// one element), and lists that only parked goroutines' stacks hold (one root job per goroutine).
// Goroutines allocate garbage meanwhile and main forces cycles; afterwards every structure must be
// intact. Under GODEBUG=goccgcstress (the gcstress/ ctest) the mark verifier also checks that every
// reachable object was marked, after every cycle.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type tree struct {
	left, right *tree
	val         int
}

func build(d, v int) *tree {
	if d == 0 {
		return &tree{val: v}
	}
	return &tree{left: build(d-1, 2*v), right: build(d-1, 2*v+1), val: v}
}

func (t *tree) sum() int {
	if t == nil {
		return 0
	}
	return t.val + t.left.sum() + t.right.sum()
}

type node struct {
	next *node
	id   int
}

type leaf struct{ a, b int } // pointer-free: its arrays are never scanned

type pair struct {
	p *leaf
	n int
	q *node
}

const (
	nleaves = 600000
	nchain  = 5000
	npairs  = 30000
)

var (
	root  *tree
	chain *node
	ptrs  []*leaf
	pairs []pair
	huge  *[40000]*node
	sink  []byte
)

//go:noinline
func private(g int) *node {
	var head *node
	for i := 0; i < 100; i++ {
		head = &node{next: head, id: g*1000 + i}
	}
	return head
}

func main() {
	runtime.GOMAXPROCS(4)
	root = build(12, 1)
	var at []*node
	for i := nchain - 1; i >= 0; i-- {
		chain = &node{next: chain, id: i}
	}
	for p := chain; p != nil; p = p.next {
		at = append(at, p)
	}
	leaves := make([]leaf, nleaves)
	for i := range leaves {
		leaves[i] = leaf{i, -i}
	}
	ptrs = make([]*leaf, nleaves)
	for i := range ptrs {
		ptrs[i] = &leaves[i*7919%nleaves]
	}
	leaves = nil
	more := make([]leaf, npairs)
	pairs = make([]pair, npairs)
	for i := range pairs {
		more[i] = leaf{3 * i, 0}
		pairs[i] = pair{&more[i], i, at[i%nchain]}
	}
	more = nil
	huge = new([40000]*node)
	for i := range huge {
		huge[i] = at[(i*13)%nchain]
	}
	at = nil

	// goroutines parked with a list only their stacks hold
	var parked sync.WaitGroup
	ready := make(chan bool)
	release := make(chan bool)
	okParked := make([]bool, 8)
	for g := 0; g < 8; g++ {
		parked.Add(1)
		go func(g int) {
			defer parked.Done()
			mine := private(g)
			ready <- true
			<-release
			k := 99
			for p := mine; p != nil; p = p.next {
				if p.id != g*1000+k {
					return
				}
				k--
			}
			okParked[g] = k == -1
		}(g)
	}
	for g := 0; g < 8; g++ {
		<-ready
	}

	// churn: garbage from four goroutines while main forces cycles
	var churn sync.WaitGroup
	for g := 0; g < 4; g++ {
		churn.Add(1)
		go func(g int) {
			defer churn.Done()
			for i := 0; i < 500; i++ {
				b := make([]byte, 64<<10)
				b[0] = byte(g)
				sink = b
			}
		}(g)
	}
	for i := 0; i < 5; i++ {
		runtime.GC()
	}
	churn.Wait()
	close(release)
	parked.Wait()

	n := 1 << 13
	fmt.Println("tree intact:", root.sum() == (n-1)*n/2)
	k, ok := 0, true
	for p := chain; p != nil; p = p.next {
		ok = ok && p.id == k
		k++
	}
	fmt.Println("long list intact:", ok && k == nchain)
	ok = true
	for i, p := range ptrs {
		j := i * 7919 % nleaves
		ok = ok && p.a == j && p.b == -j
	}
	fmt.Println("interior pointers intact:", ok)
	ok = true
	for i, p := range pairs {
		ok = ok && p.p.a == 3*i && p.n == i && p.q.id == i%nchain
	}
	fmt.Println("struct array intact:", ok)
	ok = true
	for i, p := range huge {
		ok = ok && p.id == (i*13)%nchain
	}
	fmt.Println("single-element array intact:", ok)
	all := true
	for _, b := range okParked {
		all = all && b
	}
	fmt.Println("parked goroutines' lists intact:", all)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("collected:", ms.NumGC >= 5)
}
