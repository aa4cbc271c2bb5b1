package main

func main() {
	done := make(chan int)
	go func() { done <- 1; done <- 2 }()
	go func() { select {} }()
	println(<-done)
	println(<-done)
	println(<-done)
}
