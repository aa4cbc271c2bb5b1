// runtime_error: the errors the C runtime raises (divide, bounds, nil dereference, failed assertion)
// are values of runtime.Error as gocc's runtime package declares it, with go1.19's Error() texts.

package main

import "runtime"

func try(f func()) {
	defer func() {
		r := recover()
		e, ok := r.(runtime.Error)
		println(ok)
		if ok {
			println(e.Error())
		}
		_, ok2 := r.(error)
		println(ok2)
	}()
	f()
}

var zero int
var arr []int

func main() {
	try(func() { println(1 / zero) })
	try(func() { println(arr[5]) })
	try(func() { var p *int; println(*p) })
	try(func() { var i any = "s"; println(i.(int)) })
	try(func() { panic("plain") })
}
