/*
 * error.c: runtime errors as Go values (Go's runtime/error.go: runtime.Error, errorString,
 * plainError, boundsError, TypeAssertionError).
 *
 * Where the runtime detects an error it fills in a small RuntimeError record (panic.h); error_box
 * turns it into the Go value a program can recover: an interface whose dynamic type is one of the
 * descriptors below, built in C with the same layout, type string, method table and symbol name
 * ("type:runtime.boundsError", runtime.def) the compiler would give them. Their Error methods return
 * go1.19's text; their RuntimeError methods do nothing, as in Go. The values:
 *   runtime.errorString   a string; Error() = "runtime error: " + s (nil dereference, divide ...)
 *   runtime.plainError    a string; Error() = s (no prefix; later: channel and map messages)
 *   runtime.boundsError   {x int64; y int; signed bool; code uint8}, Go's field order, formatted
 *                         from printf-like templates where %x is the offending index and %y the
 *                         bound; a negative signed index uses a shorter template without the bound
 *   *runtime.TypeAssertionError {_interface, concrete, asserted *_type; missingMethod string}
 * Static messages are not copied: the data word points at a constant GoString, as gc does for
 * constant conversions. A boundsError or TypeAssertionError is boxed with mallocgc.
 *
 * All text is produced through a Sink: print.c's output (printing a panic allocates nothing), a
 * counting pass plus a copy into a new Go string (Error()), or a bounded buffer (error_format, the
 * unit tests). One formatter, three destinations. The templates are go1.19's, verbatim.
 *
 * Invariant: the printing path neither allocates nor uses stdio; buffers are truncated, never
 * overflowed.
 */
#include "panic.h"

#include "iface.h"
#include "malloc.h"
#include "print.h"

static const char *const bounds_fmts[] = {
	[BOUNDS_INDEX] = "index out of range [%x] with length %y",
	[BOUNDS_SLICE_ALEN] = "slice bounds out of range [:%x] with length %y",
	[BOUNDS_SLICE_ACAP] = "slice bounds out of range [:%x] with capacity %y",
	[BOUNDS_SLICE_B] = "slice bounds out of range [%x:%y]",
	[BOUNDS_SLICE3_ALEN] = "slice bounds out of range [::%x] with length %y",
	[BOUNDS_SLICE3_ACAP] = "slice bounds out of range [::%x] with capacity %y",
	[BOUNDS_SLICE3_B] = "slice bounds out of range [:%x:%y]",
	[BOUNDS_SLICE3_C] = "slice bounds out of range [%x:%y:]",
	[BOUNDS_CONVERT] = "cannot convert slice with length %y to pointer to array with length %x",
};

/* Overriding templates for a negative signed x: there is no need to report y. */
static const char *const bounds_neg_fmts[] = {
	[BOUNDS_INDEX] = "index out of range [%x]",
	[BOUNDS_SLICE_ALEN] = "slice bounds out of range [:%x]",
	[BOUNDS_SLICE_ACAP] = "slice bounds out of range [:%x]",
	[BOUNDS_SLICE_B] = "slice bounds out of range [%x:]",
	[BOUNDS_SLICE3_ALEN] = "slice bounds out of range [::%x]",
	[BOUNDS_SLICE3_ACAP] = "slice bounds out of range [::%x]",
	[BOUNDS_SLICE3_B] = "slice bounds out of range [:%x:]",
	[BOUNDS_SLICE3_C] = "slice bounds out of range [%x::]",
};

/* Where error text goes: buf == NULL counts only (len) or prints (print); else a bounded buffer. */
typedef struct Out {
	char *buf;
	size_t len, cap;
	bool print;
} Out;

static void put(Out *o, const char *s, size_t n)
{
	if (o->print) {
		print_bytes(s, n);
		return;
	}
	for (size_t i = 0; i < n; i++, o->len++)
		if (o->buf && o->len < o->cap)
			o->buf[o->len] = s[i];
	if (o->buf && o->len > o->cap)
		o->len = o->cap;
}

static void put_gostr(Out *o, GoString s)
{
	put(o, (const char *)s.str, (size_t)s.len);
}

static void put_str(Out *o, const char *s)
{
	put(o, s, __builtin_strlen(s));
}

/* Go's appendIntStr. */
static void put_int(Out *o, int64_t v, bool is_signed)
{
	uint64_t u = (uint64_t)v;
	if (is_signed && v < 0) {
		put(o, "-", 1);
		u = -u;
	}
	char digits[20];
	size_t i = sizeof digits;
	do {
		digits[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	put(o, digits + i, sizeof digits - i);
}

/* runtime.boundsError: Go's field order and types. */
typedef struct BoundsError {
	int64_t x;
	intgo y;
	bool is_signed;
	uint8_t code;
} BoundsError;

/* *runtime.TypeAssertionError. */
typedef struct TypeAssertionError {
	const GoType *iface, *concrete, *asserted;
	GoString missing;
} TypeAssertionError;

static void format_bounds(Out *o, const BoundsError *e)
{
	const char *fmt = bounds_fmts[e->code];
	if (e->is_signed && e->x < 0 && e->code != BOUNDS_CONVERT)
		fmt = bounds_neg_fmts[e->code];
	put_str(o, "runtime error: ");
	for (const char *c = fmt; *c; c++) {
		if (*c != '%') {
			put(o, c, 1);
			continue;
		}
		c++;
		if (*c == 'x')
			put_int(o, e->x, e->is_signed);
		else
			put_int(o, e->y, true);
	}
}

static bool same_string(GoString a, GoString b)
{
	return a.len == b.len && __builtin_memcmp(a.str, b.str, (size_t)a.len) == 0;
}

/* Go's (*TypeAssertionError).Error. */
static void format_assertion(Out *o, const TypeAssertionError *e)
{
	put_str(o, "interface conversion: ");
	if (e->concrete == NULL || e->missing.len == 0) {
		if (e->iface)
			put_gostr(o, e->iface->string);
		else
			put_str(o, "interface");
		put_str(o, " is ");
	}
	if (e->concrete == NULL) {
		put_str(o, "nil, not ");
		put_gostr(o, e->asserted->string);
		return;
	}
	put_gostr(o, e->concrete->string);
	if (e->missing.len != 0) {
		put_str(o, " is not ");
		put_gostr(o, e->asserted->string);
		put_str(o, ": missing method ");
		put_gostr(o, e->missing);
		return;
	}
	put_str(o, ", not ");
	put_gostr(o, e->asserted->string);
	if (same_string(e->concrete->string, e->asserted->string))
		put_str(o, same_string(type_pkgpath(e->concrete), type_pkgpath(e->asserted))
				   ? " (types from different scopes)"
				   : " (types from different packages)");
}

/* The Error() text of a runtime error value of type t with data word data. */
static void format_value(Out *o, const GoType *t, const void *data)
{
	if (t == &error_type_errorString)
		put_str(o, "runtime error: ");
	if (t == &error_type_errorString || t == &error_type_plainError)
		put_gostr(o, *(const GoString *)data);
	else if (t == &error_type_boundsError)
		format_bounds(o, data);
	else
		format_assertion(o, data);
}

bool error_print_known(GoEface e)
{
	return e.type == &error_type_errorString || e.type == &error_type_plainError ||
	       e.type == &error_type_boundsError || e.type == &error_type_TypeAssertion_ptr;
}

bool error_print(GoEface e)
{
	if (!error_print_known(e))
		return false;
	Out o = {.print = true};
	format_value(&o, e.type, e.data);
	return true;
}

/* Error() as a Go string: count, allocate, fill. */
static GoString error_string(const GoType *t, const void *data)
{
	Out count = {0};
	format_value(&count, t, data);
	char *buf = runtime_mallocgc(count.len, NULL, false);
	Out fill = {buf, 0, count.len, false};
	format_value(&fill, t, data);
	return (GoString){(const uint8_t *)buf, (intgo)fill.len};
}

size_t error_format(const RuntimeError *e, char *buf, size_t cap)
{
	GoEface v = error_box(e);
	Out o = {buf, 0, cap, false};
	format_value(&o, v.type, v.data);
	return o.len;
}

GoEface error_box(const RuntimeError *e)
{
	if (e->kind == ERR_BOUNDS) {
		BoundsError *b = runtime_mallocgc(sizeof *b, NULL, false);
		*b = (BoundsError){.x = e->x, .y = e->y, .is_signed = e->is_signed, .code = e->code};
		return (GoEface){&error_type_boundsError, b};
	}
	GoString *s = runtime_mallocgc(sizeof *s, NULL, false); /* GC (later): type string */
	*s = (GoString){(const uint8_t *)e->msg, (intgo)__builtin_strlen(e->msg)};
	return (GoEface){e->kind == ERR_PLAIN ? &error_type_plainError : &error_type_errorString, s};
}

GoEface error_type_assertion(const GoType *iface, const GoType *concrete, const GoType *asserted,
			     GoString missing)
{
	TypeAssertionError *e = runtime_mallocgc(sizeof *e, &error_type_TypeAssertion, true);
	*e = (TypeAssertionError){iface, concrete, asserted, missing};
	return (GoEface){&error_type_TypeAssertion_ptr, e};
}

/* ---- methods (the itab calling convention: ret ifn(ctx, data), runtime.def) ---- */

static GoString errorString_Error(void *ctx, void *data)
{
	(void)ctx;
	return error_string(&error_type_errorString, data);
}

static GoString plainError_Error(void *ctx, void *data)
{
	(void)ctx;
	return *(const GoString *)data;
}

static GoString boundsError_Error(void *ctx, void *data)
{
	(void)ctx;
	return error_string(&error_type_boundsError, data);
}

static GoString TypeAssertionError_Error(void *ctx, void *data)
{
	(void)ctx;
	return error_string(&error_type_TypeAssertion_ptr, data);
}

static void RuntimeError_method(void *ctx, void *data)
{
	(void)ctx;
	(void)data;
}

/* ---- descriptors ---- */

#define METHODS(err)                                                                              \
	{{"Error\0", &iface_type_func_string, (void *)(err), NULL},                                \
	 {"RuntimeError\0", &iface_type_func, (void *)RuntimeError_method, NULL}}

static const GoMethod errorString_methods[] = METHODS(errorString_Error);
static const GoMethod plainError_methods[] = METHODS(plainError_Error);
static const GoMethod boundsError_methods[] = METHODS(boundsError_Error);
static const GoMethod TypeAssertionError_methods[] = METHODS(TypeAssertionError_Error);

static const uint8_t gc_one_pointer[] = {0x01};
static const uint8_t gc_assertion[] = {0x0f}; /* three type pointers, then the string's pointer */

/* errorString and plainError: a string with the two runtime.Error methods. */
#define STRING_ERROR(sym, name, h, mtab)                                                        \
	const GoType sym TYPE_SYMBOL(sym, name) = {                                                 \
		.size = sizeof(GoString), .ptrdata = 8, .hash = (h), .tflag = TFLAG_NAMED | TFLAG_UNCOMMON, \
		.align = 8, .field_align = 8, .kind = KIND_STRING, .gcdata = (void *)gc_one_pointer, \
		.string = GOSTR(name), .pkgpath = "runtime", .methods = (void *)(mtab),      \
		.nmethods = 2, ALG(strequal, strhash),                                             \
	}

STRING_ERROR(error_type_errorString, "runtime.errorString", 0xa8e04a7au, errorString_methods);
STRING_ERROR(error_type_plainError, "runtime.plainError", 0xfe8db54du, plainError_methods);

static const GoField boundsError_fields[] = {
	{GOSTR("x"), &iface_type_int64, offsetof(BoundsError, x), 0},
	{GOSTR("y"), &iface_type_int, offsetof(BoundsError, y), 0},
	{GOSTR("signed"), &iface_type_bool, offsetof(BoundsError, is_signed), 0},
	{GOSTR("code"), &iface_type_uint8, offsetof(BoundsError, code), 0},
};

const GoType error_type_boundsError TYPE_SYMBOL(error_type_boundsError, "runtime.boundsError") = {
	.size = sizeof(BoundsError), .hash = 0x2550517cu, .tflag = TFLAG_NAMED | TFLAG_UNCOMMON,
	.align = 8, .field_align = 8, .kind = KIND_STRUCT,
	.string = GOSTR("runtime.boundsError"), .pkgpath = "runtime",
	.extra = (void *)boundsError_fields, .nextra = 4,
	.methods = (void *)boundsError_methods, .nmethods = 2,
	ALG(structequal, structhash),
};

/* Values of the struct itself never leave the runtime (only pointers to it do), so it lists no
 * fields and is not comparable here. */
const GoType error_type_TypeAssertion TYPE_SYMBOL(error_type_TypeAssertion, "runtime.TypeAssertionError") = {
	.size = sizeof(TypeAssertionError), .ptrdata = 32, .hash = 0x0304631du,
	.tflag = TFLAG_NAMED | TFLAG_UNCOMMON, .align = 8, .field_align = 8, .kind = KIND_STRUCT,
	.gcdata = (void *)gc_assertion, .string = GOSTR("runtime.TypeAssertionError"),
	.pkgpath = "runtime", .ptrtothis = &error_type_TypeAssertion_ptr,
};

const GoType error_type_TypeAssertion_ptr TYPE_SYMBOL(error_type_TypeAssertion_ptr, "*runtime.TypeAssertionError") = {
	.size = 8, .ptrdata = 8, .hash = 0xe835dae5u, .tflag = TFLAG_UNCOMMON, .align = 8,
	.field_align = 8, .kind = KIND_POINTER | KIND_DIRECT_IFACE, .gcdata = (void *)gc_one_pointer,
	.string = GOSTR("*runtime.TypeAssertionError"), .elem = &error_type_TypeAssertion,
	.methods = (void *)TypeAssertionError_methods, .nmethods = 2,
	ALG(memequal_t, memhash_t),
};
