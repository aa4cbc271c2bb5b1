package main

type Sizer interface{ Size() int }

var sink interface{}

func main() {
	var e0 interface{}
	println("start")
	sink = e0.(Sizer)
}
