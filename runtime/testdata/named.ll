; named.ll: the twin of named.go in LLVM IR, written as gocc's lowering is to emit it under
; runtime.def's contract, and run through opt -O2 and llc -O2: a frame record and a returns_twice
; deferframe call in the deferring function, the result variable in memory with volatile accesses,
; the deferred closure {code, &x} in the frame with a stack defer record, recover() as
; gorecover(llvm.frameaddress(0)), and frame pointers, no tail calls, noinline on the recover caller.
target triple = "x86_64-pc-linux-gnu"

@"type:string" = external global i8
@boom.bytes = private unnamed_addr constant [4 x i8] c"boom"
@boom = private unnamed_addr constant { ptr, i64 } { ptr @boom.bytes, i64 4 }
@again.bytes = private unnamed_addr constant [5 x i8] c"again"
@again = private unnamed_addr constant { ptr, i64 } { ptr @again.bytes, i64 5 }

declare i32 @runtime_deferframe(ptr) returns_twice
declare void @runtime_deferprocStack(ptr, ptr, ptr)
declare void @runtime_deferreturn(ptr)
declare { ptr, ptr } @runtime_gorecover(ptr)
declare void @runtime_gopanic({ ptr, ptr }) noreturn
declare void @runtime_printlock()
declare void @runtime_printunlock()
declare void @runtime_printint(i64)
declare void @runtime_printnl()
declare ptr @llvm.frameaddress.p0(i32)

; func() { if recover() != nil { x = 42 } }, capturing x's address in word 1 of the closure
define internal void @main.named.func1(ptr %ctx) #0 {
entry:
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  %r = call { ptr, ptr } @runtime_gorecover(ptr %fp)
  %t = extractvalue { ptr, ptr } %r, 0
  %isnil = icmp eq ptr %t, null
  br i1 %isnil, label %done, label %set
set:
  %cellp = getelementptr inbounds ptr, ptr %ctx, i64 1
  %cell = load ptr, ptr %cellp
  store volatile i64 42, ptr %cell
  br label %done
done:
  ret void
}

define internal i64 @main.named(ptr %ctx) #1 {
entry:
  %frame = alloca [64 x i8], align 16
  %d = alloca [40 x i8], align 8
  %clo = alloca { ptr, ptr }, align 8
  %x = alloca i64, align 8
  store volatile i64 0, ptr %x
  %again = call i32 @runtime_deferframe(ptr %frame) #2
  %recovered = icmp ne i32 %again, 0
  br i1 %recovered, label %recover, label %body
body:
  store ptr @main.named.func1, ptr %clo
  %cap = getelementptr inbounds { ptr, ptr }, ptr %clo, i32 0, i32 1
  store ptr %x, ptr %cap
  call void @runtime_deferprocStack(ptr %frame, ptr %d, ptr %clo)
  store volatile i64 1, ptr %x
  %s = insertvalue { ptr, ptr } { ptr @"type:string", ptr undef }, ptr @boom, 1
  call void @runtime_gopanic({ ptr, ptr } %s)
  unreachable
recover:
  call void @runtime_deferreturn(ptr %frame)
  %v = load volatile i64, ptr %x
  ret i64 %v
}

define void @main.main() #1 {
entry:
  %n = call i64 @main.named(ptr poison)
  call void @runtime_printlock()
  call void @runtime_printint(i64 %n)
  call void @runtime_printnl()
  call void @runtime_printunlock()
  %s = insertvalue { ptr, ptr } { ptr @"type:string", ptr undef }, ptr @again, 1
  call void @runtime_gopanic({ ptr, ptr } %s)
  unreachable
}

define void @main.init() #1 {
entry:
  ret void
}

; every Go function: frame pointers, no tail calls; functions calling recover: noinline as well
attributes #0 = { noinline "frame-pointer"="all" "disable-tail-calls"="true" }
attributes #1 = { "frame-pointer"="all" "disable-tail-calls"="true" }
attributes #2 = { returns_twice }
