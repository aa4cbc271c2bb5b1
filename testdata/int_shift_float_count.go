// A constant shift count of an untyped float or complex kind is the uint it represents (gc's
// noder; test/shift3.go): x << 1., x << (1+0i), and MaxUint+0. keeps its exact value.
package main

const M = ^uint(0)

func main() {
	var x int = 1
	println(x<<1., x<<(1+0i), x<<0i)
	println(x<<(M+0), x<<(M+0.), x<<(M+0.+0i))
	var u uint8 = 3
	u <<= 2.
	println(u, u>>1.)
}
