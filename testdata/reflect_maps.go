// reflect on gocc's map runtime (runtime/reflect.c over map.c): MapIndex, MapKeys, MapRange,
// SetMapIndex (insert, overwrite, delete), MakeMap, interface and struct keys, nil maps, DeepEqual
// of maps; and PointerTo/SliceOf/New of types without ptrToThis found among the program's
// descriptors (New of int, slicing an array).
package main

import "reflect"

type K struct {
	A int
	B string
}

var sink []int
var sp *int

func main() {
	maps()
	types()
}

func maps() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	v := reflect.ValueOf(m)
	println(v.Len(), v.MapIndex(reflect.ValueOf("b")).Int(), v.MapIndex(reflect.ValueOf("z")).IsValid())
	sum := 0
	for _, k := range v.MapKeys() {
		sum += int(v.MapIndex(k).Int())
	}
	println(sum)
	it := v.MapRange()
	n := 0
	for it.Next() {
		n += len(it.Key().String()) + int(it.Value().Int())
	}
	println(n)
	nm := reflect.MakeMap(reflect.TypeOf(map[int]string{}))
	nm.SetMapIndex(reflect.ValueOf(5), reflect.ValueOf("five"))
	nm.SetMapIndex(reflect.ValueOf(6), reflect.ValueOf("six"))
	nm.SetMapIndex(reflect.ValueOf(5), reflect.Value{})
	mm := nm.Interface().(map[int]string)
	println(len(mm), mm[6])
	println(reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual(map[string]int{"a": 1}, map[string]int{"a": 2}))
	var im map[interface{}]int = map[interface{}]int{1: 1, "x": 2, 2.5: 3}
	iv := reflect.ValueOf(im)
	println(iv.MapIndex(reflect.ValueOf(1)).Int(), iv.MapIndex(reflect.ValueOf("x")).Int(), iv.MapIndex(reflect.ValueOf(2.5)).Int())
	km := map[K][]int{{2, "x"}: {1}, {1, "y"}: {2, 3}, {1, "a"}: nil}
	kv := reflect.ValueOf(km)
	println(kv.MapIndex(reflect.ValueOf(K{1, "y"})).Len(), kv.MapIndex(reflect.ValueOf(K{1, "a"})).IsNil(), len(kv.MapKeys()))
	var nilm map[string]int
	println(reflect.ValueOf(nilm).Len(), len(reflect.ValueOf(nilm).MapKeys()), reflect.ValueOf(nilm).MapRange().Next())
	ek := reflect.ValueOf(map[string]int{})
	println(reflect.DeepEqual(ek.Interface(), map[string]int{}), reflect.DeepEqual(nilm, map[string]int{}))
}

func types() {
	arr := [3]int{1, 2, 3}
	s := reflect.ValueOf(&arr).Elem().Slice(1, 3)
	println(s.Type().String(), s.Len(), s.Index(0).Int())
	n := reflect.New(reflect.TypeOf(0))
	n.Elem().SetInt(5)
	println(n.Type().String(), *n.Interface().(*int))
	println(reflect.PtrTo(reflect.TypeOf(0)) == reflect.TypeOf(sp), reflect.SliceOf(reflect.TypeOf(0)) == reflect.TypeOf(sink))
	x := 3
	println(reflect.ValueOf(&x).Elem().Addr().Interface().(*int) == &x)
}

func init() {
	m := map[string]int{"k": 7}
	it := reflect.ValueOf(m).MapRange()
	var k string
	var v int
	for it.Next() {
		reflect.ValueOf(&k).Elem().SetIterKey(it)
		reflect.ValueOf(&v).Elem().SetIterValue(it)
	}
	println(k, v)
	ps := []K{{1, "a"}, {2, "b"}, {3, "c"}}
	sw := reflect.Swapper(ps)
	sw(0, 2)
	println(ps[0].B, ps[1].B, ps[2].B)
}
