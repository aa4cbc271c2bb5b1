// Wrappers the compiler makes (method values "-fm", (*T).M, interface method values and
// expressions, promoted methods) live in section gocc_wrappers, which runtime_gorecover treats as
// transparent: `defer x.M()` recovers in M through any chain of them, at every -O level.
// gocc-flags: -O0
package main

type I interface{ R() }

type T int

func (t T) R() { println(recover() != nil) }

type S struct{ I }

// CHECK-DAG: define {{.*}} @"main.T.R\C2\B7ptrwrap"({{.*}} section "gocc_wrappers"
// CHECK-DAG: define {{.*}} @main.T.R-fm({{.*}} section "gocc_wrappers"
// CHECK-DAG: define {{.*}} @main.I.R-fm({{.*}} section "gocc_wrappers"
// CHECK-DAG: define {{.*}} @main.I.R({{.*}} section "gocc_wrappers"
// CHECK-DAG: define {{.*}} @"main.S.R\C2\B7promoted"({{.*}} section "gocc_wrappers"
func main() {
	var t T
	var i I = t
	defer t.R()
	defer i.R()
	f := I.R
	f(S{t})
	panic("x")
}
