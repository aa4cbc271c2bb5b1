// Escape decisions visible in the optimised IR: which values get heap cells (runtime_newobject) and
// which stay in the frame (or vanish into registers).
package main

// A slice literal used only inside its function: as with gc, its backing array does not escape
// and lives in the frame (stackalloc.go has the other allocation sites).
//
// CHECK-LABEL: define internal {{.*}} @main.sum(
// CHECK-NOT: runtime_newobject
// CHECK: ret i64
//
//go:noinline
func sum() int {
	s := []int{1, 2, 3}
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

type Counter struct{ n int }

func (c *Counter) Add(d int) { c.n += d }

// A variable whose address only reaches a non-leaking pointer receiver stays out of the heap.
//
// CHECK-LABEL: define internal {{.*}} @main.count(
// CHECK-NOT: runtime_newobject
// CHECK: ret i64
//
//go:noinline
func count() int {
	var c Counter
	c.Add(1)
	c.Add(2)
	return c.n
}

var keep *int

// A variable whose address is stored in a package variable escapes: one heap cell from newobject.
//
// CHECK-LABEL: define internal {{.*}} @main.leak(
// CHECK: call ptr @runtime_newobject(ptr nonnull @"type:int")
// CHECK: ret void
//
//go:noinline
func leak() {
	x := 7
	keep = &x
}

func main() {
	leak()
	println(sum(), count(), *keep)
}
