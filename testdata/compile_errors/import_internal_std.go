package main

import "internal/cpu"

func main() { println(cpu.CacheLineSize) }
