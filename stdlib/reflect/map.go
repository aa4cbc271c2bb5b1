// map.go: the map and channel operations of reflect.Value, which need gocc's C map runtime
// (runtime/map.c). They panic "not supported yet by gocc" until body-less functions can reach it;
// Len of a map reads the header's count (runtime.def MAP_COUNT_OFFSET) and needs no call.
package reflect

// A MapIter is an iterator for ranging over a map.
type MapIter struct {
	m Value
}

func (v Value) MapKeys() []Value {
	v.flag.mustBe(Map, "reflect.Value.MapKeys")
	panic("reflect: Value.MapKeys is not supported yet by gocc")
}

func (v Value) MapIndex(key Value) Value {
	v.flag.mustBe(Map, "reflect.Value.MapIndex")
	panic("reflect: Value.MapIndex is not supported yet by gocc")
}

func (v Value) MapRange() *MapIter {
	if v.kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.kind()})
	}
	panic("reflect: Value.MapRange is not supported yet by gocc")
}

func (v Value) SetMapIndex(key, elem Value) {
	v.flag.mustBe(Map, "reflect.Value.SetMapIndex")
	panic("reflect: Value.SetMapIndex is not supported yet by gocc")
}

func (it *MapIter) Next() bool   { panic("reflect: MapIter is not supported yet by gocc") }
func (it *MapIter) Key() Value   { panic("reflect: MapIter is not supported yet by gocc") }
func (it *MapIter) Value() Value { panic("reflect: MapIter is not supported yet by gocc") }
func (it *MapIter) Reset(v Value) {
	panic("reflect: MapIter is not supported yet by gocc")
}

// MakeMap and MakeMapWithSize need runtime_makemap.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	panic("reflect: MakeMap is not supported yet by gocc")
}
