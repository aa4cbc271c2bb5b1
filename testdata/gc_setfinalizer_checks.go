// gc_setfinalizer_checks: runtime.SetFinalizer's argument checks, each a fatal error with go1.19's
// message (mfinal.go). A fatal error ends the process, so the program runs itself once per case
// (GC_SETFINALIZER_CASE=N) and prints each child's first line of stderr and exit status; a case
// that go1.19 accepts prints "accepted". The checks that need the heap's object lookup (a pointer
// outside any object, or inside one) are gc_setfinalizer_accept.go and, until the collector,
// pending/gc_setfinalizer_nilptr.go and pending/gc_setfinalizer_interior.go.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
)

type T struct {
	n int
	p *int
}

type U struct{ n int }

type named *T

var global T

var cases = []func(){
	func() { runtime.SetFinalizer(nil, nil) },
	func() { runtime.SetFinalizer(42, nil) },
	func() { runtime.SetFinalizer(T{}, nil) },
	func() { runtime.SetFinalizer(&T{}, 42) },
	func() { runtime.SetFinalizer(&T{}, "finalizer") },
	func() { runtime.SetFinalizer(&T{}, func(...any) {}) },
	func() { runtime.SetFinalizer(&T{}, func(a, b *T) {}) },
	func() { runtime.SetFinalizer(&T{}, func() {}) },
	func() { runtime.SetFinalizer(&T{}, func(*U) {}) },
	func() { runtime.SetFinalizer(&T{}, func(fmt.Stringer) {}) },
	func() { runtime.SetFinalizer(&T{}, func(T) {}) },
	func() { var q named = &T{}; runtime.SetFinalizer(q, func(*T) {}) },
	func() {
		t := &T{}
		runtime.SetFinalizer(t, func(*T) {})
		runtime.SetFinalizer(t, func(any) {})
	},
	// accepted: the exact type, any, an unnamed pointer with the same element, results, removal
	func() { runtime.SetFinalizer(&T{}, func(*T) {}) },
	func() { runtime.SetFinalizer(&T{}, func(any) {}) },
	func() { runtime.SetFinalizer(&T{}, func(*T) (int, string) { return 0, "" }) },
	func() { var q named = &T{}; runtime.SetFinalizer(q, func(named) {}) },
	func() {
		t := &T{}
		runtime.SetFinalizer(t, func(*T) {})
		runtime.SetFinalizer(t, nil)
		runtime.SetFinalizer(t, func(*T) {})
	},
	func() { runtime.SetFinalizer(new(struct{}), func(*struct{}) {}) },
}

func main() {
	if s := os.Getenv("GC_SETFINALIZER_CASE"); s != "" {
		i, _ := strconv.Atoi(s)
		cases[i]()
		fmt.Println("accepted")
		return
	}
	for i := range cases {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "GC_SETFINALIZER_CASE="+strconv.Itoa(i))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		first, _, _ := bytes.Cut(stderr.Bytes(), []byte("\n"))
		fmt.Printf("%d: %s%s (%v)\n", i, bytes.TrimSpace(stdout.Bytes()), first, err)
	}
}
