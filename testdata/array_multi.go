// Multi-dimensional arrays, array literals with [...] and keyed elements,
// arrays inside structs.
package main

func main() {
	var grid [3][4]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			grid[i][j] = i * j
		}
	}
	for _, row := range grid {
		for _, v := range row {
			print(v, " ")
		}
		println()
	}
	println(len(grid), len(grid[0]))

	primes := [...]int{2, 3, 5, 7, 11, 13}
	println(len(primes), primes[5])

	sparse := [...]string{2: "two", 5: "five", "six"}
	println(len(sparse), sparse[2], sparse[6], sparse[0] == "")

	idx := [5]int{4: -1, 1: 1}
	println(idx[0], idx[1], idx[4])

	type matrix struct {
		cells [2][2]float32
		name  string
	}
	m := matrix{cells: [2][2]float32{{1, 2}, {3, 4}}, name: "m"}
	det := m.cells[0][0]*m.cells[1][1] - m.cells[0][1]*m.cells[1][0]
	println(m.name, det)

	identity := [3][3]int{{1}, {1: 1}, {2: 1}}
	t := identity
	t[0][0] = 7
	println(identity[0][0], t[0][0], identity == [3][3]int{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})

	var bytes [8]byte
	for i := range bytes {
		bytes[i] = byte('a' + i)
	}
	println(string(bytes[:]))
}
