// Panics run deferred calls; a panic in a deferred call chains with the first; a recovered panic
// re-raised prints "[recovered]".
package main

func main() {
	defer println("main deferred")
	defer func() {
		r := recover()
		println("recovered, re-panicking")
		panic(r)
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}
