// The eight queens puzzle by backtracking, using arrays of bools as sets.
package main

var cols [8]bool
var diag1, diag2 [15]bool
var board [8]int
var solutions int

func place(row int) {
	if row == 8 {
		solutions++
		if solutions == 1 {
			for _, c := range board {
				line := []byte("........")
				line[c] = 'Q'
				println(string(line))
			}
		}
		return
	}
	for c := 0; c < 8; c++ {
		if cols[c] || diag1[row+c] || diag2[row-c+7] {
			continue
		}
		cols[c], diag1[row+c], diag2[row-c+7] = true, true, true
		board[row] = c
		place(row + 1)
		cols[c], diag1[row+c], diag2[row-c+7] = false, false, false
	}
}

func main() {
	place(0)
	println("solutions:", solutions)
}
