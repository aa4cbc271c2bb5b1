// The preemption poll at loop back-edges (lower_loop_poll): each iteration loads the thread's
// split-stack limit word (%fs:0x70, address space 257) and, on the cold path only, calls
// runtime_preemptcheck; after -O2 the loop keeps the poll (a volatile load is never hoisted) and
// its branch stays weighted as never taken. Counted loops have none.
package main

import "sync/atomic"

var flag int32

// A loop that calls no function: the poll is its only preemption point.
//
// CHECK-LABEL: define internal {{.*}} @main.spin(
// CHECK: load volatile i64, ptr addrspace(257) inttoptr (i64 112 to ptr addrspace(257))
// CHECK: icmp eq i64 {{.*}}, -1
// CHECK: br i1 {{.*}}, !prof [[COLD:![0-9]+]]
// CHECK: call void @runtime_preemptcheck()
//
//go:noinline
func spin() int {
	n := 0
	for atomic.LoadInt32(&flag) == 0 {
		n++
	}
	return n
}

// A counted loop ends by itself: no poll, so it stays vectorizable. Ranges over slices likewise.
//
// CHECK-LABEL: define internal {{.*}} @main.total(
// CHECK-NOT: runtime_preemptcheck
// CHECK: ret i64
//
//go:noinline
func total(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
	}
	for _, v := range s {
		t += v
	}
	return t
}

// A loop whose bound changes in its body is not counted: it polls.
//
// CHECK-LABEL: define internal {{.*}} @main.grow(
// CHECK: call void @runtime_preemptcheck()
//
//go:noinline
func grow(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		n += t & 1
		t += i
	}
	return t
}

// CHECK: [[COLD]] = !{!"branch_weights", i32 1, i32 1048576}

func main() {
	flag = 1
	println(spin(), total([]int{1, 2, 3}), grow(5))
}
