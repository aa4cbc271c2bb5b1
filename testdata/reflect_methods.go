// reflect.Type.Method and MethodByName of concrete types: the method type with its receiver as first
// parameter (found among the program's descriptors or made with gc's type string), and Func, the
// method expression, callable through Call and as a func value; value and pointer receivers,
// variadic methods, unexported methods left out.
package main

import "reflect"

type T struct{ n int }

func (t T) Add(x int) int                 { return t.n + x }
func (t T) Join(sep string, xs ...string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += sep
		}
		s += x
	}
	return s
}
func (t *T) Set(n int)  { t.n = n }
func (t T) hidden() int { return 0 }

type Adder interface{ Add(int) int }

func main() {
	tt := reflect.TypeOf(T{})
	println(tt.NumMethod())
	for i := 0; i < tt.NumMethod(); i++ {
		m := tt.Method(i)
		println(m.Name, m.Index, m.PkgPath == "", m.Type.String(), m.Type.NumIn(), m.Type.In(0).String(), m.Type.IsVariadic())
	}
	m, ok := tt.MethodByName("Add")
	r := m.Func.Call([]reflect.Value{reflect.ValueOf(T{40}), reflect.ValueOf(2)})
	println(ok, r[0].Int())
	j, _ := tt.MethodByName("Join")
	println(j.Func.Call([]reflect.Value{reflect.ValueOf(T{}), reflect.ValueOf("-"), reflect.ValueOf("a"), reflect.ValueOf("b")})[0].String())
	f := m.Func.Interface().(func(T, int) int)
	println(f(T{1}, 2), m.Type == reflect.TypeOf(f))
	pt := reflect.TypeOf(&T{})
	println(pt.NumMethod(), pt.Method(2).Name, pt.Method(2).Type.String())
	x := &T{}
	pt.Method(2).Func.Call([]reflect.Value{reflect.ValueOf(x), reflect.ValueOf(5)})
	println(x.n)
	at := reflect.TypeOf((*Adder)(nil)).Elem()
	println(at.Method(0).Name, at.Method(0).Type.String())
	_, ok = tt.MethodByName("hidden")
	println(ok)
}
