package runtime

// Stack walking and symbolisation: Caller, Callers, FuncForPC, CallersFrames and their types.
//
// The program's pc table (runtime/pctab.h, built by the driver at link time from the DWARF LLVM
// emitted) maps every pc of a Go function to go1.19's function name, file and line, and to the calls
// LLVM inlined there. runtime/symtab.c walks the frame-pointer chain and answers through two
// functions: callers (return addresses, one per logical frame, as gc's) and frameAt (the frame a pc
// stands for). The rest follows gc's runtime/extern.go and symtab.go: Caller is Callers plus
// CallersFrames, a Frame's PC is the call instruction's (return address - 1), Frame.Func is nil for a
// frame of an inlined call, FuncForPC looks the pc up as is.
//
// A return address inside k inlined calls stands for k+1 frames; Callers gives the outer ones the
// same address with the frame's depth in the top byte (gc gives them the address of an inline mark,
// an instruction LLVM does not leave). Such pcs are meant for FuncForPC and CallersFrames, which
// strip the tag, not for arithmetic.

// callers stores in pcs[:max] the return addresses of the calling goroutine's logical frames, the
// first being the Go function that called callers, after skipping skip of them (runtime/symtab.c).
func callers(skip int, pcs *uintptr, max int) int

// frameRec is the frame a pc stands for (runtime/symtab.c FrameRec: same fields, same order).
type frameRec struct {
	pc, entry  uintptr
	name, file string
	line       int
	inlined    int
}

// frameAt describes the frame of pc: looked up as is when exact != 0, else as a return address
// (pc-1, the call). It returns 0 when pc lies in no function the table knows.
func frameAt(pc uintptr, exact int, r *frameRec) int

// Caller reports the program counter, file and line of a frame of the calling goroutine: 0 is the
// caller of Caller.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var rpc [1]uintptr
	if callers(skip+1, &rpc[0], 1) < 1 {
		return
	}
	frame, _ := CallersFrames(rpc[:]).Next()
	return frame.PC, frame.File, frame.Line, frame.PC != 0
}

// Callers fills pc with the return addresses of the calling goroutine's frames: 0 is Callers
// itself, 1 its caller.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, &pc[0], len(pc))
}

// A Func describes a function of the program (or, for a pc in an inlined call, the inlined function
// with the entry of the function it was inlined into).
type Func struct {
	opaque struct{}
	name   string
	entry  uintptr
}

// FuncForPC describes the function that contains pc, or returns nil.
func FuncForPC(pc uintptr) *Func {
	var r frameRec
	if frameAt(pc, 1, &r) == 0 {
		return nil
	}
	return &Func{name: r.name, entry: r.entry}
}

// Name is the function's name, as gc's link name (main.f, main.(*T).M).
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry is the function's entry address.
func (f *Func) Entry() uintptr {
	return f.entry
}

// FileLine is the source file and line of pc, which should lie within the function. Like Entry, it
// dereferences f (gc's do too: a nil *Func panics).
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	_ = f.entry
	var r frameRec
	if frameAt(pc, 1, &r) == 0 {
		return "?", 0
	}
	return r.file, r.line
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
	var r frameRec
	for len(ci.callers) > 0 {
		pc := ci.callers[0]
		ci.callers = ci.callers[1:]
		if frameAt(pc, 0, &r) == 0 {
			continue
		}
		frame = Frame{PC: r.pc, Function: r.name, File: r.file, Line: r.line, Entry: r.entry}
		if r.inlined == 0 {
			frame.Func = &Func{name: r.name, entry: r.entry}
		}
		var next frameRec
		for len(ci.callers) > 0 && frameAt(ci.callers[0], 0, &next) == 0 {
			ci.callers = ci.callers[1:]
		}
		return frame, len(ci.callers) > 0
	}
	return Frame{}, false
}

// stack writes the calling goroutine's traceback, from the caller of its caller on, into
// buf[:len] and returns how many bytes it wrote (runtime/traceback.c).
func stack(buf *byte, len int) int

// Stack formats a traceback of the calling goroutine into buf, as a panic prints it (arguments
// shown as "(...)"), and returns the number of bytes written. all: the other goroutines too, of
// which there are none yet.
func Stack(buf []byte, all bool) int {
	if len(buf) == 0 {
		return 0
	}
	return stack(&buf[0], len(buf))
}

// notSupported throws `fatal error: <what> is not supported yet` (runtime/symtab.c), for the entry
// points of notyet.go.
func notSupported(what string)
