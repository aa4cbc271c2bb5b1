// Package reflect is gocc's reflection: go1.19's reflect API over gocc's type descriptors
// (compiler/lower/lower_typedesc.c, runtime.def's TYPE_FIELD list), for what fmt,
// internal/fmtsort, sort, errors, encoding/json, encoding/binary and text/template use.
//
// In: interface values, whose type word points to a descriptor. Out: Types and Values that answer
// as gc's reflect does (type strings, kinds, fields and tags, element access, DeepEqual).
//
// The one idea: rtype mirrors runtime.def's TYPE_FIELD list field by field, and structField,
// imethod, method and itab mirror FIELD_FIELD, IMETHOD_FIELD, METHOD_FIELD and ITAB_FIELD, so the
// natural Go layout is the C layout; the descriptors are read through those structs only. Type
// identity is descriptor identity (one descriptor per type per binary), so Type values compare
// with == as in gc. internal/reflectlite holds the same mirror for errors and sort; Go keeps the two
// packages separate too.
//
// What needs the runtime goes through body-less functions that runtime/reflect.c defines under
// reflect's link names: the map operations (map.c), typed allocation, copies, cached itabs, the
// program's descriptors (to find a *T, []T or func type before making one here), and the trampoline
// of Value.Call (call.go); runtime/reflect_chan.c the channel operations and Select (chan.go). What
// gocc cannot do yet (a method value as a func value, ArrayOf, StructOf...) panics with "reflect: X is not supported yet by gocc" or is absent
// (docs/status.md).
package reflect

import (
	"unicode/utf8"
	"unsafe"
)

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

// A Kind represents the specific kind of type that a Type represents.
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

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	Invalid: "invalid", Bool: "bool", Int: "int", Int8: "int8", Int16: "int16", Int32: "int32",
	Int64: "int64", Uint: "uint", Uint8: "uint8", Uint16: "uint16", Uint32: "uint32",
	Uint64: "uint64", Uintptr: "uintptr", Float32: "float32", Float64: "float64",
	Complex64: "complex64", Complex128: "complex128", Array: "array", Chan: "chan", Func: "func",
	Interface: "interface", Map: "map", Pointer: "ptr", Slice: "slice", String: "string",
	Struct: "struct", UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
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
	u := uint64(v)
	if neg {
		u = -u
	}
	var b [24]byte
	i := len(b)
	for u > 0 {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// ChanDir represents a channel type's direction (the chan descriptor's len, runtime.def).
type ChanDir int

const (
	RecvDir ChanDir             = 1 << iota // <-chan
	SendDir                                 // chan<-
	BothDir = RecvDir | SendDir             // chan
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	MethodByName(string) (Method, bool)
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	Bits() int
	ChanDir() ChanDir
	IsVariadic() bool
	Elem() Type
	Field(i int) StructField
	FieldByIndex(index []int) StructField
	FieldByName(name string) (StructField, bool)
	FieldByNameFunc(match func(string) bool) (StructField, bool)
	In(i int) Type
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type
	common() *rtype
}

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type  // method type
	Func    Value // func with receiver as first argument
	Index   int   // index for Type.Method
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, and whether it was present
// (go1.19's conventional `key:"value"` syntax).
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]

		// Scan quoted string to find value.
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]

		if key == name {
			value, err := unquote(qvalue)
			if err {
				break
			}
			return value, true
		}
	}
	return "", false
}

// unquote is strconv.Unquote for the double-quoted tag values Lookup meets (reflect must not
// import strconv, which imports reflect's users); true when the literal is malformed.
func unquote(s string) (string, bool) {
	s = s[1 : len(s)-1]
	var b []byte
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		if i+1 >= len(s) {
			return "", true
		}
		c = s[i+1]
		i += 2
		switch c {
		case 'a':
			b = append(b, '\a')
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, '\v')
		case '\\', '"', '\'':
			b = append(b, c)
		case 'x', 'u', 'U':
			n := 2
			if c == 'u' {
				n = 4
			} else if c == 'U' {
				n = 8
			}
			if i+n > len(s) {
				return "", true
			}
			var r rune
			for _, h := range []byte(s[i : i+n]) {
				var d byte
				switch {
				case '0' <= h && h <= '9':
					d = h - '0'
				case 'a' <= h && h <= 'f':
					d = h - 'a' + 10
				case 'A' <= h && h <= 'F':
					d = h - 'A' + 10
				default:
					return "", true
				}
				r = r<<4 | rune(d)
			}
			i += n
			if c == 'x' {
				b = append(b, byte(r))
			} else {
				b = utf8.AppendRune(b, r)
			}
		default:
			if c < '0' || c > '7' || i+2 > len(s) || s[i] < '0' || s[i] > '7' || s[i+1] < '0' || s[i+1] > '7' {
				return "", true
			}
			v := int(c-'0')<<6 | int(s[i]-'0')<<3 | int(s[i+1]-'0')
			if v > 255 {
				return "", true
			}
			b = append(b, byte(v))
			i += 2
		}
	}
	return string(b), false
}

func (t *rtype) common() *rtype   { return t }
func (t *rtype) Size() uintptr    { return t.size }
func (t *rtype) Kind() Kind       { return Kind(t.kind & kindMask) }
func (t *rtype) String() string   { return t.str }
func (t *rtype) Align() int       { return int(t.align) }
func (t *rtype) FieldAlign() int  { return int(t.fieldAlign) }
func (t *rtype) Comparable() bool { return t.equal != nil }
func (t *rtype) pointers() bool   { return t.ptrdata != 0 }

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

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.size) * 8
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return ChanDir(t.len)
}

func (t *rtype) IsVariadic() bool {
	if t.Kind() != Func {
		panic("reflect: IsVariadic of non-func type " + t.String())
	}
	return t.tflag&tflagVariadic != 0
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(t.elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return toType(t.key)
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return int(t.len)
}

func (t *rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return int(t.nextra)
}

func (t *rtype) NumIn() int {
	if t.Kind() != Func {
		panic("reflect: NumIn of non-func type " + t.String())
	}
	return int(t.len)
}

func (t *rtype) NumOut() int {
	if t.Kind() != Func {
		panic("reflect: NumOut of non-func type " + t.String())
	}
	return int(t.nextra) - int(t.len)
}

func (t *rtype) In(i int) Type {
	if t.Kind() != Func {
		panic("reflect: In of non-func type " + t.String())
	}
	return toType(t.funcTypes()[:t.len][i])
}

func (t *rtype) Out(i int) Type {
	if t.Kind() != Func {
		panic("reflect: Out of non-func type " + t.String())
	}
	return toType(t.funcTypes()[t.len:][i])
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

// exportedMethods is the method set without unexported methods (sorted, as the descriptor).
func (t *rtype) exportedMethods() []method {
	all := t.methodSet()
	var out []method
	for _, m := range all {
		if m.pkgPath() == "" {
			out = append(out, m)
		}
	}
	return out
}

// funcTypes is a func type's parameter then result descriptors (len = number of parameters).
func (t *rtype) funcTypes() []*rtype {
	if t.nextra == 0 {
		return nil
	}
	return (*[1 << 16]*rtype)(t.extra)[:t.nextra:t.nextra]
}

func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return int(t.nextra)
	}
	return len(t.exportedMethods())
}

// Method returns the i'th method of the type's method set (exported methods sorted by name, or an
// interface's methods); for a concrete type, Type has the receiver as first parameter and Func is
// the method expression.
func (t *rtype) Method(i int) (m Method) {
	if t.Kind() == Interface {
		p := &t.imethods()[i]
		m.Name = p.name
		m.PkgPath = p.pkgPath
		m.Type = toType(p.typ)
		m.Index = i
		return m
	}
	methods := t.exportedMethods()
	if i < 0 || i >= len(methods) {
		panic("reflect: Method index out of range")
	}
	p := methods[i]
	if p.tfn == nil {
		panic("reflect: Type.Method of " + t.str + "." + p.name() + ", a method without a direct entry, is not supported yet by gocc")
	}
	mt := p.mtyp
	mtypes := mt.funcTypes()
	in := append([]*rtype{t}, mtypes[:mt.len]...)
	ft := funcOf(in, mtypes[mt.len:], mt.tflag&tflagVariadic != 0)
	m.Name = p.name()
	m.Type = ft
	// The method expression T.M: gocc gives a method and its method expression one LLVM type
	// (the receiver is parameter 0), so a closure object holding tfn is that func value.
	closure := new(unsafe.Pointer)
	*closure = p.tfn
	m.Func = Value{ft, unsafe.Pointer(closure), flag(Func)}
	m.Index = i
	return m
}

func (t *rtype) MethodByName(name string) (m Method, ok bool) {
	if t.Kind() == Interface {
		for i, p := range t.imethods() {
			if p.name == name {
				return t.Method(i), true
			}
		}
		return Method{}, false
	}
	for i, p := range t.exportedMethods() {
		if p.name() == name {
			return t.Method(i), true
		}
	}
	return Method{}, false
}

func (t *rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	fs := t.fields()
	if i < 0 || i >= len(fs) {
		panic("reflect: Field index out of bounds")
	}
	p := &fs[i]
	var f StructField
	f.Type = toType(p.typ)
	f.Name = p.name
	f.Anonymous = p.embedded != 0
	if !isExported(p.name) {
		f.PkgPath = t.pkgPath()
	}
	f.Tag = StructTag(p.tag)
	f.Offset = p.offset
	f.Index = []int{i}
	return f
}

// isExported is token.IsExported.
func isExported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && isUpperUnicode(r)
}

// isUpperUnicode is unicode.IsUpper for the non-ASCII initials gocc's compiler also treats as
// unexported (lower_typedesc.c is_exported): none, for now.
func isUpperUnicode(r rune) bool { return false }

func (t *rtype) FieldByIndex(index []int) StructField {
	if t.Kind() != Struct {
		panic("reflect: FieldByIndex of non-struct type " + t.String())
	}
	var f StructField
	f.Type = toType(t)
	for i, x := range index {
		if i > 0 {
			ft := f.Type
			if ft.Kind() == Pointer && ft.Elem().Kind() == Struct {
				ft = ft.Elem()
			}
			f.Type = ft
		}
		f = f.Type.Field(x)
	}
	return f
}

func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	hasEmbeds := false
	if name != "" {
		for i, tf := range t.fields() {
			if tf.name == name {
				return t.Field(i), true
			}
			if tf.embedded != 0 {
				hasEmbeds = true
			}
		}
	}
	if !hasEmbeds {
		return StructField{}, false
	}
	return t.FieldByNameFunc(func(s string) bool { return s == name })
}

// A fieldScan represents an item on the fieldByNameFunc scan work list.
type fieldScan struct {
	typ   *rtype
	index []int
}

// FieldByNameFunc is go1.19's breadth-first search: a unique match at the shallowest depth wins;
// several at one depth annihilate each other. Visited and counted structs are kept in slices
// (maps need the runtime).
func (t *rtype) FieldByNameFunc(match func(string) bool) (result StructField, ok bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByNameFunc of non-struct type " + t.String())
	}
	current := []fieldScan{}
	next := []fieldScan{{typ: t}}
	var nextCount []countEntry
	var visited []*rtype
	for len(next) > 0 {
		current, next = next, current[:0]
		count := nextCount
		nextCount = nil
		for _, scan := range current {
			st := scan.typ
			if containsType(visited, st) {
				continue
			}
			visited = append(visited, st)
			for i, f := range st.fields() {
				fname := f.name
				var ntyp *rtype
				if f.embedded != 0 {
					ntyp = f.typ
					if ntyp.Kind() == Pointer {
						ntyp = ntyp.elem
					}
				}
				if match(fname) {
					if countOf(count, st) > 1 || ok {
						return StructField{}, false
					}
					result = st.Field(i)
					result.Index = nil
					result.Index = append(result.Index, scan.index...)
					result.Index = append(result.Index, i)
					ok = true
					continue
				}
				if ok || ntyp == nil || ntyp.Kind() != Struct {
					continue
				}
				if countOf(nextCount, ntyp) > 0 {
					nextCount = setCount(nextCount, ntyp, 2)
					continue
				}
				nextCount = setCount(nextCount, ntyp, 1)
				if countOf(count, st) > 1 {
					nextCount = setCount(nextCount, ntyp, 2)
				}
				var index []int
				index = append(index, scan.index...)
				index = append(index, i)
				next = append(next, fieldScan{ntyp, index})
			}
		}
		if ok {
			break
		}
	}
	return
}

type countEntry struct {
	t *rtype
	n int
}

func containsType(ts []*rtype, t *rtype) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func countOf(c []countEntry, t *rtype) int {
	for _, e := range c {
		if e.t == t {
			return e.n
		}
	}
	return 0
}

func setCount(c []countEntry, t *rtype, n int) []countEntry {
	for i := range c {
		if c[i].t == t {
			c[i].n = n
			return c
		}
	}
	return append(c, countEntry{t, n})
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

// PtrTo returns the pointer type with element t.
func PtrTo(t Type) Type { return PointerTo(t) }

// PointerTo returns the pointer type with element t: the descriptor's ptrToThis, else typeFor's.
func PointerTo(t Type) Type {
	rt := t.common()
	if rt.ptrToThis != nil {
		return rt.ptrToThis
	}
	return typeFor(Pointer, rt)
}

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type {
	return typeFor(Slice, t.common())
}

// typeFor is the descriptor of kind k (Pointer or Slice) with element elem: the program's own when
// it has one (runtime/reflect.c searches the package records), else one made here, as gc's
// PointerTo and SliceOf make what the binary lacks; typeCache remembers the answers, so each type
// keeps one descriptor and identity stays pointer equality.
func typeFor(k Kind, elem *rtype) *rtype {
	for _, e := range typeCache {
		if e.kind == k && e.elem == elem {
			return e.t
		}
	}
	t := findType(func(t *rtype) bool { return t.Kind() == k && t.elem == elem && t.tflag&tflagNamed == 0 })
	if t == nil {
		t = makeType(k, elem)
	}
	typeCache = append(typeCache, typeCacheEntry{k, elem, t})
	return t
}

// makeType builds the descriptor *elem or []elem as lower_typedesc.c would: a pointer is one
// pointer word compared as memory, a slice three words whose first is a pointer, not comparable.
// Neither is named nor has methods (a named type's *T is always in the binary: ptrtothis).
func makeType(k Kind, elem *rtype) *rtype {
	var p *byte
	ptrType := TypeOf(p).(*rtype) // any pointer: its equal/hash functions and one-word bitmap
	t := new(rtype)
	t.align = 8
	t.fieldAlign = 8
	t.ptrdata = 8
	t.gcdata = ptrType.gcdata
	t.elem = elem
	if k == Pointer {
		t.str = "*" + elem.str
		t.size = 8
		t.tflag = tflagRegularMemory
		t.kind = uint8(Pointer) | kindDirectIface
		t.equal = ptrType.equal
		t.hashfn = ptrType.hashfn
	} else {
		t.str = "[]" + elem.str
		t.size = 24
		t.kind = uint8(Slice)
	}
	t.hash = fnv1a(t.str)
	return t
}

// fnv1a is lower_typedesc.c's hash of a type string.
func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// funcOf is the func type with the given parameter and result types: the program's own descriptor
// when it has one (found through typelink), else one made here with gc's type string, cached in
// funcCache so identity stays pointer equality.
func funcOf(in, out []*rtype, variadic bool) *rtype {
	all := append(append([]*rtype{}, in...), out...)
	same := func(t *rtype) bool {
		if t.Kind() != Func || int(t.len) != len(in) || int(t.nextra) != len(all) ||
			(t.tflag&tflagVariadic != 0) != variadic || t.tflag&tflagNamed != 0 {
			return false
		}
		for i, x := range t.funcTypes() {
			if x != all[i] {
				return false
			}
		}
		return true
	}
	for _, t := range funcCache {
		if same(t) {
			return t
		}
	}
	if t := findType(same); t != nil {
		funcCache = append(funcCache, t)
		return t
	}
	t := new(rtype)
	t.size = 8
	t.ptrdata = 8
	t.align = 8
	t.fieldAlign = 8
	t.kind = uint8(Func) | kindDirectIface
	var f func()
	t.gcdata = TypeOf(f).(*rtype).gcdata
	if variadic {
		t.tflag = tflagVariadic
	}
	t.len = uintptr(len(in))
	t.nextra = uint32(len(all))
	t.extra = unsafe.Pointer(&all[0])
	t.str = funcString(in, out, variadic)
	t.hash = fnv1a(t.str)
	funcCache = append(funcCache, t)
	return t
}

var funcCache []*rtype

// funcString spells a func type as gc: "func(int, ...string) (bool, error)".
func funcString(in, out []*rtype, variadic bool) string {
	s := "func("
	for i, t := range in {
		if i > 0 {
			s += ", "
		}
		if variadic && i == len(in)-1 {
			s += "..." + t.elem.str
		} else {
			s += t.str
		}
	}
	s += ")"
	switch len(out) {
	case 0:
	case 1:
		s += " " + out[0].str
	default:
		s += " ("
		for i, t := range out {
			if i > 0 {
				s += ", "
			}
			s += t.str
		}
		s += ")"
	}
	return s
}

// typelink is the i'th descriptor of the program's package records, nil past the last
// (runtime/reflect.c).
func typelink(i int) *rtype

// findType is the first of the program's descriptors that match accepts, or nil.
func findType(match func(*rtype) bool) *rtype {
	for i := 0; ; i++ {
		t := typelink(i)
		if t == nil || match(t) {
			return t
		}
	}
}

// FuncOf returns the function type with the given argument and result types.
func FuncOf(in, out []Type, variadic bool) Type {
	if variadic && (len(in) == 0 || in[len(in)-1].Kind() != Slice) {
		panic("reflect.FuncOf: last arg of variadic func must be slice")
	}
	ins := make([]*rtype, len(in))
	for i, t := range in {
		ins[i] = t.common()
	}
	outs := make([]*rtype, len(out))
	for i, t := range out {
		outs[i] = t.common()
	}
	return funcOf(ins, outs, variadic)
}

// MapOf returns the map type with the given key and element types: the program's descriptor when
// it has one, else one made here (map.c needs only the key and elem descriptors), cached.
func MapOf(key, elem Type) Type {
	ktyp, etyp := key.common(), elem.common()
	if ktyp.equal == nil {
		panic("reflect.MapOf: invalid key type " + ktyp.String())
	}
	for _, t := range mapCache {
		if t.key == ktyp && t.elem == etyp {
			return t
		}
	}
	t := findType(func(t *rtype) bool {
		return t.Kind() == Map && t.key == ktyp && t.elem == etyp && t.tflag&tflagNamed == 0
	})
	if t == nil {
		var m map[int]int
		mt := TypeOf(m).(*rtype)
		t = new(rtype)
		*t = *mt
		t.tflag = 0
		t.key = ktyp
		t.elem = etyp
		t.ptrToThis = nil
		t.str = "map[" + ktyp.str + "]" + etyp.str
		t.hash = fnv1a(t.str)
	}
	mapCache = append(mapCache, t)
	return t
}

var mapCache []*rtype

type typeCacheEntry struct {
	kind Kind
	elem *rtype
	t    *rtype
}

var typeCache []typeCacheEntry

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

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertOp(u.common(), t) != nil
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

// specialChannelAssignability: a bidirectional channel value to a directional channel type with
// an identical element type, when one of the two is unnamed.
func specialChannelAssignability(T, V *rtype) bool {
	return V.len == uintptr(BothDir) && (T.Name() == "" || V.Name() == "") &&
		haveIdenticalType(T.elem, V.elem, true)
}

// directlyAssignable reports whether a value x of type V can be directly assigned (using
// memmove) to a value of type T.
func directlyAssignable(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.tflag&tflagNamed != 0 && V.tflag&tflagNamed != 0 || T.Kind() != V.Kind() {
		return false
	}
	if T.Kind() == Chan && specialChannelAssignability(T, V) {
		return true
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
		if len(tf) != len(vf) || T.pkgPath() != V.pkgPath() {
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
