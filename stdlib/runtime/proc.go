package runtime

// Goroutines and threads: the scheduler is C (runtime/proc.c); these declarations give it go1.19's
// names. gocc has no cgo: NumCgoCall is 0.

// Goexit runs all deferred calls of the calling goroutine and then ends it; other goroutines are not
// affected. Called from the main goroutine, the program goes on until every other goroutine has
// ended, and then dies with go1.19's `fatal error: no goroutines (main called runtime.Goexit) -
// deadlock!`.
func Goexit()

// LockOSThread wires the calling goroutine to its current thread: it runs only there, and no other
// goroutine runs there, until UnlockOSThread has been called as many times (nested calls count).
func LockOSThread()

// UnlockOSThread undoes one LockOSThread; with none outstanding it does nothing.
func UnlockOSThread()

// NumCgoCall is the number of cgo calls the process has made: gocc programs make none.
func NumCgoCall() int64 { return 0 }
