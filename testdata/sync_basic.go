// sync_basic: Mutex, RWMutex, Once, WaitGroup, Pool, Map and Cond in a program with one goroutine
// (sema.c: every semaphore operation succeeds at once or would deadlock).

package main

import "sync"

type counter struct {
	mu sync.Mutex
	n  int
}

func main() {
	var c counter
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { println("once") })
	}
	var wg sync.WaitGroup
	wg.Add(2)
	wg.Done()
	wg.Done()
	wg.Wait()
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
	p := sync.Pool{New: func() any { return 42 }}
	println(p.Get().(int))
	p.Put(7)
	println(p.Get().(int))
	var m sync.Map
	m.Store("a", 1)
	v, ok := m.Load("a")
	println(v.(int), ok, c.n)
	cond := sync.NewCond(&c.mu)
	cond.Signal()
	cond.Broadcast()
}
