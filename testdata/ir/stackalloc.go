// Allocation sites kept in the frame, as gc's escape analysis decides (compiler/middle/escape.c):
// new(T), &T{...}, slice literals and make([]T, constant) whose result does not escape are entry-
// block allocas; a returned, globally stored, non-constant or over-64 KB allocation stays a runtime
// call. -O0 keeps each function's allocas and calls as lowered.
// gocc-flags: -O0
package main

type T struct{ a, b int }

var g *T

// A slice literal used only locally: its backing array is an alloca, no newobject.
//
// CHECK-LABEL: define internal {{.*}} @main.lit(
// CHECK: alloca [24 x i8]
// CHECK-NOT: runtime_newobject
// CHECK: ret i64
//
//go:noinline
func lit() int {
	s := []int{1, 2, 3}
	return s[0] + s[2]
}

// A returned &T{} escapes.
//
// CHECK-LABEL: define internal {{.*}} @main.ret(
// CHECK: call ptr @runtime_newobject(ptr @"type:main.T")
// CHECK: ret ptr
//
//go:noinline
func ret() *T {
	return &T{1, 2}
}

// make with a constant size within 64 KB, used locally: an alloca of the whole array.
//
// CHECK-LABEL: define internal {{.*}} @main.mk(
// CHECK: alloca [64 x i8]
// CHECK-NOT: runtime_makeslice
// CHECK: ret i64
//
//go:noinline
func mk() int {
	b := make([]byte, 64)
	b[3] = 7
	return int(b[3]) + len(b)
}

// make with a size known only at run time: runtime makeslice.
//
// CHECK-LABEL: define internal {{.*}} @main.mkn(
// CHECK: call ptr @runtime_makeslice(
// CHECK: ret i64
//
//go:noinline
func mkn(n int) int {
	b := make([]byte, n)
	return len(b)
}

// Over gc's 64 KB limit for implicit allocations (MaxImplicitStackVarSize): on the heap.
//
// CHECK-LABEL: define internal {{.*}} @main.big(
// CHECK: call ptr @runtime_makeslice(
// CHECK: ret i64
//
//go:noinline
func big() int {
	b := make([]byte, 64*1024+1)
	b[0] = 1
	return int(b[0])
}

// Exactly 64 KB still fits.
//
// CHECK-LABEL: define internal {{.*}} @main.edge(
// CHECK: alloca [65536 x i8]
// CHECK-NOT: runtime_makeslice
// CHECK: ret i64
//
//go:noinline
func edge() int {
	b := make([]byte, 64*1024)
	b[0] = 1
	return int(b[0])
}

// An address stored in a package variable escapes.
//
// CHECK-LABEL: define internal {{.*}} @main.glob(
// CHECK: call ptr @runtime_newobject(ptr @"type:main.T")
// CHECK: ret void
//
//go:noinline
func glob() {
	g = &T{3, 4}
}

// new(T) whose pointer is copied to another local that is returned: the copy carries the escape.
//
// CHECK-LABEL: define internal {{.*}} @main.chain(
// CHECK: call ptr @runtime_newobject(ptr @"type:main.T")
// CHECK: ret ptr
//
//go:noinline
func chain() *T {
	p := new(T)
	q := p
	return q
}

// new(T) used through local aliases only: in the frame.
//
// CHECK-LABEL: define internal {{.*}} @main.alias(
// CHECK-NOT: runtime_newobject
// CHECK: ret i64
//
//go:noinline
func alias() int {
	p := new(T)
	q := p
	q.a = 5
	return p.a
}

// An allocation in a loop reaching a variable declared outside it must be fresh each iteration:
// heap, as with gc (its "outlives" rule).
//
// CHECK-LABEL: define internal {{.*}} @main.loop(
// CHECK: call ptr @runtime_newobject(ptr @"type:main.T")
// CHECK: ret i64
//
//go:noinline
func loop() int {
	var prev *T
	s := 0
	for i := 0; i < 3; i++ {
		p := &T{i, i}
		if prev != nil {
			s += prev.a * 10
		}
		prev = p
	}
	return s
}

// An allocation captured by a closure that is only called: the closure does not escape, so
// neither does the captured variable nor the object it points to.
//
// CHECK-LABEL: define internal {{.*}} @main.captured(
// CHECK-NOT: runtime_newobject
// CHECK: ret i64
//
//go:noinline
func captured() int {
	p := &T{1, 2}
	f := func() int { return p.a }
	return f()
}

var keep func() int

// The same closure stored in a global escapes: its captured variable lives in a heap cell, and
// the object escapes with it.
//
// CHECK-LABEL: define internal {{.*}} @main.capturedEscaping(
// CHECK: call ptr @runtime_newobject(ptr @"type:main.T")
// CHECK: ret i64
//
//go:noinline
func capturedEscaping() int {
	p := &T{1, 2}
	keep = func() int { return p.a }
	return keep()
}

type Keeper interface{ Keep() }

func (t *T) Keep() { g = t }

// A pointer in an interface whose method is called: the dynamic method may keep its receiver, so
// the object escapes.
//
// CHECK-LABEL: define internal {{.*}} @main.iface(
// CHECK: call ptr @runtime_newobject(ptr @"type:main.T")
// CHECK: ret void
//
//go:noinline
func iface() {
	var k Keeper = &T{5, 6}
	k.Keep()
}

// A pointer in an interface that stays in the frame (only compared): the object stays too.
//
// CHECK-LABEL: define internal {{.*}} @main.ifacelocal(
// CHECK-NOT: runtime_newobject
// CHECK: ret i1
//
//go:noinline
func ifacelocal() bool {
	var i interface{} = &T{5, 6}
	return i != nil
}

var m = map[int][]int{}

// Stored into a map: escapes.
//
// CHECK-LABEL: define internal {{.*}} @main.mapval(
// CHECK: call ptr @runtime_newobject(ptr @"type:[2]int")
// CHECK: ret void
//
//go:noinline
func mapval() {
	s := []int{1, 2}
	m[1] = s
}

func main() {
	println(lit(), ret().a, mk(), mkn(5), big(), edge(), alias(), chain().b, loop(), captured(), capturedEscaping())
	glob()
	iface()
	println(ifacelocal())
	mapval()
	println(g.b, len(m[1]))
}
