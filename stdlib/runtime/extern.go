// Package runtime is gocc's runtime package: the Go-side API over gocc's C runtime (runtime/*.c).
//
// What goes in: the exported API of go1.19's runtime that programs call, and the few unexported names
// the standard library reaches by //go:linkname (overflowError, divideError for math/bits). What comes
// out: small Go functions, and body-less declarations that the C runtime defines under their link
// names (runtime.nanotime, runtime.getproccount, ...; docs/runtime.md lists them with their C files).
//
// The one idea: the C runtime owns every mechanism (heap, panics, signals, time, the CPU set); this
// package only gives those mechanisms go1.19's Go names and types. Nothing here is copied from Go's
// runtime: that runtime is gc's own (its scheduler, collector and ABI), and gocc's is a different one.
//
// The scheduling API (Gosched, Goexit, NumGoroutine, GOMAXPROCS, LockOSThread) is the C
// scheduler's (runtime/proc.c), declared here without bodies. Until the collector exists, GC has
// nothing to do (documented below). What is not implemented yet is listed in
// docs/status.md ("runtime package"); what is implemented but answers differently from gc because of a
// missing mechanism (Caller and friends throw) says so at its declaration.
package runtime

// GOOS and GOARCH are the target of the running program: gocc targets linux/amd64 only.
const GOOS string = "linux"
const GOARCH string = "amd64"

// Compiler names the toolchain whose behaviour the program has, as programs test it to choose
// between gc's and gccgo's: gocc reproduces gc's (object layout, run-time messages, evaluation order,
// float formatting), so it answers "gc" — a program that asked for "gocc" would take neither branch.
const Compiler = "gc"

// Version is the Go release whose language and library gocc implements, as go1.19.8 reports it.
func Version() string { return "go1.19.8" }

// Gosched yields the processor, allowing other goroutines to run: the calling goroutine goes to the
// global run queue and resumes later (runtime/proc.c).
func Gosched()

// NumGoroutine is the number of goroutines that exist, goroutine 1 included (runtime/proc.c).
func NumGoroutine() int

// GC runs a garbage collection and blocks the caller until it is complete: marked with the world
// stopped, then swept (runtime/mgc.c).
func GC()

// KeepAlive marks x as used up to this point: the object x points to is reachable (and its finalizer
// cannot run) until the call. A direct call is a compiler intrinsic (compiler/lower/lower_call.c): it
// becomes an empty asm statement taking x's data word as a register input, so there is no call, and
// nothing the optimiser may delete. The call in this body is that intrinsic too, not recursion; the
// body exists only for the uses that are not direct calls (a func value, a go statement).
func KeepAlive(x any) {
	KeepAlive(x)
}

// NumCPU is the number of logical CPUs the process may run on: the size of its affinity mask at
// start-up, as gc's getproccount (os_linux.c).
func NumCPU() int {
	return int(ncpu)
}

// ncpu is read at start-up (package runtime is initialized before any other), as gc's osinit does:
// later changes of the affinity mask are not seen.
var ncpu = getproccount()

// getproccount is defined in C (runtime/os_linux.c): sched_getaffinity's mask size.
func getproccount() int32

// GOMAXPROCS sets the number of threads that may run Go code at once and returns the previous
// setting; n < 1 only queries. The start value is $GOMAXPROCS when it is a positive number, else
// NumCPU, as gc's schedinit (runtime/proc.c: the scheduler's Ps).
func GOMAXPROCS(n int) int

// nanotime is the monotonic clock in nanoseconds (runtime/os_linux.c, clock_gettime).
func nanotime() int64

// GOROOT is $GOROOT when set, else the root of the go1.19 tree whose standard library gocc compiles
// (gc answers the root recorded when it was built; Debian's go1.19 is at /usr/lib/go-1.19).
func GOROOT() string {
	if s := gogetenv("GOROOT"); s != "" {
		return s
	}
	return defaultGOROOT
}

const defaultGOROOT = "/usr/lib/go-1.19"

// gogetenv is the value of the environment variable key as the process started with it, "" when
// unset (runtime/env_posix.c).
func gogetenv(key string) string
