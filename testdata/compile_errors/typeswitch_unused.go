package main

// A type switch's bound variable must be used in at least one clause (gc reports it at the
// variable); a case type a non-empty interface cannot hold is impossible.

func main() {
	var x interface{} = 1
	switch v := x.(type) {
	case int:
	case string:
	}
	switch w := x.(type) {
	}
	switch u := x.(type) {
	case int:
		println(u)
	}
	var y interface{ M() }
	switch z := y.(type) {
	case int:
		_ = z
	}
}
