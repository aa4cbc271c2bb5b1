// panic with a complex128 prints it in parentheses.
package main

func main() {
	c := complex(1, -2)
	panic(c)
}
