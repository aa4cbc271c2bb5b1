// A negative variable index panics without a length in the message.
package main

func main() {
	s := make([]string, 4)
	i := -1
	s[i] = "x"
}
