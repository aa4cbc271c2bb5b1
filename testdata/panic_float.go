// panic with a float64 prints it in the runtime's float format.
package main

func main() {
	f := 1.5
	panic(f)
}
