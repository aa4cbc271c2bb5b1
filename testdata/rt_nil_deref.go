// Reading a field through a nil pointer: a nil dereference panic with the
// SIGSEGV line (its pc varies and is masked in the golden file).
package main

type T struct{ a, b int }

func main() {
	var p *T
	println("about to dereference")
	println(p.b)
}
