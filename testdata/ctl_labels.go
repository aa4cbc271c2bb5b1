// break and continue with labels out of nested loops and out of a switch or
// loop inside a loop.
package main

func main() {
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			print(i, j, " ")
		}
	}
	println()

	n := 0
loop:
	for {
		switch {
		case n > 5:
			break loop
		case n%2 == 0:
			n += 3
			continue
		}
		n++
	}
	println("n =", n)

	found := -1
search:
	for i, row := range [3][3]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}} {
		for j, v := range row {
			if v == 6 {
				found = i*10 + j
				break search
			}
		}
	}
	println("found at", found)

	count := 0
	for i := 0; i < 3; i++ {
		switch i {
		case 1:
			break // breaks only the switch
		}
		count++
	}
	println(count)

	primes := 0
next:
	for p := 2; p < 50; p++ {
		for d := 2; d*d <= p; d++ {
			if p%d == 0 {
				continue next
			}
		}
		primes++
	}
	println("primes below 50:", primes)
}
