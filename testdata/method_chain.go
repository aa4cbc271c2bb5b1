// Methods on several defined types used together: a small stack machine with
// methods calling methods, methods on embedded types, method calls on results.
package main

type Stack struct {
	data []int
}

func (s *Stack) Push(v int) { s.data = append(s.data, v) }

func (s *Stack) Pop() int {
	v := s.data[len(s.data)-1]
	s.data = s.data[:len(s.data)-1]
	return v
}

func (s Stack) Len() int { return len(s.data) }

type Machine struct {
	Stack
	steps int
}

func (m *Machine) Exec(op string) {
	m.steps++
	switch op {
	case "+":
		m.Push(m.Pop() + m.Pop())
	case "*":
		m.Push(m.Pop() * m.Pop())
	case "-":
		b, a := m.Pop(), m.Pop()
		m.Push(a - b)
	case "dup":
		v := m.Pop()
		m.Push(v)
		m.Push(v)
	default:
		n := 0
		for i := 0; i < len(op); i++ {
			n = n*10 + int(op[i]-'0')
		}
		m.Push(n)
	}
}

type Vec struct{ X, Y float64 }

func (v Vec) Add(w Vec) Vec       { return Vec{v.X + w.X, v.Y + w.Y} }
func (v Vec) Scale(k float64) Vec { return Vec{v.X * k, v.Y * k} }
func (v Vec) Dot(w Vec) float64   { return v.X*w.X + v.Y*w.Y }

func main() {
	var m Machine
	for _, op := range []string{"3", "4", "+", "dup", "*", "10", "-"} {
		m.Exec(op)
	}
	println(m.Pop(), m.Len(), m.steps)
	v := Vec{1, 2}.Add(Vec{3, 4}).Scale(0.5)
	println(v.X, v.Y, v.Dot(Vec{2, 2}))
}
