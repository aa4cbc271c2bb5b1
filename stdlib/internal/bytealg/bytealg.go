// Package bytealg is gocc's version of go1.19's internal/bytealg: the byte and string search and
// comparison primitives under bytes, strings and internal/reflectlite.
//
// What goes in: byte slices and strings. What comes out: the same answers as gc's package, through
// the same API (Compare, Count, CountString, Equal, Index, IndexString, IndexByte, IndexByteString,
// Cutover, MaxLen, MaxBruteForce, the Rabin-Karp helpers HashStr*, IndexRabinKarp*, PrimeRK).
//
// The one idea: gc implements most of this package in amd64 assembly (SSE/AVX2 loops); gocc's is
// plain Go loops that LLVM optimises, with the same results. The API's tuning knobs must keep gc's
// values, because bytes and strings choose their algorithm from them and a different choice changes
// which work is done (never the answer, but the choices are part of matching gc): MaxLen is 63 on a
// CPU with AVX2 and 31 otherwise, decided from internal/cpu at initialisation exactly as gc's
// index_amd64.go does; MaxBruteForce is 64; Cutover is gc's formula.
//
// Conversions between []byte and string are avoided (the []byte functions have their own loops):
// each would copy its operand, and bytes.Index calls Index in a loop.
//
// Rejected: keeping gc's generic files (*_generic.go) by build tags: gocc's stdlib/ copy of a
// package is a whole package, written for gocc, never a selection of gc's files.
package bytealg

import "internal/cpu"

// MaxLen is the longest separator Index and IndexString accept (argument b); 0 would mean Index
// must not be called.
var MaxLen int

// MaxBruteForce is the length of the separator up to which bytes and strings search with Index
// instead of Rabin-Karp.
const MaxBruteForce = 64

func init() {
	if cpu.X86.HasAVX2 {
		MaxLen = 63
	} else {
		MaxLen = 31
	}
}

// Cutover is how many bytes IndexByte may skip over false candidates in a search of n bytes before
// the caller switches from IndexByte-driven search to Index: one miss per 8 bytes, plus slack.
func Cutover(n int) int {
	return (n + 16) / 8
}

// Compare compares a and b lexicographically as bytes: -1, 0 or +1.
func Compare(a, b []byte) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

// Equal reports whether a and b hold the same bytes; nil and empty are equal.
func Equal(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Count is the number of bytes of b equal to c.
func Count(b []byte, c byte) int {
	n := 0
	for _, x := range b {
		if x == c {
			n++
		}
	}
	return n
}

// CountString is the number of bytes of s equal to c.
func CountString(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// IndexByte is the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// IndexByteString is the index of the first c in s, or -1.
func IndexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Index is the index of the first b in a, or -1. Requires 2 <= len(b) <= MaxLen.
func Index(a, b []byte) int {
	n := len(b)
	first := b[0]
	for i := 0; i+n <= len(a); i++ {
		if a[i] == first && Equal(a[i:i+n], b) {
			return i
		}
	}
	return -1
}

// IndexString is the index of the first b in a, or -1. Requires 2 <= len(b) <= MaxLen.
func IndexString(a, b string) int {
	n := len(b)
	first := b[0]
	for i := 0; i+n <= len(a); i++ {
		if a[i] == first && a[i:i+n] == b {
			return i
		}
	}
	return -1
}
