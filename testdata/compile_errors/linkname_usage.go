// //go:linkname takes a local name and at most one link name.
package main

import _ "unsafe"

//go:linkname f runtime.f extra
func f() {}

func main() {
	f()
}
