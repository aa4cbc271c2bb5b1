package runtime

// Thread locking and cgo counts. A gocc program runs its one goroutine on the process's main thread
// until the scheduler exists, so the goroutine is always on the same thread: LockOSThread and
// UnlockOSThread only keep gc's nesting count (an extra UnlockOSThread is a no-op, as in gc), and
// the goroutine exiting while locked is the program exiting. gocc has no cgo: NumCgoCall is 0.

var lockedExt uint32

// LockOSThread wires the calling goroutine to its current thread (nested calls count).
func LockOSThread() {
	lockedExt++
	if lockedExt == 0 {
		lockedExt--
		panic("LockOSThread nesting overflow")
	}
}

// UnlockOSThread undoes one LockOSThread; with none outstanding it does nothing.
func UnlockOSThread() {
	if lockedExt == 0 {
		return
	}
	lockedExt--
}

// NumCgoCall is the number of cgo calls the process has made: gocc programs make none.
func NumCgoCall() int64 { return 0 }
