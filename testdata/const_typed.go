// Typed and untyped constants: default types, typed arithmetic, rune and
// string constants, constant expressions with conversions.
package main

type Celsius float64
type ID uint16

const (
	Boiling Celsius = 100
	Freeze          = Boiling - 100
	MaxID   ID      = 1<<16 - 1
	Rune            = 'Z'
	Str             = "con" + "cat"
	Len             = len(Str)
	Mixed           = 'a' + 1
	Byte    byte    = 'a' + 2
	Ratio           = 3 / 2.0
	Truth           = 1 < 2 && Str == "concat"
)

func main() {
	println(Boiling, Freeze)
	println(MaxID, MaxID/2)
	println(Rune, Str, Len)
	println(Mixed, Byte)
	println(Ratio, Truth)
	var f float32 = Ratio
	var i int = Ratio * 2
	println(f, i)
	x := Rune // untyped rune constant defaults to rune (int32)
	var y int32 = x
	println(y - 'A')
	const u8 = uint8(255)
	println(u8, u8-1, int(u8)+1)
	const shifted int64 = 1 << 40
	println(shifted, float64(shifted))
	const s = string(rune(0x263A))
	println(s, len(s))
}
