// An import cycle: go's message with the chain of imports.
package main

import "example.com/cycle/x"

func main() { println(x.X) }
