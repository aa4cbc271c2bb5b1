// Type descriptors (runtime ABI v1, runtime.def TYPE_FIELD), field by field:
//   { size, ptrdata, hash, tflag, align, field_align, kind, equal, hashfn, gcdata, string, pkgpath,
//     ptrtothis, elem, key, len, extra, methods, nextra, nmethods }; pkgpath is a NUL-terminated
//     string or null
// tflag bits: UNCOMMON 1, NAMED 4, REGULAR_MEMORY 8, VARIADIC 16; kind | 32 = KIND_DIRECT_IFACE.
// Each descriptor is linkonce_odr in a comdat named after the type's link string, so packages that
// emit the same type share one descriptor in the binary.
// gocc-flags: -O0
package main

// A struct with floats and a pointer: 24 bytes, pointers in its first 24 (gcdata 0b100: word 2),
// UNCOMMON|NAMED, kind 25, compared field by field (structequal), pkgpath "main", *Point as
// ptrtothis, three GoField records (name, type, offset, embedded, tag: `name` has one), and its method set: the value methods only, sorted by name.
//
// CHECK-DAG: $"type:main.Point" = comdat any
// CHECK-DAG: @"type:main.Point" = linkonce_odr constant %GoType { i64 24, i64 24, i32 {{-?[0-9]+}}, i8 5, i8 8, i8 8, i8 25, ptr @runtime_structequal, ptr @runtime_structhash, ptr @"type:main.Point.gcdata", { ptr, i64 } { ptr @{{.*}}, i64 10 }, ptr @[[MAINPATH:go.string[.0-9]*]], ptr @"type:*main.Point", ptr null, ptr null, i64 0, ptr @"type:main.Point.fields", ptr @"type:main.Point.methods", i32 3, i32 2 }, comdat
// CHECK-DAG: @"type:main.Point.gcdata" = private unnamed_addr constant [1 x i8] c"\04"
// CHECK-DAG: @"type:main.Point.fields" = private unnamed_addr constant [3 x %GoField] [%GoField { { ptr, i64 } { ptr @{{.*}}, i64 1 }, ptr @"type:float64", i64 0, i64 0, { ptr, i64 } zeroinitializer }, %GoField { { ptr, i64 } { ptr @{{.*}}, i64 1 }, ptr @"type:float64", i64 8, i64 0, { ptr, i64 } zeroinitializer }, %GoField { { ptr, i64 } { ptr @{{.*}}, i64 4 }, ptr @"type:*string", i64 16, i64 0, { ptr, i64 } { ptr @{{.*}}, i64 8 } }]
//
// In T's table, tfn is the method itself and ifn the (*T).M wrapper (the interface's data word
// points to a boxed T); a method's name record is "NAME\0PKGPATH\0", the package path empty for
// an exported method.
// CHECK-DAG: @"type:main.Point.methods" = private unnamed_addr constant [2 x %GoMethod] [%GoMethod { ptr @[[LEN:go.string[.0-9]*]], ptr @"type:func() float64", ptr @"main.Point.Len{{.*}}ptrwrap", ptr @main.Point.Len }, %GoMethod { ptr @[[HIDDEN:go.string[.0-9]*]], ptr @"type:func() int", ptr @"main.Point.hidden{{.*}}ptrwrap", ptr @main.Point.hidden }]
// CHECK-DAG: @[[MAINPATH]] = private unnamed_addr constant [5 x i8] c"main\00"
// CHECK-DAG: @[[LEN]] = private unnamed_addr constant [5 x i8] c"Len\00\00"
// CHECK-DAG: @[[HIDDEN]] = private unnamed_addr constant [12 x i8] c"hidden\00main\00"
//
// *Point: pointer-shaped (kind 22|32), memory equality, elem Point, and all three methods; the
// pointer method's ifn and tfn are the method itself.
// CHECK-DAG: @"type:*main.Point" = linkonce_odr constant %GoType { i64 8, i64 8, i32 {{-?[0-9]+}}, i8 9, i8 8, i8 8, i8 54, ptr @runtime_memequal_t, ptr @runtime_memhash_t, ptr @"type:*main.Point.gcdata", { ptr, i64 } { ptr @{{.*}}, i64 11 }, ptr null, ptr null, ptr @"type:main.Point", ptr null, i64 0, ptr null, ptr @"type:*main.Point.methods", i32 0, i32 3 }, comdat
// CHECK-DAG: @"type:*main.Point.methods" = private unnamed_addr constant [3 x %GoMethod] [%GoMethod { {{.*}} ptr @"type:func() float64", ptr @"main.Point.Len{{.*}}ptrwrap", ptr @"main.Point.Len{{.*}}ptrwrap" }, %GoMethod { {{.*}} ptr @"type:func(float64)", ptr @"main.(*Point).Move", ptr @"main.(*Point).Move" }, %GoMethod {
type Point struct {
	X, Y float64
	name *string `json:"n"`
}

func (p Point) Len() float64     { return p.X + p.Y }
func (p *Point) Move(dx float64) { p.X += dx }
func (p Point) hidden() int      { return 0 }

// A pointer-shaped struct (one pointer field): KIND_DIRECT_IFACE, and its value method's itab entry
// takes the data word itself (the ·i wrapper stores it into a temporary Box).
//
// CHECK-DAG: @"type:main.Box" = linkonce_odr constant %GoType { i64 8, i64 8, i32 {{-?[0-9]+}}, i8 13, i8 8, i8 8, i8 57, ptr @runtime_memequal_t, ptr @runtime_memhash_t,
// CHECK-DAG: @"type:main.Box.methods" = private unnamed_addr constant [1 x %GoMethod] [%GoMethod { {{.*}} ptr @"type:func() int", ptr @"main.Box.Get{{.*}}i", ptr @main.Box.Get }]
// CHECK-DAG: define linkonce_odr {{.*}}i64 @"main.Box.Get{{.*}}i"(ptr %{{[0-9]+}}, ptr %{{[0-9]+}}) {{.*}}comdat
type Box struct{ p *int }

func (b Box) Get() int { return *b.p }

// A named func type: pointer-shaped, not comparable (equal and hashfn NULL); the value method's
// ifn is the method itself (the data word is the func value).
// CHECK-DAG: @"type:main.Op" = linkonce_odr constant %GoType { i64 8, i64 8, i32 {{-?[0-9]+}}, i8 5, i8 8, i8 8, i8 51, ptr null, ptr null,
// CHECK-DAG: @"type:main.Op.methods" = private unnamed_addr constant [1 x %GoMethod] [%GoMethod { {{.*}} ptr @"type:func(int) int", ptr @main.Op.Apply, ptr @main.Op.Apply }]
type Op func(int) int

func (o Op) Apply(v int) int { return o(v) }

// Promoted methods: Outer's set has Val (a value method of the embedded Inner), *Outer's has Inc
// and Val; their entry points are wrappers that reach the embedded field from the struct's address.
// CHECK-DAG: @"type:main.Outer.methods" = private unnamed_addr constant [1 x %GoMethod] [%GoMethod { {{.*}} ptr @"type:func() int", ptr @"main.Outer.Val{{.*}}promoted", ptr @"main.Outer.Val{{.*}}promoted" }]
// CHECK-DAG: @"type:*main.Outer.methods" = private unnamed_addr constant [2 x %GoMethod] [%GoMethod { {{.*}} ptr @"type:func()", ptr @"main.Outer.Inc{{.*}}promoted", ptr @"main.Outer.Inc{{.*}}promoted" }, %GoMethod { {{.*}} ptr @"main.Outer.Val{{.*}}promoted",
type Inner struct{ n int }

func (i Inner) Val() int { return i.n }
func (i *Inner) Inc()    { i.n++ }

type Outer struct {
	Inner
	tag string
}

var keepOuter *Outer

// keep makes main's new(T) objects escape, so that each is a runtime newobject of T's descriptor.
var keep []interface{}

// Maps: elem and key. Variadic funcs: tflag VARIADIC, len = 2 parameters, extra = parameter then
// result descriptors. Interfaces: GoIMethod records, interequal. Channels: len = reflect.ChanDir
// (1 recv-only, 2 send-only, 3 both).
//
// CHECK-DAG: @"type:<-chan int" = linkonce_odr constant %GoType { i64 8, i64 8, i32 {{-?[0-9]+}}, i8 8, i8 8, i8 8, i8 50, {{.*}} ptr @"type:int", ptr null, i64 1, ptr null, ptr null, i32 0,
//
// CHECK-DAG: @"type:map[string][]int" = linkonce_odr constant %GoType { i64 8, i64 8, i32 {{-?[0-9]+}}, i8 0, i8 8, i8 8, i8 53, ptr null, ptr null, ptr @"type:map[string][]int.gcdata", { ptr, i64 } { ptr @{{.*}}, i64 16 }, ptr null, ptr null, ptr @"type:[]int", ptr @"type:string", i64 0,
// CHECK-DAG: @"type:func(int, ...string) (bool, error)" = linkonce_odr constant %GoType { i64 8, i64 8, i32 {{-?[0-9]+}}, i8 16, i8 8, i8 8, i8 51, ptr null, ptr null, {{.*}}, i64 2, ptr @"type:func(int, ...string) (bool, error).params", ptr null, i32 4, i32 0 }
// CHECK-DAG: @"type:func(int, ...string) (bool, error).params" = private unnamed_addr constant [4 x ptr] [ptr @"type:int", ptr @"type:[]string", ptr @"type:bool", ptr @"type:error"]
// CHECK-DAG: @"type:interface { String() string }" = linkonce_odr constant %GoType { i64 16, i64 16, i32 {{-?[0-9]+}}, i8 0, i8 8, i8 8, i8 20, ptr @runtime_interequal, ptr @runtime_interhash, {{.*}}, ptr @"type:interface { String() string }.imethods", ptr null, i32 1, i32 0 }
// CHECK-DAG: @"type:interface { String() string }.imethods" = private unnamed_addr constant [1 x %GoIMethod] [%GoIMethod { { ptr, i64 } { ptr @{{.*}}, i64 6 }, { ptr, i64 } zeroinitializer, ptr @"type:func() string" }]
//
// Basic types: int is NAMED|UNCOMMON|REGULAR_MEMORY with memequal, float64 uses f64equal (NaN, ±0)
// and is not regular memory, string uses strequal and has one pointer word.
// CHECK-DAG: @"type:int" = linkonce_odr constant %GoType { i64 8, i64 0, i32 {{-?[0-9]+}}, i8 13, i8 8, i8 8, i8 2, ptr @runtime_memequal_t, ptr @runtime_memhash_t, ptr null,
// CHECK-DAG: @"type:float64" = linkonce_odr constant %GoType { i64 8, i64 0, i32 {{-?[0-9]+}}, i8 5, i8 8, i8 8, i8 14, ptr @runtime_f64equal, ptr @runtime_f64hash, ptr null,
// CHECK-DAG: @"type:string" = linkonce_odr constant %GoType { i64 16, i64 8, i32 {{-?[0-9]+}}, i8 5, i8 8, i8 8, i8 24, ptr @runtime_strequal, ptr @runtime_strhash, ptr @"type:string.gcdata",
//
// A type declared in a function gets a numbered link name (gc's vargen) but keeps the runtime
// spelling "main.T" (6 bytes) as its string.
// CHECK-DAG: @"type:main.T{{\\C2\\B7}}1" = linkonce_odr constant %GoType { i64 8, i64 8, i32 {{-?[0-9]+}}, i8 13, i8 8, i8 8, i8 57, ptr @runtime_memequal_t, ptr @runtime_memhash_t, ptr @{{.*}}, { ptr, i64 } { ptr @{{.*}}, i64 6 },
func main() {
	p := &Point{X: 1}
	p.Move(2)
	o := new(Op)
	*o = func(v int) int { return v + 1 }
	x := 5
	b := &Box{&x}
	m := new(map[string][]int)
	f := new(func(int, ...string) (bool, error))
	e := new(interface{ String() string })
	type T struct{ q *int }
	t := new(T)
	c := new(<-chan int)
	keepOuter = &Outer{tag: "o"}
	keepOuter.Inc()
	println(p.Len(), o.Apply(1), b.Get(), m != nil, f != nil, e != nil, t != nil, p.hidden())
	keep = []interface{}{p, o, b, m, f, e, t, c}
}
