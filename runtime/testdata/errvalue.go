package main

type E struct{ code int }

func (e E) Error() string { return "my error" }

type S int

func (s S) String() string { return "i am a stringer" }

func main() {
	defer func() {
		panic(S(1))
	}()
	panic(E{7})
}
