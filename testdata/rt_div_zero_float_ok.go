// Float division by zero does not panic; integer division of MinInt by -1
// wraps; then an int32 division by zero panics.
package main

func main() {
	zero := 0.0
	println(1/zero, -1/zero)
	var m int32 = -2147483648
	var n int32 = -1
	println(m/n, m%n)
	var z int32
	println(m / z)
}
