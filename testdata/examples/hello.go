// hello.go: the example program of README.md's first command. It greets with fmt, finds the primes
// below 60 with the concurrent prime sieve (a goroutine per prime, connected by channels), and
// prints a small table with text/tabwriter.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
)

// generate sends 2, 3, 4, ... below n on ch, then closes it.
func generate(n int, ch chan<- int) {
	for i := 2; i < n; i++ {
		ch <- i
	}
	close(ch)
}

// filter copies the values of in that prime does not divide to out.
func filter(in <-chan int, out chan<- int, prime int) {
	for i := range in {
		if i%prime != 0 {
			out <- i
		}
	}
	close(out)
}

func main() {
	fmt.Println("hello from gocc")
	ch := make(chan int)
	go generate(60, ch)
	var primes []int
	for {
		p, ok := <-ch
		if !ok {
			break
		}
		primes = append(primes, p)
		next := make(chan int)
		go filter(ch, next, p)
		ch = next
	}
	fmt.Printf("primes below 60: %v\n", primes)
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "prime\tsquare\tbinary\t")
	for _, p := range primes[:5] {
		fmt.Fprintf(w, "%d\t%d\t%b\t\n", p, p*p, p)
	}
	w.Flush()
	fmt.Println(strings.Repeat("=", 22), len(primes), "primes")
}
