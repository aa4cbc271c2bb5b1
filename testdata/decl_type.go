// Type declarations: defined types with their own methods, conversions between
// types with the same underlying type, type aliases, local types.
package main

type Meters float64
type Feet float64

func (m Meters) ToFeet() Feet { return Feet(m * 3.28084) }

type Count int

func (c Count) Double() Count { return c * 2 }

type Alias = Count

type Point struct{ X, Y int }
type Vector Point

type Grid [2][2]int8

func main() {
	var m Meters = 100
	println(m.ToFeet())
	var c Alias = 21
	println(c.Double())
	n := int(c) + 1
	println(n)
	p := Point{1, 2}
	v := Vector(p)
	v.X = 10
	println(p.X, v.X, v.Y)
	var g Grid
	g[1][0] = 5
	h := g
	h[1][0]++
	println(g[1][0], h[1][0])
	type local struct {
		name string
		age  uint8
	}
	l := local{"gopher", 13}
	println(l.name, l.age)
	type Celsius int16
	var t Celsius = -40
	println(t, int32(t)*2)
}
