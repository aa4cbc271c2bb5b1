// Scopes: shadowing in blocks, if/for/switch statement scopes, package-level
// names shadowed by locals, predeclared identifiers redeclared.
package main

var x = "package"

func show() { println("show sees", x) }

func main() {
	println(x)
	x := "main"
	println(x)
	{
		x := "block"
		println(x)
		show()
	}
	if x := 42; x > 40 {
		println("if", x)
	} else {
		println("else", x)
	}
	for x := 0; x < 2; x++ {
		println("for", x)
	}
	switch x := 3.5; {
	case x > 3:
		println("switch", x)
	}
	println(x)
	true := false
	println(true, !true)
	len := 5
	println(len)
	{
		var println = 7
		_ = println
	}
	println("done")
}
