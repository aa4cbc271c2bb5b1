/*
 * iface.h: interfaces at run time (iface.c): the itab cache, type identity, and the descriptors the
 * runtime defines in C.
 *
 * Invariants.
 *  - An itab, once returned, is immutable and never freed; getitab returns the same itab for the
 *    same (interface, type) pair every time (the cache holds negative answers too: fun[0] == NULL).
 *  - Descriptors defined here and in error.c carry the symbol names compiled code gives the same
 *    types ("type:<type string>", runtime.def), so one copy survives linking.
 *  - iface_types_identical is pointer equality, widened only for copies of unnamed or predeclared
 *    types that several translation units may emit (runtime.def "Identity").
 */
#ifndef GOCC_RUNTIME_IFACE_H
#define GOCC_RUNTIME_IFACE_H

#include "alg.h"
#include "runtime.h"

/* The descriptor cname gets compiled code's symbol for the same type (GNU as needs the quotes) and a
 * section of its own named after cname (the default would embed the symbol, spaces and braces
 * included, which as rejects); one section each keeps --gc-sections effective. */
#define TYPE_LABEL(s) __asm__("\"type:" s "\"")
#define TYPE_SYMBOL(cname, s) TYPE_LABEL(s) __attribute__((section(".data.rel.ro.type." #cname)))

/* The equality and hash functions of a descriptor (runtime.def TYPE_ALG, alg.c). */
#define ALG(eq, h) .equal = (void *)runtime_##eq, .hashfn = (void *)runtime_##h

/* Go's getitab: the itab of (inter, type); NULL if type lacks a method and canfail, else a panic
 * with a *runtime.TypeAssertionError naming the missing method. */
GoItab *iface_getitab(const GoType *inter, const GoType *type, bool canfail);

/* Whether a and b are the same Go type (see the invariant above). */
bool iface_types_identical(const GoType *a, const GoType *b);

/* Go's staticuint64s: word i holds i; boxed small integers and one-byte strings point here. */
extern const uint64_t iface_staticuint64s[256];

/* Basic descriptors the runtime's own types are made of (declarations carry the symbol too). */
extern const GoType iface_type_string TYPE_LABEL("string");
extern const GoType iface_type_int TYPE_LABEL("int");
extern const GoType iface_type_int64 TYPE_LABEL("int64");
extern const GoType iface_type_bool TYPE_LABEL("bool");
extern const GoType iface_type_uint8 TYPE_LABEL("uint8");
extern const GoType iface_type_func TYPE_LABEL("func()");
extern const GoType iface_type_func_string TYPE_LABEL("func() string");
extern const GoType iface_type_error TYPE_LABEL("error");
extern const GoType iface_type_stringer TYPE_LABEL("interface { String() string }");
extern const GoType iface_type_runtime_Error TYPE_LABEL("runtime.Error");

/* The runtime's error types (error.c). */
extern const GoType error_type_errorString TYPE_LABEL("runtime.errorString");
extern const GoType error_type_plainError TYPE_LABEL("runtime.plainError");
extern const GoType error_type_boundsError TYPE_LABEL("runtime.boundsError");
extern const GoType error_type_TypeAssertion TYPE_LABEL("runtime.TypeAssertionError");
extern const GoType error_type_TypeAssertion_ptr TYPE_LABEL("*runtime.TypeAssertionError");

#endif
