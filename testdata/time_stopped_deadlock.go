// A stopped timer keeps nothing alive: once every timer is stopped, a program blocked forever is a
// deadlock, as in gc. go1.19 only drops a stopped timer from the heap of the P that is looking for
// work, so with several Ps its deadlock check can see the stale entry and wait forever; one P makes
// go1.19's answer deterministic.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t.Stop())
	<-make(chan int)
}
