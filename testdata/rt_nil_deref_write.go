// Writing through a nil *int.
package main

func set(p *int, v int) { *p = v }

func main() {
	x := 0
	set(&x, 1)
	println(x)
	set(nil, 2)
}
