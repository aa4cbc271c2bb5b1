// reflect.MakeFunc on gocc's calling convention: functions made from a Go func([]Value) []Value, called
// as ordinary func values with integer, float, struct, bool and variadic parameters (some on the
// stack), results in registers, out pointers and the x87 stack; a method value turned into a func
// value (Value.Method(i).Interface()); and a Value made from a local that must outlive its frame.
package main

import (
	"errors"
	"reflect"
)

type P struct{ X, Y int }

type T struct{ name string }

func (t T) Hello(greet string) string { return greet + ", " + t.name }

func main() {
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	fn := reflect.MakeFunc(reflect.TypeOf(intSwap), swap)
	reflect.ValueOf(&intSwap).Elem().Set(fn)
	println(intSwap(0, 1))
	var strSwap func(string, float64) (float64, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	a, b := strSwap("x", 2.5)
	println(a, b)
	var ps func(P, int8, float32, bool) (P, error)
	reflect.ValueOf(&ps).Elem().Set(reflect.MakeFunc(reflect.TypeOf(ps), func(in []reflect.Value) []reflect.Value {
		p := in[0].Interface().(P)
		p.X += int(in[1].Int())
		p.Y += int(in[2].Float())
		var err error
		if !in[3].Bool() {
			err = errors.New("no")
		}
		return []reflect.Value{reflect.ValueOf(p), reflect.ValueOf(&err).Elem()}
	}))
	p, err := ps(P{1, 2}, 3, 4.5, false)
	println(p.X, p.Y, err.Error())
	var many func(a, b, c, d, e, f, g int, x, y, z, w, v, u, s, r, q float64) (int, float64, float64, float64)
	reflect.ValueOf(&many).Elem().Set(reflect.MakeFunc(reflect.TypeOf(many), func(in []reflect.Value) []reflect.Value {
		si := 0
		sf := 0.0
		for i, x := range in {
			if i < 7 {
				si += int(x.Int()) * (i + 1)
			} else {
				sf += x.Float() * float64(i)
			}
		}
		return []reflect.Value{reflect.ValueOf(si), reflect.ValueOf(sf), reflect.ValueOf(1.5), reflect.ValueOf(2.5)}
	}))
	i1, f1, f2, f3 := many(1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7, 8, 9)
	println(i1, f1, f2, f3)
	var vari func(string, ...int) int
	reflect.ValueOf(&vari).Elem().Set(reflect.MakeFunc(reflect.TypeOf(vari), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(len(in[0].String()) + in[1].Len())}
	}))
	println(vari("abc", 1, 2))
	hello := reflect.ValueOf(T{"tom"}).MethodByName("Hello").Interface().(func(string) string)
	println(hello("hi"))
	println(reflect.ValueOf(fn.Interface()).Call([]reflect.Value{reflect.ValueOf(5), reflect.ValueOf(6)})[0].Int())
}

type Q struct{ X int }

func init() {
	var ps func(Q, bool) (Q, error)
	reflect.ValueOf(&ps).Elem().Set(reflect.MakeFunc(reflect.TypeOf(ps), func(in []reflect.Value) []reflect.Value {
		var err error
		if !in[1].Bool() {
			err = errors.New("no")
		}
		return []reflect.Value{in[0], reflect.ValueOf(&err).Elem()}
	}))
	q, err := ps(Q{7}, false)
	println(q.X, err.Error())
}
