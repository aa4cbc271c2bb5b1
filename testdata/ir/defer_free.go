// defer costs nothing where it is not used: a function without defer statements gets no frame
// record, no deferframe/deferreturn calls and no noinline; a deferring one that gc would not
// open-code gets the frame record, the returns_twice deferframe, a stack defer record outside
// loops, deferreturn before its return (open-coded defers: defer_open.go).
package main

// CHECK-LABEL: define internal {{.*}} @main.plain(
// CHECK-NOT: deferframe
// CHECK-NOT: deferreturn
// CHECK: ret i64
//
//go:noinline
func plain(x int) int {
	return x*3 + 1
}

// A function whose defers gc would not open-code (two defers, eight returns: 16 > 15) keeps the
// frame record, the returns_twice deferframe, stack defer records and deferreturn.
//
// CHECK-LABEL: define internal {{.*}} @main.deferring(
// CHECK: alloca [64 x i8], align 16
// CHECK: call i32 @runtime_deferframe(ptr {{.*}}) #[[RT:[0-9]+]]
// CHECK-DAG: call void @runtime_deferprocStack(
// CHECK-DAG: call void @runtime_deferreturn(
//
//go:noinline
func deferring(x int) (r int) {
	defer func() { r++ }()
	defer func() { r *= 2 }()
	switch x {
	case 1:
		return 10
	case 2:
		return 20
	case 3:
		return 30
	case 4:
		return 40
	case 5:
		return 50
	case 6:
		return 60
	case 7:
		return 70
	}
	return x
}

// A defer statement in a loop uses a heap record.
//
// CHECK-LABEL: define internal {{.*}} @main.looping(
// CHECK: call i32 @runtime_deferframe(
// CHECK: call void @runtime_deferproc(
//
//go:noinline
func looping(n int) {
	for i := 0; i < n; i++ {
		defer println(i)
	}
}

// recover() is gorecover(frame address) and keeps its function out of line.
//
// CHECK: define internal void @main.main.func1(ptr {{.*}}) #[[NOINLINE:[0-9]+]]
// CHECK: call ptr @llvm.frameaddress.p0(i32 0)
// CHECK: call { ptr, ptr } @runtime_gorecover(
var two = 2

func main() {
	defer func() { println(recover() != nil) }()
	println(plain(two), deferring(two))
	looping(2)
}

// CHECK-DAG: attributes #[[RT]] = { returns_twice }
// CHECK-DAG: attributes #[[NOINLINE]] = { noinline {{.*}}"disable-tail-calls"="true"{{.*}} }
