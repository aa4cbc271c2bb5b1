// `for i, r := range s` decodes ASCII inline and calls runtime_decoderune for the rest. Since
// runtime ABI v1 decoderune returns both the rune and the index after it as a two-value result
// ({i32, i64}, returned in rax:rdx), read out with extractvalue: no out-parameter, no memory.
// gocc-flags: -O0
package main

// CHECK-LABEL: define void @main.main()
// CHECK: rangestr.multi:
// CHECK-NEXT: [[R:%.*]] = call { i32, i64 } @runtime_decoderune(ptr @{{.*}}, i64 6, i64 [[K:%.*]])
// CHECK-NEXT: [[RUNE:%.*]] = extractvalue { i32, i64 } [[R]], 0
// CHECK-NEXT: [[NEXT:%.*]] = extractvalue { i32, i64 } [[R]], 1
// CHECK-NEXT: store i64 [[NEXT]]
// CHECK: phi i32 {{.*}}[ [[RUNE]], %rangestr.multi ]
func main() {
	for i, c := range "héllo" {
		println(i, c)
	}
}

// decoderune only reads its argument memory, so the optimiser may move and merge calls.
// CHECK: declare { i32, i64 } @runtime_decoderune(ptr, i64, i64) [[ATTR:#[0-9]+]]
// CHECK: attributes [[ATTR]] = { nounwind willreturn memory(argmem: read) }
