// Assigning to an entry of a nil map panics `assignment to entry in nil map` (exit 2);
// reading, deleting and ranging over a nil map are fine.
package main

func main() {
	var m map[string]int
	println(m["x"], len(m))
	delete(m, "x")
	for k, v := range m {
		println(k, v)
	}
	m["x"] = 1
}
