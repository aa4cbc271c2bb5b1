package main

func main() {
	defer println("deferred 1")
	defer func() {
		panic("second")
	}()
	panic("first")
}
