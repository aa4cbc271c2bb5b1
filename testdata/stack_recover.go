package main

import "runtime"

// A panic raised many stack segments deep and recovered near the goroutine's entry: the goroutine
// goes on on its first segment and can grow again; the same in a goroutine ended by Goexit deep down.

func rec(n int) int {
	if n == 0 {
		panic("bottom")
	}
	return rec(n-1) + 1
}

func try(n int) (r int) {
	defer func() {
		if v := recover(); v != nil {
			r = -len(v.(string))
		}
	}()
	return rec(n)
}

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func exitDeep(n int) {
	if n == 0 {
		runtime.Goexit()
	}
	exitDeep(n - 1)
}

func main() {
	for i := 0; i < 3; i++ {
		println(try(100000 * (i + 1)))
		println(depth(1000000))
	}
	done := make(chan int)
	go func() {
		defer func() { done <- depth(500000) }()
		exitDeep(200000)
	}()
	println(<-done)
}
