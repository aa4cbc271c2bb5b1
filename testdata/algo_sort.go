// Sorting by hand: insertion sort, quicksort on slices, and a stable merge
// sort on structs, checking results as they go.
package main

type person struct {
	name string
	age  int
}

func insertion(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func quick(a []int) {
	if len(a) < 2 {
		return
	}
	p := a[len(a)/2]
	i, j := 0, len(a)-1
	for i <= j {
		for a[i] < p {
			i++
		}
		for a[j] > p {
			j--
		}
		if i <= j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
	}
	quick(a[:j+1])
	quick(a[i:])
}

func mergeSort(ps []person) []person {
	if len(ps) <= 1 {
		return ps
	}
	mid := len(ps) / 2
	l, r := mergeSort(ps[:mid]), mergeSort(ps[mid:])
	out := make([]person, 0, len(ps))
	for len(l) > 0 && len(r) > 0 {
		if r[0].age < l[0].age {
			out = append(out, r[0])
			r = r[1:]
		} else {
			out = append(out, l[0])
			l = l[1:]
		}
	}
	out = append(out, l...)
	return append(out, r...)
}

func sorted(a []int) bool {
	for i := 1; i < len(a); i++ {
		if a[i] < a[i-1] {
			return false
		}
	}
	return true
}

func main() {
	a := []int{5, 2, 9, 1, 5, 6, -3, 0}
	insertion(a)
	for _, v := range a {
		print(v, " ")
	}
	println(sorted(a))

	var seed uint32 = 12345
	b := make([]int, 1000)
	for i := range b {
		seed = seed*1103515245 + 12345
		b[i] = int(seed>>16) % 1000
	}
	quick(b)
	println(sorted(b), b[0], b[500], b[999])

	ps := []person{{"ann", 30}, {"bob", 25}, {"cat", 30}, {"dan", 20}, {"eve", 25}}
	for _, p := range mergeSort(ps) {
		print(p.name, ":", p.age, " ")
	}
	println()
}
