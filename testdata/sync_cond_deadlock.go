// sync_cond_deadlock: Cond.Wait after a Signal that came first still waits (the signal was for no
// one), and with one goroutine that is the deadlock with wait reason sync.Cond.Wait (sema.c).

package main

import "sync"

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	c.Signal()
	mu.Lock()
	println("waiting")
	c.Wait()
}
