// runtime.Caller, FuncForPC and CallersFrames give go1.19's function names, files and lines:
// functions, value and pointer methods, method values and expressions, interface calls,
// closures and nested closures, init functions, package-variable initialisers, deferred calls
// (at the closing brace, at a return, during a panic), and the runtime's frames at the bottom.
package main

import "runtime"

// base is the file name without its directory (the directory differs between machines).
func base(file string) string {
	for i := len(file) - 1; i >= 0; i-- {
		if file[i] == '/' {
			return file[i+1:]
		}
	}
	return file
}

//go:noinline
func where(tag string, skip int) {
	pc, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		println(tag, "ok=false", pc == 0, file == "", line)
		return
	}
	println(tag, runtime.FuncForPC(pc).Name(), base(file), line)
}

//go:noinline
func stack(tag string) {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		println(tag, f.Function, base(f.File), f.Line, more)
		if !more {
			break
		}
	}
}

type T struct{ x int }

type I interface{ Val() }

func (t T) Val() {
	where("T.Val", 0)
	where("T.Val caller", 1)
}

func (t *T) Ptr() {
	where("(*T).Ptr", 0)
	where("(*T).Ptr caller", 1)
	func() {
		where("(*T).Ptr closure", 0)
	}()
}

func topLevel() { where("topLevel", 0) }

var glob = initGlob()

func initGlob() int {
	where("initGlob", 0)
	where("initGlob caller", 1)
	return 1
}

var globClosure = func() int {
	where("glob closure", 0)
	where("glob closure caller", 1)
	return 2
}()

func init() {
	where("init.0", 0)
	where("init.0 caller", 1)
	where("init.0 caller 2", 2)
	func() {
		where("init.0 closure", 0)
		where("init.0 closure caller", 1)
	}()
}

func init() {
	where("init.1", 0)
}

func deferAtEnd() {
	defer func() {
		where("deferAtEnd closure", 0)
		where("deferAtEnd closure caller", 1)
	}()
	println("deferAtEnd body")
}

// One return: at -O2 LLVM merges the deferred calls of several returns into one call, whose
// line is then unknown (docs/status.md).
func deferAtReturn() int {
	defer func() {
		where("deferAtReturn closure caller", 1)
	}()
	println("deferAtReturn body")
	return 1
}

func deferInPanic() {
	defer func() {
		recover()
		where("deferInPanic closure", 0)
		where("deferInPanic closure caller", 1)
		where("deferInPanic closure caller 2", 2)
	}()
	panic("boom")
}

func multiLine(a, b int) {
	where("multiLine caller", 1)
}

func main() {
	where("main", 0)
	where("main caller", 1)
	where("main caller 2", 2)
	where("beyond", 3)
	where("beyond 2", 50)
	topLevel()
	var t T
	t.Val()
	(&t).Ptr()
	var i I = &t
	i.Val()
	mv := t.Val
	mv()
	T.Val(t)
	(*T).Val(&t)
	f := func() {
		where("main.func", 0)
		where("main.func caller", 1)
		g := func() {
			where("main.func.func", 0)
			where("main.func.func caller", 1)
			where("main.func.func caller 2", 2)
		}
		g()
	}
	f()
	deferAtEnd()
	deferAtReturn()
	deferInPanic()
	multiLine(
		1,
		2,
	)
	stack("stack")
	func() {
		stack("closure stack")
	}()
	println(runtime.FuncForPC(0) == nil, (*runtime.Func)(nil).Name() == "")
	pc, _, _, _ := runtime.Caller(0)
	fn := runtime.FuncForPC(pc)
	file, line := fn.FileLine(fn.Entry())
	println(fn.Name(), base(file), line > 0, fn.Entry() <= pc)
	println(glob, globClosure)
}
