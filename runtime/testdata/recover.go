package main

// The C twin (recover.c) performs the same steps with runtime entry points.

func named() (x int) {
	defer func() {
		if r := recover(); r != nil {
			x = 42
		}
	}()
	x = 1
	panic("boom")
}

func lifo() {
	defer println("defer 1")
	defer println("defer 2")
	defer println("defer 3")
	println("body")
}

func helper() interface{} { return recover() }

func indirect() (r interface{}) {
	defer func() {
		r = recover()
	}()
	defer func() {
		println("indirect recover is nil:", helper() == nil)
	}()
	panic("indirect")
}

func bounds() (msg string) {
	defer func() {
		msg = recover().(error).Error()
	}()
	s := []int{1, 2, 3}
	i := 5
	return string(rune(s[i]))
}

func loop() {
	for i := 0; i < 3; i++ {
		defer println("loop", i)
	}
}

func main() {
	println("recover outside panic is nil:", recover() == nil)
	println("named:", named())
	lifo()
	println("indirect:", indirect().(string))
	println("bounds:", bounds())
	loop()
}
