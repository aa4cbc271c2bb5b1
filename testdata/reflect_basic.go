// reflect on gocc's descriptors: type strings, names, kinds and sizes; struct fields with tags, offsets,
// embedding and package paths; func, chan and map types; Implements; Values of every basic kind,
// fields, indexing, slicing, Set through pointers, interfaces, Convert, Zero, New, Append, IsZero,
// DeepEqual (cycles included) and ValueError.
package main

import "reflect"

type T struct {
	A int    `json:"a"`
	b string `x:"y" json:"bee,omitempty"`
	C []byte
	Inner
	P *T
}

type Inner struct{ Z float64 }

type Stringer interface{ String() string }

type N int

func (n N) String() string { return "N" }

func show(x interface{}) {
	t := reflect.TypeOf(x)
	println(t.String(), t.Name(), t.Kind().String(), t.PkgPath(), t.Size())
}

func main() {
	show(1)
	show("s")
	show(map[string]int{})
	show(&T{})
	show(T{})
	show([]int{})
	show([3]byte{})
	show(func(int, ...string) (bool, error) { return false, nil })
	show(struct {
		A int "json:\"a\""
	}{})
	println(reflect.TypeOf((*<-chan int)(nil)).Elem().String())
	show(N(0))
	show(1.5)
	show(complex64(1))
	t := reflect.TypeOf(T{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		println(f.Name, f.PkgPath, f.Type.String(), string(f.Tag), f.Tag.Get("json"), f.Offset, f.Anonymous, f.IsExported())
	}
	f, ok := t.FieldByName("Z")
	println(f.Name, ok, len(f.Index), f.Index[0], f.Index[1])
	ft := reflect.TypeOf(func(int, ...string) (bool, error) { return false, nil })
	println(ft.NumIn(), ft.NumOut(), ft.In(1).String(), ft.Out(1).String(), ft.IsVariadic())
	println(reflect.TypeOf((*chan<- int)(nil)).Elem().ChanDir().String())
	println(reflect.TypeOf(N(0)).Implements(reflect.TypeOf((*Stringer)(nil)).Elem()))
	println(reflect.TypeOf(0).Implements(reflect.TypeOf((*Stringer)(nil)).Elem()))
	println(reflect.TypeOf(N(0)).NumMethod(), reflect.TypeOf(map[int]string{}).Key().String())

	v := reflect.ValueOf(T{A: 7, b: "hi", C: []byte("xy"), Inner: Inner{2.5}})
	println(v.Field(0).Int(), v.Field(1).String(), string(v.Field(2).Bytes()), v.Field(3).Field(0).Float())
	println(v.Field(1).CanInterface(), v.Field(0).CanInterface(), v.Field(4).IsNil(), v.Field(0).CanSet())
	x := T{}
	pv := reflect.ValueOf(&x).Elem()
	pv.Field(0).SetInt(42)
	pv.FieldByName("Z").SetFloat(1.25)
	pv.Field(2).Set(reflect.ValueOf([]byte("set")))
	println(x.A, x.Z, string(x.C), pv.Field(0).CanSet(), pv.Field(1).CanSet())
	s := reflect.ValueOf([]string{"a", "b", "c"})
	println(s.Len(), s.Index(1).String(), s.Slice(1, 3).Len(), s.Slice(1, 3).Index(0).String())
	println(reflect.ValueOf("héllo").Index(1).Uint(), reflect.ValueOf(uint8(200)).Uint())
	var e error
	println(reflect.ValueOf(&e).Elem().Kind().String(), reflect.ValueOf(&e).Elem().IsNil())
	var st Stringer = N(3)
	ev := reflect.ValueOf(&st).Elem()
	println(ev.Kind().String(), ev.Elem().Kind().String(), ev.Elem().Int(), ev.Elem().Type().String())
	i := ev.Interface()
	println(i.(Stringer).String())
	println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual([]int{1, 2}, []int{1, 3}))
	println(reflect.DeepEqual(T{A: 1, P: &T{A: 2}}, T{A: 1, P: &T{A: 2}}), reflect.DeepEqual(T{A: 1}, T{A: 2}))
	println(reflect.DeepEqual(1, int64(1)), reflect.DeepEqual(nil, nil), reflect.DeepEqual([]int(nil), []int{}))
	cyc := &T{}
	cyc.P = cyc
	cyc2 := &T{}
	cyc2.P = cyc2
	println(reflect.DeepEqual(cyc, cyc2))
	println(reflect.ValueOf(3).Convert(reflect.TypeOf(1.5)).Float(), reflect.ValueOf(65).Convert(reflect.TypeOf("")).String())
	println(reflect.ValueOf(N(5)).Convert(reflect.TypeOf(0)).Int(), reflect.Zero(reflect.TypeOf(T{})).Field(0).Int())
	println(reflect.ValueOf(T{}).IsZero(), reflect.ValueOf(T{A: 1}).IsZero(), reflect.ValueOf(map[int]int{1: 1}).Len())
	println(reflect.ValueOf(1).String(), reflect.Value{}.String(), reflect.Value{}.IsValid())
	nv := reflect.New(reflect.TypeOf(T{}))
	nv.Elem().Field(0).SetInt(9)
	println(nv.Type().String(), nv.Interface().(*T).A)
	a := reflect.Append(reflect.ValueOf([]int{1}), reflect.ValueOf(2), reflect.ValueOf(3))
	println(a.Len(), a.Index(2).Int())
	var ve error = &reflect.ValueError{Method: "reflect.Value.Int", Kind: reflect.String}
	println(ve.Error())
	defer func() {
		r := recover()
		println(r.(error).Error())
	}()
	reflect.ValueOf("x").Int()
}

func init() {
	arr := [4]int{1, 2, 3, 4}
	av := reflect.ValueOf(&arr).Elem()
	s := reflect.ValueOf([]int{5, 6, 7, 8})
	s3 := s.Slice3(1, 2, 3)
	println(s3.Len(), s3.Cap(), s3.Index(0).Int(), av.Len(), reflect.ValueOf("hello").Slice(1, 3).String())
	println(reflect.DeepEqual([2][]int{{1}, {2}}, [2][]int{{1}, {2}}), reflect.DeepEqual([]byte("ab"), []byte("ab")))
}
