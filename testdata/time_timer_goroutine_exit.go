// Timers outlive the goroutine that made them: a Timer and an AfterFunc started by goroutines that
// have exited still fire, and a program whose goroutines all wait only for a timer is not
// deadlocked (gc's checkdead waits for pending timers).
package main

import (
	"fmt"
	"time"
)

func main() {
	cs := make(chan (<-chan time.Time))
	go func() { cs <- time.NewTimer(10 * time.Millisecond).C }()
	c := <-cs
	time.Sleep(time.Millisecond) // the goroutine has exited
	<-c
	fmt.Println("timer of an exited goroutine fired")

	done := make(chan string)
	go func() {
		time.AfterFunc(10*time.Millisecond, func() { done <- "AfterFunc of an exited goroutine ran" })
	}()
	fmt.Println(<-done)

	// only a timer will wake main: not a deadlock
	wake := make(chan int)
	time.AfterFunc(30*time.Millisecond, func() { close(wake) })
	<-wake
	fmt.Println("woken by a timer")
}
