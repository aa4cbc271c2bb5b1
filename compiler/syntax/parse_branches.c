/*
 * parse_branches.c: labels and branch statements of one function body (gc's syntax/branches.go).
 *
 * gc runs these checks in its parser (mode CheckBranches), on each function body parsed without
 * error, and tells its type checker to skip them; so does gocc's parser in PARSE_GC mode. Their
 * errors are therefore reported with the syntax errors, even in files the checker never sees, and
 * they do not stop type checking (none is a "syntax error").
 *
 * In: a function body. Out: every branch statement's target (Node.branch.target): the for, range,
 * switch, type switch or select statement a break leaves or a continue continues, the labeled
 * statement a goto jumps to, and for fallthrough the next case clause. Errors: misplaced break,
 * continue and fallthrough, undefined, duplicate and unused labels, gotos jumping into blocks or
 * over variable declarations. Function literals are separate bodies and are not entered.
 */
#include "ast.h"

#include <stdio.h>

#include <string.h>

typedef struct Block Block;
struct Block {
	Block *parent;
	Pos start;
	Node *lstmt;  /* labeled statement associated with this block, or NULL */
};

typedef struct Label {
	const char *name;
	Block *parent; /* block declaring the label */
	Node *lstmt;   /* the ND_LABELED_STMT */
	bool used;
} Label;

typedef struct Targets {
	Node *breaks;     /* for/range/switch/type switch/select, or NULL */
	Node *continues;  /* for/range, or NULL */
	int case_index;   /* index of the case clause in the immediately enclosing switch, or -1 */
} Targets;

static Vec labels; /* Label*, per body */

static Label *find_label(const char *name)
{
	for (int i = 0; i < labels.len; i++) {
		Label *l = labels.data[i];
		if (l->name == name)
			return l;
	}
	return NULL;
}

static Label *declare_label(Block *b, Node *s)
{
	const char *name = s->labeled.label->ident.name;
	Label *alt = find_label(name);
	if (alt) {
		error_at(s->labeled.label->pos, "label %s already defined at %s", name,
			     pos_string(alt->lstmt->labeled.label->pos));
		return alt;
	}
	Label *l = xnew(Label);
	l->name = name;
	l->parent = b;
	l->lstmt = s;
	vec_push(&labels, l);
	return l;
}

static Node *goto_target(Block *b, const char *name)
{
	Label *l = find_label(name);
	if (!l)
		return NULL;
	l->used = true;
	for (; b; b = b->parent)
		if (l->parent == b)
			return l->lstmt;
	return NULL;
}

static Node invalid_target;

static Node *enclosing_target(Block *b, const char *name)
{
	Label *l = find_label(name);
	if (!l)
		return NULL;
	l->used = true;
	for (; b; b = b->parent)
		if (l->lstmt == b->lstmt)
			return l->lstmt;
	return &invalid_target;
}

static Vec block_branches(Block *parent, Targets ctxt, Node *lstmt, Pos start, Vec *body);

typedef struct Walk {
	Block *b;
	Vec fwd;        /* forward gotos (ND_BRANCH_STMT) */
	Vec bad;        /* forward gotos that jump over the last variable declaration */
	Pos var_pos;
	const char *var_name;
	Node *lstmt;
} Walk;

static void record_var_decl(Walk *w, Pos pos, const char *name)
{
	w->var_pos = pos;
	w->var_name = name;
	w->bad.len = 0;
	for (int i = 0; i < w->fwd.len; i++)
		vec_push(&w->bad, w->fwd.data[i]);
}

static bool jumps_over_var_decl(Walk *w, Node *fwd)
{
	if (!pos_valid(w->var_pos))
		return false;
	for (int i = 0; i < w->bad.len; i++)
		if (w->bad.data[i] == fwd)
			return true;
	return false;
}

static void inner_block(Walk *w, Targets ctxt, Pos start, Vec *body)
{
	Vec inner = block_branches(w->b, ctxt, w->lstmt, start, body);
	for (int i = 0; i < inner.len; i++)
		vec_push(&w->fwd, inner.data[i]);
}

static void resolve_fwd_gotos(Walk *w, Label *l, Node *s)
{
	int k = 0;
	for (int i = 0; i < w->fwd.len; i++) {
		Node *fwd = w->fwd.data[i];
		if (fwd->branch.label->ident.name == l->name) {
			fwd->branch.target = s;
			l->used = true;
			if (jumps_over_var_decl(w, fwd))
				error_at(fwd->branch.label->pos, "goto %s jumps over declaration of %s at %s", l->name,
					     w->var_name, pos_string(w->var_pos));
		} else {
			w->fwd.data[k++] = fwd;
		}
	}
	w->fwd.len = k;
}

static void unlabeled_branch(Node *s, Targets *ctxt, int stmt_index, int nstmts)
{
	switch (s->branch.tok) {
	case TOK_BREAK:
		if (ctxt->breaks)
			s->branch.target = ctxt->breaks;
		else
			error_at(s->pos, "break is not in a loop, switch, or select");
		break;
	case TOK_CONTINUE:
		if (ctxt->continues)
			s->branch.target = ctxt->continues;
		else
			error_at(s->pos, "continue is not in a loop");
		break;
	case TOK_FALLTHROUGH: {
		const char *msg = "fallthrough statement out of place";
		Node *t = ctxt->breaks;
		if (t && (t->kind == ND_SWITCH_STMT || t->kind == ND_TYPE_SWITCH_STMT)) {
			if (t->kind == ND_TYPE_SWITCH_STMT) {
				msg = "cannot fallthrough in type switch";
			} else if (ctxt->case_index < 0 || stmt_index + 1 < nstmts) {
				/* nested in a block or not the last statement */
			} else {
				Vec *clauses = &t->switch_stmt.body->block.stmts;
				if (ctxt->case_index + 1 == clauses->len) {
					msg = "cannot fallthrough final case in switch";
				} else {
					s->branch.target = clauses->data[ctxt->case_index + 1];
					break;
				}
			}
		}
		error_at(s->pos, "%s", msg);
		break;
	}
	default:
		break;
	}
}

static void labeled_branch(Walk *w, Node *s)
{
	const char *name = s->branch.label->ident.name;
	Node *t;
	switch (s->branch.tok) {
	case TOK_BREAK:
		t = enclosing_target(w->b, name);
		if (!t) {
			error_at(s->branch.label->pos, "break label not defined: %s", name);
		} else if (t != &invalid_target) {
			Node *st = t->labeled.stmt;
			NodeKind k = st ? st->kind : ND_BAD;
			if (k == ND_SWITCH_STMT || k == ND_TYPE_SWITCH_STMT || k == ND_SELECT_STMT || k == ND_FOR_STMT ||
			    k == ND_RANGE_STMT)
				s->branch.target = st;
			else
				error_at(s->branch.label->pos, "invalid break label %s", name);
		} else {
			error_at(s->branch.label->pos, "invalid break label %s", name);
		}
		break;
	case TOK_CONTINUE:
		t = enclosing_target(w->b, name);
		if (!t) {
			error_at(s->branch.label->pos, "continue label not defined: %s", name);
		} else if (t != &invalid_target && t->labeled.stmt &&
			   (t->labeled.stmt->kind == ND_FOR_STMT || t->labeled.stmt->kind == ND_RANGE_STMT)) {
			s->branch.target = t->labeled.stmt;
		} else {
			error_at(s->branch.label->pos, "invalid continue label %s", name);
		}
		break;
	case TOK_GOTO:
		t = goto_target(w->b, name);
		if (t)
			s->branch.target = t;
		else
			vec_push(&w->fwd, s);
		break;
	default:
		break;
	}
}

/* The names declared by `a, b := ...` (in a body without errors they are identifiers). */
static const char *lhs_names(Node *s)
{
	StrBuf b = {0};
	for (int i = 0; i < s->assign.lhs.len; i++) {
		Node *x = s->assign.lhs.data[i];
		if (i > 0)
			sb_puts(&b, ", ");
		sb_puts(&b, x->kind == ND_IDENT ? x->ident.name : "_");
	}
	return sb_cstr(&b);
}

static void switch_clauses(Walk *w, Node *s, Targets ctxt, Node *body)
{
	Targets inner = {s, ctxt.continues, -1};
	for (int i = 0; body && i < body->block.stmts.len; i++) {
		Node *cc = body->block.stmts.data[i];
		inner.case_index = i;
		Vec *b = cc->kind == ND_CASE_CLAUSE ? &cc->case_clause.body : &cc->comm_clause.body;
		inner_block(w, inner, cc->pos, b);
	}
}

static void branch_stmt(Walk *w, Node *s, Targets ctxt, int index, int n)
{
	if (!s->branch.label)
		unlabeled_branch(s, &ctxt, index, n);
	else
		labeled_branch(w, s);
}

static void decl_stmt(Walk *w, Node *s)
{
	Node *d = s->decl_stmt.decl;
	if (!d || d->kind != ND_GEN_DECL || d->gen_decl.tok != TOK_VAR)
		return;
	for (int i = 0; i < d->gen_decl.specs.len; i++) {
		Node *spec = d->gen_decl.specs.data[i];
		if (spec->kind == ND_VALUE_SPEC && spec->value_spec.names.len) {
			Node *name = spec->value_spec.names.data[0];
			record_var_decl(w, name->pos, name->ident.name);
			return;
		}
	}
}

static void one_stmt(Walk *w, Node *s, Targets ctxt, int index, int n)
{
	w->lstmt = NULL;
	for (;;) {
		if (!s)
			return;
		if (s->kind != ND_LABELED_STMT)
			break;
		const char *name = s->labeled.label->ident.name;
		if (strcmp(name, "_") != 0) {
			Label *l = declare_label(w->b, s);
			resolve_fwd_gotos(w, l, s);
			w->lstmt = s;
		}
		s = s->labeled.stmt;
	}
	Targets in = {ctxt.breaks, ctxt.continues, -1};
	switch (s->kind) {
	case ND_DECL_STMT: decl_stmt(w, s); break;
	case ND_BRANCH_STMT: branch_stmt(w, s, ctxt, index, n); break;
	case ND_ASSIGN_STMT:
		if (s->assign.tok == TOK_DEFINE)
			record_var_decl(w, s->assign.tok_pos, lhs_names(s));
		break;
	case ND_BLOCK: inner_block(w, in, s->pos, &s->block.stmts); break;
	case ND_IF_STMT:
		if (s->if_stmt.then)
			inner_block(w, in, s->if_stmt.then->pos, &s->if_stmt.then->block.stmts);
		if (s->if_stmt.els) {
			Vec one = {0};
			vec_push(&one, s->if_stmt.els);
			inner_block(w, in, s->if_stmt.els->pos, &one);
		}
		break;
	case ND_FOR_STMT: case ND_RANGE_STMT: {
		Node *body = s->kind == ND_FOR_STMT ? s->for_stmt.body : s->range_stmt.body;
		Targets loop = {s, s, -1};
		if (body)
			inner_block(w, loop, body->pos, &body->block.stmts);
		break;
	}
	case ND_SWITCH_STMT: switch_clauses(w, s, ctxt, s->switch_stmt.body); break;
	case ND_TYPE_SWITCH_STMT: switch_clauses(w, s, ctxt, s->type_switch.body); break;
	case ND_SELECT_STMT: {
		Targets sel = {s, ctxt.continues, -1};
		Node *body = s->select_stmt.body;
		for (int i = 0; body && i < body->block.stmts.len; i++) {
			Node *cc = body->block.stmts.data[i];
			inner_block(w, sel, cc->pos, &cc->comm_clause.body);
		}
		break;
	}
	default:
		break;
	}
}

static Vec block_branches(Block *parent, Targets ctxt, Node *lstmt, Pos start, Vec *body)
{
	Block *b = xnew(Block);
	b->parent = parent;
	b->start = start;
	b->lstmt = lstmt;
	Walk w = {.b = b, .var_pos = nopos};
	int n = body ? body->len : 0;
	while (n > 0 && ((Node *)body->data[n - 1])->kind == ND_EMPTY_STMT)
		n--; /* trailing empty statements are invisible to fallthrough */
	for (int i = 0; i < n; i++)
		one_stmt(&w, body->data[i], ctxt, i, n);
	return w.fwd;
}

void parse_check_branches(Node *body)
{
	if (!body)
		return;
	Vec saved = labels;
	labels = (Vec){0};
	Targets none = {NULL, NULL, -1};
	Vec fwd = block_branches(NULL, none, NULL, body->pos, &body->block.stmts);
	for (int i = 0; i < fwd.len; i++) {
		Node *g = fwd.data[i];
		const char *name = g->branch.label->ident.name;
		Label *l = find_label(name);
		if (l) {
			l->used = true;
			error_at(g->branch.label->pos, "goto %s jumps into block starting at %s", name,
				     pos_string(l->parent->start));
		} else {
			error_at(g->branch.label->pos, "label %s not defined", name);
		}
	}
	for (int i = 0; i < labels.len; i++) {
		Label *l = labels.data[i];
		if (!l->used)
			error_at(l->lstmt->labeled.label->pos, "label %s defined and not used", l->name);
	}
	labels = saved;
}
