// sync_unlock_fatal: unlocking an unlocked Mutex is sync.fatal, an unrecoverable fatal error (sema.c).

package main

import "sync"

func main() {
	defer func() {
		println("recovered?", recover() != nil)
	}()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	mu.Unlock()
}
