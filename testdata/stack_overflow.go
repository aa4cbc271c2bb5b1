package main

// Runaway recursion ends in go1.19's report: the 1,000,000,000-byte limit, `fatal error: stack
// overflow`, exit status 2 (never a bare SIGSEGV).

var sink int

func down(n int) int {
	sink = n
	return down(n+1) + 1
}

func main() {
	println("start")
	println(down(0))
}
