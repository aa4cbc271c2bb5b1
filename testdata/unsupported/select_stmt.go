// select needs channels and the scheduler; until they exist gocc must reject
// it with a "not supported yet" diagnostic.
package main

func main() {
	n := 0
	select { // UNSUPPORTED
	default:
		n++
	}
	println(n)
}
