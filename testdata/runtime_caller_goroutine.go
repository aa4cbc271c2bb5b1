// runtime.Callers and CallersFrames in goroutines: a goroutine's frames end at runtime.goexit, the
// wrapper of `go f(x)` has no frame, and a walk through 3,000 frames of recursion crosses the
// goroutine's stack segments and counts every frame, as in go1.19.
package main

import "runtime"

func base(file string) string {
	for i := len(file) - 1; i >= 0; i-- {
		if file[i] == '/' {
			return file[i+1:]
		}
	}
	return file
}

//go:noinline
func stack(tag string) {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		println(tag, f.Function, base(f.File), f.Line)
		if !more {
			break
		}
	}
}

//go:noinline
func worker(done chan bool) {
	stack("worker")
	done <- true
}

// deep recurses with 512-byte frames, then counts the frames above it.
func deep(n int) int {
	if n == 0 {
		pcs := make([]uintptr, 5000)
		k := runtime.Callers(1, pcs)
		frames := runtime.CallersFrames(pcs[:k])
		count, deepFrames, last := 0, 0, ""
		for {
			f, more := frames.Next()
			count++
			if f.Function == "main.deep" {
				deepFrames++
			}
			last = f.Function
			if !more {
				break
			}
		}
		println("deep", k, count, deepFrames, last)
		return 0
	}
	var pad [64]int
	pad[n%64] = n
	return deep(n-1) + pad[n%64]
}

func main() {
	done := make(chan bool)
	go worker(done)
	<-done
	go func() {
		stack("closure")
		done <- true
	}()
	<-done
	go func() {
		deep(3000)
		done <- true
	}()
	<-done
	deep(3000)
}
