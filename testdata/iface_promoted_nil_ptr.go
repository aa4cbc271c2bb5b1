package main

// A pointer method promoted through an embedded nil pointer, called through an interface: the
// method gets the nil receiver (no nil check on the way, as in gc); a value method promoted the
// same way dereferences it and faults.

type Val interface{ val() int }

type S1 string
type S2 string

func (s *S1) val() int { return 2 }
func (s S2) val() int  { return 3 }

func call(v Val) int { return v.val() }

func main() {
	var zps struct{ *S1 }
	println(call(zps), call(&zps), zps.val())
	var zvs struct{ *S2 }
	println("before")
	println(call(zvs))
}
