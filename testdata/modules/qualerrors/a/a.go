package a

type T struct {
	n int
	X int
}

type hidden int

func H() hidden { return 0 }

func (T) m() {}

var private = 1

const K = 1
