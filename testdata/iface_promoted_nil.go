package main

// Calling a method promoted from a nil interface embedded in a struct, through an interface
// holding the struct: a nil pointer dereference in the wrapper, as in go1.19.

type Reader interface{ Read() string }

type wrapped struct {
	Reader
	tag string
}

func read(r Reader) string { return r.Read() }

func main() {
	println("start")
	var w wrapped
	println(read(w))
}
