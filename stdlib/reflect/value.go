// value.go: reflect.Value, gc's {typ, ptr, flag} triple over gocc's value layout.
//
// ptr is the value itself when the type is pointer-shaped (kindDirectIface) and the Value is not
// addressable, else a pointer to the value (flagIndir). Strings are {ptr, len}, slices
// {ptr, len, cap}, interfaces {type or itab, data}, maps and channels one pointer to the runtime's
// header, func values a pointer to the closure object (docs/architecture.md), all as gc.
//
// Copies between Values go through typedmemmove and allocation through unsafe_New(Array), both in
// runtime/reflect.c, so the collector's barriers and typed allocation have one place to go.
package reflect

import (
	"errors"
	"unsafe"
)

type flag uintptr

const (
	flagKindWidth        = 5
	flagKindMask    flag = 1<<flagKindWidth - 1
	flagStickyRO    flag = 1 << 5
	flagEmbedRO     flag = 1 << 6
	flagIndir       flag = 1 << 7
	flagAddr        flag = 1 << 8
	flagMethod      flag = 1 << 9
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

func (f flag) mustBe(expected Kind, method string) {
	if Kind(f&flagKindMask) != expected {
		panic(&ValueError{method, f.kind()})
	}
}

func (f flag) mustBeExported(method string) {
	if f == 0 {
		panic(&ValueError{method, Invalid})
	}
	if f&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
}

func (f flag) mustBeAssignable(method string) {
	if f == 0 {
		panic(&ValueError{method, Invalid})
	}
	if f&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
	if f&flagAddr == 0 {
		panic("reflect: " + method + " using unaddressable value")
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

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	fl := flag(t.Kind())
	if ifaceIndir(t) {
		return Value{t, unsafe_New(t), fl | flagIndir}
	}
	return Value{t, nil, fl}
}

// New returns a Value representing a pointer to a new zero value for the specified type.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	pt := PointerTo(typ).common()
	return Value{pt, unsafe_New(t), flag(Pointer)}
}

// NewAt returns a Value representing a pointer to a value of the specified type at p.
func NewAt(typ Type, p unsafe.Pointer) Value {
	return Value{PointerTo(typ).common(), p, flag(Pointer)}
}

// Indirect returns the value that v points to (v itself if v is not a pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

func (v Value) IsValid() bool { return v.flag != 0 }
func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }
func (v Value) CanSet() bool  { return v.flag&(flagAddr|flagRO) == flagAddr }
func (v Value) Kind() Kind    { return v.kind() }
func (v Value) kind() Kind    { return v.flag.kind() }

// CanInterface reports whether Interface can be used without panicking.
func (v Value) CanInterface() bool {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

// Type returns v's type.
func (v Value) Type() Type {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	if v.flag&flagMethod != 0 {
		return v.methodType()
	}
	return v.typ
}

// Interface returns v's current value as an interface{}.
func (v Value) Interface() any {
	return valueInterface(v, true)
}

func valueInterface(v Value, safe bool) any {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if safe && v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	if v.flag&flagMethod != 0 {
		v = makeMethodValue(v)
	}
	if v.kind() == Interface {
		if v.typ.nextra == 0 {
			return *(*any)(v.ptr)
		}
		return *(*interface{ M() })(v.ptr)
	}
	return packEface(v)
}

// Addr returns a pointer value representing the address of v.
func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	fl := v.flag & flagRO
	return Value{PointerTo(v.typ).common(), v.ptr, fl | flag(Pointer)}
}

// UnsafeAddr returns a pointer to v's data.
func (v Value) UnsafeAddr() uintptr {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.UnsafeAddr", Invalid})
	}
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.ptr)
}

func (v Value) Bool() bool {
	if v.kind() != Bool {
		v.panicNotBool()
	}
	return *(*bool)(v.ptr)
}

func (v Value) panicNotBool() { v.flag.mustBe(Bool, "reflect.Value.Bool") }

// Bytes returns v's underlying value: a slice or an addressable array of bytes.
func (v Value) Bytes() []byte {
	switch v.kind() {
	case Slice:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return *(*[]byte)(v.ptr)
	case Array:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		p := (*byte)(v.ptr)
		n := int(v.typ.len)
		return unsafe.Slice(p, n)
	}
	panic(&ValueError{"reflect.Value.Bytes", v.kind()})
}

func (v Value) runes() []rune {
	v.flag.mustBe(Slice, "reflect.Value.Bytes")
	if v.typ.elem.Kind() != Int32 {
		panic("reflect.Value.Bytes of non-rune slice")
	}
	return *(*[]rune)(v.ptr)
}

func (v Value) CanInt() bool {
	switch v.kind() {
	case Int, Int8, Int16, Int32, Int64:
		return true
	}
	return false
}

func (v Value) Int() int64 {
	p := v.ptr
	switch v.kind() {
	case Int:
		return int64(*(*int)(p))
	case Int8:
		return int64(*(*int8)(p))
	case Int16:
		return int64(*(*int16)(p))
	case Int32:
		return int64(*(*int32)(p))
	case Int64:
		return *(*int64)(p)
	}
	panic(&ValueError{"reflect.Value.Int", v.kind()})
}

func (v Value) CanUint() bool {
	switch v.kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return true
	}
	return false
}

func (v Value) Uint() uint64 {
	p := v.ptr
	switch v.kind() {
	case Uint:
		return uint64(*(*uint)(p))
	case Uint8:
		return uint64(*(*uint8)(p))
	case Uint16:
		return uint64(*(*uint16)(p))
	case Uint32:
		return uint64(*(*uint32)(p))
	case Uint64:
		return *(*uint64)(p)
	case Uintptr:
		return uint64(*(*uintptr)(p))
	}
	panic(&ValueError{"reflect.Value.Uint", v.kind()})
}

func (v Value) CanFloat() bool {
	k := v.kind()
	return k == Float32 || k == Float64
}

func (v Value) Float() float64 {
	switch v.kind() {
	case Float32:
		return float64(*(*float32)(v.ptr))
	case Float64:
		return *(*float64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Float", v.kind()})
}

func (v Value) CanComplex() bool {
	k := v.kind()
	return k == Complex64 || k == Complex128
}

func (v Value) Complex() complex128 {
	switch v.kind() {
	case Complex64:
		return complex128(*(*complex64)(v.ptr))
	case Complex128:
		return *(*complex128)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Complex", v.kind()})
}

// String returns the string v's underlying value, as a string; for other kinds
// "<T Value>" as gc (no panic).
func (v Value) String() string {
	if v.kind() == String {
		return *(*string)(v.ptr)
	}
	return v.stringNonString()
}

func (v Value) stringNonString() string {
	if v.kind() == Invalid {
		return "<invalid Value>"
	}
	return "<" + v.Type().String() + " Value>"
}

// sliceHeader and stringHeader are a slice's and a string's run-time representation.
type sliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

type stringHeader struct {
	Data unsafe.Pointer
	Len  int
}

// SliceHeader and StringHeader are go1.19's exported headers.
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

type StringHeader struct {
	Data uintptr
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

// Cap returns v's capacity.
func (v Value) Cap() int {
	switch v.kind() {
	case Array:
		return int(v.typ.len)
	case Chan:
		return chancap(v.pointer())
	case Slice:
		return (*sliceHeader)(v.ptr).Cap
	}
	panic(&ValueError{"reflect.Value.Cap", v.kind()})
}

// maplen reads len(m) from the map header (runtime.def MAP_COUNT_OFFSET, 0).
func maplen(m unsafe.Pointer) int {
	if m == nil {
		return 0
	}
	return *(*int)(m)
}

// IsNil reports whether its argument v is nil.
func (v Value) IsNil() bool {
	switch v.kind() {
	case Chan, Func, Map, Pointer, UnsafePointer:
		if v.flag&flagMethod != 0 {
			return false
		}
		ptr := v.ptr
		if v.flag&flagIndir != 0 {
			ptr = *(*unsafe.Pointer)(ptr)
		}
		return ptr == nil
	case Interface, Slice:
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.kind()})
}

// IsZero reports whether v is the zero value for its type.
func (v Value) IsZero() bool {
	switch v.kind() {
	case Bool:
		return !v.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == 0
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == 0
	case Float32, Float64:
		f := v.Float()
		return *(*uint64)(unsafe.Pointer(&f)) == 0
	case Complex64, Complex128:
		c := v.Complex()
		return *(*[2]uint64)(unsafe.Pointer(&c)) == [2]uint64{}
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Chan, Func, Interface, Map, Pointer, Slice, UnsafePointer:
		return v.IsNil()
	case String:
		return v.Len() == 0
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	}
	panic(&ValueError{"reflect.Value.IsZero", v.Kind()})
}

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
	panic(&ValueError{"reflect.Value.Elem", v.kind()})
}

// Field returns the i'th field of the struct v.
func (v Value) Field(i int) Value {
	if v.kind() != Struct {
		panic(&ValueError{"reflect.Value.Field", v.kind()})
	}
	fs := v.typ.fields()
	if uint(i) >= uint(len(fs)) {
		panic("reflect: Field index out of range")
	}
	field := &fs[i]
	typ := field.typ
	fl := v.flag&(flagStickyRO|flagIndir|flagAddr) | flag(typ.Kind())
	if !isExported(field.name) {
		if field.embedded != 0 {
			fl |= flagEmbedRO
		} else {
			fl |= flagStickyRO
		}
	}
	ptr := unsafe.Add(v.ptr, field.offset)
	return Value{typ, ptr, fl}
}

// FieldByIndex returns the nested field corresponding to index; it panics when it steps through
// a nil embedded pointer.
func (v Value) FieldByIndex(index []int) Value {
	f, err := v.FieldByIndexErr(index)
	if err != nil {
		panic("reflect: indirection through nil pointer to embedded struct")
	}
	return f
}

// FieldByIndexErr returns the nested field corresponding to index, or an error when it steps
// through a nil embedded pointer.
func (v Value) FieldByIndexErr(index []int) (Value, error) {
	if len(index) == 1 {
		return v.Field(index[0]), nil
	}
	v.flag.mustBe(Struct, "reflect.Value.FieldByIndex")
	for i, x := range index {
		if i > 0 {
			if v.Kind() == Pointer && v.typ.elem.Kind() == Struct {
				if v.IsNil() {
					return Value{}, errors.New("reflect: indirection through nil pointer to embedded struct field " + v.typ.elem.Name())
				}
				v = v.Elem()
			}
		}
		v = v.Field(x)
	}
	return v, nil
}

// FieldByName returns the struct field with the given name, or the zero Value.
func (v Value) FieldByName(name string) Value {
	if f, ok := v.typ.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// FieldByNameFunc returns the struct field with a name that satisfies the match function.
func (v Value) FieldByNameFunc(match func(string) bool) Value {
	if f, ok := v.typ.FieldByNameFunc(match); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// NumField returns the number of fields in the struct v.
func (v Value) NumField() int {
	v.flag.mustBe(Struct, "reflect.Value.NumField")
	return int(v.typ.nextra)
}

// Index returns v's i'th element (array, slice or string).
func (v Value) Index(i int) Value {
	switch v.kind() {
	case Array:
		tt := v.typ
		if uint(i) >= uint(tt.len) {
			panic("reflect: array index out of range")
		}
		typ := tt.elem
		offset := uintptr(i) * typ.size
		val := unsafe.Add(v.ptr, offset)
		fl := v.flag&(flagIndir|flagAddr) | v.flag.ro() | flag(typ.Kind())
		return Value{typ, val, fl}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.Len) {
			panic("reflect: slice index out of range")
		}
		typ := v.typ.elem
		val := unsafe.Add(s.Data, uintptr(i)*typ.size)
		fl := flagAddr | flagIndir | v.flag.ro() | flag(typ.Kind())
		return Value{typ, val, fl}
	case String:
		s := (*stringHeader)(v.ptr)
		if uint(i) >= uint(s.Len) {
			panic("reflect: string index out of range")
		}
		p := unsafe.Add(s.Data, uintptr(i))
		fl := v.flag.ro() | flag(Uint8) | flagIndir
		return Value{uint8Type, p, fl}
	}
	panic(&ValueError{"reflect.Value.Index", v.kind()})
}

var uint8Type = TypeOf(uint8(0)).(*rtype)

// Pointer returns v's value as a uintptr.
func (v Value) Pointer() uintptr {
	switch v.kind() {
	case Pointer, Chan, Map, UnsafePointer:
		return uintptr(v.pointer())
	case Func:
		if v.flag&flagMethod != 0 {
			panic("reflect: Pointer of a method value is not supported yet by gocc")
		}
		p := v.pointer()
		if p != nil {
			p = *(*unsafe.Pointer)(p) // the code pointer, word 0 of the closure object
		}
		return uintptr(p)
	case Slice:
		return uintptr((*sliceHeader)(v.ptr).Data)
	}
	panic(&ValueError{"reflect.Value.Pointer", v.kind()})
}

// UnsafePointer returns v's value as an unsafe.Pointer.
func (v Value) UnsafePointer() unsafe.Pointer {
	return unsafe.Pointer(v.Pointer())
}

// Slice returns v[i:j].
func (v Value) Slice(i, j int) Value {
	if v.kind() == String {
		s := (*stringHeader)(v.ptr)
		if i < 0 || j < i || j > s.Len {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		t := new(stringHeader)
		if i < s.Len {
			t.Data = unsafe.Add(s.Data, uintptr(i))
			t.Len = j - i
		}
		return Value{v.typ, unsafe.Pointer(t), v.flag.ro() | flagIndir | flag(String)}
	}
	typ, base, cap := v.sliceable("reflect.Value.Slice")
	if i < 0 || j < i || j > cap {
		panic("reflect.Value.Slice: slice index out of bounds")
	}
	return v.sliceOfBase(typ, base, i, j, cap)
}

// Slice3 is the 3-index form of the slice operation: it returns v[i:j:k].
func (v Value) Slice3(i, j, k int) Value {
	typ, base, cap := v.sliceable("reflect.Value.Slice3")
	if i < 0 || j < i || k < j || k > cap {
		panic("reflect.Value.Slice3: slice index out of bounds")
	}
	return v.sliceOfBase(typ, base, i, j, k)
}

// sliceable is the slice type, base and capacity of an addressable array or a slice v.
func (v Value) sliceable(method string) (typ *rtype, base unsafe.Pointer, cap int) {
	switch v.kind() {
	case Array:
		if v.flag&flagAddr == 0 {
			panic(method + ": slice of unaddressable array")
		}
		return sliceOf(v.typ.elem), v.ptr, int(v.typ.len)
	case Slice:
		s := (*sliceHeader)(v.ptr)
		return v.typ, s.Data, s.Cap
	}
	panic(&ValueError{method, v.kind()})
}

// sliceOfBase is base[i:j:k] as a Value of slice type typ (indices checked by the caller).
func (v Value) sliceOfBase(typ *rtype, base unsafe.Pointer, i, j, k int) Value {
	s := new(sliceHeader)
	s.Len = j - i
	s.Cap = k - i
	if k-i > 0 {
		s.Data = unsafe.Add(base, uintptr(i)*typ.elem.size)
	} else {
		s.Data = base
	}
	return Value{typ, unsafe.Pointer(s), v.flag.ro() | flagIndir | flag(Slice)}
}

func sliceOf(elem *rtype) *rtype { return typeFor(Slice, elem) }

// Set assigns x to the value v.
func (v Value) Set(x Value) {
	v.flag.mustBeAssignable("reflect.Set")
	x.flag.mustBeExported("reflect.Set")
	var target unsafe.Pointer
	if v.kind() == Interface {
		target = v.ptr
	}
	x = x.assignTo("reflect.Set", v.typ, target)
	if x.flag&flagIndir != 0 {
		typedmemmove(v.typ, v.ptr, x.ptr)
	} else {
		*(*unsafe.Pointer)(v.ptr) = x.ptr
	}
}

func (v Value) SetBool(x bool) {
	v.flag.mustBeAssignable("reflect.Value.SetBool")
	v.flag.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

func (v Value) SetBytes(x []byte) {
	v.flag.mustBeAssignable("reflect.Value.SetBytes")
	v.flag.mustBe(Slice, "reflect.Value.SetBytes")
	if v.typ.elem.Kind() != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	*(*[]byte)(v.ptr) = x
}

func (v Value) SetInt(x int64) {
	v.flag.mustBeAssignable("reflect.Value.SetInt")
	switch k := v.kind(); k {
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.kind()})
	case Int:
		*(*int)(v.ptr) = int(x)
	case Int8:
		*(*int8)(v.ptr) = int8(x)
	case Int16:
		*(*int16)(v.ptr) = int16(x)
	case Int32:
		*(*int32)(v.ptr) = int32(x)
	case Int64:
		*(*int64)(v.ptr) = x
	}
}

func (v Value) SetUint(x uint64) {
	v.flag.mustBeAssignable("reflect.Value.SetUint")
	switch k := v.kind(); k {
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.kind()})
	case Uint:
		*(*uint)(v.ptr) = uint(x)
	case Uint8:
		*(*uint8)(v.ptr) = uint8(x)
	case Uint16:
		*(*uint16)(v.ptr) = uint16(x)
	case Uint32:
		*(*uint32)(v.ptr) = uint32(x)
	case Uint64:
		*(*uint64)(v.ptr) = x
	case Uintptr:
		*(*uintptr)(v.ptr) = uintptr(x)
	}
}

func (v Value) SetFloat(x float64) {
	v.flag.mustBeAssignable("reflect.Value.SetFloat")
	switch k := v.kind(); k {
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.kind()})
	case Float32:
		*(*float32)(v.ptr) = float32(x)
	case Float64:
		*(*float64)(v.ptr) = x
	}
}

func (v Value) SetComplex(x complex128) {
	v.flag.mustBeAssignable("reflect.Value.SetComplex")
	switch k := v.kind(); k {
	default:
		panic(&ValueError{"reflect.Value.SetComplex", v.kind()})
	case Complex64:
		*(*complex64)(v.ptr) = complex64(x)
	case Complex128:
		*(*complex128)(v.ptr) = x
	}
}

func (v Value) SetString(x string) {
	v.flag.mustBeAssignable("reflect.Value.SetString")
	v.flag.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}

func (v Value) SetLen(n int) {
	v.flag.mustBeAssignable("reflect.Value.SetLen")
	v.flag.mustBe(Slice, "reflect.Value.SetLen")
	s := (*sliceHeader)(v.ptr)
	if uint(n) > uint(s.Cap) {
		panic("reflect: slice length out of range in SetLen")
	}
	s.Len = n
}

func (v Value) SetCap(n int) {
	v.flag.mustBeAssignable("reflect.Value.SetCap")
	v.flag.mustBe(Slice, "reflect.Value.SetCap")
	s := (*sliceHeader)(v.ptr)
	if n < s.Len || n > s.Cap {
		panic("reflect: slice capacity out of range in SetCap")
	}
	s.Cap = n
}

func (v Value) SetPointer(x unsafe.Pointer) {
	v.flag.mustBeAssignable("reflect.Value.SetPointer")
	v.flag.mustBe(UnsafePointer, "reflect.Value.SetPointer")
	*(*unsafe.Pointer)(v.ptr) = x
}

// OverflowInt reports whether the int64 x cannot be represented by v's type.
func (v Value) OverflowInt(x int64) bool {
	switch k := v.kind(); k {
	case Int, Int8, Int16, Int32, Int64:
		bitSize := v.typ.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowInt", v.kind()})
}

// OverflowUint reports whether the uint64 x cannot be represented by v's type.
func (v Value) OverflowUint(x uint64) bool {
	switch k := v.kind(); k {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bitSize := v.typ.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowUint", v.kind()})
}

// OverflowFloat reports whether the float64 x cannot be represented by v's type.
func (v Value) OverflowFloat(x float64) bool {
	switch k := v.kind(); k {
	case Float32:
		if x < 0 {
			x = -x
		}
		return 3.40282346638528859811704183484516925440e+38 < x && x <= 1.79769313486231570814527423731704356798070e+308
	case Float64:
		return false
	}
	panic(&ValueError{"reflect.Value.OverflowFloat", v.kind()})
}

// NumMethod returns the number of exported methods in the value's method set.
func (v Value) NumMethod() int {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	if v.flag&flagMethod != 0 {
		return 0
	}
	return v.typ.NumMethod()
}

// assignTo returns a Value of type dst holding v, which must be assignable to dst; target, when
// not nil, is where an interface result may be built.
func (v Value) assignTo(context string, dst *rtype, target unsafe.Pointer) Value {
	if v.flag&flagMethod != 0 {
		v = makeMethodValue(v)
	}
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
			return Value{dst, nil, flag(Interface)}
		}
		x := valueInterface(v, false)
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

// Convert returns the value v converted to type t.
func (v Value) Convert(t Type) Value {
	if v.flag&flagMethod != 0 {
		v = makeMethodValue(v)
	}
	op := convertOp(t.common(), v.typ)
	if op == nil {
		panic("reflect.Value.Convert: value of type " + v.typ.String() + " cannot be converted to type " + t.String())
	}
	return op(v, t)
}

// CanConvert reports whether the value v can be converted to type t.
func (v Value) CanConvert(t Type) bool {
	vt := v.Type()
	if !vt.ConvertibleTo(t) {
		return false
	}
	if vt.Kind() == Slice && t.Kind() == Array {
		if t.Len() > v.Len() {
			return false
		}
	}
	return true
}

// convertOp returns the function to convert a value of type src to a value of type dst, or nil.
func convertOp(dst, src *rtype) func(Value, Type) Value {
	switch src.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		switch dst.Kind() {
		case Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
			return cvtInt
		case Float32, Float64:
			return cvtIntFloat
		case String:
			return cvtIntString
		}
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		switch dst.Kind() {
		case Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
			return cvtUint
		case Float32, Float64:
			return cvtUintFloat
		case String:
			return cvtUintString
		}
	case Float32, Float64:
		switch dst.Kind() {
		case Int, Int8, Int16, Int32, Int64:
			return cvtFloatInt
		case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
			return cvtFloatUint
		case Float32, Float64:
			return cvtFloat
		}
	case Complex64, Complex128:
		switch dst.Kind() {
		case Complex64, Complex128:
			return cvtComplex
		}
	case String:
		if dst.Kind() == Slice && dst.elem.PkgPath() == "" {
			switch dst.elem.Kind() {
			case Uint8:
				return cvtStringBytes
			case Int32:
				return cvtStringRunes
			}
		}
	case Slice:
		if dst.Kind() == String && src.elem.PkgPath() == "" {
			switch src.elem.Kind() {
			case Uint8:
				return cvtBytesString
			case Int32:
				return cvtRunesString
			}
		}
	}
	if haveIdenticalUnderlyingType(dst, src, false) {
		return cvtDirect
	}
	if dst.Kind() == Pointer && dst.Name() == "" && src.Kind() == Pointer && src.Name() == "" &&
		haveIdenticalUnderlyingType(dst.elem, src.elem, false) {
		return cvtDirect
	}
	if implements(dst, src) {
		if src.Kind() == Interface {
			return cvtI2I
		}
		return cvtT2I
	}
	return nil
}

// makeInt returns a Value of type t equal to bits (possibly truncated), where t is a signed or
// unsigned int type.
func makeInt(f flag, bits uint64, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	switch typ.size {
	case 1:
		*(*uint8)(ptr) = uint8(bits)
	case 2:
		*(*uint16)(ptr) = uint16(bits)
	case 4:
		*(*uint32)(ptr) = uint32(bits)
	case 8:
		*(*uint64)(ptr) = bits
	}
	return Value{typ, ptr, f | flagIndir | flag(typ.Kind())}
}

func makeFloat(f flag, v float64, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	switch typ.size {
	case 4:
		*(*float32)(ptr) = float32(v)
	case 8:
		*(*float64)(ptr) = v
	}
	return Value{typ, ptr, f | flagIndir | flag(typ.Kind())}
}

func makeComplex(f flag, v complex128, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	switch typ.size {
	case 8:
		*(*complex64)(ptr) = complex64(v)
	case 16:
		*(*complex128)(ptr) = v
	}
	return Value{typ, ptr, f | flagIndir | flag(typ.Kind())}
}

func makeString(f flag, v string, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	*(*string)(ptr) = v
	return Value{typ, ptr, f | flagIndir | flag(String)}
}

func makeBytes(f flag, v []byte, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	*(*[]byte)(ptr) = v
	return Value{typ, ptr, f | flagIndir | flag(Slice)}
}

func makeRunes(f flag, v []rune, t Type) Value {
	typ := t.common()
	ptr := unsafe_New(typ)
	*(*[]rune)(ptr) = v
	return Value{typ, ptr, f | flagIndir | flag(Slice)}
}

func cvtInt(v Value, t Type) Value  { return makeInt(v.flag.ro(), uint64(v.Int()), t) }
func cvtUint(v Value, t Type) Value { return makeInt(v.flag.ro(), v.Uint(), t) }
func cvtFloatInt(v Value, t Type) Value {
	return makeInt(v.flag.ro(), uint64(int64(v.Float())), t)
}
func cvtFloatUint(v Value, t Type) Value { return makeInt(v.flag.ro(), uint64(v.Float()), t) }
func cvtIntFloat(v Value, t Type) Value  { return makeFloat(v.flag.ro(), float64(v.Int()), t) }
func cvtUintFloat(v Value, t Type) Value { return makeFloat(v.flag.ro(), float64(v.Uint()), t) }
func cvtFloat(v Value, t Type) Value {
	if v.Type().Kind() == Float32 && t.Kind() == Float32 {
		// Don't do any conversion if both types have underlying type float32.
		return makeFloat(v.flag.ro(), float64(*(*float32)(v.ptr)), t)
	}
	return makeFloat(v.flag.ro(), v.Float(), t)
}
func cvtComplex(v Value, t Type) Value { return makeComplex(v.flag.ro(), v.Complex(), t) }
func cvtIntString(v Value, t Type) Value {
	s := "\uFFFD"
	if x := v.Int(); int64(rune(x)) == x {
		s = string(rune(x))
	}
	return makeString(v.flag.ro(), s, t)
}
func cvtUintString(v Value, t Type) Value {
	s := "\uFFFD"
	if x := v.Uint(); uint64(rune(x)) == x {
		s = string(rune(x))
	}
	return makeString(v.flag.ro(), s, t)
}
func cvtBytesString(v Value, t Type) Value {
	return makeString(v.flag.ro(), string(*(*[]byte)(v.ptr)), t)
}
func cvtStringBytes(v Value, t Type) Value {
	return makeBytes(v.flag.ro(), []byte(*(*string)(v.ptr)), t)
}
func cvtRunesString(v Value, t Type) Value {
	return makeString(v.flag.ro(), string(v.runes()), t)
}
func cvtStringRunes(v Value, t Type) Value {
	return makeRunes(v.flag.ro(), []rune(*(*string)(v.ptr)), t)
}

// cvtDirect converts between types with identical underlying types: the bits are shared.
func cvtDirect(v Value, typ Type) Value {
	f := v.flag
	if f&flagAddr != 0 {
		// indirect, mutable word - make a copy
		ptr := unsafe_New(typ.common())
		typedmemmove(v.typ, ptr, v.ptr)
		v.ptr = ptr
		f &^= flagAddr
	}
	return Value{typ.common(), v.ptr, v.flag.ro() | f}
}

func cvtT2I(v Value, typ Type) Value {
	target := unsafe_New(typ.common())
	x := valueInterface(v, false)
	if typ.NumMethod() == 0 {
		*(*any)(target) = x
	} else {
		ifaceE2I(typ.common(), x, target)
	}
	return Value{typ.common(), target, v.flag.ro() | flagIndir | flag(Interface)}
}

func cvtI2I(v Value, typ Type) Value {
	if v.IsNil() {
		ret := Zero(typ)
		ret.flag |= v.flag.ro()
		return ret
	}
	return cvtT2I(v.Elem(), typ)
}

// Copy copies the contents of src into dst until either dst has been filled or src has been
// exhausted; it returns the number of elements copied.
func Copy(dst, src Value) int {
	dk := dst.kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	if dk == Array {
		dst.flag.mustBeAssignable("reflect.Copy")
	}
	dst.flag.mustBeExported("reflect.Copy")
	sk := src.kind()
	var stringCopy bool
	if sk != Array && sk != Slice {
		stringCopy = sk == String && dst.typ.elem.Kind() == Uint8
		if !stringCopy {
			panic(&ValueError{"reflect.Copy", sk})
		}
	}
	src.flag.mustBeExported("reflect.Copy")
	de := dst.typ.elem
	if !stringCopy {
		se := src.typ.elem
		if !haveIdenticalType(de, se, true) {
			panic("reflect.Copy: " + de.String() + " != " + se.String())
		}
	}
	var dp, sp unsafe.Pointer
	var dn, sn int
	if dk == Array {
		dp, dn = dst.ptr, int(dst.typ.len)
	} else {
		h := (*sliceHeader)(dst.ptr)
		dp, dn = h.Data, h.Len
	}
	switch {
	case sk == Array:
		sp, sn = src.ptr, int(src.typ.len)
	case sk == Slice:
		h := (*sliceHeader)(src.ptr)
		sp, sn = h.Data, h.Len
	default:
		h := (*stringHeader)(src.ptr)
		sp, sn = h.Data, h.Len
	}
	n := dn
	if sn < n {
		n = sn
	}
	memmove(dp, sp, uintptr(n)*de.size)
	return n
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.flag.mustBe(Slice, "reflect.Append")
	n := s.Len()
	s = s.extendSlice(len(x))
	for i, v := range x {
		s.Index(n + i).Set(v)
	}
	return s
}

// AppendSlice appends a slice t to a slice s and returns the resulting slice.
func AppendSlice(s, t Value) Value {
	s.flag.mustBe(Slice, "reflect.AppendSlice")
	t.flag.mustBe(Slice, "reflect.AppendSlice")
	ns := s.Len()
	nt := t.Len()
	s = s.extendSlice(nt)
	Copy(s.Slice(ns, ns+nt), t)
	return s
}

// extendSlice returns a copy of v's slice header grown by n elements (new backing store, with
// go1.19's doubling, when the capacity does not suffice).
func (v Value) extendSlice(n int) Value {
	v.flag.mustBeExported("reflect.Append")
	old := *(*sliceHeader)(v.ptr)
	h := new(sliceHeader)
	*h = old
	need := old.Len + n
	if need > old.Cap {
		newcap := old.Cap
		doublecap := newcap + newcap
		if need > doublecap {
			newcap = need
		} else if old.Cap < 256 {
			newcap = doublecap
		} else {
			for 0 < newcap && newcap < need {
				newcap += (newcap + 3*256) / 4
			}
			if newcap <= 0 {
				newcap = need
			}
		}
		et := v.typ.elem
		p := unsafe_NewArray(et, newcap)
		memmove(p, old.Data, uintptr(old.Len)*et.size)
		h.Data = p
		h.Cap = newcap
	}
	h.Len = need
	return Value{v.typ, unsafe.Pointer(h), flagIndir | flag(Slice)}
}

// MakeSlice creates a new zero-initialized slice value for the specified slice type.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	s := sliceHeader{unsafe_NewArray(typ.Elem().common(), cap), len, cap}
	return Value{typ.common(), unsafe.Pointer(&s), flagIndir | flag(Slice)}
}

// unsafe_New allocates zeroed memory for one value of t, unsafe_NewArray for n of them, typed for
// the collector (runtime/reflect.c: runtime_newobject, runtime_makeslice).
func unsafe_New(t *rtype) unsafe.Pointer
func unsafe_NewArray(t *rtype, n int) unsafe.Pointer

// typedmemmove copies a value of type t from src to dst (runtime/reflect.c, where the collector's
// write barrier will go); memmove copies n bytes, the ranges may overlap.
func typedmemmove(t *rtype, dst, src unsafe.Pointer)
func memmove(dst, src unsafe.Pointer, n uintptr)
