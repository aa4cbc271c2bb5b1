// make with a length whose byte size cannot be allocated reports len.
package main

func main() {
	n := 1 << 62
	s := make([]byte, n)
	println(len(s))
}
