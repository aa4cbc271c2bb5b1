// A body-less function linknamed to a function of its own package calls that function.
package main

import _ "unsafe"

//go:linkname seven main.g
func seven() int

func g() int { return 7 }

func main() {
	println(seven(), g())
}
