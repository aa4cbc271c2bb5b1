// select's choice among ready cases is uniform and random (runtime/select.c's poll order), whatever
// the case kinds: two or three ready receives, a ready send against a ready receive, a channel in
// two cases; nil-channel cases and blocked cases are never chosen, and default only when nothing
// is ready. Counts are checked against wide bounds, so the output does not depend on the random
// sequence.
package main

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	c := make(chan int, 1)
	var nilc chan int

	// two ready receives
	var two [2]int
	for i := 0; i < 1000; i++ {
		a <- 1
		b <- 2
		select {
		case v := <-a:
			two[0]++
			if v != 1 {
				panic("a")
			}
			<-b
		case v := <-b:
			two[1]++
			if v != 2 {
				panic("b")
			}
			<-a
		case <-nilc:
			panic("nil receive chosen")
		case nilc <- 1:
			panic("nil send chosen")
		}
	}
	println("two:", two[0] > 350, two[1] > 350, two[0]+two[1])

	// three ready receives, one blocked send
	full := make(chan int, 1)
	full <- 0
	var three [3]int
	for i := 0; i < 3000; i++ {
		a <- 1
		b <- 2
		c <- 3
		select {
		case <-a:
			three[0]++
		case <-b:
			three[1]++
		case <-c:
			three[2]++
		case full <- 1:
			panic("blocked send chosen")
		default:
			panic("default with ready cases")
		}
		select {
		case <-a:
		default:
		}
		select {
		case <-b:
		default:
		}
		select {
		case <-c:
		default:
		}
	}
	println("three:", three[0] > 800, three[1] > 800, three[2] > 800, three[0]+three[1]+three[2])

	// a ready send against a ready receive
	var mixed [2]int
	for i := 0; i < 1000; i++ {
		b <- 5
		select {
		case a <- 1:
			mixed[0]++
			<-a
			<-b
		case v := <-b:
			mixed[1]++
			if v != 5 {
				panic("mixed")
			}
		}
	}
	println("mixed:", mixed[0] > 350, mixed[1] > 350, mixed[0]+mixed[1])

	// one channel in two cases
	var same [2]int
	for i := 0; i < 1000; i++ {
		a <- i
		select {
		case v := <-a:
			same[0]++
			if v != i {
				panic("same 0")
			}
		case v := <-a:
			same[1]++
			if v != i {
				panic("same 1")
			}
		}
	}
	println("same:", same[0] > 350, same[1] > 350, same[0]+same[1])

	// nothing ready: default, every time
	defaults := 0
	for i := 0; i < 100; i++ {
		select {
		case <-a:
		case full <- 1:
		case <-nilc:
		default:
			defaults++
		}
	}
	println("defaults:", defaults)
}
