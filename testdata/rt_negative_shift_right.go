// A negative right shift count panics as well.
package main

func main() {
	var x int64 = 1024
	var s int8 = -3
	println(x >> s)
}
