// Benchmark: type switches. A slice of 1024 interface{} values of ten dynamic types (ints, strings,
// floats, structs, pointers, a slice, a named int with a method) is walked 300,000 times through a type
// switch of nine clauses (several types per case, an interface case, nil, default) that uses the
// bound variable; a second switch on a non-empty interface runs every 8th pass. Measures the tests on
// the dynamic type, unboxing, and comma-ok assertions to interface types.
package main

type Valuer interface{ Value() int }

type Pt struct{ x, y int }
type Meters int

func (m Meters) Value() int { return int(m) * 3 }
func (p *Pt) Value() int    { return p.x - p.y }

func build(n int) []interface{} {
	xs := make([]interface{}, n)
	seed := uint32(777)
	for i := range xs {
		seed = seed*1103515245 + 12345
		k := int(seed>>10) % 100
		switch seed >> 27 % 10 {
		case 0:
			xs[i] = k
		case 1:
			xs[i] = int8(k)
		case 2:
			xs[i] = "s" + string(rune('a'+k%26))
		case 3:
			xs[i] = float64(k) / 4
		case 4:
			xs[i] = Pt{k, 1}
		case 5:
			xs[i] = &Pt{k, 2}
		case 6:
			xs[i] = []int{k, k}
		case 7:
			xs[i] = Meters(k)
		case 8:
			xs[i] = uint16(k)
		default:
			xs[i] = nil
		}
	}
	return xs
}

func classify(xs []interface{}) int {
	t := 0
	for _, x := range xs {
		switch v := x.(type) {
		case int:
			t += v
		case int8, uint16:
			t += 2
		case string:
			t += len(v)
		case float64:
			t += int(v)
		case Pt:
			t += v.x + v.y
		case []int:
			t += v[0]
		case Valuer:
			t += v.Value()
		case nil:
			t--
		default:
			t += 100
		}
	}
	return t
}

func values(vs []Valuer) int {
	t := 0
	for _, v := range vs {
		switch w := v.(type) {
		case Meters:
			t += int(w)
		case *Pt:
			t += w.y
		}
	}
	return t
}

func main() {
	xs := build(1024)
	var vs []Valuer
	for _, x := range xs {
		if v, ok := x.(Valuer); ok {
			vs = append(vs, v)
		}
	}
	total := 0
	for pass := 0; pass < 300000; pass++ {
		total += classify(xs)
		if pass%8 == 0 {
			total += values(vs)
		}
	}
	println("type_switch checksum", total)
}
