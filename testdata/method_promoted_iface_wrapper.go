// A struct embedding an interface gets the interface's methods in its method set through
// "T.M·promoted" wrappers; one first needed inside a function literal (here a deferred closure,
// as in encoding/json's jsonError) carries debug locations of its own, not the literal's.
package main

type jsonError struct{ error }

type E struct{ s string }

func (e E) Error() string { return e.s }

func marshal() (err error) {
	defer func() {
		if r := recover(); r != nil {
			if je, ok := r.(jsonError); ok {
				err = je.error
			} else {
				panic(r)
			}
		}
	}()
	panic(jsonError{E{"boom"}})
}

func main() {
	println(marshal().Error())
	var e error = jsonError{E{"direct"}}
	println(e.Error())
}
