// panic with an int value prints the number.
package main

func main() {
	println("before")
	x := 40
	panic(x + 2)
}
