// swapper.go: Swapper, element swaps through typedmemmove (runtime/reflect.c) and a scratch value.
package reflect

import "unsafe"

// Swapper returns a function that swaps the elements in the provided slice. Swapper panics if the
// provided interface is not a slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
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
	typ := v.typ.elem
	size := typ.size
	s := (*sliceHeader)(v.ptr)
	tmp := unsafe_New(typ)
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
