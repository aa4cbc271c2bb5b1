package main

// print/println of interfaces with methods (nil only: other values print addresses), and panic
// with a value of a non-empty interface type (printed through its Error method).

type E struct{ s string }

func (e E) Error() string { return "E:" + e.s }

type Namer interface{ Name() string }
type B string

func (b B) Name() string { return string(b) }

func main() {
	var n Namer
	println(n)
	print(n, "\n")
	n = B("x")
	println(n != nil)
	var err error = E{"boom"}
	panic(err)
}
