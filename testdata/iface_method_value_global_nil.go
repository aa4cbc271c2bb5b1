// A method value of a nil package-level interface variable faults at the method value (regression:
// fixedbugs/issue25101.go once made LLVM's verifier fail on interface method values).
package main

type Shape interface {
	Area() int
}

var s Shape

func main() {
	f := s.Area
	println(f != nil)
}
