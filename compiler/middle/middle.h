/*
 * middle.h: the middle stage, between the checker and the LLVM lowering (middle.c has the essay).
 *
 * Everything here reads the checked tree and writes annotations marked "middle:" in ast.h and
 * types.h; nothing here sees LLVM. Lowering calls only the predicates at the end.
 */
#ifndef GOCC_MIDDLE_H
#define GOCC_MIDDLE_H

#include "types.h"

/* The whole stage, in order: closures, escape, order. Runs once per checked package. */
void middle_package(Package *pkg);

void middle_closures(Package *pkg); /* closure.c: func_lit.captures, Object.captured, link names */
void middle_escape(Package *pkg);   /* escape.c: Object.boxed/leaks/assigned, call.stack_buf */
void middle_order(Package *pkg);    /* order.c: Node.early */

/* ---- what lowering asks ---------------------------------------------------------------------- */

/* Like gc (maxStackVarSize), variables and temporaries larger than this live on the heap. */
enum { MAX_STACK_VAR = 64 * 1024 };

bool middle_needs_cell(Object *o);   /* escape.c: the local lives in a heap cell */
bool middle_is_const_nil(Object *o); /* escape.c: `var p *T`, never assigned: gc's constant nil */
int64_t middle_slice_lit_len(Node *e); /* escape.c: a slice literal's length (highest index + 1) */

/* ---- shared helpers (middle.c) --------------------------------------------------------------- */

Node *middle_unparen(Node *e);
bool middle_is_local_var(Object *o);  /* a variable of a function (param, result, local) */
Node *middle_func_body(Object *fn);   /* ND_BLOCK of a declared function or method, or NULL */
void middle_walk_code(Package *pkg, const AstVisitor *v); /* every body and package-level initializer */

#endif
