// chan.go: the channel operations of reflect (go1.19's value.go Recv/Send/TryRecv/TrySend/Close,
// MakeChan, Select, and type.go's ChanOf), over the runtime's channels: the body-less functions
// below are defined in C by runtime/reflect.c under these link names and call chan.c and select.c,
// as gc's runtime gives them to reflect through //go:linkname. Values cross by address: a
// pointer-shaped element is received into the Value's own ptr word, any other into a new object.
package reflect

import "unsafe"

func chancap(ch unsafe.Pointer) int
func chanclose(ch unsafe.Pointer)
func chanlen(ch unsafe.Pointer) int

// chanrecv receives into val (blocking unless nb); selected is false if nb and nothing was
// ready, received false if the channel is closed (val then holds the zero value).
func chanrecv(ch unsafe.Pointer, nb bool, val unsafe.Pointer) (selected, received bool)

// chansend sends *val (blocking unless nb); false if nb and the send could not proceed.
func chansend(ch unsafe.Pointer, val unsafe.Pointer, nb bool) bool

func makechan(typ *rtype, size int) (ch unsafe.Pointer)

// rselect runs a select over cases (runtime/select.c's selectgo) and returns the chosen index.
func rselect([]runtimeSelect) (chosen int, recvOK bool)

// Recv receives and returns a value from the channel v.
// It panics if v's Kind is not Chan.
// The receive blocks until a value is ready.
// The boolean value ok is true if the value x corresponds to a send
// on the channel, false if it is a zero value received because the channel is closed.
func (v Value) Recv() (x Value, ok bool) {
	v.flag.mustBe(Chan, "reflect.Value.Recv")
	v.flag.mustBeExported("reflect.Value.Recv")
	return v.recv(false)
}

// internal recv, possibly non-blocking (nb).
// v is known to be a channel.
func (v Value) recv(nb bool) (val Value, ok bool) {
	tt := v.typ
	if ChanDir(tt.len)&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	t := tt.elem
	val = Value{t, nil, flag(t.Kind())}
	var p unsafe.Pointer
	if ifaceIndir(t) {
		p = unsafe_New(t)
		val.ptr = p
		val.flag |= flagIndir
	} else {
		p = unsafe.Pointer(&val.ptr)
	}
	selected, ok := chanrecv(v.pointer(), nb, p)
	if !selected {
		val = Value{}
	}
	return
}

// Send sends x on the channel v.
// It panics if v's kind is not Chan or if x's type is not the same type as v's element type.
// As in Go, x's value must be assignable to the channel's element type.
func (v Value) Send(x Value) {
	v.flag.mustBe(Chan, "reflect.Value.Send")
	v.flag.mustBeExported("reflect.Value.Send")
	v.send(x, false)
}

// internal send, possibly non-blocking.
// v is known to be a channel.
func (v Value) send(x Value, nb bool) (selected bool) {
	tt := v.typ
	if ChanDir(tt.len)&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	x.flag.mustBeExported("reflect.Value.Send")
	x = x.assignTo("reflect.Value.Send", tt.elem, nil)
	var p unsafe.Pointer
	if x.flag&flagIndir != 0 {
		p = x.ptr
	} else {
		p = unsafe.Pointer(&x.ptr)
	}
	return chansend(v.pointer(), p, nb)
}

// TryRecv attempts to receive a value from the channel v but will not block.
// It panics if v's Kind is not Chan.
// If the receive delivers a value, x is the transferred value and ok is true.
// If the receive cannot finish without blocking, x is the zero Value and ok is false.
// If the channel is closed, x is the zero value for the channel's element type and ok is false.
func (v Value) TryRecv() (x Value, ok bool) {
	v.flag.mustBe(Chan, "reflect.Value.TryRecv")
	v.flag.mustBeExported("reflect.Value.TryRecv")
	return v.recv(true)
}

// TrySend attempts to send x on the channel v but will not block.
// It panics if v's Kind is not Chan.
// It reports whether the value was sent.
// As in Go, x's value must be assignable to the channel's element type.
func (v Value) TrySend(x Value) bool {
	v.flag.mustBe(Chan, "reflect.Value.TrySend")
	v.flag.mustBeExported("reflect.Value.TrySend")
	return v.send(x, true)
}

// Close closes the channel v.
// It panics if v's Kind is not Chan.
func (v Value) Close() {
	v.flag.mustBe(Chan, "reflect.Value.Close")
	v.flag.mustBeExported("reflect.Value.Close")
	chanclose(v.pointer())
}

// MakeChan creates a new channel with the specified type and buffer size.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	t := typ.(*rtype)
	ch := makechan(t, buffer)
	return Value{t, ch, flag(Chan)}
}

// ChanOf returns the channel type with the given direction and element type.
// For example, if t represents int, ChanOf(RecvDir, t) represents <-chan int.
//
// The gc runtime imposes a limit of 64 kB on channel element types.
// If t's size is equal to or exceeds this limit, ChanOf panics.
func ChanOf(dir ChanDir, t Type) Type {
	typ := t.(*rtype)
	for _, e := range chanCache {
		if e.dir == dir && e.elem == typ {
			return e.t
		}
	}
	// This restriction is imposed by the gc compiler and the runtime.
	if typ.size >= 1<<16 {
		panic("reflect.ChanOf: element size too large")
	}
	var s string
	switch dir {
	default:
		panic("reflect.ChanOf: invalid dir")
	case SendDir:
		s = "chan<- " + typ.str
	case RecvDir:
		s = "<-chan " + typ.str
	case BothDir:
		typeStr := typ.str
		if typeStr[0] == '<' {
			// typ is recv chan, need parentheses as "<-" associates with leftmost
			// chan possible, see:
			// * https://golang.org/ref/spec#Channel_types
			// * https://github.com/golang/go/issues/39897
			s = "chan (" + typeStr + ")"
		} else {
			s = "chan " + typeStr
		}
	}
	ct := findType(func(c *rtype) bool {
		return c.Kind() == Chan && c.elem == typ && ChanDir(c.len) == dir && c.tflag&tflagNamed == 0
	})
	if ct == nil {
		// Made here as lower_typedesc.c would: one pointer word, compared as memory.
		var ich chan unsafe.Pointer
		proto := TypeOf(ich).(*rtype)
		ct = new(rtype)
		*ct = *proto
		ct.tflag = tflagRegularMemory
		ct.len = uintptr(dir)
		ct.str = s
		ct.hash = fnv1a(s)
		ct.elem = typ
		ct.ptrToThis = nil
	}
	chanCache = append(chanCache, chanCacheEntry{dir, typ, ct})
	return ct
}

type chanCacheEntry struct {
	dir  ChanDir
	elem *rtype
	t    *rtype
}

var chanCache []chanCacheEntry

// A runtimeSelect is a single case passed to rselect (runtime/reflect.c reads it).
type runtimeSelect struct {
	dir SelectDir      // SelectSend, SelectRecv or SelectDefault
	typ *rtype         // channel type
	ch  unsafe.Pointer // channel
	val unsafe.Pointer // ptr to data (SendDir) or ptr to receive buffer (RecvDir)
}

// setChan checks that ch is an exported channel usable in direction dir (else panics with msg) and
// records it in rc; it returns the channel's type.
func (rc *runtimeSelect) setChan(ch Value, dir ChanDir, msg string) *rtype {
	ch.flag.mustBe(Chan, "reflect.Select")
	ch.flag.mustBeExported("reflect.Select")
	tt := ch.typ
	if ChanDir(tt.len)&dir == 0 {
		panic(msg)
	}
	rc.ch = ch.pointer()
	rc.typ = tt
	return tt
}

// A SelectDir describes the communication direction of a select case.
type SelectDir int

// NOTE: These values must match runtime/reflect.c.

const (
	_             SelectDir = iota
	SelectSend              // case Chan <- Send
	SelectRecv              // case <-Chan:
	SelectDefault           // default
)

// A SelectCase describes a single case in a select operation.
// The kind of case depends on Dir, the communication direction.
//
// If Dir is SelectDefault, the case represents a default case.
// Chan and Send must be zero Values.
//
// If Dir is SelectSend, the case represents a send operation.
// Normally Chan's underlying value must be a channel, and Send's underlying value must be
// assignable to the channel's element type. As a special case, if Chan is a zero Value,
// then the case is ignored, and the field Send will also be ignored and may be either zero
// or non-zero.
//
// If Dir is SelectRecv, the case represents a receive operation.
// Normally Chan's underlying value must be a channel and Send must be a zero Value.
// If Chan is a zero Value, then the case is ignored, but Send must still be a zero Value.
// When a receive operation is selected, the received Value is returned by Select.
type SelectCase struct {
	Dir  SelectDir // direction of case
	Chan Value     // channel to use (for send or receive)
	Send Value     // value to send (for send)
}

// Select executes a select operation described by the list of cases.
// Like the Go select statement, it blocks until at least one of the cases
// can proceed, makes a uniform pseudo-random choice,
// and then executes that case. It returns the index of the chosen case
// and, if that case was a receive operation, the value received and a
// boolean indicating whether the value corresponds to a send on the channel
// (as opposed to a zero value received because the channel is closed).
// Select supports a maximum of 65536 cases.
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool) {
	if len(cases) > 65536 {
		panic("reflect.Select: too many cases (max 65536)")
	}
	runcases := make([]runtimeSelect, len(cases))
	haveDefault := false
	for i, c := range cases {
		rc := &runcases[i]
		rc.dir = c.Dir
		switch c.Dir {
		default:
			panic("reflect.Select: invalid Dir")

		case SelectDefault: // default
			if haveDefault {
				panic("reflect.Select: multiple default cases")
			}
			haveDefault = true
			if c.Chan.IsValid() {
				panic("reflect.Select: default case has Chan value")
			}
			if c.Send.IsValid() {
				panic("reflect.Select: default case has Send value")
			}

		case SelectSend:
			ch := c.Chan
			if !ch.IsValid() {
				break
			}
			tt := rc.setChan(ch, SendDir, "reflect.Select: SendDir case using recv-only channel")
			v := c.Send
			if !v.IsValid() {
				panic("reflect.Select: SendDir case missing Send value")
			}
			v.flag.mustBeExported("reflect.Select")
			v = v.assignTo("reflect.Select", tt.elem, nil)
			if v.flag&flagIndir != 0 {
				rc.val = v.ptr
			} else {
				rc.val = unsafe.Pointer(&v.ptr)
			}

		case SelectRecv:
			if c.Send.IsValid() {
				panic("reflect.Select: RecvDir case has Send value")
			}
			ch := c.Chan
			if !ch.IsValid() {
				break
			}
			tt := rc.setChan(ch, RecvDir, "reflect.Select: RecvDir case using send-only channel")
			rc.val = unsafe_New(tt.elem)
		}
	}

	chosen, recvOK = rselect(runcases)
	if runcases[chosen].dir == SelectRecv {
		t := runcases[chosen].typ.elem
		p := runcases[chosen].val
		fl := flag(t.Kind())
		if ifaceIndir(t) {
			recv = Value{t, p, fl | flagIndir}
		} else {
			recv = Value{t, *(*unsafe.Pointer)(p), fl}
		}
	}
	return chosen, recv, recvOK
}
