package main

type Namer interface{ Name() string }
type Sizer interface{ Size() int }
type A struct{ n int }
type B string

func (a A) Name() string { return "A" }
func (b B) Name() string { return string(b) }
func (b B) Size() int    { return len(b) }

var sink interface{}

func main() {
	var e interface{} = "str"
	var n Namer = A{1}
	var e0 interface{}
	var n0 Namer
	_, _, _, _ = e, n, e0, n0
	println("start")
	sink = n.(*A)
}
