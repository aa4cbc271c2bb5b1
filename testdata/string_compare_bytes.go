// Building and inspecting strings byte by byte: reverse, palindromes, counting
// characters, searching substrings by hand.
package main

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func reverseRunes(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func index(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func upper(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}

func main() {
	println(reverse("stressed"), reverseRunes("añb世"))
	for _, w := range []string{"racecar", "gopher", "", "a"} {
		println(w, w == reverse(w))
	}
	println(index("chicken", "ken"), index("chicken", "dmr"), index("abc", ""))
	println(upper("hello, World 123"))
	vowels := 0
	for _, c := range "the quick brown fox jumps over the lazy dog" {
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			vowels++
		}
	}
	println("vowels:", vowels)
	words := []string{"pear", "apple", "fig", "banana", "apple2"}
	for i := 1; i < len(words); i++ {
		for j := i; j > 0 && words[j] < words[j-1]; j-- {
			words[j], words[j-1] = words[j-1], words[j]
		}
	}
	for _, w := range words {
		print(w, " ")
	}
	println()
}
