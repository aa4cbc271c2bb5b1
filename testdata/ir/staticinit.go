// Package variables whose value is known at compile time are data, not init code (gc's
// staticinit, lower_staticinit.c): the global's initializer holds the value at gc's offsets
// (a packed struct of the pieces, zero bytes between), a slice literal's backing array and
// &T{...} become globals of their own, and main.init stores nothing into them. A value that needs
// code (a call, an interface conversion) stays init code.
// gocc-flags: -O0
package main

type pair struct {
	name string
	n    int32
	ok   bool
}

// CHECK-DAG: @main.pairs = internal global <{ { ptr, i64 }, i32, i8, [3 x i8], { ptr, i64 }, i32, [4 x i8] }> <{ { ptr, i64 } { ptr @{{.*}}, i64 1 }, i32 1, i8 1, [3 x i8] zeroinitializer, { ptr, i64 } { ptr @{{.*}}, i64 1 }, i32 2, [4 x i8] zeroinitializer }>
var pairs = [2]pair{{"a", 1, true}, {"b", 2, false}}

// CHECK-DAG: @main.primes = internal global <{ { ptr, i64, i64 } }> <{ { ptr, i64, i64 } { ptr @go.staticarray, i64 4, i64 4 } }>
// CHECK-DAG: @go.staticarray = internal global <{ i64, i64, i64, i64 }> <{ i64 2, i64 3, i64 5, i64 7 }>
var primes = []int{2, 3, 5, 7}

// CHECK-DAG: @main.origin = internal global <{ ptr }> <{ ptr @go.staticptr }>
// CHECK-DAG: @go.staticptr = internal global <{ { ptr, i64 }, i32, [4 x i8] }>
var origin = &pair{name: "origin", n: 9}

var boxed interface{} = 3 // an interface conversion: init code

func count() int { return len(primes) }

var counted = count() // a call: init code

// CHECK-LABEL: define void @main.init()
// CHECK-NOT: @main.pairs
// CHECK-NOT: @main.primes
// CHECK-NOT: @main.origin
// CHECK: store {{.*}} @main.boxed
// CHECK: store {{.*}} @main.counted
// CHECK: ret void
func main() {
	primes[0] = 1
	println(pairs[0].name, pairs[1].n, primes[0], origin.name, boxed.(int), counted)
}
