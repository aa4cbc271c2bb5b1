package main

var sink interface{}

func main() {
	var e interface{} = "str"
	println("start")
	sink = e.(int)
}
