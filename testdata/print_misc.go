// println of complex numbers, booleans, strings (raw bytes), nil pointers,
// and named types (printed by their underlying kind).
package main

type MyInt int
type MyString string
type MyBool bool
type MyFloat float32

func main() {
	println(complex(1, 2), complex(-1.5, -0.5), complex64(complex(0, 1)))
	zero := 0.0
	println(complex(zero/zero, 1/zero))
	println(true, false, !true)
	println("", "a b", "tab\t", "nl\\n")
	println("bytes: \xff\xfe end")
	var p *int
	var q *string
	println(p, q)
	var mi MyInt = -3
	var ms MyString = "mine"
	var mb MyBool = true
	var mf MyFloat = 2.5
	println(mi, ms, mb, mf)
	print("no", "spaces", true, 1, 'c', "\n")
	println("multi", "ple", "args", 1, 2.0, 3i, false)
}
