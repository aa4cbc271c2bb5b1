/*
 * ast.c: making syntax tree nodes, naming their kinds, and dumping a tree for `gocc build -d A`.
 *
 * In: nodes built by parse.c (possibly annotated by the checker). Out: an indented text rendering
 * on stderr, one node per line: the field it sits in, the go/ast name of its kind, its position and
 * its scalar attributes (names, literal text, operators, flags); its children follow, indented.
 * The dumper walks the tree through one table-like switch so that a new node kind is one new case.
 */
#include "ast.h"

#include <stdio.h>

Node *node_new(NodeKind kind, Pos pos)
{
	Node *n = xnew(Node);
	n->kind = kind;
	n->pos = pos;
	return n;
}

static const char *const kind_names[ND_KIND_COUNT] = {
	[ND_BAD] = "Bad",
	[ND_IDENT] = "Ident",
	[ND_BASIC_LIT] = "BasicLit",
	[ND_COMPOSITE_LIT] = "CompositeLit",
	[ND_FUNC_LIT] = "FuncLit",
	[ND_PAREN] = "ParenExpr",
	[ND_SELECTOR] = "SelectorExpr",
	[ND_INDEX] = "IndexExpr",
	[ND_SLICE] = "SliceExpr",
	[ND_TYPE_ASSERT] = "TypeAssertExpr",
	[ND_CALL] = "CallExpr",
	[ND_STAR] = "StarExpr",
	[ND_UNARY] = "UnaryExpr",
	[ND_BINARY] = "BinaryExpr",
	[ND_KEY_VALUE] = "KeyValueExpr",
	[ND_ELLIPSIS] = "Ellipsis",
	[ND_ARRAY_TYPE] = "ArrayType",
	[ND_STRUCT_TYPE] = "StructType",
	[ND_FUNC_TYPE] = "FuncType",
	[ND_INTERFACE_TYPE] = "InterfaceType",
	[ND_MAP_TYPE] = "MapType",
	[ND_CHAN_TYPE] = "ChanType",
	[ND_FIELD] = "Field",
	[ND_DECL_STMT] = "DeclStmt",
	[ND_EMPTY_STMT] = "EmptyStmt",
	[ND_LABELED_STMT] = "LabeledStmt",
	[ND_EXPR_STMT] = "ExprStmt",
	[ND_SEND_STMT] = "SendStmt",
	[ND_INCDEC_STMT] = "IncDecStmt",
	[ND_ASSIGN_STMT] = "AssignStmt",
	[ND_GO_STMT] = "GoStmt",
	[ND_DEFER_STMT] = "DeferStmt",
	[ND_RETURN_STMT] = "ReturnStmt",
	[ND_BRANCH_STMT] = "BranchStmt",
	[ND_BLOCK] = "BlockStmt",
	[ND_IF_STMT] = "IfStmt",
	[ND_CASE_CLAUSE] = "CaseClause",
	[ND_SWITCH_STMT] = "SwitchStmt",
	[ND_TYPE_SWITCH_STMT] = "TypeSwitchStmt",
	[ND_COMM_CLAUSE] = "CommClause",
	[ND_SELECT_STMT] = "SelectStmt",
	[ND_FOR_STMT] = "ForStmt",
	[ND_RANGE_STMT] = "RangeStmt",
	[ND_IMPORT_SPEC] = "ImportSpec",
	[ND_VALUE_SPEC] = "ValueSpec",
	[ND_TYPE_SPEC] = "TypeSpec",
	[ND_GEN_DECL] = "GenDecl",
	[ND_FUNC_DECL] = "FuncDecl",
	[ND_FILE] = "File",
};

const char *node_kind_name(NodeKind kind)
{
	if (kind < 0 || kind >= ND_KIND_COUNT || !kind_names[kind])
		return "?";
	return kind_names[kind];
}

/* ---- dump ------------------------------------------------------------------------------------ */

static void dump_node(const char *label, Node *n, int indent);

/* A list: `label[i]: Node ...` for each element. */
static void dump_vec(const char *label, Vec *v, int indent)
{
	for (int i = 0; i < v->len; i++)
		dump_node(xsprintf("%s[%d]", label, i), v->data[i], indent);
}

static void dump_child(const char *label, Node *n, int indent)
{
	if (n)
		dump_node(label, n, indent);
}

static const char *chan_dir_name(ChanDir d)
{
	return d == CHAN_SEND ? "send" : d == CHAN_RECV ? "recv" : "both";
}

/* The attributes printed on the node's own line. */
static void dump_attrs(Node *n)
{
	switch (n->kind) {
	case ND_IDENT: fprintf(stderr, " %s", n->ident.name); break;
	case ND_BASIC_LIT: fprintf(stderr, " %.*s", n->lit.len, n->lit.text); break;
	case ND_UNARY: fprintf(stderr, " %s", token_spelling(n->unary.op)); break;
	case ND_BINARY: fprintf(stderr, " %s", token_spelling(n->binary.op)); break;
	case ND_INCDEC_STMT: fprintf(stderr, " %s", token_spelling(n->incdec.tok)); break;
	case ND_ASSIGN_STMT: fprintf(stderr, " %s", token_spelling(n->assign.tok)); break;
	case ND_BRANCH_STMT: fprintf(stderr, " %s", token_spelling(n->branch.tok)); break;
	case ND_GEN_DECL: fprintf(stderr, " %s", token_spelling(n->gen_decl.tok)); break;
	case ND_CHAN_TYPE: fprintf(stderr, " %s", chan_dir_name(n->chan_type.dir)); break;
	case ND_SLICE: if (n->slice.slice3) fputs(" slice3", stderr); break;
	case ND_CALL: if (n->call.has_ellipsis) fputs(" ...", stderr); break;
	case ND_TYPE_SPEC: if (n->type_spec.assign) fputs(" alias", stderr); break;
	case ND_RANGE_STMT:
		if (n->range_stmt.tok != TOK_EOF)
			fprintf(stderr, " %s", token_spelling(n->range_stmt.tok));
		break;
	case ND_VALUE_SPEC:
		fprintf(stderr, " iota=%d", n->value_spec.iota);
		if (n->value_spec.implicit)
			fputs(" implicit", stderr);
		break;
	case ND_FILE:
		if (n->file.source)
			fprintf(stderr, " %s", n->file.source->name);
		break;
	case ND_FUNC_DECL:
		for (int i = 0; i < n->func_decl.directives.len; i++)
			fprintf(stderr, " //%s", ((Directive *)n->func_decl.directives.data[i])->text);
		break;
	default:
		break;
	}
}

/* The children, labelled with their field names. Implicit const specs share the previous spec's
 * type and values, which are therefore not printed again. */
static void dump_children(Node *n, int d)
{
	switch (n->kind) {
	case ND_COMPOSITE_LIT: dump_child("type", n->composite.type, d); dump_vec("elts", &n->composite.elts, d); break;
	case ND_FUNC_LIT: dump_child("type", n->func_lit.type, d); dump_child("body", n->func_lit.body, d); break;
	case ND_PAREN: dump_child("x", n->paren.x, d); break;
	case ND_SELECTOR: dump_child("x", n->selector.x, d); dump_child("sel", n->selector.sel, d); break;
	case ND_INDEX: dump_child("x", n->index.x, d); dump_vec("indices", &n->index.indices, d); break;
	case ND_SLICE:
		dump_child("x", n->slice.x, d);
		dump_child("lo", n->slice.lo, d);
		dump_child("hi", n->slice.hi, d);
		dump_child("max", n->slice.max, d);
		break;
	case ND_TYPE_ASSERT: dump_child("x", n->type_assert.x, d); dump_child("type", n->type_assert.type, d); break;
	case ND_CALL: dump_child("fun", n->call.fun, d); dump_vec("args", &n->call.args, d); break;
	case ND_STAR: dump_child("x", n->star.x, d); break;
	case ND_UNARY: dump_child("x", n->unary.x, d); break;
	case ND_BINARY: dump_child("x", n->binary.x, d); dump_child("y", n->binary.y, d); break;
	case ND_KEY_VALUE: dump_child("key", n->key_value.key, d); dump_child("value", n->key_value.value, d); break;
	case ND_ELLIPSIS: dump_child("elt", n->ellipsis.elt, d); break;
	case ND_ARRAY_TYPE: dump_child("len", n->array_type.len, d); dump_child("elt", n->array_type.elt, d); break;
	case ND_STRUCT_TYPE: dump_vec("fields", &n->struct_type.fields, d); break;
	case ND_FUNC_TYPE:
		dump_vec("tparams", &n->func_type.tparams, d);
		dump_vec("params", &n->func_type.params, d);
		dump_vec("results", &n->func_type.results, d);
		break;
	case ND_INTERFACE_TYPE: dump_vec("methods", &n->interface_type.methods, d); break;
	case ND_MAP_TYPE: dump_child("key", n->map_type.key, d); dump_child("value", n->map_type.value, d); break;
	case ND_CHAN_TYPE: dump_child("value", n->chan_type.value, d); break;
	case ND_FIELD:
		dump_vec("names", &n->field.names, d);
		dump_child("type", n->field.type, d);
		dump_child("tag", n->field.tag, d);
		break;
	case ND_DECL_STMT: dump_child("decl", n->decl_stmt.decl, d); break;
	case ND_LABELED_STMT: dump_child("label", n->labeled.label, d); dump_child("stmt", n->labeled.stmt, d); break;
	case ND_EXPR_STMT: dump_child("x", n->expr_stmt.x, d); break;
	case ND_SEND_STMT: dump_child("chan", n->send.chan, d); dump_child("value", n->send.value, d); break;
	case ND_INCDEC_STMT: dump_child("x", n->incdec.x, d); break;
	case ND_ASSIGN_STMT: dump_vec("lhs", &n->assign.lhs, d); dump_vec("rhs", &n->assign.rhs, d); break;
	case ND_GO_STMT: case ND_DEFER_STMT: dump_child("call", n->go_defer.call, d); break;
	case ND_RETURN_STMT: dump_vec("results", &n->return_stmt.results, d); break;
	case ND_BRANCH_STMT: dump_child("label", n->branch.label, d); break;
	case ND_BLOCK: dump_vec("stmts", &n->block.stmts, d); break;
	case ND_IF_STMT:
		dump_child("init", n->if_stmt.init, d);
		dump_child("cond", n->if_stmt.cond, d);
		dump_child("then", n->if_stmt.then, d);
		dump_child("else", n->if_stmt.els, d);
		break;
	case ND_CASE_CLAUSE: dump_vec("list", &n->case_clause.list, d); dump_vec("body", &n->case_clause.body, d); break;
	case ND_SWITCH_STMT:
		dump_child("init", n->switch_stmt.init, d);
		dump_child("tag", n->switch_stmt.tag, d);
		dump_child("body", n->switch_stmt.body, d);
		break;
	case ND_TYPE_SWITCH_STMT:
		dump_child("init", n->type_switch.init, d);
		dump_child("assign", n->type_switch.assign, d);
		dump_child("body", n->type_switch.body, d);
		break;
	case ND_COMM_CLAUSE: dump_child("comm", n->comm_clause.comm, d); dump_vec("body", &n->comm_clause.body, d); break;
	case ND_SELECT_STMT: dump_child("body", n->select_stmt.body, d); break;
	case ND_FOR_STMT:
		dump_child("init", n->for_stmt.init, d);
		dump_child("cond", n->for_stmt.cond, d);
		dump_child("post", n->for_stmt.post, d);
		dump_child("body", n->for_stmt.body, d);
		break;
	case ND_RANGE_STMT:
		dump_child("key", n->range_stmt.key, d);
		dump_child("value", n->range_stmt.value, d);
		dump_child("x", n->range_stmt.x, d);
		dump_child("body", n->range_stmt.body, d);
		break;
	case ND_IMPORT_SPEC: dump_child("name", n->import_spec.name, d); dump_child("path", n->import_spec.path, d); break;
	case ND_VALUE_SPEC:
		dump_vec("names", &n->value_spec.names, d);
		if (!n->value_spec.implicit) {
			dump_child("type", n->value_spec.type, d);
			dump_vec("values", &n->value_spec.values, d);
		}
		break;
	case ND_TYPE_SPEC:
		dump_child("name", n->type_spec.name, d);
		dump_vec("tparams", &n->type_spec.tparams, d);
		dump_child("type", n->type_spec.type, d);
		break;
	case ND_GEN_DECL: dump_vec("specs", &n->gen_decl.specs, d); break;
	case ND_FUNC_DECL:
		dump_child("recv", n->func_decl.recv, d);
		dump_child("name", n->func_decl.name, d);
		dump_child("type", n->func_decl.type, d);
		dump_child("body", n->func_decl.body, d);
		break;
	case ND_FILE:
		dump_child("package", n->file.package_name, d);
		dump_vec("decls", &n->file.decls, d);
		break;
	default:
		break;
	}
}

/* One line for the node (prefixed by the field it sits in, if any), then its children. */
static void dump_node(const char *label, Node *n, int indent)
{
	fprintf(stderr, "%*s%s%s", indent * 2, "", label ? label : "", label ? ": " : "");
	if (!n) {
		fputs("nil\n", stderr);
		return;
	}
	fputs(node_kind_name(n->kind), stderr);
	if (pos_valid(n->pos))
		fprintf(stderr, " @%d:%d", n->pos.line, n->pos.col);
	dump_attrs(n);
	fputc('\n', stderr);
	dump_children(n, indent + 1);
}

void ast_dump(Node *n, int indent)
{
	dump_node(NULL, n, indent);
}
