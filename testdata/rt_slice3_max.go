// A three-index slice whose max exceeds the capacity.
package main

func main() {
	s := make([]int, 3)
	m := 5
	_ = s[0:1:m]
}
