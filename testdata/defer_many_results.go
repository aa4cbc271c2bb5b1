// A recovering function with 20 results: each result variable re-read after the recovery.
package main

func f() (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9 int) {
	defer func() {
		recover()
		b9 = 99
	}()
	a0 = 1
	panic("x")
}

func main() {
	a0, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, b9 := f()
	println(a0, b9)
}
