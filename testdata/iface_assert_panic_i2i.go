package main

type Namer interface{ Name() string }
type Sizer interface{ Size() int }
type A struct{ n int }

func (a A) Name() string { return "A" }

var sink interface{}

func main() {
	var n Namer = A{1}
	println("start")
	sink = n.(Sizer)
}
