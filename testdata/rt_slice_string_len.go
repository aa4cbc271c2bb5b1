// Slicing a string beyond its length.
package main

func main() {
	str := "abc"
	n := 5
	println(str[:2])
	println(str[:n])
}
