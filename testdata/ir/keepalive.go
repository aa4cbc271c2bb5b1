// runtime.KeepAlive is a compiler intrinsic (compiler/lower/lower_call.c): at -O2 the call is an
// empty asm statement with side effects taking the argument's pointer as a register input, where the
// call was, and no call of runtime.KeepAlive is left for the optimiser to inline and delete. The
// asm comes after the last use of the object's fields, so the object stays reachable up to there.
// keepalive_O0.go checks the same at -O0.
package main

import "runtime"

type file struct {
	fd   int
	name string
}

// CHECK-NOT: runtime.KeepAlive
// CHECK-LABEL: define internal {{.*}} @main.readFd(
// CHECK: load i64, ptr %[[P:[0-9a-z.]+]]
// CHECK: call void asm sideeffect "", "r"(ptr {{.*}}%[[P]])
// CHECK-NOT: runtime.KeepAlive
// CHECK: ret i64
//
//go:noinline
func readFd(f *file) int {
	fd := f.fd
	runtime.KeepAlive(f)
	return fd * 3
}

// Each call is its own use: two calls, two asm statements, in the loop's body.
//
// CHECK-LABEL: define internal {{.*}} @main.twice(
// CHECK: call void asm sideeffect "", "r"(ptr
// CHECK: call void asm sideeffect "", "r"(ptr
// CHECK-NOT: runtime.KeepAlive
// CHECK: ret
//
//go:noinline
func twice(a, b *file) int {
	n := 0
	for i := 0; i < a.fd; i++ {
		n += b.fd
		runtime.KeepAlive(a)
		runtime.KeepAlive(b)
	}
	return n
}

// CHECK-NOT: call {{.*}}runtime.KeepAlive
func main() {
	f := &file{fd: 7, name: "x"}
	println(readFd(f), twice(f, f))
}
