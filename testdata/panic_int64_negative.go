// panic with negative and unsigned 64-bit values.
package main

func main() {
	var v int64 = -9223372036854775808
	println(v)
	panic(v)
}
