package main

type Namer interface{ Name() string }
type A struct{ n int }
type B string

func (a A) Name() string { return "A" }
func (b B) Name() string { return string(b) }

var sink interface{}

func main() {
	var n Namer = A{1}
	println("start")
	sink = n.(B)
}
