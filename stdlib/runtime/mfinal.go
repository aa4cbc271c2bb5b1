package runtime

// SetFinalizer sets the finalizer of the object obj points to. gocc has no collector yet, so no
// object is ever found unreachable and no finalizer runs, as in gc when no collection happens before
// the program exits; the arguments are checked as gc checks them (runtime/mfinal.c).
func SetFinalizer(obj any, finalizer any) {
	setFinalizer(obj, finalizer)
}

// setFinalizer checks the arguments with gc's fatal errors (runtime/mfinal.c).
func setFinalizer(obj any, finalizer any)
