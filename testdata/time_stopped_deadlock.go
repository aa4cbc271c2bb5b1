// A stopped timer keeps nothing alive: once every timer is stopped, a program blocked forever is a
// deadlock, as in gc.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t.Stop())
	<-make(chan int)
}
