package b

type T struct {
	n int
	X int
}
