// Open-coded defers (gc's rule: at most 8 defers, none in a loop, returns x defers <= 15): the
// function registers one record (deferprocOpen) and runs its pending deferred calls at each return
// as direct calls, which LLVM may inline; no deferproc/deferprocStack/deferreturn. A deferred call
// that cannot recover (a literal without recover(), a method of this package without it) needs no
// jump buffer: no deferframe. One that may recover keeps it.
package main

type acc struct{ n int }

func (a *acc) add(k int) { a.n += k }

// The literal is inlined at the return (LLVM even folds its increment into the body's): the bit is
// cleared in the record, no call of main.once.func1 is left.
//
// CHECK-LABEL: define internal {{.*}} @main.once(
// CHECK-NOT: deferframe
// CHECK-NOT: call {{.*}}@main.once.func1
// CHECK: call void @runtime_deferprocOpen(ptr {{.*}}, ptr null)
// CHECK-NOT: runtime_deferproc(
// CHECK-NOT: runtime_deferprocStack
// CHECK: store i8 0, ptr
// CHECK-NOT: @main.once.func1
// CHECK: call void @runtime_deferreturnOpen(
// CHECK-NOT: runtime_deferreturn(
// CHECK: ret void
//
//go:noinline
func once(a *acc, i int) {
	defer func() { a.n++ }()
	a.n += i & 3
}

// A deferred method call with arguments whose method cannot recover: its thunk calls no
// deferwrapper and is not noinline, so the thunk and the method are inlined at the return.
//
// CHECK-LABEL: define internal {{.*}} @main.withArgs(
// CHECK-NOT: deferframe
// CHECK: call void @runtime_deferprocOpen(
// CHECK-NOT: call {{.*}}deferwrap
// CHECK: call void @runtime_deferreturnOpen(
//
//go:noinline
func withArgs(a *acc, i int) {
	defer a.add(i & 7)
	a.n ^= i
}

// A guarded defer: its bit is set only on the path through the `if`, and its call runs at the
// return only there.
//
// CHECK-LABEL: define internal {{.*}} @main.guarded(
// CHECK-NOT: deferframe
// CHECK: call void @runtime_deferprocOpen(
// CHECK: store i8 1, ptr
// CHECK: store i8 0, ptr
// CHECK: call void @runtime_deferreturnOpen(
//
//go:noinline
func guarded(a *acc, i int) {
	if i > 0 {
		defer a.add(i)
	}
	a.n--
}

// A deferred closure that recovers: the frame keeps its jump buffer.
//
// CHECK-LABEL: define internal {{.*}} @main.recovering(
// CHECK: call void @runtime_deferprocOpen(ptr {{.*}}, ptr {{.*}}%deferframe)
// CHECK: call i32 @runtime_deferframe(
// CHECK: call void @runtime_deferreturnOpen(
//
//go:noinline
func recovering(i int) (r int) {
	defer func() {
		if recover() != nil {
			r = -1
		}
	}()
	if i == 0 {
		panic("zero")
	}
	return i
}

type R struct{ got string }

func (r *R) rec() {
	if e := recover(); e != nil {
		r.got = e.(string)
	}
}

// A deferred method that recovers: the frame keeps its jump buffer, and the thunk passes the
// right to recover on with deferwrapper.
//
// CHECK-LABEL: define internal {{.*}} @main.method(
// CHECK: call i32 @runtime_deferframe(
//
//go:noinline
func method() (r R) {
	defer r.rec()
	panic("method")
}

func main() {
	a := &acc{}
	once(a, 3)
	withArgs(a, 5)
	guarded(a, 2)
	guarded(a, 0)
	println(a.n, recovering(0), recovering(4), method().got)
}

// CHECK-LABEL: define internal void @main.withArgs.deferwrap1(
// CHECK-NOT: runtime_deferwrapper
// CHECK: ret void
// CHECK-LABEL: define internal void @main.method.deferwrap1(
// CHECK: call void @runtime_deferwrapper(
