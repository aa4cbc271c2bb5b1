package main

type Namer interface{ Name() string }
type Sizer interface{ Size() int }

var sink interface{}

func main() {
	var n0 Namer
	println("start")
	sink = n0.(Sizer)
}
