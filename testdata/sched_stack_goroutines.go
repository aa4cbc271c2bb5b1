package main

// Deep recursion in goroutines other than main: four goroutines recurse 1,000,000 frames at once on
// their own segmented stacks, then once more (the cached segments are reused).

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func main() {
	results := make(chan int)
	for round := 0; round < 2; round++ {
		for i := 0; i < 4; i++ {
			go func(i int) { results <- depth(1000000 + i) }(i)
		}
		sum := 0
		for i := 0; i < 4; i++ {
			sum += <-results
		}
		println("round", round, sum)
	}
}
