// Slices of slices, jagged arrays, building a Pascal triangle, and slices of
// strings and structs.
package main

type item struct {
	name  string
	price int
}

func main() {
	tri := make([][]int, 8)
	for i := range tri {
		tri[i] = make([]int, i+1)
		tri[i][0], tri[i][i] = 1, 1
		for j := 1; j < i; j++ {
			tri[i][j] = tri[i-1][j-1] + tri[i-1][j]
		}
	}
	for _, row := range tri {
		for _, v := range row {
			print(v, " ")
		}
		println()
	}

	words := []string{"go", "is", "fun"}
	joined := ""
	for i, w := range words {
		if i > 0 {
			joined += "-"
		}
		joined += w
	}
	println(joined)

	items := []item{{"apple", 3}, {"pear", 5}}
	items = append(items, item{"fig", 7})
	total := 0
	for _, it := range items {
		total += it.price
	}
	println(len(items), total, items[2].name)
	items[0].price = 10
	println(items[0].price)

	matrix := [][]float64{{1, 2}, {3, 4}}
	matrix = append(matrix, []float64{5, 6})
	println(len(matrix), matrix[2][1])
}
