package main

var sink interface{}

func main() {
	var e0 interface{}
	println("start")
	sink = e0.(int)
}
