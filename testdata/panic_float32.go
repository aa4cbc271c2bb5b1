// panic with a float32 prints its float64 conversion.
package main

func main() {
	var f float32 = 0.1
	panic(f)
}
