package main

import "example.com/internalok/b/ok"

func main() { println(ok.V) }
