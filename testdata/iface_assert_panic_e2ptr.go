package main

type A struct{ n int }

var sink interface{}

func main() {
	var e interface{} = "str"
	println("start")
	sink = e.(*A)
}
