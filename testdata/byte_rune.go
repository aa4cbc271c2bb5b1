// byte is uint8 and rune is int32: arithmetic, comparisons, character
// literals, and printing them (as numbers).
package main

func main() {
	var b byte = 'A'
	var r rune = 'é'
	println(b, r, b+1, r+1)
	var x uint8 = b
	var y int32 = r
	println(x == b, y == r)
	b += 200
	println(b)
	r = -r
	println(r)
	println('\n', '\t', '\\', '\'', '\x7f', '\u00e9', '\U0001F600', '\000')
	digits := "0123456789"
	sum := 0
	for i := 0; i < len(digits); i++ {
		sum += int(digits[i] - '0')
	}
	println(sum)
	var letters [26]int
	for _, c := range "hello world" {
		if c >= 'a' && c <= 'z' {
			letters[c-'a']++
		}
	}
	println(letters['l'-'a'], letters['o'-'a'], letters['z'-'a'])
	caesar := []byte("attack at dawn")
	for i, c := range caesar {
		if c != ' ' {
			caesar[i] = 'a' + (c-'a'+13)%26
		}
	}
	println(string(caesar))
}
