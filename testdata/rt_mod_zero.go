// Integer remainder by zero panics, for unsigned types too.
package main

func main() {
	var a uint8 = 7
	var b uint8
	println(a % 3)
	println(a % b)
}
