// The go statement (lower_go.c): the call's operands are evaluated at the statement and stored in
// a heap closure {thunk, values...} whose thunk replays the call (the code defer uses), then
// runtime_newproc starts it; `go func(){...}()` hands over the literal's own closure, which
// escapes with the variables it captures.
// gocc-flags: -O0
package main

type T struct{ a, b int }

func (t T) show(s string) { println(s, t.a, t.b) }

type I interface{ show(string) }

func work(n int, s string) { println(n, s) }

var ch = make(chan int)

// CHECK-LABEL: define void @main.main(
// `go work(n, "x")`: n read now, stored in the closure after the thunk (the constant is replayed)
// CHECK: [[C1:%.*]] = call ptr @runtime_mallocgc(i64 16, ptr null, i1 true)
// CHECK-NEXT: store ptr @main.main.gowrap1, ptr [[C1]]
// CHECK: call void @runtime_newproc(ptr [[C1]])
// `go func(){...}()`: the literal's closure, on the heap with its captured variable's cell
// CHECK: [[LIT:%.*]] = call ptr @runtime_newobject(ptr @"type:[2]unsafe.Pointer")
// CHECK-NEXT: store ptr @main.main.func1, ptr [[LIT]]
// CHECK: call void @runtime_newproc(ptr [[LIT]])
// an interface method: the itab is nil-checked at the go statement, the method value stored
// CHECK: call void @runtime_panicmem()
// CHECK: store ptr @main.I.show-fm
// CHECK: store ptr @main.main.gowrap2
// CHECK: call void @runtime_newproc(
// builtins: `go close(ch)` and `go println(n)`
// CHECK: store ptr @main.main.gowrap3
// CHECK: call void @runtime_newproc(
// CHECK: store ptr @main.main.gowrap4
// CHECK: call void @runtime_newproc(
func main() {
	n := 1
	go work(n, "x")
	go func() { n++; ch <- n }()
	var i I = T{1, 2}
	go i.show("y")
	go close(ch)
	go println(n)
}

// The thunk replays the call with the stored values and is a plain func() (ctx only).
// CHECK-LABEL: define internal void @main.main.gowrap1(ptr %0)
// CHECK-NOT: deferwrapper
// CHECK: [[N:%.*]] = load i64, ptr
// CHECK-NEXT: call void @main.work(ptr poison, i64 [[N]], { ptr, i64 }
// CHECK-NEXT: ret void
// CHECK-LABEL: define internal void @main.main.gowrap3(ptr %0)
// CHECK: call void @runtime_closechan(ptr
