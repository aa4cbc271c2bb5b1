// chan.go: the channel operations of reflect.Value. gocc has no channels yet (the language
// feature is refused at compile time), so a channel Value cannot exist in a gocc program; these
// say so if one is ever asked for. Kept so that packages written against go1.19's reflect
// (text/template ranges over channels) compile.
package reflect

func chanUnsupported(method string) {
	panic("reflect: Value." + method + " is not supported yet by gocc (channels)")
}

// Recv receives and returns a value from the channel v.
func (v Value) Recv() (x Value, ok bool) {
	v.flag.mustBe(Chan, "reflect.Value.Recv")
	chanUnsupported("Recv")
	return
}

// TryRecv attempts to receive a value from the channel v but will not block.
func (v Value) TryRecv() (x Value, ok bool) {
	v.flag.mustBe(Chan, "reflect.Value.TryRecv")
	chanUnsupported("TryRecv")
	return
}

// Send sends x on the channel v.
func (v Value) Send(x Value) {
	v.flag.mustBe(Chan, "reflect.Value.Send")
	chanUnsupported("Send")
}

// TrySend attempts to send x on the channel v but will not block.
func (v Value) TrySend(x Value) bool {
	v.flag.mustBe(Chan, "reflect.Value.TrySend")
	chanUnsupported("TrySend")
	return false
}

// Close closes the channel v.
func (v Value) Close() {
	v.flag.mustBe(Chan, "reflect.Value.Close")
	chanUnsupported("Close")
}
