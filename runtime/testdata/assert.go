package main

type I interface{ M() }
type J interface {
	M()
	N()
}
type T struct{}

func (T) M() {}

type U struct{}

func (U) M() {}

var pkgT interface{} = T{}

func scopes() {
	type T struct{}
	try(func() { _ = pkgT.(T) })
}

func try(f func()) {
	defer func() {
		println(recover().(error).Error())
	}()
	f()
}

func main() {
	var e interface{} = "str"
	var n interface{}
	var i I = T{}
	var ni I
	try(func() { _ = e.(int) })
	try(func() { _ = n.(int) })
	try(func() { _ = i.(U) })
	try(func() { _ = ni.(T) })
	try(func() { _ = interface{}(T{}).(J) })
	try(func() { _ = n.(I) })
	try(func() { _ = i.(J) })
	try(func() { _ = interface{}(&T{}).(T) })
	try(func() { _ = interface{}(1).(I) })
	var s interface{} = []int{1}
	try(func() { _ = s == s })
	scopes()
	_ = e.(int)
}
