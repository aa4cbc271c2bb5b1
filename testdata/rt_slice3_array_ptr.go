// A three-index slice of a pointer to an array whose max exceeds the array
// length reports the length.
package main

func main() {
	a := &[3]int{1, 2, 3}
	m := 5
	s := a[0:1:3]
	println(len(s), cap(s))
	_ = a[0:1:m]
}
