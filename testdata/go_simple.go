// The go statement with a declared function; main waits for it on a channel.
package main

var done = make(chan bool)

func work(n int) {
	println("work", n)
	done <- true
}

func main() {
	go work(1)
	<-done
	println("main")
}
