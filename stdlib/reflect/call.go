// call.go: Value.Call, CallSlice and method values (Value.Method, MethodByName) on gocc's calling
// convention (docs/architecture.md "Calling convention").
//
// In: a func Value (a closure object: code pointer in word 0, passed as ctx) or a method value (a
// receiver and the method's index), and argument Values. Out: the result Values.
//
// The one idea: the callee's signature decides every machine word. A gocc function is the LLVM
// function ret fn(ptr ctx, ptr out..., params...): aggregate (struct, array) results are out
// pointers, aggregate parameters pointers to a copy the callee owns, strings, slices, interfaces
// and complex numbers first-class aggregates that LLVM passes as their separate words, every other
// parameter one word. x86-64 System V puts each word in the next free integer (6) or SSE (8)
// register and the rest on the stack in order; the register results come back in RAX, RDX, RCX
// and XMM0, XMM1, or, when there are more than three integer words, in memory through a hidden
// pointer before ctx, laid out as Go lays out the results. callFrame carries the words and
// runtime/reflect.c's callframe moves them into place and back. Method values call the method's
// itab entry (GoMethod.ifn, or the itab's fun[] for interfaces), whose receiver is the interface
// data word.
//
// MakeFunc is the reverse: runtime/reflect.c's stub saves the argument registers, makeFuncCall
// decodes them with the same rules, runs the Go function and writes its results where the caller
// reads them. Method values become func values (Interface) through MakeFunc.
package reflect

import "unsafe"

// callFrame is runtime/reflect.c's view (offsets listed there).
type callFrame struct {
	fn     unsafe.Pointer
	ints   [6]uint64
	floats [8]uint64
	stack  unsafe.Pointer
	nstack int
	ret    [3]uint64
	fret   [2]uint64
	nx87   int
	x87    [2]float64
}

// callframe is defined in runtime/reflect.c.
func callframe(f *callFrame)

const flagMethodShift = 10

// callArgs collects the words of a call in System V order.
type callArgs struct {
	ints   []uint64
	floats []uint64
	stack  []uint64
}

func (a *callArgs) int(w uint64) {
	if len(a.ints) < 6 {
		a.ints = append(a.ints, w)
	} else {
		a.stack = append(a.stack, w)
	}
}

func (a *callArgs) float(w uint64) {
	if len(a.floats) < 8 {
		a.floats = append(a.floats, w)
	} else {
		a.stack = append(a.stack, w)
	}
}

// word reads the size-byte integer at p, zero-extended.
func word(p unsafe.Pointer, size uintptr) uint64 {
	switch size {
	case 1:
		return uint64(*(*uint8)(p))
	case 2:
		return uint64(*(*uint16)(p))
	case 4:
		return uint64(*(*uint32)(p))
	}
	return *(*uint64)(p)
}

// add appends the words of a parameter of type t whose value is at p.
func (a *callArgs) add(t *rtype, p unsafe.Pointer) {
	switch t.Kind() {
	case Float32:
		a.float(uint64(*(*uint32)(p)))
	case Float64:
		a.float(*(*uint64)(p))
	case Complex64:
		a.float(uint64(*(*uint32)(p)))
		a.float(uint64(*(*uint32)(unsafe.Add(p, 4))))
	case Complex128:
		a.float(*(*uint64)(p))
		a.float(*(*uint64)(unsafe.Add(p, 8)))
	case String, Interface:
		a.int(*(*uint64)(p))
		a.int(*(*uint64)(unsafe.Add(p, 8)))
	case Slice:
		a.int(*(*uint64)(p))
		a.int(*(*uint64)(unsafe.Add(p, 8)))
		a.int(*(*uint64)(unsafe.Add(p, 16)))
	case Struct, Array:
		c := unsafe_New(t) // the callee owns its copy
		typedmemmove(t, c, p)
		a.int(uint64(uintptr(c)))
	default:
		a.int(word(p, t.size))
	}
}

// resultWords counts the integer and float words of the register results of a func type.
func resultWords(outs []*rtype) (nint, nflt int) {
	for _, t := range outs {
		switch t.Kind() {
		case Struct, Array:
		case Float32, Float64:
			nflt++
		case Complex64, Complex128:
			nflt += 2
		case String, Interface:
			nint += 2
		case Slice:
			nint += 3
		default:
			nint++
		}
	}
	return
}

// Call calls the function v with the input arguments in.
func (v Value) Call(in []Value) []Value {
	v.flag.mustBe(Func, "reflect.Value.Call")
	v.flag.mustBeExported("reflect.Value.Call")
	return v.call("Call", in)
}

// CallSlice calls the variadic function v with the input arguments in, assigning the slice in[len(in)-1]
// to v's final variadic argument.
func (v Value) CallSlice(in []Value) []Value {
	v.flag.mustBe(Func, "reflect.Value.CallSlice")
	v.flag.mustBeExported("reflect.Value.CallSlice")
	return v.call("CallSlice", in)
}

// methodReceiver returns the func type, code pointer and receiver word of the method value v.
func methodReceiver(op string, v Value, i int) (t *rtype, fn unsafe.Pointer, rcvr unsafe.Pointer) {
	if v.typ.Kind() == Interface {
		ms := v.typ.imethods()
		if uint(i) >= uint(len(ms)) {
			panic("reflect: internal error: invalid method index")
		}
		if v.typ.nextra == 0 {
			panic("reflect: " + op + " of method on nil interface value")
		}
		iface := (*nonEmptyInterface)(v.ptr)
		if iface.itab == nil {
			panic("reflect: " + op + " of method on nil interface value")
		}
		return ms[i].typ, iface.itab.fun[i], iface.word
	}
	ms := v.typ.exportedMethods()
	if uint(i) >= uint(len(ms)) {
		panic("reflect: internal error: invalid method index")
	}
	e := packEface(Value{v.typ, v.ptr, v.flag&(flagRO|flagIndir|flagAddr) | flag(v.typ.Kind())})
	return ms[i].mtyp, ms[i].ifn, (*emptyInterface)(unsafe.Pointer(&e)).word
}

func (v Value) call(op string, in []Value) []Value {
	var (
		t        *rtype
		fn       unsafe.Pointer
		ctx      unsafe.Pointer
		rcvr     unsafe.Pointer
		isMethod = v.flag&flagMethod != 0
	)
	if isMethod {
		t, fn, rcvr = methodReceiver(op, v, int(v.flag)>>flagMethodShift)
	} else {
		t = v.typ
		ctx = v.pointer()
		if ctx == nil {
			panic("reflect: call of nil function")
		}
		fn = *(*unsafe.Pointer)(ctx)
	}

	isSlice := op == "CallSlice"
	n := t.NumIn()
	isVariadic := t.IsVariadic()
	if isSlice {
		if !isVariadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if isVariadic {
			n--
		}
		if len(in) < n {
			panic("reflect: Call with too few input arguments")
		}
		if !isVariadic && len(in) > n {
			panic("reflect: Call with too many input arguments")
		}
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	for i := 0; i < n; i++ {
		if xt, targ := in[i].Type(), t.In(i); !xt.AssignableTo(targ) {
			panic("reflect: " + op + " using " + xt.String() + " as type " + targ.String())
		}
	}
	if !isSlice && isVariadic {
		// prepare slice for remaining values
		m := len(in) - n
		slice := MakeSlice(t.In(n), m, m)
		elem := t.In(n).Elem()
		for i := 0; i < m; i++ {
			x := in[n+i]
			if xt := x.Type(); !xt.AssignableTo(elem) {
				panic("reflect: cannot use " + xt.String() + " as type " + elem.String() + " in " + op)
			}
			slice.Index(i).Set(x)
		}
		origIn := in
		in = make([]Value, n+1)
		copy(in[:n], origIn)
		in[n] = slice
	}

	nin := len(in)
	if nin != t.NumIn() {
		panic("reflect.Value.Call: wrong argument count")
	}
	ft := t.funcTypes()
	ins, outs := ft[:t.len], ft[t.len:]
	nint, nflt := resultWords(outs)
	demoted := nint > 3 || nflt > 4

	var a callArgs
	var retmem unsafe.Pointer
	var retOffsets []uintptr
	if demoted {
		// The register results as one struct in memory, laid out as Go lays out the results.
		off := uintptr(0)
		for _, rt := range outs {
			if rt.Kind() == Struct || rt.Kind() == Array {
				retOffsets = append(retOffsets, 0)
				continue
			}
			off = (off + uintptr(rt.align) - 1) &^ (uintptr(rt.align) - 1)
			retOffsets = append(retOffsets, off)
			off += rt.size
		}
		words := make([]uint64, (off+7)/8+1)
		retmem = unsafe.Pointer(&words[0])
		a.int(uint64(uintptr(retmem)))
	}
	a.int(uint64(uintptr(ctx)))
	results := make([]Value, len(outs))
	for i, rt := range outs {
		if rt.Kind() == Struct || rt.Kind() == Array {
			p := unsafe_New(rt)
			results[i] = Value{rt, p, flagIndir | flag(rt.Kind())}
			a.int(uint64(uintptr(p)))
		}
	}
	if isMethod {
		a.int(uint64(uintptr(rcvr)))
	}
	for i, x := range in {
		targ := ins[i]
		x = x.assignTo("reflect.Value.Call", targ, nil)
		var p unsafe.Pointer
		if x.flag&flagIndir != 0 {
			p = x.ptr
		} else {
			p = unsafe.Pointer(&x.ptr)
		}
		a.add(targ, p)
	}

	var f callFrame
	f.fn = fn
	copy(f.ints[:], a.ints)
	copy(f.floats[:], a.floats)
	if len(a.stack) > 0 {
		f.stack = unsafe.Pointer(&a.stack[0])
		f.nstack = len(a.stack)
	}
	if !demoted && nflt > 2 {
		f.nx87 = nflt - 2
	}
	callframe(&f)
	floatWord := func(i int, size uintptr) uint64 {
		if i < 2 {
			return f.fret[i]
		}
		x := f.x87[i-2]
		if size == 4 {
			f32 := float32(x)
			return uint64(*(*uint32)(unsafe.Pointer(&f32)))
		}
		return *(*uint64)(unsafe.Pointer(&x))
	}

	ri, rf := 0, 0
	for i, rt := range outs {
		if rt.Kind() == Struct || rt.Kind() == Array {
			continue
		}
		p := unsafe_New(rt)
		if demoted {
			typedmemmove(rt, p, unsafe.Add(retmem, retOffsets[i]))
		} else {
			switch rt.Kind() {
			case Float32:
				*(*uint32)(p) = uint32(floatWord(rf, 4))
				rf++
			case Float64:
				*(*uint64)(p) = floatWord(rf, 8)
				rf++
			case Complex64:
				*(*uint32)(p) = uint32(floatWord(rf, 4))
				*(*uint32)(unsafe.Add(p, 4)) = uint32(floatWord(rf+1, 4))
				rf += 2
			case Complex128:
				*(*uint64)(p) = floatWord(rf, 8)
				*(*uint64)(unsafe.Add(p, 8)) = floatWord(rf+1, 8)
				rf += 2
			case Bool:
				*(*bool)(p) = f.ret[ri]&1 != 0
				ri++
			default:
				nw := int((rt.size + 7) / 8)
				memmove(p, unsafe.Pointer(&f.ret[ri]), rt.size)
				ri += nw
			}
		}
		if ifaceIndir(rt) {
			results[i] = Value{rt, p, flagIndir | flag(rt.Kind())}
		} else {
			results[i] = Value{rt, *(*unsafe.Pointer)(p), flag(rt.Kind())}
		}
	}
	return results
}

// Method returns a function value corresponding to v's i'th method (exported methods in name
// order, or the interface's methods).
func (v Value) Method(i int) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if v.flag&flagMethod != 0 || uint(i) >= uint(v.typ.NumMethod()) {
		panic("reflect: Method index out of range")
	}
	if v.typ.Kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	fl := v.flag.ro() | (v.flag & flagIndir)
	fl |= flag(Func)
	fl |= flag(i)<<flagMethodShift | flagMethod
	return Value{v.typ, v.ptr, fl}
}

// MethodByName returns a function value corresponding to the method of v with the given name.
func (v Value) MethodByName(name string) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if v.flag&flagMethod != 0 {
		panic("reflect: MethodByName of method value")
	}
	if v.typ.Kind() == Interface {
		for i, m := range v.typ.imethods() {
			if m.name == name {
				return v.Method(i)
			}
		}
		return Value{}
	}
	for i, m := range v.typ.exportedMethods() {
		if m.name() == name {
			return v.Method(i)
		}
	}
	return Value{}
}

// methodType is the func type (without receiver) of the method value v.
func (v Value) methodType() *rtype {
	i := int(v.flag) >> flagMethodShift
	if v.typ.Kind() == Interface {
		return v.typ.imethods()[i].typ
	}
	return v.typ.exportedMethods()[i].mtyp
}

// makeFuncImpl is word 1 of a MakeFunc closure object (word 0 is runtime/reflect.c's stub).
type makeFuncImpl struct {
	code unsafe.Pointer
	ftyp *rtype
	fn   func([]Value) []Value
}

// makeFuncFrame is the stub's frame (runtime/reflect.c lists the offsets).
type makeFuncFrame struct {
	ints   [6]uint64
	floats [8]uint64
	stack  unsafe.Pointer
	ctx    *makeFuncImpl
	ret    [3]uint64
	fret   [2]uint64
	nx87   int
	x87    [2]float64
}

// makeFuncStub is the code word of a MakeFunc closure (runtime/reflect.c), the entry for
// functions whose results come back in memory when sret.
func makeFuncStub(sret bool) unsafe.Pointer

// MakeFunc returns a new function of the given Type that wraps the function fn: calling it
// converts its arguments to Values, runs fn, and converts fn's results back (runtime/reflect.c's
// stub and makeFuncCall below, the reverse of Value.Call).
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.common()
	ft := t.funcTypes()
	nint, nflt := resultWords(ft[t.len:])
	impl := &makeFuncImpl{makeFuncStub(nint > 3 || nflt > 4), t, fn}
	return Value{t, unsafe.Pointer(impl), flag(Func)}
}

// argReader hands out the argument words of a call in System V order (the reverse of callArgs).
type argReader struct {
	f          *makeFuncFrame
	nint, nflt int
	nstack     int
}

func (r *argReader) int() uint64 {
	if r.nint < 6 {
		r.nint++
		return r.f.ints[r.nint-1]
	}
	r.nstack++
	return *(*uint64)(unsafe.Add(r.f.stack, (r.nstack-1)*8))
}

func (r *argReader) float() uint64 {
	if r.nflt < 8 {
		r.nflt++
		return r.f.floats[r.nflt-1]
	}
	r.nstack++
	return *(*uint64)(unsafe.Add(r.f.stack, (r.nstack-1)*8))
}

// read stores the words of a parameter of type t at p.
func (r *argReader) read(t *rtype, p unsafe.Pointer) {
	switch t.Kind() {
	case Float32:
		*(*uint32)(p) = uint32(r.float())
	case Float64:
		*(*uint64)(p) = r.float()
	case Complex64:
		*(*uint32)(p) = uint32(r.float())
		*(*uint32)(unsafe.Add(p, 4)) = uint32(r.float())
	case Complex128:
		*(*uint64)(p) = r.float()
		*(*uint64)(unsafe.Add(p, 8)) = r.float()
	case String, Interface:
		*(*uint64)(p) = r.int()
		*(*uint64)(unsafe.Add(p, 8)) = r.int()
	case Slice:
		*(*uint64)(p) = r.int()
		*(*uint64)(unsafe.Add(p, 8)) = r.int()
		*(*uint64)(unsafe.Add(p, 16)) = r.int()
	case Struct, Array:
		typedmemmove(t, p, unsafe.Pointer(uintptr(r.int())))
	case Bool:
		*(*bool)(p) = r.int()&1 != 0
	default:
		w := r.int()
		memmove(p, unsafe.Pointer(&w), t.size)
	}
}

// makeFuncCall is called by runtime/reflect.c's stub with the frame of a call to a MakeFunc func.
//
//go:linkname makeFuncCall reflect.makeFuncCall
func makeFuncCall(f *makeFuncFrame) {
	impl := f.ctx
	t := impl.ftyp
	ft := t.funcTypes()
	ins, outs := ft[:t.len], ft[t.len:]
	nint, nflt := resultWords(outs)
	demoted := nint > 3 || nflt > 4
	r := argReader{f: f}
	var retmem unsafe.Pointer
	if demoted {
		retmem = unsafe.Pointer(uintptr(r.int()))
	}
	r.int() // ctx
	outPtrs := make([]unsafe.Pointer, len(outs))
	for i, rt := range outs {
		if rt.Kind() == Struct || rt.Kind() == Array {
			outPtrs[i] = unsafe.Pointer(uintptr(r.int()))
		}
	}
	args := make([]Value, len(ins))
	for i, at := range ins {
		p := unsafe_New(at)
		r.read(at, p)
		if ifaceIndir(at) {
			args[i] = Value{at, p, flagIndir | flag(at.Kind())}
		} else {
			args[i] = Value{at, *(*unsafe.Pointer)(p), flag(at.Kind())}
		}
	}
	results := impl.fn(args)
	if len(results) != len(outs) {
		panic("reflect: wrong return count from function created by MakeFunc")
	}
	ri, rf := 0, 0
	off := uintptr(0)
	for i, rt := range outs {
		v := results[i]
		if v.typ == nil {
			panic("reflect: function created by MakeFunc using closure returned zero Value")
		}
		if v.flag&flagRO != 0 {
			panic("reflect: function created by MakeFunc using closure returned value obtained from unexported field")
		}
		v = v.assignTo("reflect.MakeFunc", rt, nil)
		var src unsafe.Pointer
		if v.flag&flagIndir != 0 {
			src = v.ptr
		} else {
			src = unsafe.Pointer(&v.ptr)
		}
		if outPtrs[i] != nil {
			typedmemmove(rt, outPtrs[i], src)
			continue
		}
		if demoted {
			off = (off + uintptr(rt.align) - 1) &^ (uintptr(rt.align) - 1)
			typedmemmove(rt, unsafe.Add(retmem, off), src)
			off += rt.size
			continue
		}
		switch rt.Kind() {
		case Float32, Float64:
			f.setFloat(rf, src, rt.size)
			rf++
		case Complex64:
			f.setFloat(rf, src, 4)
			f.setFloat(rf+1, unsafe.Add(src, 4), 4)
			rf += 2
		case Complex128:
			f.setFloat(rf, src, 8)
			f.setFloat(rf+1, unsafe.Add(src, 8), 8)
			rf += 2
		default:
			n := int((rt.size + 7) / 8)
			for k := 0; k < n; k++ {
				size := rt.size - uintptr(k)*8
				if size > 8 {
					size = 8
				}
				var w uint64
				memmove(unsafe.Pointer(&w), unsafe.Add(src, k*8), size)
				f.ret[ri+k] = w
			}
			ri += n
		}
	}
	if demoted {
		f.ret[0] = uint64(uintptr(retmem))
	} else if rf > 2 {
		f.nx87 = rf - 2
	}
}

// setFloat stores result float word i (XMM0, XMM1, then the x87 stack) from the size-byte float at p.
func (f *makeFuncFrame) setFloat(i int, p unsafe.Pointer, size uintptr) {
	var x float64
	if size == 4 {
		x = float64(*(*float32)(p))
	} else {
		x = *(*float64)(p)
	}
	if i >= 2 {
		f.x87[i-2] = x
		return
	}
	if size == 4 {
		f.fret[i] = uint64(*(*uint32)(p))
	} else {
		f.fret[i] = *(*uint64)(p)
	}
}

// makeMethodValue turns the method value v (receiver and method index) into an ordinary func
// value: a MakeFunc closure that calls the method with v's receiver.
func makeMethodValue(v Value) Value {
	fl := v.flag.ro()
	m := v
	m.flag &^= flagRO
	fv := MakeFunc(v.methodType(), func(args []Value) []Value { return m.Call(args) })
	fv.flag |= fl
	return fv
}
