// Hash functions computed with wrapping unsigned arithmetic: FNV-1a (32 and
// 64 bit), a CRC-32 table built at run time, and xorshift random numbers.
package main

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

var crcTable [256]uint32

func makeTable() {
	for i := range crcTable {
		c := uint32(i)
		for k := 0; k < 8; k++ {
			if c&1 == 1 {
				c = 0xEDB88320 ^ (c >> 1)
			} else {
				c >>= 1
			}
		}
		crcTable[i] = c
	}
}

func crc32(s string) uint32 {
	c := ^uint32(0)
	for i := 0; i < len(s); i++ {
		c = crcTable[byte(c)^s[i]] ^ (c >> 8)
	}
	return ^c
}

type xorshift struct{ state uint64 }

func (x *xorshift) next() uint64 {
	s := x.state
	s ^= s << 13
	s ^= s >> 7
	s ^= s << 17
	x.state = s
	return s
}

func main() {
	for _, s := range []string{"", "a", "hello", "The quick brown fox"} {
		println(fnv32(s), fnv64(s))
	}
	makeTable()
	println(crc32("123456789"), crc32("The quick brown fox jumps over the lazy dog"))
	r := xorshift{88172645463325252}
	for i := 0; i < 4; i++ {
		println(r.next())
	}
	var sum uint8
	for i := 0; i < 1000; i++ {
		sum += uint8(r.next())
	}
	println(sum)
}
