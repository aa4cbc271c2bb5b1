// A literal with many constant numeric elements is copied from a private constant array with one
// memcpy (as gc's static data); only its non-constant elements are stored one by one.
// gocc-flags: -O0
package main

// CHECK: @go.literal = private unnamed_addr constant [17 x i64] [i64 1, i64 2, i64 3, i64 4, i64 5, i64 6, i64 7, i64 8, i64 9, i64 10, i64 11, i64 12, i64 13, i64 14, i64 15, i64 16, i64 0]
//
// CHECK-LABEL: define internal {{.*}} @main.lit(
// CHECK: call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}, ptr {{.*}}@go.literal, i64 136, i1 false)
// CHECK: store i64
// CHECK: ret i64
//
//go:noinline
func lit(n int) int {
	s := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, n}
	return s[0] + s[16]
}

func main() {
	println(lit(5))
}
