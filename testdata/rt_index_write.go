// Storing into a slice element past its length panics; a large index too.
package main

func main() {
	s := make([]byte, 2, 8) // capacity does not matter for indexing
	s[1] = 1
	i := 2
	s[i] = 2
}
