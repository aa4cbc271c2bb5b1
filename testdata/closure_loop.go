// Closures created in loops. In go1.19 a for-loop variable is one variable
// for the whole loop, so every closure sees its final value; copying it into a
// fresh variable per iteration gives each closure its own.
package main

func main() {
	var shared []func() int
	for i := 0; i < 3; i++ {
		shared = append(shared, func() int { return i })
	}
	for _, f := range shared {
		print(f(), " ")
	}
	println()

	var own []func() int
	for i := 0; i < 3; i++ {
		i := i
		own = append(own, func() int { return i * i })
	}
	for _, f := range own {
		print(f(), " ")
	}
	println()

	var byRange []func() string
	for _, s := range []string{"a", "b", "c"} {
		byRange = append(byRange, func() string { return s })
	}
	for _, f := range byRange {
		print(f())
	}
	println()

	// A closure that mutates the loop variable changes the loop itself.
	n := 0
	for j := 0; j < 10; j++ {
		skip := func() { j++ }
		skip()
		n++
	}
	println("iterations:", n)
}
