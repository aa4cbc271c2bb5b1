// unicode compiled from GOROOT's source: its range tables are large package-level composite
// literals (about 8 s of CPU at -O2 on the reference machine, most of it in LLVM).
package main

import "unicode"

func main() {
	for _, r := range []rune{'A', 'z', 'é', 'ß', '世', '٣', ' ', '\u00a0', '\u2028', 0x1F600, -1} {
		println(r, unicode.IsUpper(r), unicode.IsLower(r), unicode.IsLetter(r), unicode.IsDigit(r),
			unicode.IsSpace(r), unicode.IsPunct(r), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}
	println(unicode.In('世', unicode.Han), unicode.Is(unicode.Greek, 'λ'), unicode.SimpleFold('K'))
	println(unicode.IsOneOf([]*unicode.RangeTable{unicode.Latin, unicode.Cyrillic}, 'ж'), unicode.Version)
}
