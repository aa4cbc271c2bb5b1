// gocc-flags: -O0
// runtime.KeepAlive at -O0 is the intrinsic too (keepalive.go checks -O2): no call of
// runtime.KeepAlive is emitted, even unoptimised; the argument, converted to `any`, gives its data
// word to an empty asm statement with side effects. A pointer's data word is the pointer itself.
package main

import "runtime"

type file struct{ fd int }

// CHECK-NOT: runtime.KeepAlive
// CHECK-LABEL: define internal {{.*}} @main.readFd(
// CHECK: %[[D:[0-9a-z.]+]] = extractvalue {{.*}}, 1
// CHECK-NEXT: call void asm sideeffect "", "r"(ptr %[[D]])
// CHECK-NOT: runtime.KeepAlive
// CHECK: ret i64
func readFd(f *file) int {
	fd := f.fd
	runtime.KeepAlive(f)
	return fd
}

// A non-pointer value is boxed as for any conversion to `any`; the box is what the asm uses.
//
// CHECK-LABEL: define internal {{.*}} @main.keepInt(
// CHECK: call void asm sideeffect "", "r"(ptr
// CHECK-NOT: runtime.KeepAlive
// CHECK: ret void
func keepInt(n int) {
	runtime.KeepAlive(n)
}

// CHECK-NOT: runtime.KeepAlive
func main() {
	keepInt(readFd(&file{fd: 7}))
}
