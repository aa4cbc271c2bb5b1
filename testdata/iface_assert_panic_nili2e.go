package main

type Namer interface{ Name() string }

var sink interface{}

func main() {
	var n0 Namer
	println("start")
	sink = n0.(interface{})
}
