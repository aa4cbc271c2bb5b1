// Which map entry points the lowering calls (runtime.def's map section): the _fast variants for
// 4/8-byte memory keys and strings, the generic ones (key by address) for other keys, len without
// a call, and the iterator in the frame.
package main

type K struct{ a, b, c int }

// CHECK-LABEL: define internal {{.*}} @main.int64key(
// CHECK: call ptr @runtime_mapaccess1_fast64({{.*}}@"type:map[int]int", ptr %m, i64
// CHECK: call ptr @runtime_mapassign_fast64(
// CHECK-NOT: call
// CHECK: ret
//
//go:noinline
func int64key(m map[int]int, k int) {
	m[k] += 1
}

// CHECK-LABEL: define internal {{.*}} @main.int32key(
// CHECK: call { ptr, i8 } @runtime_mapaccess2_fast32({{.*}}@"type:map[int32]bool", ptr %m, i32
//
//go:noinline
func int32key(m map[int32]bool, k int32) bool {
	_, ok := m[k]
	return ok
}

// CHECK-LABEL: define internal {{.*}} @main.strkey(
// CHECK: call void @runtime_mapdelete_faststr({{.*}}@"type:map[string]int", ptr %m, ptr {{.*}}, i64
//
//go:noinline
func strkey(m map[string]int, k string) {
	delete(m, k)
}

// A 24-byte struct key goes by address to the generic entry point.
//
// CHECK-LABEL: define internal {{.*}} @main.structkey(
// CHECK: call ptr @runtime_mapaccess1({{.*}}@"type:map[main.K]int", ptr {{.*}}, ptr
//
//go:noinline
func structkey(m map[K]int, k K) int {
	return m[k]
}

// len reads the header's count word, no call.
//
// CHECK-LABEL: define internal {{.*}} @main.maplen(
// CHECK-NOT: call
// CHECK: load i64
// CHECK-NOT: call
// CHECK: ret i64
//
//go:noinline
func maplen(m map[K]int) int {
	return len(m)
}

// CHECK-LABEL: define internal {{.*}} @main.sum(
// CHECK: alloca [96 x i8]
// CHECK: call void @runtime_mapiterinit(
// CHECK: call void @runtime_mapiternext(
//
//go:noinline
func sum(m map[int]int) int {
	s := 0
	for _, v := range m {
		s += v
	}
	return s
}

func main() {
	m := map[int]int{}
	int64key(m, 1)
	println(int32key(map[int32]bool{}, 1), len(m), sum(m), maplen(map[K]int{{1, 2, 3}: 4}), structkey(map[K]int{}, K{}))
	strkey(map[string]int{}, "x")
}
