package runtime

// The runtime's error types, as far as Go code names them. The C runtime (runtime/error.c) builds
// the values of the runtime errors it raises itself (index out of range, nil dereference, failed type
// assertions) with its own type descriptors, so those panics print byte for byte as gc's; the types
// here are the Go-visible side: the Error interface, and errorString for the two error values that
// math/bits reaches by //go:linkname (runtime.overflowError, runtime.divideError).

// Error identifies a run-time error: every error the runtime panics with implements it.
type Error interface {
	error
	// RuntimeError is a no-op that only marks runtime errors apart from other errors.
	RuntimeError()
}

// An errorString is a runtime error whose text is fixed: Error() is "runtime error: " + the text.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

// The values math/bits panics with (its Div, Rem and friends), by //go:linkname.
var overflowError = error(errorString("integer overflow"))
var divideError = error(errorString("integer divide by zero"))
