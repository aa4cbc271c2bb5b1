// Package reflectlite is gocc's lightweight reflection for errors and sort: go1.19's API of
// internal/reflectlite (TypeOf, ValueOf, Type, Value, Swapper, Kind, ValueError) over gocc's type
// descriptors.
//
// In: interface values, whose type word points to a descriptor the compiler emitted
// (compiler/lower/lower_typedesc.c). Out: the answers gc's reflectlite gives.
//
// The one idea: rtype mirrors runtime.def's TYPE_FIELD list field by field (and field, imethod
// and method mirror FIELD_FIELD, IMETHOD_FIELD and METHOD_FIELD), so Go's natural struct layout is
// the C layout; everything is read through those structs, never through byte offsets. Type identity
// is descriptor identity (one descriptor per type per binary, runtime.def "Identity").
//
// stdlib/reflect holds the same mirror and more; reflectlite stays a package of its own, as in gc,
// so that every program importing errors does not link all of reflect.
//
// The runtime does what needs it (runtime/reflect.c, through body-less functions under
// internal/reflectlite's link names): typed allocation (unsafe_New), copies (typedmemmove) and
// conversions to non-empty interfaces with the runtime's cached itab (ifaceE2I).
package reflectlite

import "unsafe"

// rtype is runtime.def's TYPE_FIELD list (struct GoType). Keep the two in the same order.
type rtype struct {
	size       uintptr
	ptrdata    uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      unsafe.Pointer
	hashfn     unsafe.Pointer
	gcdata     unsafe.Pointer
	str        string
	pkgPathRec unsafe.Pointer // NUL-terminated, or nil: read through pkgPath
	ptrToThis  *rtype
	elem       *rtype
	key        *rtype
	len        uintptr
	extra      unsafe.Pointer
	methods    unsafe.Pointer
	nextra     uint32
	nmethods   uint32
}

// structField is runtime.def's FIELD_FIELD list (struct GoField).
type structField struct {
	name     string
	typ      *rtype
	offset   uintptr
	embedded uintptr
	tag      string
}

// imethod is runtime.def's IMETHOD_FIELD list (struct GoIMethod).
type imethod struct {
	name    string
	pkgPath string
	typ     *rtype
}

// method is runtime.def's METHOD_FIELD list (struct GoMethod).
type method struct {
	nameRec unsafe.Pointer // "NAME\x00PKGPATH\x00": read through name and pkgPath
	mtyp    *rtype
	ifn     unsafe.Pointer
	tfn     unsafe.Pointer
}

// name and pkgPath read the method's "NAME\x00PKGPATH\x00" record ("" for exported names).
func (m method) name() string { return cstring(m.nameRec) }

func (m method) pkgPath() string {
	p := m.nameRec
	for *(*byte)(p) != 0 {
		p = unsafe.Add(p, 1)
	}
	return cstring(unsafe.Add(p, 1))
}

// pkgPath is the descriptor's package path (runtime.def: NUL-terminated, or nil for none).
func (t *rtype) pkgPath() string {
	if t.pkgPathRec == nil {
		return ""
	}
	return cstring(t.pkgPathRec)
}

// cstring is the NUL-terminated bytes at p as a string, without copying (they are constant).
func cstring(p unsafe.Pointer) string {
	n := 0
	for *(*byte)(unsafe.Add(p, n)) != 0 {
		n++
	}
	var s string
	h := (*stringHeader)(unsafe.Pointer(&s))
	h.Data = p
	h.Len = n
	return s
}

// itab is runtime.def's ITAB_FIELD list followed by fun[].
type itab struct {
	inter *rtype
	typ   *rtype
	hash  uintptr
	fun   [1 << 16]unsafe.Pointer // really as many as the interface has methods
}

// runtime.def: TYPE_TFLAG and TYPE_KIND_FLAG.
const (
	tflagUncommon      = 1
	tflagNamed         = 4
	tflagRegularMemory = 8
	tflagVariadic      = 16
	kindDirectIface    = 1 << 5
	kindMask           = (1 << 5) - 1
)

// A Kind represents the specific kind of type that a Type represents (runtime.def's TYPE_KIND).
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

const Ptr = Pointer

var kindNames = []string{
	Invalid: "invalid", Bool: "bool", Int: "int", Int8: "int8", Int16: "int16", Int32: "int32",
	Int64: "int64", Uint: "uint", Uint8: "uint8", Uint16: "uint16", Uint32: "uint32",
	Uint64: "uint64", Uintptr: "uintptr", Float32: "float32", Float64: "float64",
	Complex64: "complex64", Complex128: "complex128", Array: "array", Chan: "chan", Func: "func",
	Interface: "interface", Map: "map", Ptr: "ptr", Slice: "slice", String: "string",
	Struct: "struct", UnsafePointer: "unsafe.Pointer",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + itoa(int(k))
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b [24]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// Type is the representation of a Go type (the subset of reflect.Type reflectlite offers).
type Type interface {
	Name() string
	PkgPath() string
	Size() uintptr
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	Comparable() bool
	String() string
	Elem() Type
	common() *rtype
}

func (t *rtype) common() *rtype { return t }
func (t *rtype) Size() uintptr  { return t.size }
func (t *rtype) Kind() Kind     { return Kind(t.kind & kindMask) }
func (t *rtype) String() string { return t.str }

func (t *rtype) Comparable() bool { return t.equal != nil }

func (t *rtype) PkgPath() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	return t.pkgPath()
}

// Name is the type string after the package qualifier, for named types; generic instances keep
// their bracketed arguments whole ("G[main.T]" of "main.G[main.T]").
func (t *rtype) Name() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	s := t.str
	i := len(s) - 1
	sqBrackets := 0
	for i >= 0 && (s[i] != '.' || sqBrackets != 0) {
		switch s[i] {
		case ']':
			sqBrackets++
		case '[':
			sqBrackets--
		}
		i--
	}
	return s[i+1:]
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(t.elem)
	}
	panic("reflect: Elem of invalid type " + t.str)
}

func (t *rtype) fields() []structField {
	if t.nextra == 0 {
		return nil
	}
	return (*[1 << 16]structField)(t.extra)[:t.nextra:t.nextra]
}

func (t *rtype) imethods() []imethod {
	if t.nextra == 0 {
		return nil
	}
	return (*[1 << 16]imethod)(t.extra)[:t.nextra:t.nextra]
}

func (t *rtype) methodSet() []method {
	if t.nmethods == 0 {
		return nil
	}
	return (*[1 << 16]method)(t.methods)[:t.nmethods:t.nmethods]
}

// funcTypes is a func type's parameter then result descriptors (len = number of parameters).
func (t *rtype) funcTypes() []*rtype {
	if t.nextra == 0 {
		return nil
	}
	return (*[1 << 16]*rtype)(t.extra)[:t.nextra:t.nextra]
}

func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// emptyInterface is interface{}: {type, data} (runtime.def "Interfaces").
type emptyInterface struct {
	typ  *rtype
	word unsafe.Pointer
}

// nonEmptyInterface is a non-empty interface: {itab, data}.
type nonEmptyInterface struct {
	itab *itab
	word unsafe.Pointer
}

// TypeOf returns the reflection Type that represents the dynamic type of i.
func TypeOf(i any) Type {
	eface := *(*emptyInterface)(unsafe.Pointer(&i))
	return toType(eface.typ)
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	return directlyAssignable(uu, t) || implements(uu, t)
}

// implements reports whether the type V implements the interface type T: both method lists are
// sorted by name then package path (runtime.def), so one merge-like pass decides.
func implements(T, V *rtype) bool {
	if T.Kind() != Interface {
		return false
	}
	tm := T.imethods()
	if len(tm) == 0 {
		return true
	}
	j := 0
	if V.Kind() == Interface {
		vm := V.imethods()
		for i := range tm {
			for j < len(vm) && !(vm[j].name == tm[i].name && vm[j].pkgPath == tm[i].pkgPath) {
				j++
			}
			if j == len(vm) || vm[j].typ != tm[i].typ {
				return false
			}
		}
		return true
	}
	vm := V.methodSet()
	for i := range tm {
		for j < len(vm) && !(vm[j].name() == tm[i].name && vm[j].pkgPath() == tm[i].pkgPath) {
			j++
		}
		if j == len(vm) || vm[j].mtyp != tm[i].typ {
			return false
		}
	}
	return true
}

// directlyAssignable reports whether a value x of type V can be directly assigned (using
// memmove) to a value of type T (the spec's assignability without the interface case).
func directlyAssignable(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.tflag&tflagNamed != 0 && V.tflag&tflagNamed != 0 || T.Kind() != V.Kind() {
		return false
	}
	if T.Kind() == Chan && V.len == 3 && T.elem == V.elem {
		return true // bidirectional channel assignable to a directional one
	}
	return haveIdenticalUnderlyingType(T, V, true)
}

func haveIdenticalType(T, V *rtype, cmpTags bool) bool {
	if cmpTags {
		return T == V
	}
	if T.Name() != V.Name() || T.Kind() != V.Kind() || T.PkgPath() != V.PkgPath() {
		return false
	}
	return haveIdenticalUnderlyingType(T, V, false)
}

func haveIdenticalUnderlyingType(T, V *rtype, cmpTags bool) bool {
	if T == V {
		return true
	}
	kind := T.Kind()
	if kind != V.Kind() {
		return false
	}
	if Bool <= kind && kind <= Complex128 || kind == String || kind == UnsafePointer {
		return true
	}
	switch kind {
	case Array:
		return T.len == V.len && haveIdenticalType(T.elem, V.elem, cmpTags)
	case Chan:
		return T.len == V.len && haveIdenticalType(T.elem, V.elem, cmpTags)
	case Func:
		if T.len != V.len || T.nextra != V.nextra || T.tflag&tflagVariadic != V.tflag&tflagVariadic {
			return false
		}
		tt, vt := T.funcTypes(), V.funcTypes()
		for i := range tt {
			if !haveIdenticalType(tt[i], vt[i], cmpTags) {
				return false
			}
		}
		return true
	case Interface:
		tm, vm := T.imethods(), V.imethods()
		if len(tm) != len(vm) {
			return false
		}
		for i := range tm {
			if tm[i].name != vm[i].name || tm[i].pkgPath != vm[i].pkgPath || tm[i].typ != vm[i].typ {
				return false
			}
		}
		return true
	case Map:
		return haveIdenticalType(T.key, V.key, cmpTags) && haveIdenticalType(T.elem, V.elem, cmpTags)
	case Pointer, Slice:
		return haveIdenticalType(T.elem, V.elem, cmpTags)
	case Struct:
		tf, vf := T.fields(), V.fields()
		if len(tf) != len(vf) {
			return false
		}
		for i := range tf {
			if tf[i].name != vf[i].name || !haveIdenticalType(tf[i].typ, vf[i].typ, cmpTags) ||
				cmpTags && tf[i].tag != vf[i].tag || tf[i].offset != vf[i].offset ||
				tf[i].embedded != vf[i].embedded {
				return false
			}
		}
		return true
	}
	return false
}
