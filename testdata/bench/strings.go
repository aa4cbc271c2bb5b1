// Benchmark: string building and conversions. Builds short strings by
// repeated concatenation (s += ...), converts between string and []byte in
// both directions, compares and slices strings, and ranges over them.
// Measures the runtime's string functions (concatstrings, slicebytetostring,
// stringtoslicebyte, cmpstring, memequal) and the allocator behind them.
package main

var digits = "0123456789abcdef"

// itoa formats v in base 16 by repeated concatenation (deliberately naive).
func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	s := ""
	for v > 0 {
		s = digits[v%16:v%16+1] + s
		v /= 16
	}
	return s
}

// reverse round-trips through []byte.
func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func main() {
	var h uint32
	count, longest := 0, ""
	for round := 0; round < 200000; round++ {
		line := ""
		for k := 0; k < 12; k++ {
			line += itoa(round*131+k*7) + ","
		}
		r := reverse(line)
		if r > longest {
			longest = r
		}
		if r[:4] == line[len(line)-4:] {
			count++
		}
		for _, c := range r {
			if c == 'f' {
				count++
			}
		}
		b := []byte(line)
		b = append(b, "end"...)
		h ^= hash(string(b)) + uint32(len(b))
		h = h*31 + hash(r[1:len(r)/2])
	}
	println("strings checksum", h, count, len(longest), hash(longest))
}
