package main

import (
	"runtime"
	"time"
)

// With one P, a goroutine asleep in time.Sleep (a blocking system call in gocc, a timer in go1.19)
// does not stop the others; a program whose only other goroutine sleeps is not deadlocked.

func main() {
	runtime.GOMAXPROCS(1)
	start := time.Now()
	done := make(chan bool)
	go func() {
		time.Sleep(time.Second)
		done <- true
	}()
	runtime.Gosched() // the sleeper starts sleeping
	c := make(chan int)
	go func() {
		for range c {
		}
	}()
	for i := 0; i < 1000; i++ {
		c <- i
	}
	close(c)
	println("others ran during the sleep:", time.Since(start) < 500*time.Millisecond)
	println("sleeper woke:", <-done)
}
