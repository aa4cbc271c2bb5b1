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

// Method tables: Val is promoted from Inner (a value method, so in Outer's set and *Outer's),
// Add needs a pointer (only *Outer's set, and Ref's, whose embedded field is a pointer).
type Inner struct{ n int }

func (i Inner) Val() int    { return i.n }
func (i *Inner) Add(d int) { i.n += d }

type Outer struct {
	tag string
	Inner
}

type Ref struct{ *Inner }

var outer = Outer{"x", Inner{40}}
var ref = Ref{&Inner{7}}
