// goto: backward jumps forming loops and forward jumps skipping code.
package main

func gcd(a, b int) int {
again:
	if b == 0 {
		return a
	}
	a, b = b, a%b
	goto again
}

func main() {
	i := 0
top:
	if i < 5 {
		print(i, " ")
		i++
		goto top
	}
	println()

	x := 10
	if x > 5 {
		goto skip
	}
	println("not printed")
skip:
	println("skipped ahead")
	println(gcd(1071, 462), gcd(17, 5))

	n := 0
	for {
		n++
		if n == 4 {
			goto done
		}
	}
done:
	println("left loop at", n)
}
