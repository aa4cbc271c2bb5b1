// Method values of interface methods need interface method tables (a later issue); until then
// gocc must reject them with a "not supported yet" diagnostic, never build invalid IR
// (regression: fixedbugs/issue25101.go made LLVM's verifier fail).
package main

type Shape interface {
	Area() int
}

var s Shape

func main() {
	f := s.Area // UNSUPPORTED
	println(f != nil)
}
