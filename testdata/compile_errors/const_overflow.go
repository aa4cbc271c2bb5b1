// Constants that do not fit their type, and constant division by zero.
package main

func main() {
	var b int8 = 200
	var u uint = -1
	const big = 1 << 70
	var i int = big
	x := 10
	println(b, u, i, x/0)
}
