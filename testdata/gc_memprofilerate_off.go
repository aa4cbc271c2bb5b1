// gc_memprofilerate_off: a program that cannot read the heap profile (runtime.MemProfile is not in
// the executable) samples nothing: go1.19's linker sets MemProfileRate to 0 for it.
package main

import "runtime"

func main() {
	println(runtime.MemProfileRate)
}
