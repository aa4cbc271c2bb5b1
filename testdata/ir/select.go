// select (lower_select.c), in gc's shapes: select {} calls block; one case and a default is a
// selectnbsend/selectnbrecv test; the general form fills an Scase array {c, elem} in the frame,
// sends first then receives in source order, calls selectgo (block = no default) and switches
// on the chosen index, -1 being the default.
package main

// CHECK-LABEL: define internal {{.*}} @main.forever(
// CHECK: call void @runtime_block()
// CHECK-NEXT: unreachable
//
//go:noinline
func forever() {
	select {}
}

// CHECK-LABEL: define internal {{.*}} @main.trysend(
// CHECK: call i1 @runtime_selectnbsend(ptr %c, ptr nonnull
//
//go:noinline
func trysend(c chan int, v int) bool {
	select {
	case c <- v:
		return true
	default:
		return false
	}
}

// CHECK-LABEL: define internal {{.*}} @main.tryrecv(
// CHECK: call i1 @runtime_selectnbrecv(ptr %c, ptr nonnull {{%.*}}, ptr nonnull
//
//go:noinline
func tryrecv(c chan int) (int, bool, bool) {
	select {
	case v, ok := <-c:
		return v, ok, true
	default:
		return 0, false, false
	}
}

// Three cases and a default: the send (source order 2) is Scase 0, the receives are 1 and 2 in
// source order; selectgo(cases, order, nsends 1, nrecvs 2, block false, &recvok).
// CHECK-LABEL: define internal {{.*}} @main.general(
// CHECK: [[CASES:%.*]] = alloca [48 x i8], align 8
// CHECK: [[ORDER:%.*]] = alloca [6 x i16]
// CHECK-DAG: store ptr %a, ptr {{%.*}}, align 8
// CHECK-DAG: store ptr %b, ptr [[CASES]], align 8
// CHECK-DAG: store ptr %d, ptr {{%.*}}, align 8
// CHECK: [[I:%.*]] = call i64 @runtime_selectgo(ptr nonnull [[CASES]], ptr nonnull [[ORDER]], i64 1, i64 2, i1 false, ptr nonnull
// CHECK: switch i64 [[I]], label %{{.*}} [
// CHECK-NEXT: i64 1, label
// CHECK-NEXT: i64 0, label
// CHECK-NEXT: i64 2, label
// CHECK-NEXT: ]
//
//go:noinline
func general(a, b, d chan int) int {
	select {
	case x := <-a:
		return x
	case b <- 7:
		return -1
	case <-d:
		return -2
	default:
		return -3
	}
}

func main() {
	a, b, d := make(chan int), make(chan int, 1), make(chan int)
	println(trysend(b, 1))
	v, ok, got := tryrecv(a)
	println(v, ok, got, general(a, b, d))
	forever()
}
