// reflect.Value.Call on gocc's calling convention: integer, float, complex, string, slice, map, struct
// and closure arguments, variadic Call and CallSlice, register, x87 and in-memory (more than three
// integer words, five floats) results, aggregate results through out pointers, method values of
// value, pointer and interface receivers (Method, MethodByName), and the argument-count panic.
package main

import (
	"errors"
	"reflect"
)

type P struct{ X, Y int }

type T struct{ name string }

func (t T) Hello(greet string) string { return greet + ", " + t.name }
func (t *T) Rename(n string)          { t.name = n }
func (t T) Pair() (int, string)       { return len(t.name), t.name }

type Greeter interface{ Hello(string) string }

func add(a, b int) int                  { return a + b }
func sum(xs ...int) int                 { s := 0; for _, x := range xs { s += x }; return s }
func swap(a string, b float64) (float64, string) { return b, a }
func fail(s string) (string, error)     { return "", errors.New("fail: " + s) }
func mid(p P, k int8, f float32, ok bool) P { if ok { return P{p.X * int(k), p.Y + int(f)} }; return p }
func many(a, b, c, d, e, f, g, h int, x, y float64, s string) (int, float64, string) {
	return a + b + c + d + e + f + g + h, x * y, s + "!"
}
func cplx(c complex128, d complex64) (complex128, complex64) { return c * 2, d + 1 }
func three() (int, int, int)        { return 1, 2, 3 }
func five() (float64, float64, float64, float64, float64) { return 1, 2, 3, 4, 5 }
func four() (int, int8, int, int)   { return 1, -2, 3, 4 }
func mixed(f float32) (float32, string, error, float64, P) { return f * 2, "m", nil, 0.25, P{7, 8} }
func f3() (float32, float64, float32) { return 1.5, 2.5, 3.5 }
func sl(b []byte, m map[string]int) ([]byte, int) { return append(b, '!'), m["k"] }

func show(vs []reflect.Value) {
	for _, v := range vs {
		switch v.Kind() {
		case reflect.Int, reflect.Int8:
			print(v.Int(), " ")
		case reflect.Float64, reflect.Float32:
			print(v.Float(), " ")
		case reflect.String:
			print(v.String(), " ")
		case reflect.Struct:
			print(v.Field(0).Int(), ",", v.Field(1).Int(), " ")
		case reflect.Interface:
			if v.IsNil() {
				print("nil ")
			} else {
				print(v.Interface().(error).Error(), " ")
			}
		case reflect.Complex128, reflect.Complex64:
			print(v.Complex(), " ")
		case reflect.Slice:
			print(string(v.Bytes()), " ")
		}
	}
	println()
}

func main() {
	V := reflect.ValueOf
	show(V(add).Call([]reflect.Value{V(2), V(3)}))
	show(V(sum).Call([]reflect.Value{V(1), V(2), V(3), V(4)}))
	show(V(sum).Call(nil))
	show(V(sum).CallSlice([]reflect.Value{V([]int{5, 6})}))
	show(V(swap).Call([]reflect.Value{V("a"), V(2.5)}))
	show(V(fail).Call([]reflect.Value{V("x")}))
	show(V(mid).Call([]reflect.Value{V(P{2, 3}), V(int8(4)), V(float32(1.5)), V(true)}))
	show(V(many).Call([]reflect.Value{V(1), V(2), V(3), V(4), V(5), V(6), V(7), V(8), V(1.5), V(2.0), V("s")}))
	show(V(cplx).Call([]reflect.Value{V(1 + 2i), V(complex64(3 + 4i))}))
	show(V(three).Call(nil))
	show(V(five).Call(nil))
	show(V(four).Call(nil))
	show(V(mixed).Call([]reflect.Value{V(float32(1.25))}))
	show(V(f3).Call(nil))
	show(V(sl).Call([]reflect.Value{V([]byte("hi")), V(map[string]int{"k": 9})}))
	k := 10
	clo := func(x int) int { k += x; return k }
	show(V(clo).Call([]reflect.Value{V(5)}))
	println(k)
	t := &T{"bob"}
	show(V(t).MethodByName("Hello").Call([]reflect.Value{V("hi")}))
	V(t).MethodByName("Rename").Call([]reflect.Value{V("ann")})
	show(V(*t).Method(0).Call([]reflect.Value{V("yo")}))
	show(V(*t).MethodByName("Pair").Call(nil))
	var g Greeter = T{"gil"}
	show(V(&g).Elem().Method(0).Call([]reflect.Value{V("hey")}))
	println(V(t).MethodByName("Hello").Type().String(), V(t).NumMethod(), V(t).MethodByName("Nope").IsValid())
	defer func() { println(recover().(string)) }()
	V(add).Call([]reflect.Value{V(1)})
}

type Base struct{ ID int }
type Wrap struct {
	*Base
	N string
}

func init() {
	w := reflect.ValueOf(Wrap{N: "w"})
	f, ok := w.Type().FieldByName("ID")
	_, err := w.FieldByIndexErr(f.Index)
	println(ok, len(f.Index), err.Error())
	w2 := reflect.ValueOf(Wrap{&Base{4}, "w"})
	v, err := w2.FieldByIndexErr(f.Index)
	println(v.Int(), err == nil, w2.FieldByIndex(f.Index).Int(), w2.FieldByName("ID").Int())
}
