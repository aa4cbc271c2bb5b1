package bytealg

// Rabin-Karp search, shared by bytes and strings (Index for long separators, LastIndex, Count).
// The hash of a string is the polynomial h = Σ s[i]·PrimeRK^(n-1-i) mod 2^32, and pow =
// PrimeRK^n mod 2^32 removes the byte that leaves a window of n bytes. The values are gc's (same
// prime, same polynomial), so callers that mix these helpers with their own loops agree.

// PrimeRK is the base of the rolling hash.
const PrimeRK = 16777619

// HashStr is the hash of sep and PrimeRK^len(sep).
func HashStr(sep string) (uint32, uint32) {
	var h uint32
	for i := 0; i < len(sep); i++ {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, powRK(len(sep))
}

// HashStrBytes is HashStr of a byte slice.
func HashStrBytes(sep []byte) (uint32, uint32) {
	var h uint32
	for _, c := range sep {
		h = h*PrimeRK + uint32(c)
	}
	return h, powRK(len(sep))
}

// HashStrRev is the hash of sep read backwards (for LastIndex) and PrimeRK^len(sep).
func HashStrRev(sep string) (uint32, uint32) {
	var h uint32
	for i := len(sep) - 1; i >= 0; i-- {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, powRK(len(sep))
}

// HashStrRevBytes is HashStrRev of a byte slice.
func HashStrRevBytes(sep []byte) (uint32, uint32) {
	var h uint32
	for i := len(sep) - 1; i >= 0; i-- {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, powRK(len(sep))
}

// powRK is PrimeRK^n mod 2^32, by repeated squaring.
func powRK(n int) uint32 {
	pow, sq := uint32(1), uint32(PrimeRK)
	for ; n > 0; n >>= 1 {
		if n&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return pow
}

// IndexRabinKarp is the index of the first substr in s, or -1.
func IndexRabinKarp(s, substr string) int {
	n := len(substr)
	if len(s) < n {
		return -1
	}
	want, pow := HashStr(substr)
	var h uint32
	for i := 0; i < n; i++ {
		h = h*PrimeRK + uint32(s[i])
	}
	for i := n; ; i++ {
		if h == want && s[i-n:i] == substr {
			return i - n
		}
		if i == len(s) {
			return -1
		}
		h = h*PrimeRK + uint32(s[i]) - pow*uint32(s[i-n])
	}
}

// IndexRabinKarpBytes is IndexRabinKarp of byte slices.
func IndexRabinKarpBytes(s, sep []byte) int {
	n := len(sep)
	if len(s) < n {
		return -1
	}
	want, pow := HashStrBytes(sep)
	var h uint32
	for i := 0; i < n; i++ {
		h = h*PrimeRK + uint32(s[i])
	}
	for i := n; ; i++ {
		if h == want && Equal(s[i-n:i], sep) {
			return i - n
		}
		if i == len(s) {
			return -1
		}
		h = h*PrimeRK + uint32(s[i]) - pow*uint32(s[i-n])
	}
}
