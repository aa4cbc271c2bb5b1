package main

// fallthrough is not allowed in a type switch.

func main() {
	var x interface{} = 1
	switch x.(type) {
	case int:
		fallthrough
	case string:
	}
}
