/*
 * ast.h: the syntax tree of a Go source file, as built by parse.c and annotated by the checker.
 *
 * The shape follows go/ast node for node (a reader who knows go/ast knows this tree): one Node struct
 * with a kind tag and a union of per-kind payloads, accessed as n->binary.x, n->call.args ...
 * Lists are Vec of Node*. Types are written as expressions (ND_ARRAY_TYPE, ND_STAR used as `*T` ...)
 * exactly as in go/ast, because the parser cannot tell `*T` (type) from `*p` (deref), nor `a[i]`
 * (index) from `G[int]` (instantiation); the checker decides.
 *
 * The parser fills the syntax fields. The checker fills the fields marked "checker:", the middle
 * stage (compiler/middle/) the ones marked "middle:"; lowering reads them all and never changes
 * the tree.
 */
#ifndef GOCC_AST_H
#define GOCC_AST_H

#include "common.h"
#include "token.h"

typedef struct Node Node;
typedef struct Type Type;         /* types.h */
typedef struct Object Object;     /* types.h */
typedef struct Scope Scope;       /* types.h */
typedef struct ConstValue ConstValue; /* constant.h */

typedef enum NodeKind {
	ND_BAD, /* placeholder after a syntax error */

	/* ---- expressions (go/ast Expr) ---- */
	ND_IDENT,          /* ident */
	ND_BASIC_LIT,      /* lit */
	ND_COMPOSITE_LIT,  /* composite */
	ND_FUNC_LIT,       /* func_lit */
	ND_PAREN,          /* paren */
	ND_SELECTOR,       /* selector */
	ND_INDEX,          /* index: x[i], or x[T1, T2, ...] (generic instantiation) */
	ND_SLICE,          /* slice */
	ND_TYPE_ASSERT,    /* type_assert; type == NULL for x.(type) in a type switch */
	ND_CALL,           /* call */
	ND_STAR,           /* star: *x, a dereference or a pointer type */
	ND_UNARY,          /* unary: + - ! ^ & <- ~ */
	ND_BINARY,         /* binary */
	ND_KEY_VALUE,      /* key_value: inside composite literals */
	ND_ELLIPSIS,       /* ellipsis: `...T` as last parameter type, or `[...]T` length */

	/* ---- type expressions ---- */
	ND_ARRAY_TYPE,     /* array_type: len == NULL for a slice type */
	ND_STRUCT_TYPE,    /* struct_type */
	ND_FUNC_TYPE,      /* func_type */
	ND_INTERFACE_TYPE, /* interface_type */
	ND_MAP_TYPE,       /* map_type */
	ND_CHAN_TYPE,      /* chan_type */
	ND_FIELD,          /* field: in params, results, struct fields, interface elements, tparams */

	/* ---- statements (go/ast Stmt) ---- */
	ND_DECL_STMT,      /* decl_stmt: a ND_GEN_DECL inside a function */
	ND_EMPTY_STMT,
	ND_LABELED_STMT,   /* labeled */
	ND_EXPR_STMT,      /* expr_stmt */
	ND_SEND_STMT,      /* send */
	ND_INCDEC_STMT,    /* incdec */
	ND_ASSIGN_STMT,    /* assign: tok is =, := or op= */
	ND_GO_STMT,        /* go_defer */
	ND_DEFER_STMT,     /* go_defer */
	ND_RETURN_STMT,    /* return_stmt */
	ND_BRANCH_STMT,    /* branch: break continue goto fallthrough */
	ND_BLOCK,          /* block */
	ND_IF_STMT,        /* if_stmt */
	ND_CASE_CLAUSE,    /* case_clause: list empty for default */
	ND_SWITCH_STMT,    /* switch_stmt */
	ND_TYPE_SWITCH_STMT, /* type_switch */
	ND_COMM_CLAUSE,    /* comm_clause: comm NULL for default */
	ND_SELECT_STMT,    /* select_stmt */
	ND_FOR_STMT,       /* for_stmt */
	ND_RANGE_STMT,     /* range_stmt */

	/* ---- declarations ---- */
	ND_IMPORT_SPEC,    /* import_spec */
	ND_VALUE_SPEC,     /* value_spec: const or var */
	ND_TYPE_SPEC,      /* type_spec */
	ND_GEN_DECL,       /* gen_decl: import/const/type/var, grouped or not */
	ND_FUNC_DECL,      /* func_decl */

	ND_FILE,           /* file */
	ND_KIND_COUNT
} NodeKind;

typedef enum ChanDir { CHAN_BOTH, CHAN_SEND, CHAN_RECV } ChanDir;

/* checker: what an expression denotes (go/types operand modes). */
typedef enum ExprMode {
	MODE_INVALID,  /* error already reported, or not yet checked */
	MODE_NOVALUE,  /* call of a function without results */
	MODE_BUILTIN,  /* name of a builtin function */
	MODE_TYPE,     /* denotes a type */
	MODE_CONST,    /* constant; value in Node.cval */
	MODE_VARIABLE, /* addressable value */
	MODE_MAPINDEX, /* m[k]: assignable, not addressable, comma-ok form possible */
	MODE_VALUE,    /* computed value */
	MODE_COMMAOK,  /* v, ok form possible: type assertion or channel receive */
	MODE_PACKAGE,  /* name of an imported package (only as the x of a selector) */
} ExprMode;

/* checker: the builtin a MODE_BUILTIN identifier names (also in Node.call.builtin). */
typedef enum BuiltinId {
	BI_NONE,
	BI_APPEND, BI_CAP, BI_CLOSE, BI_COMPLEX, BI_COPY, BI_DELETE, BI_IMAG, BI_LEN, BI_MAKE,
	BI_NEW, BI_PANIC, BI_PRINT, BI_PRINTLN, BI_REAL, BI_RECOVER,
	/* package unsafe */
	BI_UNSAFE_ADD, BI_UNSAFE_ALIGNOF, BI_UNSAFE_OFFSETOF, BI_UNSAFE_SIZEOF, BI_UNSAFE_SLICE,
	/* compiler intrinsics of package runtime (later issues) */
	BI_KEEPALIVE,
	BI_COUNT
} BuiltinId;

/* checker: how a call expression is to be lowered. */
typedef enum CallKind {
	CALL_INVALID,
	CALL_CONVERSION, /* T(x): fun is a type; one argument */
	CALL_BUILTIN,    /* call.builtin says which */
	CALL_FUNC,       /* static call of a declared function: fun resolves to a FUNC Object */
	CALL_METHOD,     /* static call of a method: fun is a ND_SELECTOR with sel_kind SEL_METHOD */
	CALL_INTERFACE,  /* dynamic call of an interface method (later issue) */
	CALL_CLOSURE,    /* call through a func value */
} CallKind;

/* checker: what a selector x.f denotes. */
typedef enum SelectorKind {
	SEL_INVALID,
	SEL_QUALIFIED,   /* pkg.Name: the selector resolves to sel.obj, x is a package */
	SEL_FIELD,       /* x.f struct field, possibly through embedded fields and pointers */
	SEL_METHOD,      /* x.m used as a call target */
	SEL_METHOD_VALUE,/* x.m used as a value (bound method) */
	SEL_METHOD_EXPR, /* T.m or (*T).m: a function whose first parameter is the receiver */
} SelectorKind;

struct Node {
	NodeKind kind;
	Pos pos; /* first character of the node (for binary: the operator, as gc reports it) */

	/* checker: for expressions */
	ExprMode mode;
	Type *type;       /* type of the expression (after any implicit conversion of untyped values
	                     to their final type), or the denoted type for MODE_TYPE */
	ConstValue *cval; /* MODE_CONST: the exact value, already representable in `type` */
	Type *iface_conv; /* checker: non-NULL when this value is implicitly converted to the interface
	                     type iface_conv where it is used (assignment, argument, return, composite
	                     element, map key, send, comparison with an interface, case value, panic);
	                     `type` stays the value's own (concrete or other interface) type */
	bool early;       /* middle (order.c): evaluated before the rest of its statement, into a
	                     temporary, as gc's order pass does */

	union {
		struct { const char *name; Object *obj; /* checker: what it resolves to; NULL for `_` */ } ident;
		struct {
			TokenKind tok; /* TOK_INT, TOK_FLOAT, TOK_IMAG, TOK_CHAR or TOK_STRING */
			const char *text; int len; /* raw text */
			const char *str; size_t str_len; /* TOK_STRING: decoded bytes */
			int32_t rune; /* TOK_CHAR: decoded value */
			bool bad; /* a lexical error was reported in it: the checker stays silent about it */
		} lit;
		struct {
			Node *type; Vec elts; Pos lbrace, rbrace; bool incomplete;
			bool implicit_addr; /* checker: an elided `&T` element (`[]*T{{...}}`): Node.type is T
			                       and the element's value is &T{...} of type *T */
			bool stack_alloc;   /* middle: &T{...}, a slice literal's backing array or T{...} used
			                       as an address, whose memory stays in the frame (gc's EscNone) */
		} composite;
		struct {
			Node *type; /* ND_FUNC_TYPE */
			Node *body; /* ND_BLOCK */
			Vec captures; /* middle (closure.c): Object* of enclosing-function variables used
			                 inside, in first-use order, the order of the closure object's words */
			Object *obj; /* checker: synthesized FUNC object (gives the name main.f.func1) */
			bool stack_alloc; /* middle (escape.c): the closure object does not escape and
			                     lives in the frame (gc's EscNone) */
		} func_lit;
		struct { Node *x; } paren;
		struct {
			Node *x; Node *sel; /* sel is ND_IDENT */
			/* checker: */
			SelectorKind sel_kind;
			Object *obj;      /* the field or method (or package member for SEL_QUALIFIED) */
			int *path;        /* field indices from x's type through embedded fields, ending with
			                     the selected field (SEL_FIELD) or at the method's receiver */
			int path_len;
			bool indirect;    /* a pointer was followed along the path */
		} selector;
		struct { Node *x; Vec indices; Pos lbrack, rbrack; } index;
		struct { Node *x; Node *lo, *hi, *max; bool slice3; Pos lbrack, rbrack; } slice;
		struct { Node *x; Node *type; Pos rparen; } type_assert;
		struct {
			Node *fun; Vec args; Pos lparen, rparen;
			bool has_ellipsis; Pos ellipsis; /* f(x...) */
			/* checker: */
			CallKind call_kind;
			BuiltinId builtin;
			bool stack_buf; /* middle: the result's memory stays in the frame (gc's EscNone): a
			                   string -> []byte/[]rune conversion may use a 32-element stack buffer,
			                   new(T) and make([]T, const) are allocated in the frame */
		} call;
		struct { Node *x; } star;
		struct { TokenKind op; Node *x; } unary;
		struct { TokenKind op; Node *x, *y; } binary;
		struct { Node *key, *value; } key_value;
		struct { Node *elt; /* may be NULL for [...] */ } ellipsis;

		struct { Node *len; Node *elt; } array_type; /* len: NULL slice, ND_ELLIPSIS [...]T */
		struct { Vec fields; /* ND_FIELD */ Pos lbrace, rbrace; } struct_type;
		struct {
			Vec tparams; /* ND_FIELD, type is the constraint */
			Vec params;  /* ND_FIELD */
			Vec results; /* ND_FIELD (names may be empty) */
			bool has_results_parens;
		} func_type;
		struct { Vec methods; /* ND_FIELD: method (1 name + FUNC_TYPE) or embedded/union elem */ } interface_type;
		struct { Node *key, *value; } map_type;
		struct { ChanDir dir; Node *value; Pos arrow; } chan_type;
		struct {
			Vec names; /* ND_IDENT, may be empty (anonymous params, embedded fields) */
			Node *type;
			Node *tag; /* ND_BASIC_LIT string, struct fields only */
		} field;

		struct { Node *decl; } decl_stmt;
		struct { Node *label; Node *stmt; } labeled;
		struct { Node *x; } expr_stmt;
		struct { Node *chan; Node *value; Pos arrow; } send;
		struct { Node *x; TokenKind tok; Pos tok_pos; } incdec;
		struct { Vec lhs; TokenKind tok; Vec rhs; Pos tok_pos; /* the operator: gc reports there */ } assign;
		struct { Node *call; } go_defer;
		struct { Vec results; } return_stmt;
		struct {
			TokenKind tok; Node *label; /* may be NULL */
			Node *target; /* parse_check_branches: the labeled/loop/switch/select statement it leaves
			                 or continues (for goto: the ND_LABELED_STMT) */
		} branch;
		struct { Vec stmts; Pos rbrace; Scope *scope; /* checker */ } block;
		struct { Node *init; Node *cond; Node *then; Node *els; } if_stmt;
		struct { Vec list; Vec body; Pos colon; Scope *scope; /* checker */ } case_clause;
		struct { Node *init; Node *tag; Node *body; /* ND_BLOCK of ND_CASE_CLAUSE */ } switch_stmt;
		struct {
			Node *init;
			Node *assign; /* ND_ASSIGN_STMT `x := y.(type)` or ND_EXPR_STMT `y.(type)` */
			Node *body;
			Vec clause_objs; /* checker: per case clause, the Object of the implicit `x` (or NULL) */
		} type_switch;
		struct { Node *comm; Vec body; Pos colon; } comm_clause;
		struct { Node *body; } select_stmt;
		struct { Node *init; Node *cond; Node *post; Node *body; } for_stmt;
		struct {
			Node *key, *value; /* may be NULL */
			Node *extra;       /* PARSE_GC: a third iteration variable (gc's type checker reports it) */
			TokenKind tok;     /* TOK_DEFINE, TOK_ASSIGN, or TOK_EOF when there is no key/value */
			Node *x;
			Node *body;
		} range_stmt;

		struct { Node *name; /* may be NULL or `.` or `_` */ Node *path; /* ND_BASIC_LIT */ } import_spec;
		struct {
			Vec names; Node *type; Vec values;
			int iota; /* const specs: position in the group */
			/* const specs with no type and no values repeat the previous spec's: parser copies
			   them here (type/values point to the previous spec's nodes) and sets implicit */
			bool implicit;
		} value_spec;
		struct {
			Node *name; Vec tparams; /* ND_FIELD */
			bool assign; /* alias: type A = B */
			Node *type;
		} type_spec;
		struct { TokenKind tok; Vec specs; Pos lparen, rparen; } gen_decl;
		struct {
			Node *recv;  /* ND_FIELD list wrapper: a ND_FUNC_TYPE-less Vec; NULL for functions */
			Node *name;  /* ND_IDENT */
			Node *type;  /* ND_FUNC_TYPE (tparams here for generic functions) */
			Node *body;  /* ND_BLOCK, or NULL for a declaration without body */
			Vec directives; /* Directive* immediately above the declaration (//go:noinline ...) */
			Object *obj; /* checker */
		} func_decl;

		struct {
			Node *package_name; /* ND_IDENT */
			Vec imports;        /* ND_IMPORT_SPEC, across all import decls */
			Vec decls;          /* ND_GEN_DECL and ND_FUNC_DECL in source order */
			SourceFile *source;
			TokenList *tokens;
			Vec pragma_errors;  /* PragmaError*: gc's directive placement errors (parse.c) */
		} file;
	};
};

/* A //go: directive gc rejects where it stands (`misplaced compiler directive`, `//go:nosplit
 * only allowed in runtime`): found by the parser, reported by the checker outside the standard
 * library, the late ones only when the package type-checks (gc reports them from irgen). */
typedef struct PragmaError {
	Pos pos;
	const char *msg;
	bool late;
} PragmaError;

/* Receivers: func_decl.recv is a node of kind ND_FIELD list holder. To keep one representation,
 * the parser stores the receiver list as an ND_FUNC_TYPE node whose params hold the receiver
 * field(s) (go/ast's FieldList), so `recv->func_type.params` is the receiver list. */

Node *node_new(NodeKind kind, Pos pos);
const char *node_kind_name(NodeKind kind);

/* Which parser's verdict to give. PARSE_GOFMT accepts exactly what go/parser (gofmt) accepts
 * (`gocc parse`). PARSE_GC (`gocc build`) is gc's syntax.Parse with CheckBranches: it also reports
 * what gc's parser rejects and go/parser leaves to the type checker (parenthesized embedded types,
 * receiver counts, `:=` in a for post statement ...), runs gc's label and branch checks on each
 * function body parsed without error, and leaves to the checker what gc's type checker reports
 * (missing constant initializers, [...]T outside a literal, invalid import paths ...). */
typedef enum ParseMode { PARSE_GOFMT, PARSE_GC } ParseMode;

/* Parses one file. Syntax errors are reported with error_at using gc's wording
 * ("syntax error: unexpected X, expecting Y" ...) and the parser recovers at statement and
 * declaration boundaries. Never returns NULL. parse_file is parse_file_mode(file, PARSE_GOFMT). */
Node *parse_file(SourceFile *file);
Node *parse_file_mode(SourceFile *file, ParseMode mode);

/* gc's checkBranches (parse_branches.c): labels and break/continue/goto/fallthrough of one function
 * body; sets Node.branch.target. Called by the parser in PARSE_GC mode. */
void parse_check_branches(Node *body);

/* The one generic tree walk (ast_walk.c): pre(n) before n's children (return false to skip them
 * and post(n)), post(n) after; either may be NULL. Children come in source order, type expressions
 * and function literal bodies included. */
typedef struct AstVisitor {
	bool (*pre)(Node *n, void *arg);
	void (*post)(Node *n, void *arg);
	void *arg;
} AstVisitor;
void ast_walk(Node *n, const AstVisitor *v);
Node *ast_find_at(Node *root, NodeKind kind, int line, int col); /* col 0: any; NULL if none */

/* The one expression printer (ast_print.c): gc's short syntax form, "f(x)", "T{…}", "func() {…}";
 * nodes deeper than max_depth (0: no limit) print as "…". */
const char *ast_expr_string(Node *e, int max_depth);

/* Debug dump of a tree (gocc -d A). */
void ast_dump(Node *n, int indent);

#endif
