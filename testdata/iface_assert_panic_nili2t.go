package main

type Namer interface{ Name() string }
type A struct{ n int }

func (a A) Name() string { return "A" }

var sink interface{}

func main() {
	var n0 Namer
	println("start")
	sink = n0.(A)
}
