// A type switch tests a nil operand first, compares concrete cases with the type descriptor, and
// gives each interface case a one-entry {type, itab} cache in front of getitab (no assertE2I2).
package main

type V interface{ Value() int }

type M int

func (m M) Value() int { return int(m) }

// CHECK: @typeswitch.cache{{.*}} = {{.*}}global {{.*}}
// CHECK-LABEL: define internal {{.*}} @main.classify(
// CHECK: icmp eq ptr %{{.*}}, null
// CHECK: icmp eq ptr %{{.*}}, @"type:int"
// CHECK: load ptr, ptr @typeswitch.cache
// CHECK: call ptr @runtime_getitab(
// CHECK-NOT: assertE2I2
// CHECK-LABEL: define
//
//go:noinline
func classify(x interface{}) int {
	switch v := x.(type) {
	case int:
		return v
	case V:
		return v.Value()
	case nil:
		return -1
	}
	return 0
}

func main() {
	println(classify(1), classify(M(2)), classify(nil), classify("s"))
}
