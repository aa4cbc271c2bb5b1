// for loops in all forms: three-clause, condition-only, infinite with break,
// range over arrays, slices, strings and with only an index.
package main

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	println(sum)

	n := 27
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	println("collatz steps", steps)

	k := 0
	for {
		k++
		if k*k > 200 {
			break
		}
	}
	println(k)

	arr := [4]string{"a", "b", "c", "d"}
	for i, s := range arr {
		print(i, s, " ")
	}
	println()
	for i := range arr {
		arr[i] += "!"
	}
	println(arr[0], arr[3])

	sl := []int{10, 20, 30}
	for _, v := range sl {
		sl = append(sl, v) // range evaluates the slice once
	}
	println(len(sl))

	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		print(i, ":", j, " ")
	}
	println()

	var empty []int
	for range empty {
		println("never")
	}
	count := 0
	for range [5]struct{}{} {
		count++
	}
	println(count)
}
