package main

import (
	"runtime"
	"syscall"
)

// With one P, a goroutine blocked in a system call (read(2) on an empty pipe) does not stop the
// others: its P goes to another thread, and main runs to write what the reader waits for.

func main() {
	runtime.GOMAXPROCS(1)
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		panic(err)
	}
	done := make(chan int)
	go func() {
		var b [1]byte
		n, _ := syscall.Read(p[0], b[:])
		done <- n + int(b[0])
	}()
	runtime.Gosched() // the reader blocks in read(2)
	c := make(chan int)
	go func() {
		for range c {
		}
	}()
	for i := 0; i < 1000; i++ {
		c <- i
	}
	close(c)
	println("main ran while the reader was blocked")
	syscall.Write(p[1], []byte{41})
	println("reader got", <-done)
}
