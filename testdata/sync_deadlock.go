// sync_deadlock: WaitGroup.Wait with a count nobody will bring to zero is go1.19's deadlock, a fatal
// error naming the goroutine's wait reason (sema.c).

package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	println("waiting")
	wg.Wait()
	println("unreachable")
}
