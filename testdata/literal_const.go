// Array and slice literals with many constant elements are copied from constant data, and only
// the other elements are stored: keyed elements, gaps (zero), non-constant values among constant
// ones, bools, floats and small integer types must all come out as go1.19 builds them.
package main

func f(i int) int { return i * 100 }

func main() {
	x := 7
	s := []int{1, 2, 3, f(1), 5, 6, 7, 8, 9, 10, 11, 12, x, 14, 15, 16, 17, 18, 30: 19, 20, 25: f(2)}
	println(len(s), cap(s))
	for i, v := range s {
		print(i, ":", v, " ")
	}
	println()
	b := [20]bool{true, false, true, true, 10: true, true, true, true, true, true, true, true, true, x > 3}
	for _, v := range b {
		print(v, " ")
	}
	println()
	fl := []float64{0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5, float64(x)}
	t := 0.0
	for _, v := range fl {
		t += v
	}
	println(t)
	u8 := [...]uint8{255, 254, 253, 252, 251, 250, 249, 248, 247, 246, 245, 244, 243, 242, 241, 240, 20: 1}
	sum := 0
	for _, v := range u8 {
		sum += int(v)
	}
	println(len(u8), sum)
	i16 := []int16{-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, int16(x)}
	println(i16[0], i16[15], i16[16])
	// a literal in a loop is rebuilt each time
	for k := 0; k < 3; k++ {
		a := []int{k, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
		a[1] = 99
		println(a[0], a[1], a[2])
	}
}
