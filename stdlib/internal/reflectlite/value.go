// value.go: reflectlite.Value, the part of go1.19's reflect.Value errors and sort use (Elem, IsNil,
// IsValid, Kind, Len, Set, CanSet, Type), and Swapper.
//
// A Value is gc's {typ, ptr, flag}: ptr is the value itself when the type is pointer-shaped
// (kindDirectIface) and not addressable, else a pointer to it (flagIndir).
package reflectlite

import "unsafe"

type flag uintptr

const (
	flagKindWidth        = 5
	flagKindMask    flag = 1<<flagKindWidth - 1
	flagStickyRO    flag = 1 << 5
	flagEmbedRO     flag = 1 << 6
	flagIndir       flag = 1 << 7
	flagAddr        flag = 1 << 8
	flagRO               = flagStickyRO | flagEmbedRO
)

// Value is the reflection interface to a Go value.
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer
	flag flag
}

func (f flag) kind() Kind { return Kind(f & flagKindMask) }

func (f flag) ro() flag {
	if f&flagRO != 0 {
		return flagStickyRO
	}
	return 0
}

// A ValueError occurs when a Value method is invoked on a Value that does not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

func methodName() string { return "unknown method" }

func (f flag) mustBeExported() {
	if f == 0 {
		panic(&ValueError{methodName(), 0})
	}
	if f&flagRO != 0 {
		panic("reflect: " + methodName() + " using value obtained using unexported field")
	}
}

func (f flag) mustBeAssignable() {
	if f == 0 {
		panic(&ValueError{methodName(), Invalid})
	}
	if f&flagRO != 0 {
		panic("reflect: " + methodName() + " using value obtained using unexported field")
	}
	if f&flagAddr == 0 {
		panic("reflect: " + methodName() + " using unaddressable value")
	}
}

func ifaceIndir(t *rtype) bool { return t.kind&kindDirectIface == 0 }

// pointer returns the underlying pointer of a pointer-shaped value.
func (v Value) pointer() unsafe.Pointer {
	if v.flag&flagIndir != 0 {
		return *(*unsafe.Pointer)(v.ptr)
	}
	return v.ptr
}

// packEface converts v to the empty interface.
func packEface(v Value) any {
	t := v.typ
	var i any
	e := (*emptyInterface)(unsafe.Pointer(&i))
	switch {
	case ifaceIndir(t):
		if v.flag&flagIndir == 0 {
			panic("bad indir")
		}
		ptr := v.ptr
		if v.flag&flagAddr != 0 {
			c := unsafe_New(t)
			typedmemmove(t, c, ptr)
			ptr = c
		}
		e.word = ptr
	case v.flag&flagIndir != 0:
		e.word = *(*unsafe.Pointer)(v.ptr)
	default:
		e.word = v.ptr
	}
	e.typ = t
	return i
}

// unpackEface converts the empty interface i to a Value.
func unpackEface(i any) Value {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	t := e.typ
	if t == nil {
		return Value{}
	}
	f := flag(t.Kind())
	if ifaceIndir(t) {
		f |= flagIndir
	}
	return Value{t, e.word, f}
}

// ValueOf returns a new Value initialized to the concrete value stored in the interface i.
func ValueOf(i any) Value {
	if i == nil {
		return Value{}
	}
	escapes(i)
	return unpackEface(i)
}

// escapes makes x escape to the heap: a Value reaches the contents of i through unsafe.Pointer,
// which gocc's escape analysis (middle/escape.c) does not follow, so without this a pointer to a
// local passed to ValueOf could stay in a frame the Value outlives (gc's reflect does the same).
func escapes(x any) {
	if dummy.b {
		dummy.x = x
	}
}

var dummy struct {
	b bool
	x any
}

func (v Value) CanSet() bool   { return v.flag&(flagAddr|flagRO) == flagAddr }
func (v Value) IsValid() bool  { return v.flag != 0 }
func (v Value) Kind() Kind     { return v.kind() }
func (v Value) kind() Kind     { return v.flag.kind() }

// Elem returns the value that the interface v contains or that the pointer v points to.
func (v Value) Elem() Value {
	switch k := v.kind(); k {
	case Interface:
		var eface any
		if v.typ.nextra == 0 {
			eface = *(*any)(v.ptr)
		} else {
			eface = (any)(*(*interface{ M() })(v.ptr))
		}
		x := unpackEface(eface)
		if x.flag != 0 {
			x.flag |= v.flag.ro()
		}
		return x
	case Pointer:
		ptr := v.ptr
		if v.flag&flagIndir != 0 {
			ptr = *(*unsafe.Pointer)(ptr)
		}
		if ptr == nil {
			return Value{}
		}
		tt := v.typ.elem
		fl := v.flag&flagRO | flagIndir | flagAddr | flag(tt.Kind())
		return Value{tt, ptr, fl}
	}
	panic(&ValueError{"reflectlite.Value.Elem", v.kind()})
}

func valueInterface(v Value) any {
	if v.flag == 0 {
		panic(&ValueError{"reflectlite.Value.Interface", 0})
	}
	if v.kind() == Interface {
		if v.typ.nextra == 0 {
			return *(*any)(v.ptr)
		}
		return *(*interface{ M() })(v.ptr)
	}
	return packEface(v)
}

// IsNil reports whether its argument v is nil.
func (v Value) IsNil() bool {
	switch k := v.kind(); k {
	case Chan, Func, Map, Pointer, UnsafePointer:
		ptr := v.ptr
		if v.flag&flagIndir != 0 {
			ptr = *(*unsafe.Pointer)(ptr)
		}
		return ptr == nil
	case Interface, Slice:
		// Both interface and slice are nil if first word is 0.
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflectlite.Value.IsNil", v.kind()})
}

// sliceHeader is a slice's run-time representation.
type sliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

// stringHeader is a string's run-time representation.
type stringHeader struct {
	Data unsafe.Pointer
	Len  int
}

// Len returns v's length.
func (v Value) Len() int {
	switch v.kind() {
	case Array:
		return int(v.typ.len)
	case Chan:
		return chanlen(v.pointer())
	case Map:
		return maplen(v.pointer())
	case Slice:
		return (*sliceHeader)(v.ptr).Len
	case String:
		return (*stringHeader)(v.ptr).Len
	}
	panic(&ValueError{"reflect.Value.Len", v.kind()})
}

// maplen reads len(m) from the map header (runtime.def MAP_COUNT_OFFSET, 0).
func maplen(m unsafe.Pointer) int {
	if m == nil {
		return 0
	}
	return *(*int)(m)
}

// chanlen is len(c), defined by runtime/reflect_chan.c (chan.c's chanlen).
func chanlen(c unsafe.Pointer) int

// Set assigns x to the value v.
func (v Value) Set(x Value) {
	v.flag.mustBeAssignable()
	x.flag.mustBeExported()
	var target unsafe.Pointer
	if v.kind() == Interface {
		target = v.ptr
	}
	x = x.assignTo("reflectlite.Set", v.typ, target)
	if x.flag&flagIndir != 0 {
		typedmemmove(v.typ, v.ptr, x.ptr)
	} else {
		*(*unsafe.Pointer)(v.ptr) = x.ptr
	}
}

// Type returns v's type.
func (v Value) Type() Type {
	if v.flag == 0 {
		panic(&ValueError{"reflectlite.Value.Type", 0})
	}
	return toType(v.typ)
}

// assignTo returns a Value of type dst holding v, which must be assignable to dst; target, when
// not nil, is where an interface result may be built.
func (v Value) assignTo(context string, dst *rtype, target unsafe.Pointer) Value {
	switch {
	case directlyAssignable(dst, v.typ):
		fl := v.flag&(flagAddr|flagIndir) | v.flag.ro()
		fl |= flag(dst.Kind())
		return Value{dst, v.ptr, fl}
	case implements(dst, v.typ):
		if target == nil {
			target = unsafe_New(dst)
		}
		if v.Kind() == Interface && v.IsNil() {
			// A nil ReadWriter passed to nil Reader is OK, but using ifaceE2I below will panic.
			return Value{dst, nil, flag(Interface)}
		}
		x := valueInterface(v)
		if dst.nextra == 0 {
			*(*any)(target) = x
		} else {
			ifaceE2I(dst, x, target)
		}
		return Value{dst, target, flagIndir | flag(Interface)}
	}
	panic(context + ": value of type " + v.typ.String() + " is not assignable to type " + dst.String())
}

// ifaceE2I stores src, whose dynamic type implements the non-empty interface type t, at dst as a
// value of type t, with the runtime's cached itab (runtime/reflect.c).
func ifaceE2I(t *rtype, src any, dst unsafe.Pointer)

// unsafe_New allocates zeroed memory for one value of t, typed for the collector
// (runtime/reflect.c: runtime_newobject).
func unsafe_New(t *rtype) unsafe.Pointer

// typedmemmove copies a value of type t from src to dst (runtime/reflect.c, where the collector's
// write barrier will go).
func typedmemmove(t *rtype, dst, src unsafe.Pointer)

// Swapper returns a function that swaps the elements in the provided slice. Swapper panics if the
// provided interface is not a slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	// Fast path for slices of size 0 and 1. Nothing to swap.
	switch v.Len() {
	case 0:
		return func(i, j int) { panic("reflect: slice index out of range") }
	case 1:
		return func(i, j int) {
			if i != 0 || j != 0 {
				panic("reflect: slice index out of range")
			}
		}
	}
	typ := v.Type().Elem().(*rtype)
	size := typ.Size()
	s := (*sliceHeader)(v.ptr)

	// Some common & easy cases, without unsafe arithmetic beyond the element size.
	if typ.kind&kindMask == uint8(String) {
		ss := *(*[]string)(v.ptr)
		return func(i, j int) { ss[i], ss[j] = ss[j], ss[i] }
	}
	switch size {
	case 8:
		is := *(*[]int64)(v.ptr)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 4:
		is := *(*[]int32)(v.ptr)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 2:
		is := *(*[]int16)(v.ptr)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	case 1:
		is := *(*[]int8)(v.ptr)
		return func(i, j int) { is[i], is[j] = is[j], is[i] }
	}

	tmp := unsafe_New(typ) // swap scratch space
	return func(i, j int) {
		if uint(i) >= uint(s.Len) || uint(j) >= uint(s.Len) {
			panic("reflect: slice index out of range")
		}
		val1 := unsafe.Add(s.Data, uintptr(i)*size)
		val2 := unsafe.Add(s.Data, uintptr(j)*size)
		typedmemmove(typ, tmp, val1)
		typedmemmove(typ, val1, val2)
		typedmemmove(typ, val2, tmp)
	}
}
