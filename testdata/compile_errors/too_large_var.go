// A local variable of an array type larger than the address space (gc's MAXWIDTH, 1<<50 on amd64).
package main

func main() {
	var local [1 << 48][1 << 8]int16
	println(len(local))
}
