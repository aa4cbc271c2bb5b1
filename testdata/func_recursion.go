// Recursion: direct, mutual, and deep enough to need a real call stack.
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func ackermann(m, n int) int {
	switch {
	case m == 0:
		return n + 1
	case n == 0:
		return ackermann(m-1, 1)
	}
	return ackermann(m-1, ackermann(m, n-1))
}

func isEven(n uint) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n uint) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func sumTo(n int64) int64 {
	if n == 0 {
		return 0
	}
	return n + sumTo(n-1)
}

func hanoi(n int, from, to, via string, moves *int) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, moves)
	*moves = *moves + 1
	if n == 3 {
		println("move disk 3 from", from, "to", to)
	}
	hanoi(n-1, via, to, from, moves)
}

func main() {
	for i := 0; i <= 20; i += 5 {
		println("fib", i, fib(i))
	}
	println("ackermann(2,3) =", ackermann(2, 3))
	println("ackermann(3,3) =", ackermann(3, 3))
	println(isEven(10), isOdd(10), isEven(7), isOdd(7))
	println(sumTo(10000))
	moves := 0
	hanoi(5, "A", "C", "B", &moves)
	println("moves:", moves)
}
