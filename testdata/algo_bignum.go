// Arbitrary-precision arithmetic on digit slices: 50! and 2^200 in decimal.
package main

func mulSmall(digits []int, m int) []int {
	carry := 0
	for i := range digits {
		v := digits[i]*m + carry
		digits[i] = v % 10
		carry = v / 10
	}
	for carry > 0 {
		digits = append(digits, carry%10)
		carry /= 10
	}
	return digits
}

func str(digits []int) string {
	b := make([]byte, len(digits))
	for i, d := range digits {
		b[len(digits)-1-i] = byte('0' + d)
	}
	return string(b)
}

func main() {
	f := []int{1}
	for i := 2; i <= 50; i++ {
		f = mulSmall(f, i)
	}
	println("50! =", str(f))
	p := []int{1}
	for i := 0; i < 200; i++ {
		p = mulSmall(p, 2)
	}
	println("2^200 =", str(p))
	sum := 0
	for _, d := range p {
		sum += d
	}
	println("digit sum", sum, "digits", len(p))
}
