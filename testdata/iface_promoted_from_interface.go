package main

// Methods promoted from an interface embedded in a struct belong to the struct's method set (and to
// its pointer's): converting the struct to an interface builds an itab whose entries load the
// embedded interface field and call through its itab; a nil embedded interface faults at the call.

type Reader interface {
	Read() string
	Len() int
}

type Named interface{ Name() string }

type file struct{ s string }

func (f *file) Read() string { return f.s }
func (f *file) Len() int      { return len(f.s) }

type word string

func (w word) Read() string { return string(w) }
func (w word) Len() int      { return len(w) }

// Reader embedded directly, alongside a concrete method
type wrapped struct {
	Reader
	tag string
}

func (w wrapped) Name() string { return "wrapped:" + w.tag }

// embedded at depth two, through a pointer
type outer struct {
	*wrapped
	n int
}

type both interface {
	Reader
	Named
}

func use(r Reader) string { return r.Read() + "/" + string(rune('0'+r.Len())) }

func main() {
	w := wrapped{&file{"abc"}, "t"}
	println(use(w), use(&w))
	var b both = w
	println(b.Read(), b.Len(), b.Name())

	w.Reader = word("xy") // the interface holds a copy of w, made before
	println(use(w), b.Read())

	o := outer{&w, 1}
	println(use(o), use(&o))
	var n Named = o
	println(n.Name())

	// asserting to the interface the struct gets from its embedded field
	var e interface{} = o
	if r, ok := e.(Reader); ok {
		println("outer is a Reader:", r.Read())
	}
	_, ok := e.(interface{ Close() })
	println(ok)

	defer func() {
		println("recovered:", recover() != nil)
	}()
	var z wrapped
	println(use(z))
}
