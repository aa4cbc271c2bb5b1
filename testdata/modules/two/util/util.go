// Package util is imported by main and by greet: it is initialized once, first.
package util

var Calls = trace("util.Calls", 0)

func trace(what string, v int) int {
	println("init", what)
	return v
}

func init() { println("util.init") }

// Double is called across packages.
func Double(n int) int {
	Calls++
	return n * 2
}

// T is util's T: a different type from greet's T and main's T.
type T struct {
	n    int
	Name string
}

func New(n int, name string) *T { return &T{n, name} }
func (t *T) N() int            { return t.n }
func (t T) String() string     { return t.Name }
func (t *T) bump()             { t.n++ }
func (t *T) Bump()             { t.bump() }

// Kind is a named integer: its type string is util.Kind.
type Kind int

const (
	Small Kind = iota + 1
	Big
)

var Table = []string{"zero", "one", "two"}
