package main

import "runtime"

// A goroutine that exits while locked to its thread ends that thread (go1.19's rule); the program
// goes on with new threads. Locked goroutines also hand work back and forth with unlocked ones.

func main() {
	done := make(chan int)
	for i := 0; i < 50; i++ {
		go func(i int) {
			runtime.LockOSThread()
			if i%2 == 0 {
				runtime.LockOSThread() // nested: still locked after one Unlock
				runtime.UnlockOSThread()
			}
			done <- i
		}(i)
	}
	sum := 0
	for i := 0; i < 50; i++ {
		sum += <-done
	}
	println("sum", sum)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for i := 0; i < 100; i++ {
			done <- i
		}
	}()
	sum = 0
	for i := 0; i < 100; i++ {
		sum += <-done
	}
	println("sum", sum)
}
