// Embedded fields named through an alias (fixedbugs/issue50190.go): struct{ int } and struct{ Int }
// with `type Int = int` are different types (different field names), so their descriptors differ;
// struct{ C } with local aliases C of different types differ too. The printed type is gc's.
package main

type Int = int
type Byte = byte

type A = struct{ int }
type B = struct{ Int }

type T struct{ n int }
type PT = *T

func main() {
	var x, y interface{} = A{}, B{}
	println(x == y, x == interface{}(struct{ int }{}), y == interface{}(struct{ Int }{}))
	{
		type C = int32
		x = struct{ C }{}
	}
	{
		type C = uint32
		y = struct{ C }{}
	}
	println(x == y)
	x, y = struct{ byte }{1}, struct{ uint8 }{1}
	println(x == y, x == interface{}(struct{ Byte }{1}))
	x, y = struct{ *T }{}, struct{ PT }{}
	println(x == y)
	_, ok := x.(struct{ PT })
	_, ok2 := x.(struct{ *T })
	println(ok, ok2)
	defer func() { println(recover() != nil) }()
	panic(B{})
}
