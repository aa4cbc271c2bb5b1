// Deferring f(g()) with a multi-valued g is not lowered yet (the thunk would need g's tuple stored);
// gocc must reject it with a "not supported yet" diagnostic, not defer something else.
package main

func pair() (int, int) { return 1, 2 }
func show(a, b int)    { println(a, b) }

func main() {
	defer show(pair()) // UNSUPPORTED
	println("main")
}
