// A name declared in a package and dot-imported into one of its files: gc's error.
package main

import "example.com/dotclash/pb"

func main() { println(pb.VB) }
