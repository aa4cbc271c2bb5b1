package main

// The LLVM IR twin (named.ll) is what gocc's lowering is to emit for this under runtime.def.

func named() (x int) {
	defer func() {
		if recover() != nil {
			x = 42
		}
	}()
	x = 1
	panic("boom")
}

func main() {
	println(named())
	panic("again")
}
