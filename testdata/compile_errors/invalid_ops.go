// Operators applied to operand types that do not support them.
package main

func main() {
	s := "a"
	b := true
	f := 2.5
	println(-s, b+b, f%2, !f)
	s[0] = 'x'
}
