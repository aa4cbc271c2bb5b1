// panic with a byte prints its numeric value.
package main

func main() {
	var b byte = 200
	panic(b)
}
