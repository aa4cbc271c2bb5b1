package main

// Goroutine stacks grow as deep as the program recurses: 1,000,000 and 10,000,000 frames here, with
// a frame that carries an array, and arguments passed on the stack (more than fit in registers).

type big struct{ a, b, c, d, e, f, g, h int }

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func frame(n int) int {
	var buf [64]int
	buf[n%64] = n
	if n == 0 {
		return buf[0]
	}
	return frame(n-1) + buf[n%64] - n + 1
}

func args(n int, b big, x, y, z float64) int {
	if n == 0 {
		return b.a + b.h + int(x+y+z)
	}
	b.a++
	return args(n-1, b, x, y, z+1)
}

func main() {
	println(depth(1000000))
	println(depth(10000000))
	println(frame(100000))
	println(args(100000, big{h: 1}, 0.5, 0.5, 0))
	// come back down and go deep again: the cached segments are reused
	for i := 0; i < 3; i++ {
		println(depth(1000000 + i))
	}
}
