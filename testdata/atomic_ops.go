// sync/atomic: the 31 functions (LLVM atomics made by the compiler), the typed wrappers and Value
// (which pins the processor through the runtime's sync/atomic.runtime_procPin hooks).
package main

import (
	"sync/atomic"
	"unsafe"
)

type pair struct{ a, b int }

func functions() {
	var i32 int32
	var i64 int64
	var u32 uint32
	var u64 uint64
	var up uintptr
	println(atomic.AddInt32(&i32, 5), atomic.AddInt32(&i32, -7), atomic.LoadInt32(&i32))
	println(atomic.AddInt64(&i64, 1<<40), atomic.SwapInt64(&i64, -1), atomic.LoadInt64(&i64))
	println(atomic.AddUint32(&u32, ^uint32(0)), atomic.CompareAndSwapUint32(&u32, 0, 1), atomic.LoadUint32(&u32))
	println(atomic.AddUint64(&u64, 3), atomic.CompareAndSwapUint64(&u64, 3, 4), atomic.SwapUint64(&u64, 9), atomic.LoadUint64(&u64))
	println(atomic.AddUintptr(&up, 8), atomic.SwapUintptr(&up, 16), atomic.CompareAndSwapUintptr(&up, 8, 0), atomic.LoadUintptr(&up))
	println(atomic.CompareAndSwapInt32(&i32, -2, 7), atomic.CompareAndSwapInt64(&i64, -1, 2), atomic.SwapInt32(&i32, 1), atomic.SwapUint32(&u32, 5))
	atomic.StoreInt32(&i32, 32)
	atomic.StoreInt64(&i64, 64)
	atomic.StoreUint32(&u32, 320)
	atomic.StoreUint64(&u64, 640)
	atomic.StoreUintptr(&up, 1)
	println(i32, i64, u32, u64, up)

	x, y := 1, 2
	p := unsafe.Pointer(&x)
	old := atomic.SwapPointer(&p, unsafe.Pointer(&y))
	println(*(*int)(old), *(*int)(atomic.LoadPointer(&p)))
	println(atomic.CompareAndSwapPointer(&p, unsafe.Pointer(&x), nil), atomic.CompareAndSwapPointer(&p, unsafe.Pointer(&y), nil), p == nil)
	atomic.StorePointer(&p, unsafe.Pointer(&x))
	println(*(*int)(p))
}

func types() {
	var n atomic.Int64
	n.Store(10)
	println(n.Add(5), n.Load(), n.CompareAndSwap(15, 1), n.Swap(7), n.Load())
	var m atomic.Int32
	println(m.Add(-3), m.CompareAndSwap(0, 1), m.Swap(4), m.Load())
	var u atomic.Uint32
	var w atomic.Uint64
	var z atomic.Uintptr
	u.Store(1)
	w.Store(2)
	z.Store(3)
	println(u.Add(1), w.Add(1), z.Add(1), u.Swap(0), w.CompareAndSwap(3, 0), z.Load())
	var b atomic.Bool
	println(b.Load(), b.CompareAndSwap(false, true), b.Swap(false), b.Load())
	b.Store(true)
	println(b.Load())
}

func value() {
	var v atomic.Value
	println(v.Load() == nil)
	v.Store(pair{1, 2})
	p := v.Load().(pair)
	println(p.a, p.b)
	old := v.Swap(pair{3, 4})
	println(old.(pair).a, v.CompareAndSwap(pair{3, 4}, pair{5, 6}), v.CompareAndSwap(pair{3, 4}, pair{7, 8}), v.Load().(pair).b)
	var s atomic.Value
	println(s.CompareAndSwap(nil, "first"), s.Load().(string), s.Swap("second").(string), s.Load().(string))
}

func main() {
	functions()
	types()
	value()
}
