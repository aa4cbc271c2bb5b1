// fmt imports io, whose pipe.go uses select and channels: until the scheduler issue gocc reports
// the import that leads there, once, not the standard package's own lines.
package main

import "fmt" // UNSUPPORTED

func main() {
	fmt.Println("hello")
}
