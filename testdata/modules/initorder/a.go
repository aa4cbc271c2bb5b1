// Initialization across packages: imports first, in the order of their first import declaration
// over the files (a.go before b.go), depth first, each package once; then main's variables and
// its init functions in file order.
package main

import "example.com/initorder/pb"

var A = pb.VB

func init() { println("main.init a.go", A) }

func main() { println("main") }
