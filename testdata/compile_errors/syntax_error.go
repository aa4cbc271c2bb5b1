// A syntax error: gc reports the first one per statement list.
package main

func main() {
	x := 1 +
	println(x
}
