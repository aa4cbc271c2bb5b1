package main

import (
	"example.com/internaluse/a"
	"example.com/internaluse/b/ok"
)

func main() {
	println(ok.V)
	a.F()
}
