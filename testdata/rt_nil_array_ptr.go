// len and range of a nil *[4]int are fine; indexing through it is not.
package main

func main() {
	var p *[4]int
	println(len(p))
	for i := range p {
		print(i, " ")
	}
	println()
	println(p[1])
}
