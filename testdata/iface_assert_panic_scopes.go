package main

func f() interface{} {
	type T int
	return T(1)
}

func main() {
	type T int
	_, ok := f().(T)
	println(ok)
	println(f().(T))
}
