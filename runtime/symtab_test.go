// A program compiled by gocc (at build time, with -S) into rt_symtab_test, whose package record
// symtab_test.c reads back through symtab_packages.
package main

type Pair struct {
	name string
	next *Pair
}

var count int
var head *Pair
var _ = 1
var names []string

func main() {
	head = &Pair{name: "a"}
	count++
	names = append(names, head.name)
}
