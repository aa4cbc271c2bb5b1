/*
 * parse.c: one file's tokens (token.h) -> its syntax tree (ast.h).
 *
 * A recursive-descent parser with one token of look-ahead. Which programs it accepts is copied
 * from go/parser (the parser gofmt uses) function for function, so that every file gofmt accepts
 * parses here without a diagnostic, type parameters included; what it says when a file is wrong
 * is copied from gc (cmd/compile/internal/syntax): "syntax error: unexpected X, expecting Y",
 * "... at end of statement", "non-declaration statement outside function body" ...
 *
 * The key idea, also go/parser's, is to parse expressions and types with the same functions and
 * to decide late. `*T` may be a pointer type or a dereference, `a[i]` an index or an
 * instantiation, `T{` a composite literal or a block: the tree keeps the general form (ND_STAR,
 * ND_INDEX) and the checker decides. Three ambiguities need the parser's attention:
 *   - composite literal or block: expr_lev < 0 inside if/for/switch headers, where `T {` ends the
 *     expression unless T is parenthesized or is a literal type such as []int;
 *   - type parameters or array length in `type T[P C] ...`: parse an expression after `[` and
 *     split it with extract_name (P *C, P ~int|string ... mean type parameters, `[N]T` an array);
 *   - embedded instantiated type or array field in structs and parameters `a [N]T` vs `T[int]`.
 * Two modes (ParseMode): PARSE_GOFMT gives go/parser's verdict (`gocc parse`); PARSE_GC is gc's
 * parser for `gocc build`: it also reports what gc's parser rejects beyond go/parser (embedded
 * `(T)`, receiver counts, `:=` in a for post statement ...), runs gc's branch checks on every body
 * parsed without error (parse_branches.c), and leaves what gc's type checker reports to the checker
 * (the check_* helpers here that only go/parser performs are off). gc type-checks after parse
 * errors that are not "syntax error"s, so in that mode the tree must stay checkable after them:
 * `go f` becomes a call of f, a bad literal is marked `bad`.
 * Errors never stop the parser. Like gc it reports one syntax error per line and then skips to gc's
 * synchronizing tokens (the end of the statement, the next declaration, a closing bracket, and
 * inside functions any statement keyword), so the follow-on errors are the ones gc prints.
 * Progress is guaranteed (advance() and the list loops), deep nesting is an error rather than a
 * stack overflow, and after MAX_ERRORS the rest of the file is skipped. docs/parser.md has more.
 */
#include "ast.h"

#include <stdint.h>
#include <string.h>
#include <limits.h>

enum {
	MAX_ERRORS = 100,  /* diag_flush prints 10; more only slow a hopeless parse down */
	MAX_NEST = 100000, /* go/parser's limit on nesting (gofmt mode); gc has none but its stack */
	STACK_PER_LEVEL = 512, /* stack bytes the later phases may need per level of the tree */
};

/* Where a missing ';' was expected: gc words the error after the enclosing production. */
static const char SEMI_STMT[] = "at end of statement";
static const char SEMI_TOP[] = "after top level declaration";
static const char SEMI_GROUP[] = "in grouped declaration; possibly missing semicolon or newline or )";
static const char SEMI_STRUCT[] = "in struct type; possibly missing semicolon or newline or }";
static const char SEMI_IFACE[] = "in interface type; possibly missing semicolon or newline or }";

typedef struct Parser {
	TokenList *tl;
	Token *tok;          /* the current token (never past the final TOK_EOF) */
	int idx;             /* its index in tl->toks */
	int expr_lev;        /* < 0: in a control clause header; >= 0: in an expression */
	int nest;            /* depth of the tree being built, limited by max_nest */
	int max_nest;        /* MAX_NEST, or less when the stack is small (see chain_link) */
	uintptr_t stack_base;   /* stack address at parse_file: recursion may use stack_budget bytes */
	size_t stack_budget;
	int fnest;           /* function body nesting depth */
	ParseMode mode;
	int errors;          /* errors reported for this file */
	int errcnt;          /* gc's p.errcnt: errors met so far, lexical ones included, counted when
	                        the parser reaches their token (as gc's scanner reports them) */
	int last_err_line;   /* line of the last syntax error: gc reports one syntax error per line */
	bool bailed;         /* too many errors or too deep: skipping to EOF */
	int sync_idx, sync_cnt; /* advance(): last synchronization point, calls without progress */
	const char *spec_semi;  /* SEMI_* context for the specs of the declaration being parsed */
	int next_directive;     /* first directive of tl->directives not yet looked at */
	int next_pragma;        /* first directive not yet taken or cleared (gc's p.pragma) */
	Vec *pragma_errors;     /* the file's PragmaError* */
	Vec imports;
} Parser;

/* A parameter under construction: a name, a type, or both (go/parser's field). */
typedef struct Param {
	Node *name, *type;
} Param;

enum { MODE_BASIC, MODE_LABEL_OK, MODE_RANGE_OK }; /* parse_simple_stmt modes */

static Node *parse_type(Parser *p);
static Node *try_ident_or_type(Parser *p);
static Node *parse_expr(Parser *p);
static Node *parse_rhs(Parser *p);
static Node *parse_rhs_or_type(Parser *p);
static Node *parse_unary_expr(Parser *p);
static Node *parse_primary_expr(Parser *p, Node *x);
static Node *parse_binary_expr(Parser *p, Node *x, int prec1, bool check);
static Node *parse_literal_value(Parser *p, Node *type);
static Node *parse_stmt(Parser *p);
static Node *parse_block_stmt(Parser *p, const char *context);
static Node *parse_body(Parser *p);
static Node *parse_decl(Parser *p);
static Node *parse_func_type(Parser *p);
static Node *embedded_elem(Parser *p, Node *x);
static Vec parse_parameter_list(Parser *p, Node *name0, Node *type0, TokenKind closing);
static Node *parse_comm_clause(Parser *p);
static Node *check_expr(Parser *p, Node *x);
static const char *expr_string(Node *n);

/* ---- tokens ---------------------------------------------------------------------------------- */

static void next(Parser *p)
{
	if (p->tok->kind != TOK_EOF) {
		p->tok = &p->tl->toks[++p->idx];
		if (p->tok->lex_error)
			p->errcnt++;
	}
}

static bool at(Parser *p, TokenKind k)
{
	return p->tok->kind == k;
}

static Pos pos_of(Parser *p)
{
	return p->tok->pos;
}

/* The current token as gc names it after "unexpected": the name itself, "literal 1.5", "newline",
 * "comma", an operator or keyword. */
static const char *tok_desc(const Token *t)
{
	switch (t->kind) {
	case TOK_IDENT:
		return xstrndup(t->text, t->len);
	case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_CHAR: case TOK_STRING:
		return xsprintf("literal %.*s", t->len, t->text);
	case TOK_SEMICOLON:
		if (!t->implicit)
			return "semicolon";
		return t->text && strncmp(t->text, "EOF", 3) == 0 ? "EOF" : "newline";
	case TOK_COMMA:
		return "comma";
	default:
		return token_spelling(t->kind);
	}
}

/* A token kind as gc names it after "expecting" (tokstring). */
static const char *tok_name(TokenKind k)
{
	switch (k) {
	case TOK_COMMA: return "comma";
	case TOK_SEMICOLON: return "semicolon or newline";
	case TOK_IDENT: return "name";
	default: return token_spelling(k);
	}
}

/* ---- errors ---------------------------------------------------------------------------------- */

/* Stops reporting and skips the rest of the file. */
static void bail_out(Parser *p)
{
	p->bailed = true;
	p->idx = p->tl->len - 1;
	p->tok = &p->tl->toks[p->idx];
}

static void report(Parser *p, Pos pos, const char *msg)
{
	if (p->bailed)
		return;
	if (!strncmp(msg, "syntax error", 12)) {
		/* like gc: once an error is known, syntax errors at EOF are follow-up noise */
		if (p->tok->kind == TOK_EOF && p->errcnt > 0)
			return;
		p->errcnt++;
		/* like gc: the first syntax error reported on a line is the one that explains it */
		if (p->last_err_line > 0 && pos.line == p->last_err_line)
			return;
		p->last_err_line = pos.line;
	} else {
		p->errcnt++;
	}
	error_at(pos, "%s", msg);
	if (++p->errors >= MAX_ERRORS)
		bail_out(p);
}

/* gc's syntaxErrorAt: msg "in ...", "at ...", "after ..." and "expecting ..." get the current token
 * prepended as "unexpected X"; any other msg is reported as is. */
static void syntax_error_at(Parser *p, Pos pos, const char *msg)
{
	const char *tok = tok_desc(p->tok);
	if (!strncmp(msg, "in ", 3) || !strncmp(msg, "at ", 3) || !strncmp(msg, "after ", 6))
		report(p, pos, xsprintf("syntax error: unexpected %s %s", tok, msg));
	else if (!strncmp(msg, "expecting ", 10))
		report(p, pos, xsprintf("syntax error: unexpected %s, %s", tok, msg));
	else
		report(p, pos, xsprintf("syntax error: %s", msg));
}

static void syntax_error(Parser *p, const char *msg)
{
	syntax_error_at(p, pos_of(p), msg);
}

/* ---- synchronization sets -------------------------------------------------------------------- */

/* After a syntax error the parser skips to one of these tokens, as gc does; inside a function
 * gc's stop set (statement keywords) is always included. */
typedef const bool TokSet[TOK_COUNT];

static TokSet stop_set = {
	[TOK_BREAK] = 1, [TOK_CONST] = 1, [TOK_CONTINUE] = 1, [TOK_DEFER] = 1, [TOK_FALLTHROUGH] = 1,
	[TOK_FOR] = 1, [TOK_GO] = 1, [TOK_GOTO] = 1, [TOK_IF] = 1, [TOK_RETURN] = 1, [TOK_SELECT] = 1,
	[TOK_SWITCH] = 1, [TOK_TYPE] = 1, [TOK_VAR] = 1,
};
static TokSet sync_stmt_end = {[TOK_SEMICOLON] = 1, [TOK_RBRACE] = 1, [TOK_CASE] = 1, [TOK_DEFAULT] = 1};
static TokSet sync_close = {[TOK_RPAREN] = 1, [TOK_RBRACK] = 1, [TOK_RBRACE] = 1};
static TokSet sync_expr_end = {[TOK_COMMA] = 1, [TOK_COLON] = 1, [TOK_SEMICOLON] = 1, [TOK_RPAREN] = 1,
                               [TOK_RBRACK] = 1, [TOK_RBRACE] = 1};
static TokSet sync_decl = {[TOK_CONST] = 1, [TOK_TYPE] = 1, [TOK_VAR] = 1, [TOK_FUNC] = 1};
static TokSet sync_clause = {[TOK_COLON] = 1, [TOK_CASE] = 1, [TOK_DEFAULT] = 1, [TOK_RBRACE] = 1};
static TokSet sync_lbrace = {[TOK_LBRACE] = 1, [TOK_RBRACE] = 1};
static TokSet sync_block = {[TOK_IDENT] = 1, [TOK_RBRACE] = 1};
static TokSet sync_import = {[TOK_SEMICOLON] = 1, [TOK_RPAREN] = 1};

/* Skips to a token of the set (or EOF). As a guard against loops, returning without consuming is
 * allowed at most 10 times at the same place (go/parser's advance). */
static void advance(Parser *p, TokSet to)
{
	for (; !at(p, TOK_EOF); next(p)) {
		TokenKind k = p->tok->kind;
		if (!to[k] && !(p->fnest > 0 && stop_set[k]))
			continue;
		if (p->idx == p->sync_idx && p->sync_cnt < 10) {
			p->sync_cnt++;
			return;
		}
		if (p->idx > p->sync_idx) {
			p->sync_idx = p->idx;
			p->sync_cnt = 0;
			return;
		}
	}
}

/* ---- expecting tokens ------------------------------------------------------------------------ */

/* Consumes the current token whatever it is (progress), complaining if it is not k. */
static Pos expect(Parser *p, TokenKind k)
{
	Pos pos = pos_of(p);
	if (!at(p, k))
		syntax_error(p, xsprintf("expecting %s", tok_name(k)));
	next(p);
	return pos;
}

/* A ';' (or nothing before ')' or '}'); context words the error (SEMI_*) and chooses gc's
 * recovery: the end of the statement, the next declaration, or the end of the list. */
static void expect_semi(Parser *p, const char *context)
{
	if (at(p, TOK_RBRACE) || (at(p, TOK_RPAREN) && (context != SEMI_STMT || p->mode == PARSE_GOFMT)))
		return; /* gc's statement lists end at '}' only */
	if (at(p, TOK_SEMICOLON)) {
		next(p);
		return;
	}
	syntax_error(p, context);
	if (context == SEMI_STMT) {
		advance(p, sync_stmt_end);
		if (at(p, TOK_SEMICOLON))
			next(p);
	} else if (context == SEMI_TOP) {
		advance(p, sync_decl);
	} else {
		advance(p, sync_close);
	}
}

/* At a ',' continuing a list? Anything else ends the list; close_list judges it. */
static bool at_comma(Parser *p)
{
	return at(p, TOK_COMMA);
}

/* The closing token of a comma-separated list. Anything else means a missing comma or closing
 * token: gc reports it and skips to a closing bracket, consuming it only if it is the right one. */
static Pos close_list(Parser *p, TokenKind k, const char *context)
{
	Pos pos = pos_of(p);
	TokenKind prev = p->idx > 0 ? p->tl->toks[p->idx - 1].kind : TOK_EOF;
	if (at(p, TOK_EOF) && (prev == TOK_COMMA || prev == TOK_LPAREN || prev == TOK_LBRACK ||
			       prev == TOK_LBRACE)) {
		syntax_error(p, xsprintf("expecting %s", tok_name(k))); /* gc's list ends at EOF */
		return pos;
	}
	if (!at(p, k)) {
		syntax_error(p, xsprintf("in %s; possibly missing comma or %s", context, tok_name(k)));
		advance(p, sync_close);
		pos = pos_of(p);
		if (!at(p, k))
			return pos;
	}
	next(p);
	return pos;
}

/* A quarter of this thread's stack: deep input is an error, never a stack overflow, and the later
 * phases, which also recurse over the tree, keep room to do so. The driver runs the front end on a
 * 1 GB thread, so the depth gocc accepts does not depend on `ulimit -s`. */
static size_t stack_budget(void)
{
	return stack_size_current() / 4;
}

/* Recursion guard for the productions that nest: false (and everything skipped) when too deep. */
static bool nest_enter(Parser *p)
{
	char here;
	uintptr_t used = p->stack_base - (uintptr_t)&here;
	if ((++p->nest > p->max_nest || used > p->stack_budget) && !p->bailed) {
		report(p, pos_of(p), "syntax error: exceeded max nesting depth");
		bail_out(p);
	}
	return !p->bailed;
}

static void nest_leave(Parser *p)
{
	p->nest--;
}

/* Left-deep chains (a + b + c ..., x.f[i](y).g ...) are built by loops, not by recursion, but the
 * checker and lowering recurse down them: each link is a level of nesting. The levels are limited
 * to what those phases can recurse through on the stack (measured: a few hundred bytes a level,
 * so one level per STACK_PER_LEVEL bytes is safe); the caller gives them back with p->nest -= n. */
static bool chain_link(Parser *p, int *n)
{
	(*n)++;
	return nest_enter(p);
}

/* ---- nodes ----------------------------------------------------------------------------------- */

static Node *new_bad(Pos pos)
{
	return node_new(ND_BAD, pos);
}

static Node *new_ident(Pos pos, const char *name)
{
	Node *n = node_new(ND_IDENT, pos);
	n->ident.name = intern(name, strlen(name));
	return n;
}

static Node *new_field(Pos pos, Node *name, Node *type)
{
	Node *f = node_new(ND_FIELD, pos);
	if (name)
		vec_push(&f->field.names, name);
	f->field.type = type;
	return f;
}

static Node *new_index(Node *x, Pos lbrack, Vec indices, Pos rbrack)
{
	Node *n = node_new(ND_INDEX, x->pos);
	n->index.x = x;
	n->index.indices = indices;
	n->index.lbrack = lbrack;
	n->index.rbrack = rbrack;
	return n;
}

static Node *new_func_type(Pos pos)
{
	return node_new(ND_FUNC_TYPE, pos);
}

static Node *new_basic_lit(Token *t)
{
	Node *n = node_new(ND_BASIC_LIT, t->pos);
	n->lit.tok = t->kind;
	n->lit.text = t->text;
	n->lit.len = t->len;
	n->lit.str = t->str;
	n->lit.str_len = t->str_len;
	n->lit.rune = t->rune;
	n->lit.bad = t->bad;
	return n;
}

static Node *unparen(Node *x)
{
	while (x->kind == ND_PAREN)
		x = x->paren.x;
	return x;
}

/* ---- identifiers and lists ------------------------------------------------------------------- */

/* ---- directive placement (gc's pragmas) -------------------------------------------------------
 *
 * gc's parser collects the //go: directives it scans into a pending set; a declaration takes the
 * set when it starts (its flags are then checked against what that kind of declaration allows), and
 * the end of a statement or top-level declaration, and the "(" of a group, clear it: what is still
 * pending there is misplaced. gc's scanner meets a directive when the parser moves to the token
 * after it, so a take or clear at token index `limit` concerns the pending directives before that
 * token. The errors are recorded on the file (PragmaError) for the checker to report. */

enum {
	PRAGMA_GO_BUILD = 1 << 0, PRAGMA_NOESCAPE = 1 << 1, PRAGMA_NORACE = 1 << 2,
	PRAGMA_NOSPLIT = 1 << 3, PRAGMA_NOINLINE = 1 << 4, PRAGMA_NOCHECKPTR = 1 << 5,
	PRAGMA_SYSTEMSTACK = 1 << 6, PRAGMA_NOWRITEBARRIER = 1 << 7, PRAGMA_NOWRITEBARRIERREC = 1 << 8,
	PRAGMA_YESWRITEBARRIERREC = 1 << 9, PRAGMA_CGO_UNSAFE_ARGS = 1 << 10,
	PRAGMA_UINTPTRKEEPALIVE = 1 << 11, PRAGMA_UINTPTRESCAPES = 1 << 12, PRAGMA_REGISTERPARAMS = 1 << 13,
	PRAGMA_NOTINHEAP = 1 << 14,
	PRAGMA_RUNTIME_ONLY = PRAGMA_SYSTEMSTACK | PRAGMA_NOWRITEBARRIER | PRAGMA_NOWRITEBARRIERREC |
	                      PRAGMA_YESWRITEBARRIERREC,
	PRAGMA_FUNC = PRAGMA_NOESCAPE | PRAGMA_NORACE | PRAGMA_NOSPLIT | PRAGMA_NOINLINE | PRAGMA_NOCHECKPTR |
	              PRAGMA_REGISTERPARAMS | PRAGMA_CGO_UNSAFE_ARGS | PRAGMA_UINTPTRKEEPALIVE |
	              PRAGMA_UINTPTRESCAPES | PRAGMA_RUNTIME_ONLY,
};

/* gc's pragmaFlag: the flags a directive sets (0: not a flag directive, never misplaced). */
static unsigned pragma_flag(const char *text)
{
	static const struct { const char *verb; unsigned flag; } flags[] = {
		{"go:build", PRAGMA_GO_BUILD}, {"go:noescape", PRAGMA_NOESCAPE}, {"go:norace", PRAGMA_NORACE},
		{"go:nosplit", PRAGMA_NOSPLIT | PRAGMA_NOCHECKPTR}, {"go:noinline", PRAGMA_NOINLINE},
		{"go:nocheckptr", PRAGMA_NOCHECKPTR}, {"go:systemstack", PRAGMA_SYSTEMSTACK},
		{"go:nowritebarrier", PRAGMA_NOWRITEBARRIER},
		{"go:nowritebarrierrec", PRAGMA_NOWRITEBARRIERREC | PRAGMA_NOWRITEBARRIER},
		{"go:yeswritebarrierrec", PRAGMA_YESWRITEBARRIERREC},
		{"go:cgo_unsafe_args", PRAGMA_CGO_UNSAFE_ARGS | PRAGMA_NOCHECKPTR},
		{"go:uintptrkeepalive", PRAGMA_UINTPTRKEEPALIVE},
		{"go:uintptrescapes", PRAGMA_UINTPTRESCAPES | PRAGMA_UINTPTRKEEPALIVE},
		{"go:registerparams", PRAGMA_REGISTERPARAMS}, {"go:notinheap", PRAGMA_NOTINHEAP},
	};
	size_t n = strcspn(text, " \t");
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (strlen(flags[i].verb) == n && strncmp(text, flags[i].verb, n) == 0)
			return flags[i].flag;
	return 0;
}

static bool is_embed(const char *text)
{
	return strncmp(text, "go:embed", 8) == 0 && (text[8] == 0 || text[8] == ' ' || text[8] == '\t');
}

static void pragma_error(Parser *p, Directive *d, const char *msg, bool late)
{
	PragmaError *e = xnew(PragmaError);
	e->pos = d->pos;
	e->pos.col += 2; /* gc's position: after the slashes */
	e->msg = msg;
	e->late = late;
	vec_push(p->pragma_errors, e);
}

/* The next pending directive before token `limit` that gc keeps in its pragma set, or NULL. The
 * directives it drops are reported here, as gc's pragma handler does when it scans them. */
static Directive *next_pragma(Parser *p, int limit)
{
	Vec *dirs = &p->tl->directives;
	Pos hi = p->tl->toks[limit].pos;
	while (p->next_pragma < dirs->len) {
		Directive *d = dirs->data[p->next_pragma];
		if (pos_cmp(d->pos, hi) >= 0 && p->tl->toks[limit].kind != TOK_EOF)
			return NULL;
		p->next_pragma++;
		if (strncmp(d->text, "go:", 3) != 0)
			continue;
		if (!d->blank) {
			pragma_error(p, d, "misplaced compiler directive", false);
			continue;
		}
		unsigned flag = pragma_flag(d->text);
		if (flag & PRAGMA_RUNTIME_ONLY)
			pragma_error(p, d, xsprintf("//%.*s only allowed in runtime", (int)strcspn(d->text, " \t"), d->text),
				     false);
		return d;
	}
	return NULL;
}

/* gc's takePragma, for a declaration that allows the flags `allowed` (late: gc's irgen reports the
 * others). A variable's //go:embed is the checker's (check_directives). */
static void take_pragma(Parser *p, int limit, unsigned allowed, bool embed_ok)
{
	for (Directive *d; (d = next_pragma(p, limit));) {
		if (is_embed(d->text)) {
			if (!embed_ok)
				pragma_error(p, d, "misplaced go:embed directive", true);
		} else if (pragma_flag(d->text) & ~allowed) {
			pragma_error(p, d, "misplaced compiler directive", true);
		}
	}
}

/* gc's clearPragma: the pending flag directives are misplaced. */
static void clear_pragma(Parser *p, int limit)
{
	for (Directive *d; (d = next_pragma(p, limit));) {
		if (is_embed(d->text))
			pragma_error(p, d, "misplaced go:embed directive", false);
		else if (pragma_flag(d->text))
			pragma_error(p, d, "misplaced compiler directive", false);
	}
}

/* The token at which gc, having parsed a statement or declaration, clears: its ';' (which this
 * parser has already consumed), else the current token. */
static int end_of_last(Parser *p)
{
	return p->idx > 0 && p->tl->toks[p->idx - 1].kind == TOK_SEMICOLON ? p->idx - 1 : p->idx;
}

/* identifier (a missing one is reported and becomes `_`) */
static Node *parse_ident(Parser *p)
{
	Pos pos = pos_of(p);
	if (at(p, TOK_IDENT)) {
		Node *n = node_new(ND_IDENT, pos);
		n->ident.name = intern(p->tok->text, p->tok->len);
		next(p);
		return n;
	}
	expect(p, TOK_IDENT);
	return new_ident(pos, "_");
}

/* IdentifierList = identifier { "," identifier } . */
static Vec parse_ident_list(Parser *p)
{
	Vec list = {0};
	vec_push(&list, parse_ident(p));
	while (at(p, TOK_COMMA)) {
		next(p);
		vec_push(&list, parse_ident(p));
	}
	return list;
}

/* ExpressionList = Expression { "," Expression } . */
static Vec parse_expr_list(Parser *p)
{
	Vec list = {0};
	vec_push(&list, check_expr(p, parse_expr(p)));
	while (at(p, TOK_COMMA)) {
		next(p);
		vec_push(&list, check_expr(p, parse_expr(p)));
	}
	return list;
}

static Vec parse_list(Parser *p)
{
	return parse_expr_list(p);
}

/* ---- types ----------------------------------------------------------------------------------- */

/* Type = TypeName [ TypeArgs ] | TypeLit | "(" Type ")" . */
static Node *parse_type(Parser *p)
{
	Node *t = try_ident_or_type(p);
	if (t)
		return t;
	Pos pos = pos_of(p);
	syntax_error(p, "expecting type");
	advance(p, sync_expr_end);
	return new_bad(pos);
}

/* TypeName = identifier | PackageName "." identifier . (ident already parsed if non-NULL) */
static Node *parse_type_name(Parser *p, Node *ident)
{
	if (!ident)
		ident = parse_ident(p);
	if (!at(p, TOK_PERIOD))
		return ident;
	next(p);
	Node *sel = node_new(ND_SELECTOR, ident->pos);
	sel->selector.x = ident;
	sel->selector.sel = parse_ident(p);
	return sel;
}

/* TypeArgs = "[" TypeList [ "," ] "]" . */
static Node *parse_type_instance(Parser *p, Node *type)
{
	Pos opening = expect(p, TOK_LBRACK);
	p->expr_lev++;
	Vec list = {0};
	while (!at(p, TOK_RBRACK) && !at(p, TOK_EOF)) {
		vec_push(&list, parse_type(p));
		if (!at_comma(p))
			break;
		next(p);
	}
	p->expr_lev--;
	Pos closing = close_list(p, TOK_RBRACK, "type argument list");
	if (list.len == 0) {
		report(p, opening, "empty type argument list");
		vec_push(&list, new_bad(closing));
	}
	return new_index(type, opening, list, closing);
}

/* QualifiedIdent [ TypeArgs ] with the first identifier already parsed. */
static Node *parse_qualified_ident(Parser *p, Node *ident)
{
	Node *t = parse_type_name(p, ident);
	if (at(p, TOK_LBRACK))
		t = parse_type_instance(p, t);
	return t;
}

/* ArrayType = "[" ArrayLength "]" ElementType . SliceType = "[" "]" ElementType .
 * "[" is consumed; len is the already parsed length, if any. */
static Node *parse_array_type(Parser *p, Pos lbrack, Node *len)
{
	if (!len) {
		p->expr_lev++;
		if (at(p, TOK_ELLIPSIS)) { /* always permit [...] for more tolerant parsing */
			len = node_new(ND_ELLIPSIS, pos_of(p));
			next(p);
		} else if (!at(p, TOK_RBRACK)) {
			len = parse_rhs(p);
		}
		p->expr_lev--;
	}
	if (at(p, TOK_COMMA)) {
		/* trailing commas are accepted in type parameter lists, not in array lengths */
		syntax_error(p, "unexpected comma; expecting ]");
		next(p);
	}
	expect(p, TOK_RBRACK);
	Node *t = node_new(ND_ARRAY_TYPE, lbrack);
	t->array_type.len = len;
	t->array_type.elt = parse_type(p);
	return t;
}

/* After a name x in a field or parameter: `x [N]E`, `x []E` or the instantiated type `x[A, B]`.
 * Returns the type; *name is set to x, or to NULL when x was the generic type's name. */
static Node *parse_array_field_or_type_instance(Parser *p, Node *x, Node **name)
{
	Pos lbrack = expect(p, TOK_LBRACK);
	Vec args = {0};
	if (!at(p, TOK_RBRACK)) {
		p->expr_lev++;
		vec_push(&args, parse_rhs_or_type(p));
		while (at(p, TOK_COMMA)) {
			next(p);
			vec_push(&args, parse_rhs_or_type(p));
		}
		p->expr_lev--;
	}
	Pos rbrack = expect(p, TOK_RBRACK);
	*name = x;
	if (args.len == 0) { /* x []E */
		Node *t = node_new(ND_ARRAY_TYPE, lbrack);
		t->array_type.elt = parse_type(p);
		return t;
	}
	if (args.len == 1) { /* x [P]E or x[P] */
		Node *elt = try_ident_or_type(p);
		if (elt) {
			Node *t = node_new(ND_ARRAY_TYPE, lbrack);
			t->array_type.len = args.data[0];
			t->array_type.elt = elt;
			return t;
		}
	}
	*name = NULL; /* x[P], x[P1, P2] ... */
	return new_index(x, lbrack, args, rbrack);
}

/* gc's fieldDecl takes only `*`? TypeName [TypeArgs] for an embedded field that does not start with
 * a name, where go/parser takes any type: `(T)`, `*(T)`, `*[]int` are gc's syntax errors. */
static void check_gc_embedded(Parser *p)
{
	Token *t = at(p, TOK_MUL) ? &p->tl->toks[p->idx + 1] : p->tok; /* TOK_EOF ends the list */
	if (t->kind == TOK_LPAREN)
		report(p, t->pos, "syntax error: cannot parenthesize embedded type");
	else if (t->kind != TOK_IDENT)
		report(p, t->pos, xsprintf("syntax error: unexpected %s, expecting name", tok_desc(t)));
}

/* FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] .
 * EmbeddedField = [ "*" ] TypeName [ TypeArgs ] . */
static Node *parse_field_decl(Parser *p)
{
	Node *f = node_new(ND_FIELD, pos_of(p));
	if (at(p, TOK_IDENT)) {
		Node *name = parse_ident(p);
		if (at(p, TOK_PERIOD) || at(p, TOK_STRING) || at(p, TOK_SEMICOLON) || at(p, TOK_RBRACE)) {
			/* embedded type */
			f->field.type = at(p, TOK_PERIOD) ? parse_qualified_ident(p, name) : name;
		} else {
			vec_push(&f->field.names, name);
			while (at(p, TOK_COMMA)) {
				next(p);
				vec_push(&f->field.names, parse_ident(p));
			}
			/* careful dance: embedded instantiated type T[P1, P2] or field T of array type */
			if (f->field.names.len == 1 && at(p, TOK_LBRACK)) {
				Node *n;
				f->field.type = parse_array_field_or_type_instance(p, name, &n);
				if (!n)
					f->field.names.len = 0;
			} else {
				f->field.type = parse_type(p);
			}
		}
	} else {
		/* embedded, possibly generic type; `(T)` is accepted here as go/parser does */
		if (p->mode == PARSE_GC)
			check_gc_embedded(p);
		f->field.type = parse_type(p);
	}
	if (at(p, TOK_STRING)) {
		f->field.tag = new_basic_lit(p->tok);
		next(p);
	}
	expect_semi(p, SEMI_STRUCT);
	return f;
}

/* The '}' closing a struct or interface. Something else is reported (msg) and skipped up to a
 * closing bracket, consumed only if it is a '}' (gc's list recovery). */
static void close_fields(Parser *p, const char *msg)
{
	if (!at(p, TOK_RBRACE)) {
		syntax_error(p, msg);
		advance(p, sync_close);
		if (!at(p, TOK_RBRACE))
			return;
	}
	next(p);
}

/* StructType = "struct" "{" { FieldDecl ";" } "}" . */
static Node *parse_struct_type(Parser *p)
{
	Node *t = node_new(ND_STRUCT_TYPE, expect(p, TOK_STRUCT));
	t->struct_type.lbrace = expect(p, TOK_LBRACE);
	/* a field cannot start with '(' but go/parser accepts it for robustness */
	while (at(p, TOK_IDENT) || at(p, TOK_MUL) || at(p, TOK_LPAREN))
		vec_push(&t->struct_type.fields, parse_field_decl(p));
	t->struct_type.rbrace = pos_of(p);
	close_fields(p, "expecting field name or embedded type");
	return t;
}

/* PointerType = "*" BaseType . */
static Node *parse_pointer_type(Parser *p)
{
	Node *t = node_new(ND_STAR, expect(p, TOK_MUL));
	t->star.x = parse_type(p);
	return t;
}

/* "..." Type (final parameter) */
static Node *parse_dots_type(Parser *p)
{
	Node *t = node_new(ND_ELLIPSIS, expect(p, TOK_ELLIPSIS));
	t->ellipsis.elt = try_ident_or_type(p);
	if (!t->ellipsis.elt) {
		Pos pos = pos_of(p);
		syntax_error(p, "... is missing type");
		advance(p, sync_expr_end);
		t->ellipsis.elt = new_bad(pos);
	}
	return t;
}

/* ParameterDecl = [ IdentifierList ] [ "..." ] Type . (one name at a time)
 * In type parameter lists (type_sets_ok) the type may be a union of ~terms. */
static Param parse_param_decl(Parser *p, Node *name, bool type_sets_ok, TokenKind closing)
{
	Param f = {0};
	if (!name && type_sets_ok && at(p, TOK_TILDE)) {
		f.type = embedded_elem(p, NULL);
		return f;
	}
	if (name || at(p, TOK_IDENT)) {
		f.name = name ? name : parse_ident(p);
		switch (p->tok->kind) {
		case TOK_IDENT: case TOK_MUL: case TOK_ARROW: case TOK_FUNC: case TOK_CHAN: case TOK_MAP:
		case TOK_STRUCT: case TOK_INTERFACE: case TOK_LPAREN:
			f.type = parse_type(p); /* name type */
			break;
		case TOK_LBRACK: /* name "[" type1, ..., typeN "]" or name "[" n "]" type */
			f.type = parse_array_field_or_type_instance(p, f.name, &f.name);
			break;
		case TOK_ELLIPSIS:
			f.type = parse_dots_type(p);
			return f; /* no ...type "|" */
		case TOK_PERIOD:
			f.type = parse_qualified_ident(p, f.name);
			f.name = NULL;
			break;
		case TOK_TILDE:
			if (type_sets_ok) {
				f.type = embedded_elem(p, NULL);
				return f;
			}
			break;
		case TOK_OR:
			if (type_sets_ok) {
				f.type = embedded_elem(p, f.name);
				f.name = NULL;
				return f;
			}
			break;
		default:
			break;
		}
	} else {
		switch (p->tok->kind) {
		case TOK_MUL: case TOK_ARROW: case TOK_FUNC: case TOK_LBRACK: case TOK_CHAN: case TOK_MAP:
		case TOK_STRUCT: case TOK_INTERFACE: case TOK_LPAREN:
			f.type = parse_type(p);
			break;
		case TOK_ELLIPSIS:
			f.type = parse_dots_type(p);
			return f;
		default:
			syntax_error(p, xsprintf("expecting %s", tok_name(closing)));
			advance(p, sync_expr_end);
			break;
		}
	}
	if (type_sets_ok && at(p, TOK_OR) && f.type)
		f.type = embedded_elem(p, f.type);
	return f;
}

/* Names without types take the type that follows them: `a, b int`. If some parameters are
 * named, all must be (type parameters always must be); errors are reported as gc does, at the
 * leftmost offender, or at the closing bracket `close` for a missing constraint. */
static void distribute_param_types(Parser *p, Param *list, int n, int named, bool tparams, Pos close)
{
	if (named == 0 && !tparams) {
		for (int i = 0; i < n; i++) { /* all unnamed: the names found are type names */
			if (list[i].name) {
				list[i].type = list[i].name;
				list[i].name = NULL;
			}
		}
		return;
	}
	if (named == n)
		return;
	int typed = 0;
	for (int i = 0; i < n; i++)
		typed += list[i].type != NULL;
	Pos err = nopos;
	Node *type = NULL;
	for (int i = n - 1; i >= 0; i--) {
		Param *par = &list[i];
		if (par->type) {
			type = par->type;
			if (!par->name) {
				err = type->pos;
				par->name = new_ident(type->pos, "_");
			}
		} else if (type) {
			par->type = type;
		} else { /* only a name */
			err = par->name->pos;
			par->type = new_bad(par->name->pos);
		}
	}
	if (!pos_valid(err))
		return;
	if (!tparams)
		report(p, err, "syntax error: mixed named and unnamed parameters");
	else if (named == typed)
		report(p, close, "syntax error: missing type constraint");
	else
		report(p, err, "syntax error: type parameters must be named");
}

/* ParameterList = ParameterDecl { "," ParameterDecl } .
 * TypeParamList = TypeParamDecl { "," TypeParamDecl } .  (closing is ']')
 * name0 (and type0) are the already parsed start of the first parameter. */
static Vec parse_parameter_list(Parser *p, Node *name0, Node *type0, TokenKind closing)
{
	bool tparams = closing == TOK_RBRACK;
	Vec list = {0}; /* Param* */
	int named = 0;
	while (name0 || (!at(p, closing) && !at(p, TOK_EOF))) {
		Param par;
		if (type0) {
			par.name = name0;
			par.type = tparams ? embedded_elem(p, type0) : type0;
		} else {
			par = parse_param_decl(p, name0, tparams, closing);
		}
		name0 = type0 = NULL;
		if (par.name || par.type) {
			Param *q = xnew(Param);
			*q = par;
			vec_push(&list, q);
			if (par.name && par.type)
				named++;
		}
		if (!at_comma(p))
			break;
		next(p);
	}
	Vec fields = {0};
	if (list.len == 0)
		return fields;

	Param *pars = xalloc(sizeof(Param) * list.len);
	for (int i = 0; i < list.len; i++)
		pars[i] = *(Param *)list.data[i];
	distribute_param_types(p, pars, list.len, named, tparams, pos_of(p));

	/* group consecutive names sharing one type node into one field: `a, b int` */
	Node *field = NULL;
	for (int i = 0; i < list.len; i++) {
		Param *par = &pars[i];
		if (!field || !par->name || par->type != field->field.type) {
			field = new_field(par->name ? par->name->pos : par->type->pos, NULL, par->type);
			vec_push(&fields, field);
		}
		if (par->name)
			vec_push(&field->field.names, par->name);
	}
	return fields;
}

/* Parameters = "(" [ ParameterList [ "," ] ] ")" .
 * TypeParameters = "[" TypeParamList [ "," ] "]" .  (accepted when accept_tparams)
 * Fills ft->func_type.tparams and params; returns the position of the type parameters' '[' if
 * there are any, else nopos. */
static Pos parse_parameters(Parser *p, Node *ft, bool accept_tparams)
{
	Pos lbrack = nopos;
	if (accept_tparams && at(p, TOK_LBRACK)) {
		Pos pos = pos_of(p);
		next(p);
		Vec list = parse_parameter_list(p, NULL, NULL, TOK_RBRACK);
		Pos rbrack = close_list(p, TOK_RBRACK, "parameter list");
		if (list.len == 0)
			report(p, rbrack, "syntax error: empty type parameter list");
		else
			lbrack = pos;
		ft->func_type.tparams = list;
	}
	expect(p, TOK_LPAREN);
	if (!at(p, TOK_RPAREN))
		ft->func_type.params = parse_parameter_list(p, NULL, NULL, TOK_RPAREN);
	close_list(p, TOK_RPAREN, "parameter list");
	return lbrack;
}

/* Result = Parameters | Type . */
static void parse_result(Parser *p, Node *ft)
{
	if (at(p, TOK_LPAREN)) {
		Node *tmp = new_func_type(pos_of(p));
		parse_parameters(p, tmp, false);
		ft->func_type.results = tmp->func_type.params;
		ft->func_type.has_results_parens = true;
		return;
	}
	Node *t = try_ident_or_type(p);
	if (t)
		vec_push(&ft->func_type.results, new_field(t->pos, NULL, t));
}

/* FunctionType = "func" Signature .  Signature = Parameters [ Result ] . */
static Node *parse_func_type(Parser *p)
{
	Node *ft = new_func_type(expect(p, TOK_FUNC));
	Pos lbrack = parse_parameters(p, ft, true);
	if (pos_valid(lbrack)) {
		report(p, lbrack, "syntax error: function type must have no type parameters");
		ft->func_type.tparams.len = 0;
	}
	parse_result(p, ft);
	return ft;
}

/* A method signature after the method name: Parameters [ Result ]. */
static Node *parse_method_signature(Parser *p)
{
	Node *ft = new_func_type(pos_of(p));
	parse_parameters(p, ft, false);
	parse_result(p, ft);
	return ft;
}

/* MethodSpec = MethodName Signature | InterfaceTypeName [ TypeArgs ] . */
static Node *parse_method_spec(Parser *p)
{
	Node *f = node_new(ND_FIELD, pos_of(p));
	Node *x = parse_type_name(p, NULL);
	if (x->kind != ND_IDENT) {
		/* embedded, possibly instantiated type pkg.T[A] */
		f->field.type = at(p, TOK_LBRACK) ? parse_type_instance(p, x) : x;
		return f;
	}
	if (at(p, TOK_LBRACK)) {
		/* generic method m[T any](...) (an error) or embedded instantiated type T[A, B] */
		Pos lbrack = pos_of(p);
		next(p);
		p->expr_lev++;
		Node *y = parse_expr(p);
		p->expr_lev--;
		if (y->kind == ND_IDENT && !at(p, TOK_COMMA) && !at(p, TOK_RBRACK)) {
			parse_parameter_list(p, y, NULL, TOK_RBRACK);
			expect(p, TOK_RBRACK);
			report(p, lbrack, "interface method must have no type parameters");
			vec_push(&f->field.names, x);
			f->field.type = parse_method_signature(p);
			return f;
		}
		Vec list = {0};
		vec_push(&list, y);
		if (at_comma(p)) {
			p->expr_lev++;
			next(p);
			while (!at(p, TOK_RBRACK) && !at(p, TOK_EOF)) {
				vec_push(&list, parse_type(p));
				if (!at_comma(p))
					break;
				next(p);
			}
			p->expr_lev--;
		}
		Pos rbrack = close_list(p, TOK_RBRACK, "type argument list");
		f->field.type = new_index(x, lbrack, list, rbrack);
	} else if (at(p, TOK_LPAREN)) {
		vec_push(&f->field.names, x); /* ordinary method */
		f->field.type = parse_method_signature(p);
	} else {
		f->field.type = x; /* embedded type */
	}
	return f;
}

/* TypeTerm = Type | UnderlyingType .  UnderlyingType = "~" Type . */
static Node *embedded_term(Parser *p)
{
	if (at(p, TOK_TILDE)) {
		Node *u = node_new(ND_UNARY, pos_of(p));
		u->unary.op = TOK_TILDE;
		next(p);
		u->unary.x = parse_type(p);
		return u;
	}
	Node *t = try_ident_or_type(p);
	if (t)
		return t;
	Pos pos = pos_of(p);
	syntax_error(p, "expecting ~ term or type");
	advance(p, sync_expr_end);
	return new_bad(pos);
}

/* TypeElem = TypeTerm { "|" TypeTerm } .  (x is the already parsed first term, if any) */
static Node *embedded_elem(Parser *p, Node *x)
{
	if (!x)
		x = embedded_term(p);
	while (at(p, TOK_OR)) {
		Node *b = node_new(ND_BINARY, pos_of(p));
		b->binary.op = TOK_OR;
		next(p);
		b->binary.x = x;
		b->binary.y = embedded_term(p);
		x = b;
	}
	return x;
}

/* InterfaceType = "interface" "{" { InterfaceElem ";" } "}" .
 * InterfaceElem = MethodElem | TypeElem . */
static Node *parse_interface_type(Parser *p)
{
	Node *t = node_new(ND_INTERFACE_TYPE, expect(p, TOK_INTERFACE));
	expect(p, TOK_LBRACE);
	for (;;) {
		Node *f;
		if (at(p, TOK_IDENT)) {
			f = parse_method_spec(p);
			if (f->field.names.len == 0)
				f->field.type = embedded_elem(p, f->field.type);
		} else if (at(p, TOK_TILDE)) {
			Pos pos = pos_of(p);
			f = new_field(pos, NULL, embedded_elem(p, NULL));
		} else {
			Node *x = try_ident_or_type(p);
			if (!x)
				break;
			f = new_field(x->pos, NULL, embedded_elem(p, x));
		}
		expect_semi(p, SEMI_IFACE);
		vec_push(&t->interface_type.methods, f);
	}
	close_fields(p, "expecting ~ term or type");
	return t;
}

/* MapType = "map" "[" KeyType "]" ElementType . */
static Node *parse_map_type(Parser *p)
{
	Node *t = node_new(ND_MAP_TYPE, expect(p, TOK_MAP));
	expect(p, TOK_LBRACK);
	t->map_type.key = parse_type(p);
	expect(p, TOK_RBRACK);
	t->map_type.value = parse_type(p);
	return t;
}

/* ChannelType = ( "chan" | "chan" "<-" | "<-" "chan" ) ElementType . */
static Node *parse_chan_type(Parser *p)
{
	Node *t = node_new(ND_CHAN_TYPE, pos_of(p));
	t->chan_type.dir = CHAN_BOTH;
	t->chan_type.arrow = nopos;
	if (at(p, TOK_CHAN)) {
		next(p);
		if (at(p, TOK_ARROW)) {
			t->chan_type.arrow = pos_of(p);
			next(p);
			t->chan_type.dir = CHAN_SEND;
		}
	} else {
		t->chan_type.arrow = expect(p, TOK_ARROW);
		expect(p, TOK_CHAN);
		t->chan_type.dir = CHAN_RECV;
	}
	if (at(p, TOK_RPAREN) || at(p, TOK_RBRACE) || at(p, TOK_COMMA) || at(p, TOK_SEMICOLON) ||
	    at(p, TOK_EOF)) {
		syntax_error(p, "missing channel element type");
		t->chan_type.value = new_bad(pos_of(p));
		return t;
	}
	t->chan_type.value = parse_type(p);
	return t;
}

/* A type, or NULL (consuming nothing) if none starts here. */
static Node *try_ident_or_type(Parser *p)
{
	if (!nest_enter(p)) {
		nest_leave(p);
		return NULL;
	}
	Node *t = NULL;
	switch (p->tok->kind) {
	case TOK_IDENT:
		t = parse_type_name(p, NULL);
		if (at(p, TOK_LBRACK))
			t = parse_type_instance(p, t);
		break;
	case TOK_LBRACK: {
		Pos lbrack = expect(p, TOK_LBRACK);
		t = parse_array_type(p, lbrack, NULL);
		break;
	}
	case TOK_STRUCT: t = parse_struct_type(p); break;
	case TOK_MUL: t = parse_pointer_type(p); break;
	case TOK_FUNC: t = parse_func_type(p); break;
	case TOK_INTERFACE: t = parse_interface_type(p); break;
	case TOK_MAP: t = parse_map_type(p); break;
	case TOK_CHAN: case TOK_ARROW: t = parse_chan_type(p); break;
	case TOK_LPAREN:
		t = node_new(ND_PAREN, pos_of(p));
		next(p);
		t->paren.x = parse_type(p);
		expect(p, TOK_RPAREN);
		break;
	default:
		break;
	}
	nest_leave(p);
	return t;
}

/* ---- expressions ----------------------------------------------------------------------------- */

/* Reports x if it is a type rather than an expression (go/parser's checkExpr; gc leaves it to its
 * type checker). */
static Node *check_expr(Parser *p, Node *x)
{
	if (p->mode == PARSE_GC)
		return x;
	switch (unparen(x)->kind) {
	case ND_BAD: case ND_IDENT: case ND_BASIC_LIT: case ND_FUNC_LIT: case ND_COMPOSITE_LIT:
	case ND_SELECTOR: case ND_INDEX: case ND_SLICE: case ND_TYPE_ASSERT: case ND_CALL:
	case ND_STAR: case ND_UNARY: case ND_BINARY:
		return x;
	default:
		report(p, x->pos, xsprintf("%s (type) is not an expression", expr_string(x)));
		return new_bad(x->pos);
	}
}

/* Reports x if it is [...]T outside a composite literal (checkExprOrType). */
static Node *check_expr_or_type(Parser *p, Node *x)
{
	if (p->mode != PARSE_GOFMT) /* before unparen: deep parentheses would make this quadratic */
		return x;
	Node *t = unparen(x);
	if (t->kind == ND_ARRAY_TYPE && t->array_type.len &&
	    t->array_type.len->kind == ND_ELLIPSIS) {
		report(p, t->array_type.len->pos, "invalid use of [...] array (outside a composite literal)");
		return new_bad(x->pos);
	}
	return x;
}

/* FunctionLit = "func" Signature FunctionBody .  (or just a function type) */
static Node *parse_func_type_or_lit(Parser *p)
{
	Node *ft = parse_func_type(p);
	if (!at(p, TOK_LBRACE))
		return ft;
	Node *fl = node_new(ND_FUNC_LIT, ft->pos);
	fl->func_lit.type = ft;
	p->expr_lev++;
	fl->func_lit.body = parse_body(p);
	p->expr_lev--;
	return fl;
}

/* "(" Expression ")" or "(" Type ")".  `([...]T){}` is reported as a parenthesized composite
 * literal type rather than as a misplaced [...], so the check waits for the token after ')'. */
static Node *parse_paren(Parser *p)
{
	Node *n = node_new(ND_PAREN, pos_of(p));
	next(p);
	p->expr_lev++;
	Node *x = parse_expr(p);
	p->expr_lev--;
	expect(p, TOK_RPAREN);
	n->paren.x = at(p, TOK_LBRACE) ? x : check_expr_or_type(p, x);
	return n;
}

/* Operand = Literal | OperandName [ TypeArgs ] | "(" Expression ")" .  May return a type. */
static Node *parse_operand(Parser *p)
{
	switch (p->tok->kind) {
	case TOK_IDENT:
		return parse_ident(p);
	case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_CHAR: case TOK_STRING: {
		Node *n = new_basic_lit(p->tok);
		next(p);
		return n;
	}
	case TOK_LPAREN:
		return parse_paren(p);
	case TOK_FUNC:
		return parse_func_type_or_lit(p);
	default:
		break;
	}
	Node *t = try_ident_or_type(p);
	if (t)
		return t; /* type of a composite literal or conversion */
	Pos pos = pos_of(p);
	syntax_error(p, "expecting expression");
	advance(p, sync_close);
	return new_bad(pos);
}

/* TypeAssertion = "." "(" Type ")" .  x.(type) has a NULL type. */
static Node *parse_type_assertion(Parser *p, Node *x)
{
	Node *n = node_new(ND_TYPE_ASSERT, x->pos);
	n->type_assert.x = x;
	expect(p, TOK_LPAREN);
	if (at(p, TOK_TYPE))
		next(p);
	else
		n->type_assert.type = parse_type(p);
	n->type_assert.rparen = expect(p, TOK_RPAREN);
	return n;
}

/* Builds the slice expression x[lo:hi:max] after the closing bracket. */
static Node *new_slice(Parser *p, Node *x, Pos lbrack, Node **index, int ncolons, Pos *colons, Pos rbrack)
{
	Node *n = node_new(ND_SLICE, x->pos);
	n->slice.x = x;
	n->slice.lbrack = lbrack;
	n->slice.rbrack = rbrack;
	if (ncolons == 2) {
		n->slice.slice3 = true;
		/* checked here rather than in the type checker, as go/parser does (issue 7305) */
		if (!index[1]) {
			report(p, colons[1], "middle index required in 3-index slice");
			index[1] = new_bad(colons[1]);
		}
		if (!index[2]) {
			report(p, rbrack, "final index required in 3-index slice");
			index[2] = new_bad(rbrack);
		}
	}
	n->slice.lo = index[0];
	n->slice.hi = index[1];
	n->slice.max = index[2];
	return n;
}

/* Index = "[" Expression "]" .  Slice = "[" [ Expression ] ":" [ Expression ] [ ":" Expression ] "]" .
 * TypeArgs = "[" TypeList [ "," ] "]" . */
static Node *parse_index_or_slice_or_instance(Parser *p, Node *x)
{
	Pos lbrack = expect(p, TOK_LBRACK);
	if (at(p, TOK_RBRACK)) {
		/* empty index: accepted for tolerance, but complained about */
		syntax_error(p, "expecting operand");
		Pos rbrack = pos_of(p);
		next(p);
		Vec idx = {0};
		vec_push(&idx, new_bad(rbrack));
		return new_index(x, lbrack, idx, rbrack);
	}
	p->expr_lev++;
	Node *index[3] = {0};
	Pos colons[2];
	int ncolons = 0;
	Vec args = {0};
	if (!at(p, TOK_COLON))
		index[0] = parse_rhs_or_type(p); /* an index or the first type argument */
	if (at(p, TOK_COLON)) {
		while (at(p, TOK_COLON) && ncolons < 2) {
			colons[ncolons++] = pos_of(p);
			next(p);
			if (!at(p, TOK_COLON) && !at(p, TOK_RBRACK) && !at(p, TOK_EOF))
				index[ncolons] = parse_rhs(p);
		}
	} else if (at(p, TOK_COMMA)) {
		vec_push(&args, index[0]); /* instance expression */
		while (at(p, TOK_COMMA)) {
			next(p);
			if (!at(p, TOK_RBRACK) && !at(p, TOK_EOF))
				vec_push(&args, parse_type(p));
		}
	}
	p->expr_lev--;
	Pos rbrack = pos_of(p);
	if (!at(p, TOK_RBRACK))
		syntax_error(p, ncolons ? "expecting ]" : "expecting comma, : or ]");
	next(p);
	if (ncolons > 0)
		return new_slice(p, x, lbrack, index, ncolons, colons, rbrack);
	if (args.len == 0)
		vec_push(&args, index[0]);
	return new_index(x, lbrack, args, rbrack);
}

/* Arguments = "(" [ ( ExpressionList | Type [ "," ExpressionList ] ) [ "..." ] [ "," ] ] ")" . */
static Node *parse_call_or_conversion(Parser *p, Node *fun)
{
	Node *n = node_new(ND_CALL, fun->pos);
	n->call.fun = fun;
	n->call.lparen = expect(p, TOK_LPAREN);
	p->expr_lev++;
	while (!at(p, TOK_RPAREN) && !at(p, TOK_EOF) && !n->call.has_ellipsis) {
		/* builtins may take a type: make(some type, ...) */
		vec_push(&n->call.args, parse_rhs_or_type(p));
		if (at(p, TOK_ELLIPSIS)) {
			n->call.has_ellipsis = true;
			n->call.ellipsis = pos_of(p);
			next(p);
		}
		if (!at_comma(p))
			break;
		next(p);
	}
	p->expr_lev--;
	n->call.rparen = close_list(p, TOK_RPAREN, "argument list");
	return n;
}

/* Element = Expression | LiteralValue . */
static Node *parse_value(Parser *p)
{
	if (at(p, TOK_LBRACE))
		return parse_literal_value(p, NULL);
	return check_expr(p, parse_expr(p));
}

/* KeyedElement = [ Key ":" ] Element . */
static Node *parse_element(Parser *p)
{
	Node *x = parse_value(p);
	if (!at(p, TOK_COLON))
		return x;
	next(p);
	Node *kv = node_new(ND_KEY_VALUE, x->pos);
	kv->key_value.key = x;
	kv->key_value.value = parse_value(p);
	return kv;
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}" . */
static Node *parse_literal_value(Parser *p, Node *type)
{
	Node *n = node_new(ND_COMPOSITE_LIT, type ? type->pos : pos_of(p));
	n->composite.type = type;
	if (!nest_enter(p)) {
		nest_leave(p);
		return n;
	}
	n->composite.lbrace = expect(p, TOK_LBRACE);
	p->expr_lev++;
	while (!at(p, TOK_RBRACE) && !at(p, TOK_EOF)) {
		vec_push(&n->composite.elts, parse_element(p));
		if (!at_comma(p))
			break;
		next(p);
	}
	p->expr_lev--;
	n->composite.rbrace = close_list(p, TOK_RBRACE, "composite literal");
	nest_leave(p);
	return n;
}

/* Whether `{` after x starts a composite literal (and not the block of an if/for/switch). */
static bool is_literal_type(Parser *p, Node *x)
{
	switch (unparen(x)->kind) {
	case ND_BAD: case ND_IDENT: case ND_SELECTOR: case ND_INDEX:
		return p->expr_lev >= 0; /* in a control clause, `T {` opens the block */
	case ND_ARRAY_TYPE: case ND_STRUCT_TYPE: case ND_MAP_TYPE:
		return true;
	default:
		return false;
	}
}

/* x.sel, or x.(T) */
static Node *parse_selector_or_assertion(Parser *p, Node *x)
{
	next(p); /* '.' */
	if (at(p, TOK_LPAREN))
		return parse_type_assertion(p, check_expr(p, x));
	x = check_expr_or_type(p, x);
	Node *sel = node_new(ND_SELECTOR, x->pos);
	sel->selector.x = x;
	if (at(p, TOK_IDENT)) {
		sel->selector.sel = parse_ident(p);
	} else {
		sel->selector.sel = new_ident(pos_of(p), "_");
		syntax_error(p, "expecting name or (");
		if (!at(p, TOK_RBRACE))
			next(p); /* make progress */
	}
	return sel;
}

/* PrimaryExpr = Operand | Conversion | MethodExpr | PrimaryExpr Selector | PrimaryExpr Index |
 *               PrimaryExpr Slice | PrimaryExpr TypeAssertion | PrimaryExpr Arguments .
 * (x, when given, is the already parsed operand) */
static Node *parse_primary_expr(Parser *p, Node *x)
{
	if (!x)
		x = parse_operand(p);
	int links = 0;
	for (;; chain_link(p, &links)) {
		switch (p->tok->kind) {
		case TOK_PERIOD:
			x = parse_selector_or_assertion(p, x);
			break;
		case TOK_LBRACK:
			x = parse_index_or_slice_or_instance(p, check_expr(p, x));
			break;
		case TOK_LPAREN:
			x = parse_call_or_conversion(p, check_expr_or_type(p, x));
			break;
		case TOK_LBRACE:
			if (!is_literal_type(p, x))
				return x;
			if (unparen(x) != x)
				report(p, pos_of(p), "syntax error: cannot parenthesize type in composite literal");
			x = parse_literal_value(p, x);
			break;
		default:
			p->nest -= links;
			return x;
		}
	}
}

/* `<-` applied to a channel type: re-associates `<-chan T` (and `<-chan <-chan T`) from the
 * parsed `<-(chan T)` (go/parser's rule), reporting `<-<-chan T` and `<-chan<- T`. */
static Node *reassociate_recv_chan(Parser *p, Pos arrow, Node *x)
{
	Node *t = x;
	ChanDir dir = CHAN_SEND;
	while (t->kind == ND_CHAN_TYPE && dir == CHAN_SEND) {
		if (t->chan_type.dir == CHAN_RECV)
			report(p, pos_of(p), "syntax error: unexpected <-, expecting chan");
		Pos a = t->chan_type.arrow;
		t->pos = arrow;
		t->chan_type.arrow = arrow;
		arrow = a;
		dir = t->chan_type.dir;
		t->chan_type.dir = CHAN_RECV;
		t = t->chan_type.value;
	}
	if (dir == CHAN_SEND)
		report(p, pos_of(p), xsprintf("syntax error: unexpected %s, expecting chan", expr_string(t)));
	return x;
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr . */
static Node *parse_unary_expr(Parser *p)
{
	Node *x;
	if (!nest_enter(p)) {
		nest_leave(p);
		return new_bad(pos_of(p));
	}
	Pos pos = pos_of(p);
	TokenKind op = p->tok->kind;
	switch (op) {
	case TOK_ADD: case TOK_SUB: case TOK_NOT: case TOK_XOR: case TOK_AND: case TOK_TILDE:
		next(p);
		x = node_new(ND_UNARY, pos);
		x->unary.op = op;
		x->unary.x = check_expr(p, parse_unary_expr(p));
		break;
	case TOK_ARROW: {
		/* a channel type or a receive: known only once the operand is parsed */
		next(p);
		Node *y = parse_unary_expr(p);
		if (y->kind == ND_CHAN_TYPE) {
			x = reassociate_recv_chan(p, pos, y);
		} else {
			x = node_new(ND_UNARY, pos);
			x->unary.op = TOK_ARROW;
			x->unary.x = check_expr(p, y);
		}
		break;
	}
	case TOK_MUL: /* pointer type or dereference */
		next(p);
		x = node_new(ND_STAR, pos);
		x->star.x = check_expr_or_type(p, parse_unary_expr(p));
		break;
	default:
		x = parse_primary_expr(p, NULL);
		break;
	}
	nest_leave(p);
	return x;
}

static int precedence(TokenKind k)
{
	switch (k) {
	case TOK_LOR: return 1;
	case TOK_LAND: return 2;
	case TOK_EQL: case TOK_NEQ: case TOK_LSS: case TOK_LEQ: case TOK_GTR: case TOK_GEQ: return 3;
	case TOK_ADD: case TOK_SUB: case TOK_OR: case TOK_XOR: return 4;
	case TOK_MUL: case TOK_QUO: case TOK_REM: case TOK_SHL: case TOK_SHR: case TOK_AND:
	case TOK_AND_NOT: return 5;
	default: return 0;
	}
}

/* Expression = UnaryExpr | Expression binary_op Expression .  (x: already parsed left operand)
 * With check, operands are checked to be expressions rather than types. */
static Node *parse_binary_expr(Parser *p, Node *x, int prec1, bool check)
{
	if (!x)
		x = parse_unary_expr(p);
	int links = 0;
	for (;;) {
		TokenKind op = p->tok->kind;
		int prec = precedence(op);
		if (prec == 0 || prec < prec1)
			break;
		Pos pos = pos_of(p);
		next(p);
		if (!chain_link(p, &links))
			break;
		Node *y = parse_binary_expr(p, NULL, prec + 1, check);
		if (check) {
			x = check_expr(p, x);
			y = check_expr(p, y);
		}
		Node *b = node_new(ND_BINARY, pos);
		b->binary.op = op;
		b->binary.x = x;
		b->binary.y = y;
		x = b;
	}
	p->nest -= links;
	return x;
}

/* The result may be a type or even [...]T: callers check it. */
static Node *parse_expr(Parser *p)
{
	return parse_binary_expr(p, NULL, 1, true);
}

static Node *parse_rhs(Parser *p)
{
	return check_expr(p, parse_expr(p));
}

static Node *parse_rhs_or_type(Parser *p)
{
	return check_expr_or_type(p, parse_expr(p));
}

/* ---- statements ------------------------------------------------------------------------------ */

static bool is_assign_op(TokenKind k)
{
	switch (k) {
	case TOK_DEFINE: case TOK_ASSIGN: case TOK_ADD_ASSIGN: case TOK_SUB_ASSIGN: case TOK_MUL_ASSIGN:
	case TOK_QUO_ASSIGN: case TOK_REM_ASSIGN: case TOK_AND_ASSIGN: case TOK_OR_ASSIGN:
	case TOK_XOR_ASSIGN: case TOK_SHL_ASSIGN: case TOK_SHR_ASSIGN: case TOK_AND_NOT_ASSIGN:
		return true;
	default:
		return false;
	}
}

/* Whether parse_stmt has a production for a statement starting with k ('}': the empty one). */
static bool can_start_stmt(TokenKind k)
{
	switch (k) {
	case TOK_CONST: case TOK_TYPE: case TOK_VAR: case TOK_IDENT: case TOK_INT: case TOK_FLOAT:
	case TOK_IMAG: case TOK_CHAR: case TOK_STRING: case TOK_FUNC: case TOK_LPAREN: case TOK_LBRACK:
	case TOK_STRUCT: case TOK_MAP: case TOK_CHAN: case TOK_INTERFACE: case TOK_ADD: case TOK_SUB:
	case TOK_MUL: case TOK_AND: case TOK_XOR: case TOK_ARROW: case TOK_NOT: case TOK_GO:
	case TOK_DEFER: case TOK_RETURN: case TOK_BREAK: case TOK_CONTINUE: case TOK_GOTO:
	case TOK_FALLTHROUGH: case TOK_LBRACE: case TOK_IF: case TOK_SWITCH: case TOK_SELECT:
	case TOK_FOR: case TOK_SEMICOLON: case TOK_RBRACE:
		return true;
	default:
		return false;
	}
}

static bool is_type_switch_assert(Node *x)
{
	return x->kind == ND_TYPE_ASSERT && !x->type_assert.type;
}

/* The left side of := must be identifiers (gc's type checker says so). */
static void check_define_lhs(Parser *p, Vec *lhs)
{
	for (int i = 0; p->mode == PARSE_GOFMT && i < lhs->len; i++) {
		Node *x = lhs->data[i];
		if (x->kind != ND_IDENT)
			report(p, x->pos, xsprintf("non-name %s on left side of :=", expr_string(x)));
	}
}

/* `x op= y`, `a, b := c, d`, or with MODE_RANGE_OK `k, v := range x` (then *is_range is set and the
 * single right-hand value is an ND_UNARY with op TOK_RANGE, undone by parse_for_stmt). */
static Node *parse_assignment(Parser *p, Vec lhs, int mode, bool *is_range)
{
	Node *as = node_new(ND_ASSIGN_STMT, ((Node *)lhs.data[0])->pos);
	as->assign.lhs = lhs;
	as->assign.tok = p->tok->kind;
	as->assign.tok_pos = pos_of(p);
	next(p);
	if (mode == MODE_RANGE_OK && at(p, TOK_RANGE) &&
	    (as->assign.tok == TOK_DEFINE || as->assign.tok == TOK_ASSIGN)) {
		Node *r = node_new(ND_UNARY, pos_of(p));
		r->unary.op = TOK_RANGE;
		next(p);
		r->unary.x = parse_rhs(p);
		vec_push(&as->assign.rhs, r);
		*is_range = true;
	} else {
		as->assign.rhs = parse_list(p);
	}
	if (as->assign.tok != TOK_DEFINE)
		return as;
	if (lhs.len == 1 && as->assign.rhs.len == 1 && is_type_switch_assert(as->assign.rhs.data[0]) &&
	    ((Node *)lhs.data[0])->kind != ND_IDENT)
		report(p, as->assign.tok_pos, xsprintf("syntax error: cannot use %s as value", expr_string(as)));
	else
		check_define_lhs(p, &as->assign.lhs);
	return as;
}

/* SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
 * With MODE_LABEL_OK a labeled statement is recognized too. */
static Node *parse_simple_stmt(Parser *p, int mode, bool *is_range)
{
	bool dummy;
	if (!is_range)
		is_range = &dummy;
	*is_range = false;
	Vec x = parse_list(p);
	if (is_assign_op(p->tok->kind))
		return parse_assignment(p, x, mode, is_range);
	Node *x0 = x.data[0];
	if (x.len > 1)
		syntax_error(p, "expecting := or = or comma"); /* continue with the first expression */
	switch (p->tok->kind) {
	case TOK_COLON:
		if (mode == MODE_LABEL_OK && x0->kind == ND_IDENT && x.len == 1) {
			Pos colon = pos_of(p);
			next(p);
			Node *s = node_new(ND_LABELED_STMT, x0->pos);
			s->labeled.label = x0;
			if (can_start_stmt(p->tok->kind)) {
				s->labeled.stmt = parse_stmt(p);
			} else {
				report(p, colon, "syntax error: missing statement after label");
				s->labeled.stmt = node_new(ND_EMPTY_STMT, pos_of(p));
			}
			return s;
		}
		break; /* the caller complains: "unexpected : at end of statement" */
	case TOK_ARROW: {
		Node *s = node_new(ND_SEND_STMT, x0->pos);
		s->send.arrow = pos_of(p);
		next(p);
		s->send.chan = x0;
		s->send.value = parse_rhs(p);
		return s;
	}
	case TOK_INC: case TOK_DEC: {
		Node *s = node_new(ND_INCDEC_STMT, x0->pos);
		s->incdec.x = x0;
		s->incdec.tok = p->tok->kind;
		s->incdec.tok_pos = pos_of(p);
		next(p);
		return s;
	}
	default:
		break;
	}
	Node *s = node_new(ND_EXPR_STMT, x0->pos);
	s->expr_stmt.x = x0;
	return s;
}

/* The call of a go or defer statement: an expression for go/parser, a primary expression for gc.
 * As gc does, anything else is reported and taken for a call without arguments (the common error
 * of forgetting the parentheses), so that the checker can go on. */
static Node *parse_call_expr(Parser *p, const char *what)
{
	Node *x = p->mode == PARSE_GC ? parse_primary_expr(p, NULL) : parse_rhs_or_type(p);
	Node *call = unparen(x);
	if (call != x)
		report(p, x->pos, xsprintf("expression in %s must not be parenthesized", what));
	if (call->kind == ND_CALL)
		return call;
	if (call->kind != ND_BAD || p->mode == PARSE_GC)
		report(p, call->pos, xsprintf("expression in %s must be function call", what));
	Node *c = node_new(ND_CALL, call->pos);
	c->call.fun = call;
	c->call.lparen = c->call.rparen = nopos;
	return c;
}

/* GoStmt = "go" Expression .  DeferStmt = "defer" Expression . */
static Node *parse_go_defer_stmt(Parser *p)
{
	bool is_go = at(p, TOK_GO);
	Pos pos = pos_of(p);
	next(p);
	Node *call = parse_call_expr(p, is_go ? "go" : "defer");
	expect_semi(p, SEMI_STMT);
	Node *s = node_new(is_go ? ND_GO_STMT : ND_DEFER_STMT, pos);
	s->go_defer.call = call;
	return s;
}

/* ReturnStmt = "return" [ ExpressionList ] . */
static Node *parse_return_stmt(Parser *p)
{
	Node *s = node_new(ND_RETURN_STMT, expect(p, TOK_RETURN));
	if (!at(p, TOK_SEMICOLON) && !at(p, TOK_RBRACE))
		s->return_stmt.results = parse_list(p);
	expect_semi(p, SEMI_STMT);
	return s;
}

/* BreakStmt, ContinueStmt, GotoStmt = keyword [ Label ] .  FallthroughStmt = "fallthrough" . */
static Node *parse_branch_stmt(Parser *p)
{
	TokenKind tok = p->tok->kind;
	Node *s = node_new(ND_BRANCH_STMT, pos_of(p));
	s->branch.tok = tok;
	next(p);
	if (tok != TOK_FALLTHROUGH && at(p, TOK_IDENT))
		s->branch.label = parse_ident(p);
	expect_semi(p, SEMI_STMT);
	return s;
}

/* The condition of if/for/switch, from a statement parsed in its place (go/parser's makeExpr). */
static Node *make_expr(Parser *p, Node *s)
{
	if (!s)
		return NULL;
	if (s->kind == ND_EXPR_STMT)
		return check_expr(p, s->expr_stmt.x);
	const char *str;
	if (s->kind == ND_ASSIGN_STMT && s->assign.tok == TOK_ASSIGN && s->assign.lhs.len == 1 &&
	    s->assign.rhs.len == 1)
		str = xsprintf("assignment (%s) = (%s)", expr_string(s->assign.lhs.data[0]),
		               expr_string(s->assign.rhs.data[0]));
	else
		str = expr_string(s);
	Pos pos = s->kind == ND_ASSIGN_STMT ? s->assign.tok_pos : s->kind == ND_SEND_STMT ? s->send.arrow :
		  s->kind == ND_INCDEC_STMT ? s->incdec.tok_pos : s->pos; /* gc: at the operator */
	report(p, pos, xsprintf("syntax error: cannot use %s as value", str));
	return new_bad(s->pos);
}

/* Neither ';' nor '{' after the init statement of a header: gc's message and recovery, which
 * skip to the block rather than parse the rest as a condition. */
static void header_recover(Parser *p)
{
	syntax_error(p, "expecting {");
	next(p);
	if (!at(p, TOK_LBRACE))
		advance(p, sync_lbrace);
}

/* `var` in a statement header: gc complains and parses on. */
static void skip_var_in_header(Parser *p, const char *keyword)
{
	if (!at(p, TOK_VAR))
		return;
	next(p);
	syntax_error(p, xsprintf("var declaration not allowed in %s initializer", keyword));
}

/* IfStmt header: [ SimpleStmt ";" ] Expression . */
static void parse_if_header(Parser *p, Node *s)
{
	if (at(p, TOK_LBRACE)) {
		syntax_error(p, "missing condition in if statement");
		s->if_stmt.cond = new_bad(pos_of(p));
		return;
	}
	int prev_lev = p->expr_lev;
	p->expr_lev = -1;
	Node *init = NULL, *cond_stmt = NULL;
	if (!at(p, TOK_SEMICOLON)) {
		skip_var_in_header(p, "if");
		init = parse_simple_stmt(p, MODE_BASIC, NULL);
	}
	Token *semi = NULL;
	if (!at(p, TOK_LBRACE)) {
		if (at(p, TOK_SEMICOLON)) {
			semi = p->tok;
			next(p);
		} else {
			header_recover(p);
		}
		if (!at(p, TOK_LBRACE))
			cond_stmt = parse_simple_stmt(p, MODE_BASIC, NULL);
	} else {
		cond_stmt = init;
		init = NULL;
	}
	s->if_stmt.init = init;
	if (cond_stmt) {
		s->if_stmt.cond = make_expr(p, cond_stmt);
	} else if (semi) {
		if (semi->implicit)
			report(p, semi->pos, xsprintf("syntax error: unexpected %s, expecting { after if clause",
			                              tok_desc(semi)));
		else
			report(p, semi->pos, "syntax error: missing condition in if statement");
	}
	if (!s->if_stmt.cond)
		s->if_stmt.cond = new_bad(pos_of(p));
	p->expr_lev = prev_lev;
}

/* IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] . */
static Node *parse_if_stmt(Parser *p)
{
	Node *s = node_new(ND_IF_STMT, expect(p, TOK_IF));
	if (!nest_enter(p)) {
		nest_leave(p);
		return s;
	}
	parse_if_header(p, s);
	s->if_stmt.then = parse_block_stmt(p, "if clause");
	if (at(p, TOK_ELSE)) {
		next(p);
		if (at(p, TOK_IF)) {
			s->if_stmt.els = parse_if_stmt(p);
		} else if (at(p, TOK_LBRACE)) {
			s->if_stmt.els = parse_block_stmt(p, NULL);
			expect_semi(p, SEMI_STMT);
		} else {
			syntax_error(p, "else must be followed by if or statement block");
			s->if_stmt.els = new_bad(pos_of(p));
		}
	} else {
		expect_semi(p, SEMI_STMT);
	}
	nest_leave(p);
	return s;
}

/* TypeList = Type { "," Type } . */
static Vec parse_type_list(Parser *p)
{
	Vec list = {0};
	vec_push(&list, parse_type(p));
	while (at(p, TOK_COMMA)) {
		next(p);
		vec_push(&list, parse_type(p));
	}
	return list;
}

/* StatementList = { Statement ";" } .
 * Up to a token that cannot start a statement (case, default, '}', EOF or an error, left to the
 * caller to report, as gc does). */
static Vec parse_stmt_list(Parser *p)
{
	Vec list = {0};
	while (!at(p, TOK_RBRACE) && can_start_stmt(p->tok->kind)) {
		int before = p->idx;
		vec_push(&list, parse_stmt(p));
		clear_pragma(p, end_of_last(p));
		if (p->idx == before && !at(p, TOK_RBRACE))
			next(p); /* no progress: a parser bug, but never loop */
	}
	return list;
}

/* ExprCaseClause = ExprSwitchCase ":" StatementList .  (TypeCaseClause when type_switch) */
static Node *parse_case_clause(Parser *p, bool type_switch)
{
	Node *c = node_new(ND_CASE_CLAUSE, pos_of(p));
	if (at(p, TOK_CASE)) {
		next(p);
		/* gc parses expressions, its type checker wants types */
		c->case_clause.list = type_switch && p->mode == PARSE_GOFMT ? parse_type_list(p) : parse_list(p);
	} else {
		expect(p, TOK_DEFAULT);
	}
	c->case_clause.colon = expect(p, TOK_COLON);
	c->case_clause.body = parse_stmt_list(p);
	return c;
}

/* TypeSwitchGuard = [ identifier ":=" ] PrimaryExpr "." "(" "type" ")" . */
static bool is_type_switch_guard(Parser *p, Node *s)
{
	if (!s)
		return false;
	if (s->kind == ND_EXPR_STMT)
		return is_type_switch_assert(s->expr_stmt.x);
	if (s->kind != ND_ASSIGN_STMT || s->assign.lhs.len != 1 || s->assign.rhs.len != 1 ||
	    !is_type_switch_assert(s->assign.rhs.data[0]))
		return false;
	if (s->assign.tok == TOK_ASSIGN) { /* permit v = x.(type) but complain */
		report(p, s->assign.tok_pos, xsprintf("syntax error: cannot use assignment (%s) = (%s) as value",
		                           expr_string(s->assign.lhs.data[0]),
		                           expr_string(s->assign.rhs.data[0])));
		return true;
	}
	return s->assign.tok == TOK_DEFINE;
}

/* The `{ case ... }` of a switch or select, with gc's recovery from a missing `{` and from
 * tokens that start no clause. */
static Node *parse_clauses(Parser *p, bool is_select, bool type_switch, const char *what)
{
	Node *body = node_new(ND_BLOCK, pos_of(p));
	if (at(p, TOK_LBRACE)) {
		next(p);
	} else {
		syntax_error(p, xsprintf("missing { after %s clause", what));
		advance(p, sync_clause);
	}
	while (!at(p, TOK_RBRACE) && !at(p, TOK_EOF)) {
		if (at(p, TOK_CASE) || at(p, TOK_DEFAULT)) {
			Node *c = is_select ? parse_comm_clause(p) : parse_case_clause(p, type_switch);
			vec_push(&body->block.stmts, c);
			continue;
		}
		int before = p->idx;
		syntax_error(p, "expecting case or default or }");
		advance(p, sync_clause);
		if (!at(p, TOK_COLON))
			syntax_error(p, "expecting :");
		next(p);
		parse_stmt_list(p); /* statements outside any clause: parsed for errors, dropped */
		if (p->idx == before)
			next(p);
	}
	body->block.rbrace = pos_of(p);
	next(p);
	expect_semi(p, SEMI_STMT);
	return body;
}

/* SwitchStmt = ExprSwitchStmt | TypeSwitchStmt .
 * ExprSwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression ] "{" { ExprCaseClause } "}" .
 * TypeSwitchStmt = "switch" [ SimpleStmt ";" ] TypeSwitchGuard "{" { TypeCaseClause } "}" . */
static Node *parse_switch_stmt(Parser *p)
{
	Pos pos = expect(p, TOK_SWITCH);
	Node *s1 = NULL, *s2 = NULL;
	if (!at(p, TOK_LBRACE)) {
		int prev_lev = p->expr_lev;
		p->expr_lev = -1;
		if (!at(p, TOK_SEMICOLON)) {
			skip_var_in_header(p, "switch");
			s2 = parse_simple_stmt(p, MODE_BASIC, NULL);
		}
		if (at(p, TOK_SEMICOLON)) {
			next(p);
			s1 = s2;
			s2 = NULL;
			if (!at(p, TOK_LBRACE))
				s2 = parse_simple_stmt(p, MODE_BASIC, NULL);
		} else if (!at(p, TOK_LBRACE)) {
			header_recover(p);
		}
		p->expr_lev = prev_lev;
	}
	bool type_switch = is_type_switch_guard(p, s2);
	Node *body = parse_clauses(p, false, type_switch, "switch");
	if (type_switch) {
		Node *s = node_new(ND_TYPE_SWITCH_STMT, pos);
		s->type_switch.init = s1;
		s->type_switch.assign = s2;
		s->type_switch.body = body;
		return s;
	}
	Node *s = node_new(ND_SWITCH_STMT, pos);
	s->switch_stmt.init = s1;
	s->switch_stmt.tag = make_expr(p, s2);
	s->switch_stmt.body = body;
	return s;
}

/* CommClause = CommCase ":" StatementList .
 * CommCase = "case" ( SendStmt | RecvStmt ) | "default" .
 * RecvStmt = [ ExpressionList "=" | IdentifierList ":=" ] RecvExpr . */
static Node *parse_comm_clause(Parser *p)
{
	Node *c = node_new(ND_COMM_CLAUSE, pos_of(p));
	if (!at(p, TOK_CASE)) {
		expect(p, TOK_DEFAULT);
	} else {
		next(p);
		Vec lhs = parse_list(p);
		Node *x0 = lhs.data[0];
		if (at(p, TOK_ARROW)) {
			if (lhs.len > 1)
				report(p, x0->pos, "syntax error: expecting 1 expression");
			Node *s = node_new(ND_SEND_STMT, x0->pos);
			s->send.arrow = pos_of(p);
			next(p);
			s->send.chan = x0;
			s->send.value = parse_rhs(p);
			c->comm_clause.comm = s;
		} else if (at(p, TOK_ASSIGN) || at(p, TOK_DEFINE)) {
			if (lhs.len > 2) {
				report(p, x0->pos, "syntax error: expecting 1 or 2 expressions");
				lhs.len = 2;
			}
			Node *as = node_new(ND_ASSIGN_STMT, x0->pos);
			as->assign.lhs = lhs;
			as->assign.tok = p->tok->kind;
			as->assign.tok_pos = pos_of(p);
			next(p);
			vec_push(&as->assign.rhs, parse_rhs(p));
			if (as->assign.tok == TOK_DEFINE)
				check_define_lhs(p, &as->assign.lhs);
			c->comm_clause.comm = as;
		} else {
			if (lhs.len > 1)
				report(p, x0->pos, "syntax error: expecting 1 expression");
			Node *s = node_new(ND_EXPR_STMT, x0->pos);
			s->expr_stmt.x = x0;
			c->comm_clause.comm = s;
		}
	}
	c->comm_clause.colon = expect(p, TOK_COLON);
	c->comm_clause.body = parse_stmt_list(p);
	return c;
}

/* SelectStmt = "select" "{" { CommClause } "}" . */
static Node *parse_select_stmt(Parser *p)
{
	Node *s = node_new(ND_SELECT_STMT, expect(p, TOK_SELECT));
	s->select_stmt.body = parse_clauses(p, true, false, "select");
	return s;
}

/* The ND_RANGE_STMT from the `k, v := range x` assignment parse_simple_stmt built. */
static Node *make_range_stmt(Parser *p, Pos pos, Node *as, Node *body)
{
	Node *s = node_new(ND_RANGE_STMT, pos);
	Vec *lhs = &as->assign.lhs;
	if (lhs->len > 2 && p->mode == PARSE_GC) {
		s->range_stmt.extra = lhs->data[2];
	} else if (lhs->len > 2) {
		Node *x = lhs->data[lhs->len - 1];
		report(p, x->pos, "range clause permits at most two iteration variables");
		return new_bad(pos);
	}
	s->range_stmt.key = lhs->len > 0 ? lhs->data[0] : NULL;
	s->range_stmt.value = lhs->len > 1 ? lhs->data[1] : NULL;
	s->range_stmt.tok = as->assign.tok;
	s->range_stmt.x = ((Node *)as->assign.rhs.data[0])->unary.x;
	s->range_stmt.body = body;
	return s;
}

/* `for range x`: an assignment without left-hand side, as parse_simple_stmt builds for ranges. */
static Node *parse_bare_range(Parser *p)
{
	Node *as = node_new(ND_ASSIGN_STMT, pos_of(p));
	as->assign.tok = TOK_EOF;
	as->assign.tok_pos = pos_of(p);
	Node *r = node_new(ND_UNARY, pos_of(p));
	r->unary.op = TOK_RANGE;
	next(p);
	r->unary.x = parse_rhs(p);
	vec_push(&as->assign.rhs, r);
	return as;
}

/* ForStmt = "for" [ Condition | ForClause | RangeClause ] Block .
 * ForClause = [ InitStmt ] ";" [ Condition ] ";" [ PostStmt ] .
 * RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression . */
static Node *parse_for_stmt(Parser *p)
{
	Pos pos = expect(p, TOK_FOR);
	Node *s1 = NULL, *s2 = NULL, *s3 = NULL;
	bool is_range = false;
	if (!at(p, TOK_LBRACE)) {
		int prev_lev = p->expr_lev;
		p->expr_lev = -1;
		if (!at(p, TOK_SEMICOLON)) {
			skip_var_in_header(p, "for");
			if (at(p, TOK_RANGE)) {
				s2 = parse_bare_range(p);
				is_range = true;
			} else {
				s2 = parse_simple_stmt(p, MODE_RANGE_OK, &is_range);
			}
		}
		if (!is_range && at(p, TOK_SEMICOLON)) {
			next(p);
			s1 = s2;
			s2 = NULL;
			if (at(p, TOK_LBRACE)) {
				syntax_error(p, "expecting for loop condition");
			} else {
				if (!at(p, TOK_SEMICOLON))
					s2 = parse_simple_stmt(p, MODE_BASIC, NULL);
				expect_semi(p, SEMI_STMT);
				if (!at(p, TOK_LBRACE))
					s3 = parse_simple_stmt(p, MODE_BASIC, NULL);
				if (p->mode == PARSE_GC && s3 && s3->kind == ND_ASSIGN_STMT && s3->assign.tok == TOK_DEFINE)
					report(p, s3->assign.tok_pos,
					       "syntax error: cannot declare in post statement of for loop");
			}
		} else if (!is_range && !at(p, TOK_LBRACE)) {
			header_recover(p);
		}
		p->expr_lev = prev_lev;
	}
	Node *body = parse_block_stmt(p, "for clause");
	expect_semi(p, SEMI_STMT);
	if (is_range)
		return make_range_stmt(p, pos, s2, body);
	Node *s = node_new(ND_FOR_STMT, pos);
	s->for_stmt.init = s1;
	s->for_stmt.cond = make_expr(p, s2);
	s->for_stmt.post = s3;
	s->for_stmt.body = body;
	return s;
}

/* Block = "{" StatementList "}" .  context: gc's "expecting { after CONTEXT" (NULL when the
 * caller has seen the '{'). */
static Node *parse_block_stmt(Parser *p, const char *context)
{
	Node *b = node_new(ND_BLOCK, pos_of(p));
	if (at(p, TOK_LBRACE)) {
		next(p);
	} else {
		/* people coming from C may forget that braces are mandatory in Go */
		syntax_error(p, context ? xsprintf("expecting { after %s", context) : "expecting {");
		advance(p, sync_block);
		b->block.rbrace = pos_of(p);
		if (at(p, TOK_RBRACE)) {
			next(p);
			return b;
		}
	}
	b->block.stmts = parse_stmt_list(p);
	b->block.rbrace = pos_of(p);
	if (!at(p, TOK_RBRACE))
		syntax_error(p, "expecting }");
	next(p);
	return b;
}

/* FunctionBody = Block . */
static Node *parse_body(Parser *p)
{
	p->fnest++;
	int errcnt = p->errcnt;
	Node *b = parse_block_stmt(p, NULL);
	p->fnest--;
	if (p->mode == PARSE_GC && p->errcnt == errcnt) /* gc checks only bodies without errors */
		parse_check_branches(b);
	return b;
}

/* Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt | BreakStmt |
 *             ContinueStmt | GotoStmt | FallthroughStmt | Block | IfStmt | SwitchStmt |
 *             SelectStmt | ForStmt | DeferStmt . */
static Node *parse_stmt(Parser *p)
{
	Node *s;
	if (!nest_enter(p)) {
		nest_leave(p);
		return new_bad(pos_of(p));
	}
	Pos pos = pos_of(p);
	if (!at(p, TOK_CONST) && !at(p, TOK_TYPE) && !at(p, TOK_VAR))
		clear_pragma(p, p->idx);
	switch (p->tok->kind) {
	case TOK_CONST: case TOK_TYPE: case TOK_VAR:
		s = node_new(ND_DECL_STMT, pos);
		s->decl_stmt.decl = parse_decl(p);
		break;
	case TOK_IDENT: case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_CHAR: case TOK_STRING:
	case TOK_FUNC: case TOK_LPAREN: case TOK_LBRACK: case TOK_STRUCT: case TOK_MAP: case TOK_CHAN:
	case TOK_INTERFACE: case TOK_ADD: case TOK_SUB: case TOK_MUL: case TOK_AND: case TOK_XOR:
	case TOK_ARROW: case TOK_NOT:
		s = parse_simple_stmt(p, MODE_LABEL_OK, NULL);
		/* a labeled statement has parsed its own statement and semicolon */
		if (s->kind != ND_LABELED_STMT)
			expect_semi(p, SEMI_STMT);
		break;
	case TOK_GO: case TOK_DEFER:
		s = parse_go_defer_stmt(p);
		break;
	case TOK_RETURN:
		s = parse_return_stmt(p);
		break;
	case TOK_BREAK: case TOK_CONTINUE: case TOK_GOTO: case TOK_FALLTHROUGH:
		s = parse_branch_stmt(p);
		break;
	case TOK_LBRACE:
		s = parse_block_stmt(p, NULL);
		expect_semi(p, SEMI_STMT);
		break;
	case TOK_IF: s = parse_if_stmt(p); break;
	case TOK_SWITCH: s = parse_switch_stmt(p); break;
	case TOK_SELECT: s = parse_select_stmt(p); break;
	case TOK_FOR: s = parse_for_stmt(p); break;
	case TOK_SEMICOLON:
		s = node_new(ND_EMPTY_STMT, pos);
		next(p);
		break;
	case TOK_RBRACE: /* a semicolon may be omitted before a closing "}" */
		s = node_new(ND_EMPTY_STMT, pos);
		break;
	default: /* not reached from parse_stmt_list, which stops at such a token */
		syntax_error(p, "expecting statement");
		s = new_bad(pos);
		break;
	}
	nest_leave(p);
	return s;
}

/* ---- declarations ---------------------------------------------------------------------------- */

/* go/parser's import path check (gc's importer reports bad paths in its own words). */
static void check_import_path(Parser *p, Token *t)
{
	if (p->mode == PARSE_GC)
		return;
	if (t->str_len == 0) {
		report(p, t->pos, "import path is empty");
		return;
	}
	for (size_t i = 0; i < t->str_len;) {
		int width;
		int32_t r = utf8_decode(t->str + i, t->str_len - i, &width);
		if (!utf8_import_path_rune(r)) {
			report(p, t->pos, xsprintf("invalid import path: %.*s", t->len, t->text));
			return;
		}
		i += (size_t)width;
	}
}

/* ImportSpec = [ "." | PackageName ] ImportPath . */
static Node *parse_import_spec(Parser *p)
{
	Node *s = node_new(ND_IMPORT_SPEC, pos_of(p));
	if (at(p, TOK_PERIOD)) {
		s->import_spec.name = new_ident(pos_of(p), ".");
		next(p);
	} else if (at(p, TOK_IDENT)) {
		s->import_spec.name = parse_ident(p);
	}
	if (at(p, TOK_STRING)) {
		check_import_path(p, p->tok);
		s->import_spec.path = new_basic_lit(p->tok);
		next(p);
	} else if (at(p, TOK_INT) || at(p, TOK_FLOAT) || at(p, TOK_IMAG) || at(p, TOK_CHAR)) {
		s->import_spec.path = new_bad(pos_of(p));
		next(p);
		syntax_error(p, "import path must be a string");
	} else {
		syntax_error(p, "missing import path");
		s->import_spec.path = new_bad(pos_of(p));
		advance(p, sync_import);
	}
	expect_semi(p, p->spec_semi);
	vec_push(&p->imports, s);
	return s;
}

/* VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
 * ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] . */
static Node *parse_value_spec(Parser *p, TokenKind keyword, int iota)
{
	Node *s = node_new(ND_VALUE_SPEC, pos_of(p));
	s->value_spec.names = parse_ident_list(p);
	s->value_spec.type = try_ident_or_type(p);
	s->value_spec.iota = iota;
	bool has_values = false;
	if (at(p, TOK_ASSIGN)) { /* always permitted, for more tolerant parsing */
		next(p);
		s->value_spec.values = parse_list(p);
		has_values = true;
	}
	if (keyword == TOK_VAR && !s->value_spec.type && !has_values)
		syntax_error(p, "expecting type");
	expect_semi(p, p->spec_semi);
	if (keyword == TOK_CONST && !has_values && (iota == 0 || s->value_spec.type) && p->mode == PARSE_GOFMT)
		report(p, s->pos, xsprintf("missing init expr for %s",
		                           ((Node *)s->value_spec.names.data[0])->ident.name));
	return s;
}

/* Whether x can only be a type element (not also an ordinary expression). Iterative along
 * the left spine, so that a long `a|b|c|...` chain cannot exhaust the stack. */
static bool is_type_elem(Node *x)
{
	for (;;) {
		switch (x->kind) {
		case ND_ARRAY_TYPE: case ND_STRUCT_TYPE: case ND_FUNC_TYPE: case ND_INTERFACE_TYPE:
		case ND_MAP_TYPE: case ND_CHAN_TYPE:
			return true;
		case ND_BINARY:
			if (is_type_elem(x->binary.y))
				return true;
			x = x->binary.x;
			break;
		case ND_UNARY:
			return x->unary.op == TOK_TILDE;
		case ND_PAREN:
			x = x->paren.x;
			break;
		default:
			return false;
		}
	}
}

/* extract_name for an x that is not a `|` union. */
static Node *extract_name_term(Node *x, bool force, Node **type)
{
	if (x->kind == ND_IDENT) {
		*type = NULL;
		return x;
	}
	if (x->kind == ND_BINARY && x->binary.op == TOK_MUL && x->binary.x->kind == ND_IDENT &&
	    (force || is_type_elem(x->binary.y))) {
		Node *star = node_new(ND_STAR, x->pos); /* x = name *x.y */
		star->star.x = x->binary.y;
		*type = star;
		return x->binary.x;
	}
	if (x->kind == ND_CALL && x->call.fun->kind == ND_IDENT && x->call.args.len == 1 &&
	    !x->call.has_ellipsis && (force || is_type_elem(x->call.args.data[0]))) {
		*type = x->call.args.data[0]; /* x = name (x.args[0]) */
		return x->call.fun;
	}
	*type = x;
	return NULL;
}

/* Splits the expression x parsed after `type T[` into a type parameter name and its constraint
 * if x can be read as `name constraint` (go/parser's extractName):
 *   P *[]int -> P, *[]int;  P *E -> P, *E only if force;  P([]int) -> P, []int;
 *   P *E|F|~G -> P, *E|F|~G.  A lone name gives (name, NULL); no split gives (NULL, x).
 * A union splits at its leftmost term; the union nodes above it are copied with that term
 * replaced by its constraint part. */
static Node *extract_name(Node *x, bool force, Node **type)
{
	Vec spine = {0}; /* the `|` nodes from x down to the leftmost term */
	Node *t = x;
	while (t->kind == ND_BINARY && t->binary.op == TOK_OR) {
		vec_push(&spine, t);
		force = force || is_type_elem(t->binary.y);
		t = t->binary.x;
	}
	Node *lhs;
	Node *name = extract_name_term(t, force, &lhs);
	if (spine.len == 0) {
		*type = lhs;
		return name;
	}
	if (!name || !lhs) {
		*type = x;
		return NULL;
	}
	for (int i = spine.len - 1; i >= 0; i--) {
		Node *op = node_new(ND_BINARY, nopos);
		*op = *(Node *)spine.data[i];
		op->binary.x = lhs;
		lhs = op;
	}
	*type = lhs;
	return name;
}

/* The type parameter list (from the already parsed first name and constraint) and the type. */
static void parse_generic_type(Parser *p, Node *spec, Node *name0, Node *type0)
{
	spec->type_spec.tparams = parse_parameter_list(p, name0, type0, TOK_RBRACK);
	close_list(p, TOK_RBRACK, "parameter list");
	if (at(p, TOK_ASSIGN)) { /* the checker decides whether generic aliases are allowed */
		spec->type_spec.assign = true;
		next(p);
	}
	spec->type_spec.type = parse_type(p);
}

/* `type T[` seen: T[P C] ... declares type parameters, T[N]E is an array type. */
static void parse_tparams_or_array(Parser *p, Node *spec)
{
	Pos lbrack = pos_of(p);
	next(p);
	if (!at(p, TOK_IDENT)) {
		spec->type_spec.type = parse_array_type(p, lbrack, NULL);
		return;
	}
	/* An expression x which may be a name, or a name followed by a constraint. `P []E` is
	 * not parsed as an expression (P[] would be an error): an index is never a constant. */
	Node *x = parse_ident(p);
	if (!at(p, TOK_LBRACK)) {
		p->expr_lev++;
		Node *lhs = parse_primary_expr(p, x);
		x = parse_binary_expr(p, lhs, 1, false);
		p->expr_lev--;
	}
	Node *ptype;
	Node *pname = extract_name(x, at(p, TOK_COMMA), &ptype);
	if (pname && (ptype || !at(p, TOK_RBRACK)))
		parse_generic_type(p, spec, pname, ptype); /* T[P C], T[P C, ...], T[P, Q C] */
	else
		spec->type_spec.type = parse_array_type(p, lbrack, x); /* T[N]E */
}

/* TypeSpec = AliasDecl | TypeDef .  AliasDecl = identifier "=" Type .
 * TypeDef = identifier [ TypeParameters ] Type . */
static Node *parse_type_spec(Parser *p)
{
	Node *s = node_new(ND_TYPE_SPEC, pos_of(p));
	s->type_spec.name = parse_ident(p);
	if (at(p, TOK_LBRACK)) {
		parse_tparams_or_array(p, s);
	} else {
		if (at(p, TOK_ASSIGN)) {
			s->type_spec.assign = true;
			next(p);
		}
		s->type_spec.type = try_ident_or_type(p);
		if (!s->type_spec.type) { /* gc's typeOrNil found no type */
			syntax_error(p, "in type declaration");
			s->type_spec.type = new_bad(pos_of(p));
			if (!at(p, TOK_EOF))
				advance(p, sync_import); /* ';' or ')' */
		}
	}
	expect_semi(p, p->spec_semi);
	return s;
}

/* Const specs without type and values repeat the previous spec's (the implicit repetition that
 * makes iota useful); the nodes are shared, not copied. */
static void repeat_const_spec(Node *spec, Node *prev)
{
	if (!prev || spec->value_spec.type || spec->value_spec.values.len > 0)
		return;
	spec->value_spec.type = prev->value_spec.type;
	spec->value_spec.values = prev->value_spec.values;
	spec->value_spec.implicit = true;
}

static Node *parse_spec(Parser *p, TokenKind keyword, int iota)
{
	int start = p->idx;
	Node *s;
	switch (keyword) {
	case TOK_IMPORT: s = parse_import_spec(p); break;
	case TOK_TYPE: s = parse_type_spec(p); break;
	default: s = parse_value_spec(p, keyword, iota); break;
	}
	/* gc takes the pragmas where the spec starts; a type (not an alias) allows go:notinheap */
	bool type = keyword == TOK_TYPE && s->kind == ND_TYPE_SPEC && !s->type_spec.assign;
	take_pragma(p, start, type ? PRAGMA_NOTINHEAP : 0, keyword == TOK_VAR);
	return s;
}

/* GenDecl = keyword ( Spec | "(" { Spec ";" } ")" ) . */
static Node *parse_gen_decl(Parser *p, TokenKind keyword)
{
	Node *d = node_new(ND_GEN_DECL, expect(p, keyword));
	d->gen_decl.tok = keyword;
	const char *old = p->spec_semi;
	const char *semi = p->fnest > 0 ? SEMI_STMT : SEMI_TOP;
	if (!at(p, TOK_LPAREN)) {
		d->gen_decl.lparen = d->gen_decl.rparen = nopos;
		p->spec_semi = semi;
		vec_push(&d->gen_decl.specs, parse_spec(p, keyword, 0));
		p->spec_semi = old;
		return d;
	}
	d->gen_decl.lparen = pos_of(p);
	clear_pragma(p, p->idx);
	next(p);
	p->spec_semi = SEMI_GROUP;
	Node *prev = NULL;
	for (int iota = 0; !at(p, TOK_RPAREN) && !at(p, TOK_EOF); iota++) {
		int before = p->idx;
		Node *s = parse_spec(p, keyword, iota);
		if (keyword == TOK_CONST)
			repeat_const_spec(s, prev);
		vec_push(&d->gen_decl.specs, s);
		prev = s;
		if (p->idx == before)
			break; /* an error recovery stopped at a token no spec can start with */
	}
	p->spec_semi = old;
	d->gen_decl.rparen = pos_of(p);
	if (!at(p, TOK_RPAREN))
		syntax_error(p, SEMI_GROUP);
	next(p);
	expect_semi(p, semi);
	return d;
}

/* The //go: directives between the previous token and the func keyword at index func_idx
 * (gc attaches the pragmas seen since the previous declaration). */
static Vec func_directives(Parser *p, int func_idx)
{
	Vec out = {0};
	Vec *dirs = &p->tl->directives;
	Pos lo = func_idx > 0 ? p->tl->toks[func_idx - 1].pos : nopos;
	Pos hi = p->tl->toks[func_idx].pos;
	while (p->next_directive < dirs->len) {
		Directive *d = dirs->data[p->next_directive];
		if (pos_cmp(d->pos, hi) > 0)
			break;
		p->next_directive++;
		if ((func_idx == 0 || pos_cmp(d->pos, lo) > 0) && !strncmp(d->text, "go:", 3))
			vec_push(&out, d);
	}
	return out;
}

/* gc's parser wants exactly one receiver: with none the declaration is a function, with several
 * the first is the receiver (go/parser leaves both to the type checker). */
static void check_gc_receivers(Parser *p, Node *d)
{
	Vec *list = &d->func_decl.recv->func_type.params;
	int n = 0;
	for (int i = 0; i < list->len; i++) {
		Node *f = list->data[i];
		n += f->field.names.len ? f->field.names.len : 1;
	}
	if (n == 0) {
		report(p, pos_of(p), "method has no receiver");
		d->func_decl.recv = NULL;
	} else if (n > 1) {
		report(p, pos_of(p), "method has multiple receivers");
		Node *f = list->data[0];
		if (f->field.names.len > 1)
			list->data[0] = new_field(f->pos, f->field.names.data[0], f->field.type);
		list->len = 1;
	}
}

/* FunctionDecl = "func" FunctionName [ TypeParameters ] Signature [ FunctionBody ] .
 * MethodDecl = "func" Receiver MethodName Signature [ FunctionBody ] . */
static Node *parse_func_decl(Parser *p)
{
	Node *d = node_new(ND_FUNC_DECL, pos_of(p));
	d->func_decl.directives = func_directives(p, p->idx);
	Node *ft = new_func_type(expect(p, TOK_FUNC));
	take_pragma(p, p->idx, PRAGMA_FUNC, false);
	if (at(p, TOK_LPAREN)) {
		d->func_decl.recv = new_func_type(pos_of(p));
		parse_parameters(p, d->func_decl.recv, false);
		if (p->mode == PARSE_GC)
			check_gc_receivers(p, d);
	}
	d->func_decl.name = parse_ident(p);
	Pos lbrack = parse_parameters(p, ft, true);
	if (pos_valid(lbrack) && d->func_decl.recv) {
		report(p, lbrack, "syntax error: method must have no type parameters");
		ft->func_type.tparams.len = 0;
	}
	parse_result(p, ft);
	d->func_decl.type = ft;
	if (at(p, TOK_LBRACE)) {
		d->func_decl.body = parse_body(p);
		expect_semi(p, SEMI_TOP);
	} else if (at(p, TOK_SEMICOLON)) {
		next(p);
		if (at(p, TOK_LBRACE)) { /* opening { of the function on the next line */
			report(p, pos_of(p), "syntax error: unexpected semicolon or newline before {");
			d->func_decl.body = parse_body(p);
			expect_semi(p, SEMI_TOP);
		}
	} else {
		expect_semi(p, SEMI_TOP);
	}
	return d;
}

/* Declaration = ConstDecl | TypeDecl | VarDecl .
 * TopLevelDecl = Declaration | FunctionDecl | MethodDecl . */
static Node *parse_decl(Parser *p)
{
	switch (p->tok->kind) {
	case TOK_CONST: case TOK_VAR: case TOK_TYPE:
		return parse_gen_decl(p, p->tok->kind);
	case TOK_FUNC:
		return parse_func_decl(p);
	default: {
		Pos pos = pos_of(p);
		syntax_error(p, "non-declaration statement outside function body");
		advance(p, sync_decl);
		return new_bad(pos);
	}
	}
}

/* SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
Node *parse_file_mode(SourceFile *file, ParseMode mode)
{
	Parser parser = {0}, *p = &parser;
	p->mode = mode;
	p->tl = lex_file(file);
	p->tok = &p->tl->toks[0];
	p->errcnt = p->tok->lex_error;
	p->sync_idx = -1;
	char here;
	p->stack_base = (uintptr_t)&here;
	p->stack_budget = stack_budget();
	size_t levels = p->stack_budget * 4 / STACK_PER_LEVEL;
	if (mode == PARSE_GOFMT && levels > MAX_NEST)
		levels = MAX_NEST;
	p->max_nest = levels > INT_MAX ? INT_MAX : (int)levels;
	Node *f = node_new(ND_FILE, pos_of(p));
	f->file.source = file;
	f->file.tokens = p->tl;
	if (!at(p, TOK_PACKAGE)) {
		syntax_error(p, "package statement must be first");
		return f;
	}
	next(p);
	p->pragma_errors = &f->file.pragma_errors;
	take_pragma(p, p->idx, PRAGMA_GO_BUILD, false);
	f->file.package_name = parse_ident(p);
	if (!at(p, TOK_SEMICOLON) && !at(p, TOK_EOF))
		syntax_error(p, "expecting semicolon or newline");
	next(p);
	if (p->errcnt > 0)
		return f; /* likely not a Go source file at all */
	while (at(p, TOK_IMPORT)) {
		vec_push(&f->file.decls, parse_gen_decl(p, TOK_IMPORT));
		clear_pragma(p, end_of_last(p));
	}
	while (!at(p, TOK_EOF)) {
		int before = p->idx;
		vec_push(&f->file.decls, parse_decl(p));
		clear_pragma(p, end_of_last(p));
		if (p->idx == before)
			next(p); /* no progress: a parser bug, but never loop */
	}
	clear_pragma(p, p->idx);
	f->file.imports = p->imports;
	return f;
}

Node *parse_file(SourceFile *file)
{
	return parse_file_mode(file, PARSE_GOFMT);
}

/* ---- printing nodes in messages -------------------------------------------------------------- */

/* Go syntax for a node, as gc prints it in messages (ast_print.c); deep trees are elided. */
static const char *expr_string(Node *n)
{
	return ast_expr_string(n, 50);
}
