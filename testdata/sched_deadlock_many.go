package main

// Every goroutine blocked: go1.19's report starts with goroutine 1's wait reason.

func main() {
	c := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { c <- 1; select {} }()
	}
	for i := 0; i < 3; i++ {
		<-c
	}
	var m chan int
	<-m
}
