// A run-time error recovered and raised again: go1.19 prints the value (a runtime.Error) through
// its Error method, marked [recovered], then the new panic.
package main

func index(s []int, i int) int {
	defer func() {
		r := recover()
		println("recovered:", r != nil)
		panic(r)
	}()
	return s[i]
}

func main() {
	defer println("main deferred")
	println(index([]int{1, 2, 3}, 5))
}
