// map.go: the map operations of reflect.Value, on gocc's C map runtime (runtime/map.c) through the
// body-less functions runtime/reflect.c defines under reflect's link names. No map logic here:
// iteration order, NaN keys and changes during iteration are map.c's. Channels are not in gocc yet.
package reflect

import "unsafe"

// Defined in runtime/reflect.c (docs/architecture.md "Body-less functions").
func mapaccess(t *rtype, m unsafe.Pointer, key unsafe.Pointer) (val unsafe.Pointer)
func mapassign(t *rtype, m unsafe.Pointer, key, val unsafe.Pointer)
func mapdelete(t *rtype, m unsafe.Pointer, key unsafe.Pointer)
func mapiterinit(t *rtype, m unsafe.Pointer, it *hiter)
func mapiternext(it *hiter)
func makemap(t *rtype, cap int) (m unsafe.Pointer)

// hiter is the map runtime's iterator: runtime.def MAP_ITER_WORDS (12) words, the current key's
// address in word MAP_ITER_KEY_WORD (0), the elem's in MAP_ITER_ELEM_WORD (1).
type hiter [12]unsafe.Pointer

func (h *hiter) key() unsafe.Pointer  { return h[0] }
func (h *hiter) elem() unsafe.Pointer { return h[1] }

// copyVal returns a Value holding the value of type typ at ptr, copied (map storage moves).
func copyVal(typ *rtype, fl flag, ptr unsafe.Pointer) Value {
	if ifaceIndir(typ) {
		c := unsafe_New(typ)
		typedmemmove(typ, c, ptr)
		return Value{typ, c, fl | flagIndir}
	}
	return Value{typ, *(*unsafe.Pointer)(ptr), fl}
}

// keyPointer is the address of a Value's bits, for passing a key or elem by address.
func (v Value) keyPointer() unsafe.Pointer {
	if v.flag&flagIndir != 0 {
		return v.ptr
	}
	return unsafe.Pointer(&v.ptr)
}

// MapIndex returns the value associated with key in the map v, or the zero Value.
func (v Value) MapIndex(key Value) Value {
	v.flag.mustBe(Map, "reflect.Value.MapIndex")
	tt := v.typ
	key = key.assignTo("reflect.Value.MapIndex", tt.key, nil)
	e := mapaccess(v.typ, v.pointer(), key.keyPointer())
	if e == nil {
		return Value{}
	}
	typ := tt.elem
	fl := (v.flag | key.flag).ro()
	fl |= flag(typ.Kind())
	return copyVal(typ, fl, e)
}

// MapKeys returns a slice containing all the keys present in the map, in unspecified order.
func (v Value) MapKeys() []Value {
	v.flag.mustBe(Map, "reflect.Value.MapKeys")
	tt := v.typ
	keyType := tt.key
	fl := v.flag.ro() | flag(keyType.Kind())
	m := v.pointer()
	mlen := maplen(m)
	if mlen == 0 {
		return []Value{}
	}
	var it hiter
	mapiterinit(v.typ, m, &it)
	a := make([]Value, mlen)
	var i int
	for i = 0; i < len(a); i++ {
		key := it.key()
		if key == nil {
			// Someone deleted an entry from the map since we called maplen above. It's a data
			// race, but nothing we can do about it.
			break
		}
		a[i] = copyVal(keyType, fl, key)
		mapiternext(&it)
	}
	return a[:i]
}

// A MapIter is an iterator for ranging over a map. See Value.MapRange.
type MapIter struct {
	m       Value
	hiter   hiter
	started bool
}

// Key returns the key of iter's current map entry.
func (iter *MapIter) Key() Value {
	if !iter.started {
		panic("MapIter.Key called before Next")
	}
	iterkey := iter.hiter.key()
	if iterkey == nil {
		panic("MapIter.Key called on exhausted iterator")
	}
	t := iter.m.typ
	ktype := t.key
	return copyVal(ktype, iter.m.flag.ro()|flag(ktype.Kind()), iterkey)
}

// Value returns the value of iter's current map entry.
func (iter *MapIter) Value() Value {
	if !iter.started {
		panic("MapIter.Value called before Next")
	}
	iterelem := iter.hiter.elem()
	if iter.hiter.key() == nil {
		panic("MapIter.Value called on exhausted iterator")
	}
	t := iter.m.typ
	vtype := t.elem
	return copyVal(vtype, iter.m.flag.ro()|flag(vtype.Kind()), iterelem)
}

// Next advances the map iterator and reports whether there is another entry.
func (iter *MapIter) Next() bool {
	if !iter.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if !iter.started {
		iter.started = true
		mapiterinit(iter.m.typ, iter.m.pointer(), &iter.hiter)
	} else {
		if iter.hiter.key() == nil {
			panic("MapIter.Next called on exhausted iterator")
		}
		mapiternext(&iter.hiter)
	}
	return iter.hiter.key() != nil
}

// Reset modifies iter to iterate over v.
func (iter *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.flag.mustBe(Map, "reflect.MapIter.Reset")
	}
	iter.m = v
	iter.hiter = hiter{}
	iter.started = false
}

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	if v.kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.kind()})
	}
	return &MapIter{m: v}
}

// SetMapIndex sets the element associated with key in the map v to elem; a zero elem deletes key.
func (v Value) SetMapIndex(key, elem Value) {
	v.flag.mustBe(Map, "reflect.Value.SetMapIndex")
	v.flag.mustBeExported("reflect.Value.SetMapIndex")
	key.flag.mustBeExported("reflect.Value.SetMapIndex")
	tt := v.typ
	key = key.assignTo("reflect.Value.SetMapIndex", tt.key, nil)
	k := key.keyPointer()
	if elem.typ == nil {
		mapdelete(v.typ, v.pointer(), k)
		return
	}
	elem.flag.mustBeExported("reflect.Value.SetMapIndex")
	elem = elem.assignTo("reflect.Value.SetMapIndex", tt.elem, nil)
	mapassign(v.typ, v.pointer(), k, elem.keyPointer())
}

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

// MakeMapWithSize creates a new map with the specified type and initial space for n elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	m := makemap(t, n)
	return Value{t, m, flag(Map)}
}

// SetIterKey assigns to v the key of iter's current map entry (v = iter.Key() without the copy).
func (v Value) SetIterKey(iter *MapIter) {
	if !iter.started {
		panic("reflect: Value.SetIterKey called before Next")
	}
	iterkey := iter.hiter.key()
	if iterkey == nil {
		panic("reflect: Value.SetIterKey called on exhausted iterator")
	}
	v.Set(iter.Key())
}

// SetIterValue assigns to v the value of iter's current map entry.
func (v Value) SetIterValue(iter *MapIter) {
	if !iter.started {
		panic("reflect: Value.SetIterValue called before Next")
	}
	if iter.hiter.key() == nil {
		panic("reflect: Value.SetIterValue called on exhausted iterator")
	}
	v.Set(iter.Value())
}
