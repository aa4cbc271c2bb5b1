// errors.Is/As and sort.Slice run on gocc's internal/reflectlite (stdlib/internal/reflectlite): As into a
// pointer type, a non-empty interface and a struct type, Is through Unwrap chains, Swapper on
// strings, structs and ints.
package main

import (
	"errors"
	"sort"
)

type E struct{ s string }

func (e *E) Error() string { return e.s }

type Coded interface {
	error
	Code() int
}

type C struct{ c int }

func (c C) Error() string { return "coded" }
func (c C) Code() int     { return c.c }

type wrap struct {
	msg string
	err error
}

func (w wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w wrap) Unwrap() error { return w.err }

var ErrX = errors.New("x")

func main() {
	err := errors.New("x")
	println(err.Error())
	w := wrap{"outer", wrap{"mid", &E{"inner"}}}
	var e *E
	println(errors.As(w, &e), e != nil && e.s == "inner")
	w2 := wrap{"a", C{7}}
	var c Coded
	println(errors.As(w2, &c), c != nil)
	if c != nil {
		println(c.Code(), c.Error())
	}
	var cc C
	println(errors.As(w2, &cc), cc.c)
	println(errors.Is(wrap{"b", ErrX}, ErrX), errors.Is(w, ErrX))
	s := []string{"pear", "apple", "fig"}
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	println(s[0], s[1], s[2])
	type P struct {
		name string
		age  int
	}
	ps := []P{{"a", 30}, {"b", 10}, {"c", 20}}
	sort.Slice(ps, func(i, j int) bool { return ps[i].age < ps[j].age })
	println(ps[0].name, ps[1].name, ps[2].name)
	is := []int{5, 2, 8, 1}
	sort.Ints(is)
	println(is[0], is[1], is[2], is[3])
}
