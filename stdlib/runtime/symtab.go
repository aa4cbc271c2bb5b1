package runtime

// Stack walking and symbolisation: Caller, Callers, FuncForPC, CallersFrames and their types.
//
// gocc's C runtime does not have a table from program counters to functions, files and lines yet
// (gc's pclntab; docs/status.md). Answering ok=false or an empty name would be a silent wrong answer
// (gc answers these for every frame), so each entry point throws instead, naming itself:
// `fatal error: runtime.Caller is not supported yet`. The types exist with gc's fields and methods,
// so packages that mention them (internal/reflectlite's error paths) compile.

// notSupported throws `fatal error: <what> is not supported yet` (runtime/symtab.c).
func notSupported(what string)

// Caller reports the program counter, file and line of a frame of the calling goroutine.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	notSupported("runtime.Caller")
	return
}

// Callers fills pc with the return addresses of the calling goroutine's frames.
func Callers(skip int, pc []uintptr) int {
	notSupported("runtime.Callers")
	return 0
}

// A Func describes a function of the program.
type Func struct {
	opaque struct{}
}

// FuncForPC describes the function that contains pc.
func FuncForPC(pc uintptr) *Func {
	notSupported("runtime.FuncForPC")
	return nil
}

// Name is the function's name, as gc's link name (main.f, main.(*T).M).
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	notSupported("runtime.Func.Name")
	return ""
}

// Entry is the function's entry address.
func (f *Func) Entry() uintptr {
	notSupported("runtime.Func.Entry")
	return 0
}

// FileLine is the source file and line of pc, which must lie within the function.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	notSupported("runtime.Func.FileLine")
	return
}

// Frames iterates over the frames of a Callers result.
type Frames struct {
	callers []uintptr
}

// A Frame is one frame of a Frames iteration.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// CallersFrames returns an iterator over the frames of callers.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{callers: callers}
}

// Next returns the next frame and whether more follow.
func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.callers) == 0 {
		return Frame{}, false
	}
	notSupported("runtime.Frames.Next")
	return
}
