// time's clock hooks reached by //go:linkname from a main package, as the time package reaches
// them: time.now returns three words (sec int64, nsec int32, mono int64: RAX, EDX, RCX), and
// runtime.nanotime is the monotonic clock now's third result reads; time.Sleep sleeps at least
// its duration by that clock.
package main

import _ "unsafe"

//go:linkname now time.now
func now() (sec int64, nsec int32, mono int64)

//go:linkname nanotime runtime.nanotime
func nanotime() int64

//go:linkname sleep time.Sleep
func sleep(ns int64)

func main() {
	sec, nsec, mono := now()
	println(sec > 1577836800, nsec >= 0 && nsec < 1000000000, mono > 0) // after 2020-01-01
	t := nanotime()
	sec2, _, mono2 := now()
	println(t >= mono, mono2 >= t, sec2 >= sec)
	for i := 0; i < 1000; i++ {
		_, _, m := now()
		if m < mono2 {
			println("monotonic clock went back")
		}
		mono2 = m
	}
	t0 := nanotime()
	sleep(20 * 1000 * 1000)
	sleep(0)
	sleep(-1)
	println(nanotime()-t0 >= 20*1000*1000)
	println("done")
}
