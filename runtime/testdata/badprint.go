package main

type E int

func (e E) Error() string { panic("inner") }

func main() {
	panic(E(1))
}
