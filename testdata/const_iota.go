// iota in constant declarations: implicit repetition, skipped values,
// expressions, several iotas per line, typed iota constants.
package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const (
	bit0, mask0 = 1 << iota, 1<<iota - 1
	bit1, mask1
	_, _
	bit3, mask3
)

const (
	x = "x"
	y
	z = iota
	w
)

type Color uint8

const (
	Red Color = iota + 1
	Green
	Blue = Green * 10
	Alpha
)

func main() {
	println(Sunday, Monday, Tuesday, Thursday)
	println(KB, MB, GB, TB)
	println(a, b, c, d, e, f)
	println(bit0, mask0, bit1, mask1, bit3, mask3)
	println(x, y, z, w)
	println(Red, Green, Blue, Alpha)
	var day Weekday = Thursday
	println(day-Monday, day > Tuesday)
	const local = iota
	println(local)
}
