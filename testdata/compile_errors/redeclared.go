// Redeclaring names in the same scope, and := with no new variables.
package main

var g int
var g string

func f() {}
func f() {}

func main() {
	x := 1
	x := 2
	println(x)
}
