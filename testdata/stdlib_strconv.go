// stdlib_strconv: go1.19's strconv compiled by gocc from GOROOT (formatting and parsing of integers,
// floats, quoting), its errors included.

package main

import "strconv"

func main() {
	println(strconv.Itoa(-45), strconv.FormatInt(255, 16), strconv.FormatUint(1<<63, 2))
	for _, f := range []float64{0, 1, -2.5, 3.14159, 1e21, 1e-7, 123456789.125, 5e-324} {
		println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'f', 2, 64))
	}
	println(strconv.FormatFloat(1.0/3, 'g', -1, 32))
	for _, s := range []string{"12", "-9223372036854775808", "9223372036854775808", "0x1f", "abc", ""} {
		n, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			println(n, err.Error())
		} else {
			println(n)
		}
	}
	for _, s := range []string{"1e10", "3.25", "-0", "inf", "NaN", "1e400", "0x1p-2", "1_000.5"} {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			println(f, err.Error())
		} else {
			println(f)
		}
	}
	b, err := strconv.ParseBool("maybe")
	println(b, err.Error())
	println(strconv.Quote("hi\n\"there\"\x00é"), strconv.QuoteToASCII("日本"), strconv.QuoteRune('☺'))
	u, err := strconv.Unquote(`"a\tb\u00e9"`)
	println(u, err == nil)
	println(string(strconv.AppendInt([]byte("n="), 42, 10)))
}
