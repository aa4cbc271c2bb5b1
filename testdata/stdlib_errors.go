// stdlib_errors: go1.19's errors compiled by gocc from GOROOT: New, Is, As (through
// internal/reflectlite), Unwrap, and errors built with wrapping chains.

package main

import "errors"

type codeErr struct{ code int }

func (e *codeErr) Error() string { return "code error" }

type wrap struct {
	msg string
	err error
}

func (w *wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w *wrap) Unwrap() error { return w.err }

type isAll struct{}

func (isAll) Error() string        { return "isAll" }
func (isAll) Is(target error) bool { return true }

var errBase = errors.New("base")

func main() {
	e := &wrap{"outer", &wrap{"inner", errBase}}
	println(e.Error())
	println(errors.Is(e, errBase), errors.Is(e, errors.New("base")), errors.Unwrap(errors.Unwrap(e)) == errBase)
	var ce *codeErr
	w := &wrap{"ctx", &codeErr{42}}
	println(errors.As(w, &ce), ce.code)
	var ce2 *codeErr
	println(errors.As(e, &ce2), ce2 == nil)
	println(errors.Is(isAll{}, errBase), errors.Is(nil, errBase), errors.Unwrap(errBase) == nil)
	defer func() {
		println("recovered:", recover().(string))
	}()
	errors.As(e, nil)
}
