// A send case on a closed channel panics when the select chooses it (go1.19's
// `panic: send on closed channel`), even with a default; recovered, the value is a runtime.Error
// whose text has no "runtime error: " prefix (a plainError). Then an unrecovered one ends the
// program with exit status 2.
package main

import "runtime"

func main() {
	c := make(chan int, 1)
	close(c)
	func() {
		defer func() {
			r := recover()
			_, isRuntime := r.(runtime.Error)
			println(r.(error).Error(), isRuntime)
		}()
		select {
		case c <- 1:
		default:
		}
	}()
	var nilc chan int
	select {
	case c <- 2:
	case <-nilc:
	}
}
