// `gocc run .` from the module's directory, as `go run .`.
package main

import "example.com/runroot/lib"

func main() {
	println(lib.Sum(1, 2, 3), lib.Version)
}
