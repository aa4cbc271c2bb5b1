// stdlib_misc: go1.19 packages compiled by gocc from GOROOT: math/rand (seeded sources), container/list,
// container/heap, sync/atomic (Add, Load, CompareAndSwap, Value) and unicode.

package main

import (
	"container/heap"
	"container/list"
	"math/rand"
	"sync/atomic"
	"unicode"
)

type ih []int

func (h ih) Len() int           { return len(h) }
func (h ih) Less(i, j int) bool { return h[i] < h[j] }
func (h ih) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *ih) Push(x any)        { *h = append(*h, x.(int)) }
func (h *ih) Pop() any          { o := *h; x := o[len(o)-1]; *h = o[:len(o)-1]; return x }

func main() {
	r := rand.New(rand.NewSource(42))
	println(r.Intn(100), r.Int63(), r.Float64())
	rand.Seed(7)
	println(rand.Intn(1000))
	l := list.New()
	l.PushBack(1)
	l.PushFront(2)
	println(l.Len(), l.Front().Value.(int))
	h := &ih{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 1)
	println(heap.Pop(h).(int), heap.Pop(h).(int))
	var n int64
	atomic.AddInt64(&n, 5)
	println(atomic.LoadInt64(&n), atomic.CompareAndSwapInt64(&n, 5, 9), n)
	var v atomic.Value
	v.Store("x")
	println(v.Load().(string), unicode.IsUpper('A'))
}
