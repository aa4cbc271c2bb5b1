// range over a string decodes UTF-8: index of each rune's first byte and the
// rune; invalid bytes decode as U+FFFD (65533) one byte at a time.
package main

func dump(s string) {
	for i, r := range s {
		print(i, ":", r, " ")
	}
	println()
}

func main() {
	dump("héllo, 世界")
	dump("a\xffb")
	dump("\xe4\xb8")         // a truncated 3-byte sequence
	dump("\xc0\x80")         // overlong encoding of NUL
	dump("\xed\xa0\x80x")    // an encoded surrogate half
	dump("\xf4\x90\x80\x80") // beyond U+10FFFF
	dump("😀!")
	dump("")
	n := 0
	for range "日本語" {
		n++
	}
	println("runes:", n, "bytes:", len("日本語"))
	for i := range "ab¢" {
		print(i, " ")
	}
	println()
	s := "aé"
	for i, r := range s {
		s = "changed" // the range expression was evaluated once
		print(i, r, " ")
	}
	println(s)
}
