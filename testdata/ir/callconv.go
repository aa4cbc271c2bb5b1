// The calling convention of Go functions (docs/architecture.md) as LLVM attributes, before the
// optimiser rewrites internal functions to fastcc: ret fn(ptr ctx, ptr out..., params...).
// gocc-flags: -O0
package main

type P struct{ x, y, z int }

// An aggregate result travels through an out pointer that comes right after ctx; an aggregate
// parameter is a pointer to a copy the callee owns. Both are noalias nonnull dereferenceable(size),
// which lets memcpyopt drop copies. Register results are the LLVM return value, in order (the
// aggregate result is not part of it).
//
// CHECK-LABEL: define internal i64 @main.mk(ptr %ctx, ptr noalias nonnull dereferenceable(24) %0, ptr noalias nonnull dereferenceable(24) %a, i64 %n, { ptr, i64 } %s)
func mk(a P, n int, s string) (P, int) { return a, n + len(s) }

// A method's receiver is the first Go parameter, after ctx.
//
// CHECK-LABEL: define internal i64 @main.P.Sum(ptr %ctx, ptr noalias nonnull dereferenceable(24) %p)
func (p P) Sum() int { return p.x + p.y + p.z }

// Several register results come back as one literal struct.
//
// CHECK-LABEL: define internal { i64, i1 } @main.two(ptr %ctx, i64 %v)
func two(v int) (int, bool) { return v, v > 0 }

// main.main is the runtime's entry (runtime.def GO_ENTRY): external, no parameters. Direct calls
// pass a poison ctx; a call through a func value loads the code pointer from the closure's first
// word and passes the closure itself as ctx.
//
// CHECK-LABEL: define void @main.main()
// CHECK: call i64 @main.mk(ptr poison, ptr %{{.*}}, ptr %{{.*}}, i64 4, { ptr, i64 } { ptr @{{.*}}, i64 2 })
// CHECK: [[CLOSURE:%[0-9]+]] = load ptr, ptr %f
// CHECK: [[CODE:%.*]] = load ptr, ptr [[CLOSURE]], align 8
// CHECK: call i64 [[CODE]](ptr [[CLOSURE]],
func main() {
	q, n := mk(P{1, 2, 3}, 4, "ab")
	f := mk
	r, _ := f(q, n, "")
	a, b := two(n)
	println(r.Sum(), a, b)
}

// Runtime entry points are declared from runtime.def: panics are noreturn cold, narrow integers
// are extended as the C side expects, allocators return fresh memory.
// CHECK-DAG: declare void @runtime_panicmem() [[NORET:#[0-9]+]]
// CHECK-DAG: declare void @runtime_printbool(i1 zeroext)
// CHECK-DAG: attributes [[NORET]] = { cold nomerge noreturn nounwind }
