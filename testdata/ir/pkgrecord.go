// The package record (runtime ABI v1, runtime.def PKG_FIELD): one GoPackage per compiled package in
// the ELF section gocc_packages, listing the package's globals (GoGlobal: address and descriptor;
// `_` has no storage) and the unnamed pointer, slice, map, chan and func descriptors it emitted (what
// reflect's PointerTo, SliceOf, MapOf, ChanOf and FuncOf look for); runtime/symtab.c walks the section. llvm.used
// retains the record in the link (SHF_GNU_RETAIN, since the link uses -z start-stop-gc). With
// -emit-llvm the types list refers to the descriptors themselves; for gocc's own link it refers
// to weak go.typelink slots (lower_symtab.c).
package main

// CHECK-DAG: @"package:main.globals" = private unnamed_addr constant [2 x %GoGlobal] [%GoGlobal { ptr @main.total, ptr @"type:int" }, %GoGlobal { ptr @main.words, ptr @"type:[]string" }]
// CHECK-DAG: @"package:main.types" = private unnamed_addr constant [{{[0-9]+}} x ptr] [{{.*}}ptr @"type:[]string"{{.*}}]
// CHECK-DAG: @"package:main" = internal constant %GoPackage { { ptr, i64 } { ptr @{{.*}}, i64 4 }, ptr @"package:main.globals", i64 2, ptr @"package:main.types", i64 {{[0-9]+}} }, section "gocc_packages", align 8
// CHECK-DAG: @llvm.used = appending global [1 x ptr] [ptr @"package:main"], section "llvm.metadata"
var total int
var _ = 3
var words []string

func main() {
	words = append(words, "x")
	total += len(words)
	println(total)
}
