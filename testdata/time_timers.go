// Package time's timers (runtime/time.c, run by the scheduler): time.After wins a select against a
// channel nobody sends on, Stop and Reset report whether the timer was pending (go1.19's values),
// AfterFunc runs its func once, a Ticker ticks until stopped, and Since/Until after a Sleep are at
// least its duration. The output does not depend on timing.
package main

import (
	"fmt"
	"time"
)

func main() {
	block := make(chan int)
	select {
	case <-block:
		fmt.Println("block")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("time.After fired")
	}

	t := time.NewTimer(time.Hour)
	fmt.Println("Stop pending:", t.Stop(), "Stop again:", t.Stop())
	fmt.Println("Reset stopped:", t.Reset(time.Millisecond))
	<-t.C
	fmt.Println("Stop fired:", t.Stop())
	fmt.Println("Reset fired:", t.Reset(2*time.Millisecond))
	<-t.C
	t = time.NewTimer(time.Hour)
	fmt.Println("Reset pending:", t.Reset(time.Millisecond))
	<-t.C
	select {
	case <-t.C:
		fmt.Println("a second value")
	default:
		fmt.Println("one value per firing")
	}

	done := make(chan bool)
	calls := 0
	af := time.AfterFunc(time.Millisecond, func() { calls++; done <- true })
	<-done
	time.Sleep(20 * time.Millisecond)
	fmt.Println("AfterFunc calls:", calls, "Stop after:", af.Stop())
	af = time.AfterFunc(time.Hour, func() { panic("stopped AfterFunc ran") })
	fmt.Println("Stop AfterFunc:", af.Stop())

	tk := time.NewTicker(2 * time.Millisecond)
	ticks := 0
	for ticks < 5 {
		<-tk.C
		ticks++
	}
	tk.Stop()
	fmt.Println("ticks:", ticks)
	tk.Reset(time.Millisecond)
	<-tk.C
	tk.Stop()
	fmt.Println("ticker reset ticked")
	for i := 0; i < 3; i++ {
		<-time.Tick(time.Millisecond)
	}
	fmt.Println("time.Tick ticked")

	start := time.Now()
	time.Sleep(15 * time.Millisecond)
	fmt.Println("Since >= 15ms:", time.Since(start) >= 15*time.Millisecond)
	deadline := time.Now().Add(10 * time.Millisecond)
	time.Sleep(time.Until(deadline))
	fmt.Println("Until <= 0:", time.Until(deadline) <= 0)
	timer := time.NewTimer(5 * time.Millisecond)
	before := time.Now()
	fired := <-timer.C
	fmt.Println("fired at or after its time:", !fired.Before(before.Add(-time.Millisecond)))

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var zero time.Timer
		zero.Stop()
	}()
}
