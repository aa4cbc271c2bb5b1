package main

func main() {
	done := make(chan int)
	for i := 0; i < 10; i++ {
		go func(i int) { done <- i }(i)
	}
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-done
	}
	println("sum", sum)
	go func() { done <- 1 }()
	go func() { panic("boom") }()
	select {}
}
