// Float literals whose exponent leaves big.Float's range are malformed constants (types2), not
// silently unknown values.
package main

const c = 1e9999999999

var y = 0x1p99999999999

func main() {
	x := 1e9999999999
	z := 2.5e-9999999999i
	println(x, z, c, y)
}
