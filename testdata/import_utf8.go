// A standard package compiled from GOROOT's source: unicode/utf8 (pure Go, no imports of its own).
package main

import "unicode/utf8"

func main() {
	for _, r := range []rune{'a', 'é', '世', 0x1F600, -1, 0xD800, utf8.MaxRune + 1} {
		println(r, utf8.RuneLen(r), utf8.ValidRune(r))
	}
	for _, s := range []string{"héllo", "\xff", "\xe4\xb8", "世界", ""} {
		r, n := utf8.DecodeRuneInString(s)
		lr, ln := utf8.DecodeLastRuneInString(s)
		println(r, n, lr, ln, utf8.RuneCountInString(s), utf8.ValidString(s), utf8.FullRuneInString(s))
	}
	b := utf8.AppendRune(nil, '世')
	b = utf8.AppendRune(b, 0x10FFFF+1)
	println(len(b), string(b), utf8.RuneCount(b), utf8.Valid(b))
	buf := make([]byte, utf8.UTFMax)
	n := utf8.EncodeRune(buf, 'ß')
	println(n, buf[0], buf[1], utf8.RuneStart(buf[1]), utf8.RuneError == '\uFFFD', utf8.RuneSelf)
}
