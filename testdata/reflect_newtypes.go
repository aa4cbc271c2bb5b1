// reflect.New, PtrTo, SliceOf, array slicing, MakeSlice and Append for pointer and slice types the
// program never spells: reflect makes their descriptors (type string, size, comparability) once
// and keeps their identity.
package main

import "reflect"

type Q struct{ A int16 }

func main() {
	t := reflect.TypeOf(int16(0))
	p := reflect.New(t)
	p.Elem().SetInt(-7)
	println(p.Type().String(), p.Elem().Int(), p.Kind().String(), p.Type().Elem() == t)
	pp := reflect.PtrTo(p.Type())
	println(pp.String(), pp == reflect.PtrTo(p.Type()), pp.Elem() == p.Type(), pp.Size(), pp.Comparable())
	arr := [3]float32{1.5, 2.5, 3.5}
	s := reflect.ValueOf(&arr).Elem().Slice(0, 2)
	println(s.Type().String(), s.Len(), s.Cap(), s.Index(1).Float(), s.Type().Comparable())
	st := reflect.SliceOf(reflect.TypeOf(Q{}))
	ms := reflect.MakeSlice(st, 2, 4)
	ms.Index(1).Field(0).SetInt(9)
	ms = reflect.Append(ms, reflect.ValueOf(Q{3}))
	println(st.String(), ms.Len(), ms.Index(1).Field(0).Int(), ms.Index(2).Field(0).Int())
	println(reflect.DeepEqual(p.Interface(), p.Interface()), reflect.New(reflect.TypeOf(struct{ X uint16 }{})).Type().String())
}

type NP *int16
type NM map[string]int

func init() {
	var np NP
	_ = np
	pi := reflect.PtrTo(reflect.TypeOf(int16(0)))
	println(pi.String(), pi.Name())
	mt := reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(int8(0)))
	m := reflect.MakeMap(mt)
	m.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(int8(3)))
	println(mt.String(), mt.Name(), m.Len(), m.MapIndex(reflect.ValueOf("k")).Int(), mt == reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(int8(0))))
	var nm NM
	println(reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0)).String(), reflect.TypeOf(nm).String())
	ft := reflect.FuncOf([]reflect.Type{reflect.TypeOf(0), reflect.TypeOf([]string{})}, []reflect.Type{reflect.TypeOf(false), reflect.TypeOf((*error)(nil)).Elem()}, true)
	println(ft.String(), ft.IsVariadic(), ft.NumIn(), ft.NumOut())
	add := func(a, b int) int { return a + b }
	println(reflect.FuncOf([]reflect.Type{reflect.TypeOf(0), reflect.TypeOf(0)}, []reflect.Type{reflect.TypeOf(0)}, false) == reflect.TypeOf(add))
	defer func() { println(recover().(string)) }()
	reflect.MapOf(reflect.TypeOf([]int{}), reflect.TypeOf(0))
}
