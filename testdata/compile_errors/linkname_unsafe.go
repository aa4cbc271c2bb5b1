// //go:linkname needs the file to import "unsafe".
package main

//go:linkname f runtime.f
func f() {}

func main() {
	f()
}
