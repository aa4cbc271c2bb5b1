// The key and value of a range loop are stored as one parallel assignment (gc's walk/range.go):
// both operands are evaluated before either is stored, so `for i, x[i] = range y` indexes x with
// the i of before the iteration. Over slices, strings and maps.
package main

func main() {
	x := []int{10, 20}
	y := []int{99}
	i := 1
	for i, x[i] = range y {
		break
	}
	println(i, x[0], x[1])

	r := []rune{'a', 'b', 'c'}
	j := 2
	for j, r[j] = range "xy" {
	}
	println(j, string(r))

	m := map[string]int{"k": 7}
	keys := []string{"a", "b"}
	n := 1
	for keys[n], n = range m {
	}
	println(keys[0], keys[1], n)
}
