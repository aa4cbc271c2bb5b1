// Closures and their captured variables, as gc's escape analysis decides (compiler/middle/
// escape.c, esc_func_lit): a function literal that is only called (directly, or through a local
// that is only called) does not escape, so its closure object and the variables it captures are
// entry-block allocas; a closure stored where it outlives the frame puts its captured variables in
// heap cells (runtime newobject) and is itself a heap object. -O0 keeps the allocas and calls as
// lowered.
// gocc-flags: -O0
package main

var keep func() int

// A captured counter behind a local that is only called: x is an alloca, the closure {code, &x}
// too, and nothing is allocated.
//
// CHECK-LABEL: define internal {{.*}} @main.local(
// CHECK-DAG: %x = alloca i64
// CHECK-DAG: alloca [16 x i8]
// CHECK-NOT: runtime_newobject
// CHECK: ret i64
//
//go:noinline
func local() int {
	x := 0
	inc := func() { x++ }
	inc()
	inc()
	return x
}

// A literal called where it stands: the same.
//
// CHECK-LABEL: define internal {{.*}} @main.direct(
// CHECK-DAG: %y = alloca i64
// CHECK-DAG: alloca [16 x i8]
// CHECK-NOT: runtime_newobject
// CHECK: ret i64
//
//go:noinline
func direct(n int) int {
	y := n
	func() { y *= 2 }()
	return y
}

// []rune(s) captured by a closure that does not escape keeps gc's 32-rune stack buffer
// (difftest seed 315): the conversion gets a frame buffer, not a heap one.
//
// CHECK-LABEL: define internal {{.*}} @main.runes(
// CHECK-DAG: alloca [32 x i32]
// CHECK-DAG: alloca [16 x i8]
// CHECK-NOT: runtime_newobject
// CHECK: ret i64
//
//go:noinline
func runes(s string) int {
	r := []rune(s)
	f := func() int { return cap(r) }
	return f()
}

// A closure stored in a global escapes: its captured variable is a heap cell and the closure
// object a heap object.
//
// CHECK-LABEL: define internal {{.*}} @main.escaping(
// CHECK: call ptr @runtime_newobject(ptr @"type:int")
// CHECK: call ptr @runtime_newobject(ptr @"type:[2]unsafe.Pointer")
// CHECK: ret void
//
//go:noinline
func escaping() {
	z := 0
	keep = func() int { z++; return z }
}

func main() {
	escaping()
	println(local(), direct(3), runes("héllo"), keep())
}
