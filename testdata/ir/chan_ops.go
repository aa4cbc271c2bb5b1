// Channel operations (lower_chan.c) are calls of runtime.def's chan.c entry points, elements
// crossing by the address of a temporary in the frame: makechan with the channel type's
// descriptor (elem = element type, len = reflect.BothDir 3), chansend1, chanrecv1 (NULL when the
// value is discarded), chanrecv2 for the comma-ok form and for range, closechan, chanlen, chancap.
package main

// CHECK: @"type:chan main.P" = linkonce_odr constant %GoType { {{.*}}, ptr @"type:main.P", ptr null, i64 3,
// CHECK: @"type:<-chan int" = linkonce_odr constant %GoType { {{.*}}, ptr @"type:int", ptr null, i64 1,

type P struct{ x, y int64 }

var recvOnly <-chan int

// CHECK-LABEL: define internal {{.*}} @main.ops(
// CHECK: [[C:%.*]] = call ptr @runtime_makechan(ptr nonnull @"type:chan main.P", i64 {{.*}})
// CHECK: call void @runtime_chansend1(ptr [[C]], ptr nonnull [[SEND:%.*]])
// CHECK: call void @runtime_chanrecv1(ptr [[C]], ptr nonnull [[RECV:%.*]])
// CHECK: call void @runtime_chanrecv1(ptr [[C]], ptr null)
// CHECK: call i1 @runtime_chanrecv2(ptr [[C]], ptr nonnull
// CHECK: call i64 @runtime_chanlen(ptr [[C]])
// CHECK: call i64 @runtime_chancap(ptr [[C]])
// CHECK: call void @runtime_closechan(ptr [[C]])
//
//go:noinline
func ops(n int8) int64 {
	c := make(chan P, n)
	c <- P{1, 2}
	p := <-c
	<-c
	q, ok := <-c
	if !ok {
		return 0
	}
	r := int64(len(c) + cap(c))
	close(c)
	return p.x + q.y + r
}

// for v := range c: chanrecv2 at the top of every iteration, out of the loop when it says false.
// CHECK-LABEL: define internal {{.*}} @main.sum(
// CHECK: [[OK:%.*]] = call i1 @runtime_chanrecv2(ptr %c, ptr nonnull [[TMP:%.*]])
// CHECK-NEXT: br i1 [[OK]], label %chanrange.body, label %chanrange.end
// CHECK: load i64, ptr [[TMP]]
//
//go:noinline
func sum(c chan int) (s int64) {
	for v := range c {
		s += int64(v)
	}
	return s
}

func main() {
	_ = recvOnly
	println(ops(1), sum(make(chan int)))
}
