// unsafe.Add and unsafe.Slice with go1.19's checks and messages: a negative or too large length is
// "unsafe.Slice: len out of range", a nil pointer with a non-zero length has its own message.
package main

import "unsafe"

type Pair struct{ a, b int32 }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "->", r.(error).Error())
		}
	}()
	f()
	println(name, "ok")
}

func main() {
	a := [4]int{1, 2, 3, 4}
	p := unsafe.Pointer(&a[0])
	println(*(*int)(unsafe.Add(p, 16)), *(*int)(unsafe.Add(unsafe.Add(p, 24), -8)))
	var off uint8 = 8
	println(*(*int)(unsafe.Add(p, off)))

	s := unsafe.Slice(&a[1], 3)
	println(len(s), cap(s), s[0], s[2])
	s[0] = 20
	println(a[1])
	ps := unsafe.Slice((*Pair)(p), uint16(2))
	println(len(ps), ps[1].a, ps[1].b)

	var np *int
	println(len(unsafe.Slice(np, 0)), unsafe.Slice(np, 0) == nil)

	n := -1
	try("negative", func() { _ = unsafe.Slice(&a[0], n) })
	var u uint64 = 1 << 63
	try("uint beyond MaxInt", func() { _ = unsafe.Slice(&a[0], u) })
	big := 1 << 61
	try("len*size overflows", func() { _ = unsafe.Slice(&a[0], big) })
	try("nil, len 1", func() { _ = unsafe.Slice(np, 1) })
	try("nil, len 0", func() { _ = unsafe.Slice(np, 0) })
	var ep *struct{}
	try("nil, zero-size elements", func() { _ = unsafe.Slice(ep, 1000) })

	_ = unsafe.Slice(np, n+3)
}
