// Bounds checks that gc removes and LLVM must remove too, and the ones that must stay.
package main

// Indexing inside `for i := range s` is always in bounds: after -O2 no goPanicIndex call is left.
//
// CHECK-LABEL: define internal {{.*}} @main.total(
// CHECK-NOT: call void @runtime_goPanicIndex
// CHECK: ret i64
//
//go:noinline
func total(s []int) int {
	t := 0
	for i := range s {
		t += s[i]
	}
	return t
}

// A constant index into an array is proven by the checker: no check is emitted at all.
//
// CHECK-LABEL: define internal {{.*}} @main.second(
// CHECK-NOT: call void @runtime_goPanicIndex
// CHECK: ret i64
//
//go:noinline
func second(a [4]int) int {
	return a[1]
}

// An index nothing is known about keeps its check: a compare, and the call to goPanicIndex(i, len)
// in a cold block. (main calls it with two different slices and indexes, so interprocedural
// constant propagation cannot decide it either.)
//
// CHECK-LABEL: define internal {{.*}} @main.at(
// CHECK: icmp {{ult|ugt}} i64
// CHECK: call void @runtime_goPanicIndex(i64 {{.*}}, i64 {{.*}})
// CHECK-NEXT: unreachable
//
//go:noinline
func at(s []int, i int) int {
	return s[i]
}

// CHECK: declare void @runtime_goPanicIndex(i64, i64) {{.*}}[[COLD:#[0-9]+]]
// CHECK: attributes [[COLD]] = { cold nomerge noreturn nounwind }
func main() {
	s := []int{1, 2, 3}
	t := []int{4, 5}
	println(total(s), second([4]int{1, 2, 3, 4}), at(s, 2), at(t, 0))
}
