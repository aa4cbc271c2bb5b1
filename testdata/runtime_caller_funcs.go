// runtime.FuncForPC of function values (reflect.Value.Pointer): declared functions, method
// expressions of value and pointer methods (including the compiler's (*T).Val wrapper), method
// values, closures inside methods and in package variables, main, promoted methods, and
// Entry/Name consistency, as go1.19 names them.
package main

import (
	"reflect"
	"runtime"
)

type T struct{ x int }

func (t T) Val() int  { return t.x }
func (t *T) Ptr() int { return t.x }

//go:noinline
func (t *T) closure() func() int {
	return func() int { return t.x }
}

type I interface{ Val() int }

type Inner struct{}

func (Inner) M() {}

type Outer struct{ Inner }

func F() {}

var globalFunc = func() int { return 1 }

func name(f interface{}) string {
	fn := runtime.FuncForPC(reflect.ValueOf(f).Pointer())
	if fn == nil {
		return "nil"
	}
	if runtime.FuncForPC(fn.Entry()).Name() != fn.Name() {
		return "entry mismatch: " + fn.Name()
	}
	return fn.Name()
}

func main() {
	t := T{}
	var i I = t
	println(name(F))
	println(name(T.Val))
	println(name((*T).Val))
	println(name((*T).Ptr))
	println(name(t.Val))
	println(name(t.Ptr))
	println(name(i.Val))
	println(name(I.Val))
	println(name(func() {}))
	println(name(t.closure()))
	println(name(globalFunc))
	println(name(main))
	println(name(Outer.M))
	println(name(Outer{}.M))
}
