// //go:linkname in the command's module: a function with a body is defined under the remote name,
// visible (not internal like the command's other functions); a body-less one is an external
// declaration of its remote name with the ordinary calling convention, for another object or the
// runtime's C to define; a variable without a value is COMMON, a definition elsewhere winning.
// gocc-flags: -O0
package main

import _ "unsafe"

// CHECK-DAG: @runtime.someCounter = common global i64 0
//
//go:linkname counter runtime.someCounter
var counter int

// CHECK-DAG: define { ptr, i64 } @example.pushed(ptr %ctx, i64 %n)
//
//go:linkname pushed example.pushed
func pushed(n int) string { return "x" }

// CHECK-DAG: declare { i64, i1 } @runtime.pulled(ptr, { ptr, i64, i64 }, ptr)
//
//go:linkname pulled runtime.pulled
func pulled(b []byte, p *int) (int, bool)

// CHECK-DAG: define internal void @main.plain(ptr %ctx)
func plain() {}

func main() {
	plain()
	n, ok := pulled(nil, &counter)
	println(n, ok, pushed(counter))
}
