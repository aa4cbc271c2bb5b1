// The defers gc does not open-code still use records: nine defer statements (one more than an
// open-coded frame may hold), eight returns times two defers (more than 15 exit calls), and
// defers in a loop, each panicking and recovering through frames with open-coded defers.
package main

func nine(k int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			println("nine recovered", e.(string), r)
			r = -r
		}
	}()
	defer func() { r += 1 }()
	defer func() { r += 2 }()
	defer func() { r += 4 }()
	defer func() { r += 8 }()
	defer func() { r += 16 }()
	defer func() { r += 32 }()
	defer func() { r += 64 }()
	if k > 0 {
		defer println("nine guarded", k)
	}
	if k == 2 {
		panic("nine")
	}
	return 1000
}

func manyReturns(k int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = 99
		}
	}()
	defer func() { r *= 2 }()
	switch k {
	case 1:
		return 1
	case 2:
		return 2
	case 3:
		return 3
	case 4:
		return 4
	case 5:
		return 5
	case 6:
		return 6
	case 7:
		panic("seven")
	case 8:
		return 8
	}
	return 0
}

func loop(n int) (s string) {
	defer func() {
		if e := recover(); e != nil {
			s += "+" + e.(string)
		}
	}()
	for i := 0; i < n; i++ {
		defer func(i int) { s += string(rune('0' + i)) }(i)
	}
	if n == 3 {
		panic("p")
	}
	return "L"
}

func open(k int) (r int) {
	defer func() { println("open sees", r) }()
	return nine(k) + manyReturns(k)
}

func main() {
	for k := 0; k <= 2; k++ {
		println("open", k, open(k))
	}
	for k := 0; k <= 9; k++ {
		println("manyReturns", k, manyReturns(k))
	}
	for n := 0; n <= 3; n++ {
		println("loop", n, loop(n))
	}
	for round := 0; round < 3; round++ {
		println(loop(5), loop(3))
	}
}
