// An array larger than the address space (gc's MAXWIDTH, 1<<50 on amd64) is an error, not a type
// of size 0 whose values would share one address.
package main

type Big [1 << 62]int64

func main() {
	p, q := new(Big), new(Big)
	println(p == q)
}
