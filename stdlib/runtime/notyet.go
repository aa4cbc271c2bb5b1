package runtime

// The rest of go1.19's exported API, declared so that every standard package that names it
// type-checks, and throwing `fatal error: runtime.X is not supported yet` when called: profiles and
// traces need a profiler and stack walking, Breakpoint and SetCgoTraceback belong to debuggers and
// cgo (docs/status.md). The
// record types are plain data and their methods are exact.

import "unsafe"

// A StackRecord is one profiled stack of up to 32 PCs, zero-terminated when shorter.
type StackRecord struct {
	Stack0 [32]uintptr
}

// Stack is the prefix of Stack0 before its first 0.
func (r *StackRecord) Stack() []uintptr {
	for i, pc := range r.Stack0 {
		if pc == 0 {
			return r.Stack0[0:i]
		}
	}
	return r.Stack0[0:]
}

// A MemProfileRecord is the allocations of one call stack.
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64
	AllocObjects, FreeObjects int64
	Stack0                    [32]uintptr
}

// InUseBytes is AllocBytes - FreeBytes.
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects is AllocObjects - FreeObjects.
func (r *MemProfileRecord) InUseObjects() int64 { return r.AllocObjects - r.FreeObjects }

// Stack is the prefix of Stack0 before its first 0.
func (r *MemProfileRecord) Stack() []uintptr {
	for i, pc := range r.Stack0 {
		if pc == 0 {
			return r.Stack0[0:i]
		}
	}
	return r.Stack0[0:]
}

// A BlockProfileRecord is the blocking events of one call stack.
type BlockProfileRecord struct {
	Count  int64
	Cycles int64
	StackRecord
}


func BlockProfile(p []BlockProfileRecord) (n int, ok bool) {
	notSupported("runtime.BlockProfile")
	return
}

func MutexProfile(p []BlockProfileRecord) (n int, ok bool) {
	notSupported("runtime.MutexProfile")
	return
}

func GoroutineProfile(p []StackRecord) (n int, ok bool) {
	notSupported("runtime.GoroutineProfile")
	return
}

func ThreadCreateProfile(p []StackRecord) (n int, ok bool) {
	notSupported("runtime.ThreadCreateProfile")
	return
}

func SetBlockProfileRate(rate int) {
	notSupported("runtime.SetBlockProfileRate")
}

func SetMutexProfileFraction(rate int) int {
	notSupported("runtime.SetMutexProfileFraction")
	return 0
}

func SetCPUProfileRate(hz int) {
	notSupported("runtime.SetCPUProfileRate")
}

func ReadTrace() []byte {
	notSupported("runtime.ReadTrace")
	return nil
}

func StartTrace() error {
	notSupported("runtime.StartTrace")
	return nil
}

func StopTrace() {
	notSupported("runtime.StopTrace")
}

func SetCgoTraceback(version int, traceback, context, symbolizer unsafe.Pointer) {
	notSupported("runtime.SetCgoTraceback")
}

func Breakpoint() {
	notSupported("runtime.Breakpoint")
}
