// A switch without a tag compares each case with true; a case of interface type is compared as
// an interface (`true == i`), not branched on (test/switch.go, issue 3980).
package main

func main() {
	var i interface{} = true
	switch {
	case i:
		println("i is true")
	default:
		println("wrong")
	}
	var j interface{} = 1
	switch {
	case j:
		println("wrong")
	case j == 1:
		println("j is 1")
	}
}
