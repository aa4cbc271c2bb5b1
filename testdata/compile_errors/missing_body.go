// A function without a body is an error outside the standard library (gc's back end: go build
// passes -complete when a package has no assembly), unless //go:linkname names it.
package main

func external(x int) int

type T struct{}

func (T) method()

func main() {
	println(external(1))
	T{}.method()
}
