// break, continue and labels used where they are not allowed.
package main

func main() {
	break
	if true {
		continue
	}
	goto missing
unused:
	println("x")
}
