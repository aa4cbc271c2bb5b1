// reflect on types of other packages: the package path of a named type and of its unexported fields
// is its defining package (errors, sort), whichever package emitted the descriptor.
package main

import (
	"errors"
	"reflect"
	"sort"
)

func main() {
	t := reflect.TypeOf(errors.New("x"))
	println(t.String(), t.Elem().Name(), t.Elem().PkgPath(), t.Elem().Field(0).PkgPath, t.Elem().Field(0).Name)
	st := reflect.TypeOf(sort.IntSlice{})
	println(st.String(), st.Name(), st.PkgPath(), st.NumMethod())
	u := reflect.TypeOf(struct{ a, B int }{})
	println(u.Field(0).PkgPath, u.Field(1).PkgPath, u.PkgPath())
}
