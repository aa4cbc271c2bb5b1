// Expression switches: multiple values per case, default anywhere, init
// statements, switching on strings and types other than int.
package main

func name(d int) string {
	switch d {
	case 0, 6:
		return "weekend"
	default:
		return "weekday"
	case 3:
		return "midweek"
	}
}

func grade(s string) int {
	switch s {
	case "A":
		return 4
	case "B":
		return 3
	case "C", "D":
		return 1
	}
	return 0
}

func main() {
	for d := 0; d < 7; d++ {
		print(name(d), " ")
	}
	println()
	println(grade("A"), grade("C"), grade("D"), grade("F"))

	switch x := 5; x * 2 {
	case 1:
		println("one")
	case 10:
		println("ten")
	}

	var b byte = 'q'
	switch b {
	case 'a', 'e', 'i', 'o', 'u':
		println("vowel")
	default:
		println("consonant", b)
	}

	f := 2.5
	switch f {
	case 2.5:
		println("two and a half")
	}

	calls := 0
	val := func(v int) int { calls++; return v }
	switch 3 {
	case val(1), val(2), val(3), val(4):
		println("matched after", calls, "calls")
	}

	switch {
	}
	switch x := 1; {
	default:
		println("default only", x)
	}
}
