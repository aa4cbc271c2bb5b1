// Methods promoted from an embedded pointer: a pointer method gets the nil embedded pointer as is,
// through an interface and through a method expression (no nil check of the receiver itself).
package main

type T struct{ n int }

func (t *T) Name() string {
	if t == nil {
		return "nil *T"
	}
	return "T"
}

type U struct{ *T }

type Namer interface{ Name() string }

func main() {
	var i Namer = U{}
	println(i.Name())
	f := U.Name
	println(f(U{}))
}
