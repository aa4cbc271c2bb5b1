package main

type Namer interface{ Name() string }

var sink interface{}

func main() {
	var e interface{} = "str"
	println("start")
	sink = e.(Namer)
}
