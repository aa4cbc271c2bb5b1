// runtime.GOOS and runtime.GOARCH are constants ("linux", "amd64", stdlib/runtime/extern.go), as in
// gc where they come from the build's target: a comparison with them is a constant, so the branch
// for another target disappears at -O2, with everything it calls, and nothing reads a variable.
// (The functions take arguments from a variable, so that LLVM cannot fold their whole results.)
package main

import "runtime"

//go:noinline
func windowsJoin(dir string) string { return dir + "\\" }

//go:noinline
func unixJoin(dir string) string { return dir + "/" }

// CHECK-NOT: runtime.GOOS
// CHECK-LABEL: define internal {{.*}} @main.root(
// CHECK-NOT: @main.windowsJoin
// CHECK: call {{.*}}@main.unixJoin(
// CHECK-NOT: @main.windowsJoin
// CHECK: ret
//
//go:noinline
func root(dir string) string {
	if runtime.GOOS == "windows" {
		return windowsJoin(dir)
	}
	return unixJoin(dir)
}

// A check of GOARCH leaves no comparison and no panic behind.
//
// CHECK-LABEL: define internal {{.*}} @main.wordBytes(
// CHECK-NOT: gopanic
// CHECK-NOT: memequal
// CHECK-NOT: runtime.GOARCH
// CHECK: shl i64 {{.*}}, 3
// CHECK-NEXT: ret i64
//
//go:noinline
func wordBytes(n int) int {
	if runtime.GOARCH != "amd64" {
		panic("unexpected GOARCH " + runtime.GOARCH)
	}
	return n * 8
}

var dir = "tmp"

// windowsJoin is never called, so at -O2 it is not even defined.
//
// CHECK-NOT: define {{.*}}@main.windowsJoin(
func main() {
	dir += "x"
	println(root(dir), wordBytes(len(dir)))
}
