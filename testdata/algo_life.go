// Conway's game of life on a small torus: 2D arrays copied by value each
// generation.
package main

const W, H = 10, 8

type Grid [H][W]bool

func (g *Grid) neighbours(y, x int) int {
	n := 0
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			if (dy != 0 || dx != 0) && g[(y+dy+H)%H][(x+dx+W)%W] {
				n++
			}
		}
	}
	return n
}

func (g Grid) step() Grid {
	var next Grid
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			n := g.neighbours(y, x)
			next[y][x] = n == 3 || n == 2 && g[y][x]
		}
	}
	return next
}

func (g Grid) show() {
	for _, row := range g {
		line := ""
		for _, c := range row {
			if c {
				line += "#"
			} else {
				line += "."
			}
		}
		println(line)
	}
	println()
}

func main() {
	var g Grid
	g[0][1], g[1][2], g[2][0], g[2][1], g[2][2] = true, true, true, true, true // a glider
	g.show()
	for i := 0; i < 4; i++ {
		g = g.step()
	}
	g.show()
	for i := 0; i < 36; i++ {
		g = g.step()
	}
	g.show()
}
