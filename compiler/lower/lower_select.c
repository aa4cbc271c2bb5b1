/*
 * lower_select.c: the select statement, as runtime.def's "select (select.c)" section says.
 *
 * In: an ND_SELECT_STMT. Out: the shapes of gc's walkSelectCases (walk/select.go):
 *
 *     select {}                         call block()                      (never returns)
 *     one case                          the plain channel operation, then its body
 *     one case and a default            br selectnbsend(c, &v) / selectnbrecv(c, &v, &ok), case, default
 *     otherwise                         Scase array in the frame, selectgo, switch on its result
 *
 * The one idea: first every case's operands, then one decision, then the chosen body. All
 * channel expressions and send values are evaluated once, in source order, before anything
 * blocks (spec: "Select statements"), each case's calls before its plain operands as gc's order
 * pass does; send values are converted to the element type and stored in temporaries; a receive
 * lands in a temporary too, and only the chosen case assigns it (and ok) to its operands -- `v, ok
 * := <-c` declares them there, `m[k], x.f = <-c` evaluates m, k and x then, as gc's order pass
 * rewrites OSELRECV2 into a receive into temporaries followed by assignments in the case body.
 *
 * In the general form the Scase array {c, elem} holds the sends first, then the receives, each
 * in source order; selectgo returns the chosen index, or -1 for the default, and writes whether a
 * receive got a value (false: a closed channel, the element zeroed). The dispatch is one LLVM
 * switch; without a default, the last case is the switch's default destination, as gc makes the
 * last case unconditional. `break` leaves the select.
 */
#include "lower.h"

/* One comm clause, taken apart, then evaluated. */
typedef struct SelCase {
	Node *clause;
	bool send;
	Node *chan, *value;  /* the channel; a send's value */
	Node *lhs[2];        /* a receive's v and ok operands (NULL when absent) */
	bool define;         /* v, ok := <-c */
	int index;           /* in the Scase array */
	LLVMValueRef c;      /* the channel's value */
	LLVMValueRef elem;   /* the element's temporary, or null: a receive into no operand */
	LLVMValueRef ok;     /* a receive's bool temporary (one-case forms), or NULL */
	LLVMBasicBlockRef bb;
} SelCase;

static void parse_case(SelCase *sc, Node *clause)
{
	Node *comm = clause->comm_clause.comm;
	*sc = (SelCase){.clause = clause};
	if (comm->kind == ND_SEND_STMT) {
		sc->send = true;
		sc->chan = comm->send.chan;
		sc->value = comm->send.value;
		return;
	}
	Node *recv = comm->kind == ND_EXPR_STMT ? comm->expr_stmt.x : comm->assign.rhs.data[0];
	sc->chan = middle_unparen(recv)->unary.x;
	if (comm->kind == ND_ASSIGN_STMT) {
		for (int i = 0; i < comm->assign.lhs.len; i++)
			if (!lower_is_blank(comm->assign.lhs.data[i]))
				sc->lhs[i] = comm->assign.lhs.data[i];
		sc->define = comm->assign.tok == TOK_DEFINE;
	}
}

static Type *elem_of(SelCase *sc)
{
	return type_underlying(lower_type_of(sc->chan))->chan.elem;
}

/* The case's operands, now: the channel, then a send's value (converted, in a temporary); a
 * receive's temporaries for v (only when it is assigned) and, if want_ok, for ok. */
static void eval_case(SelCase *sc, bool want_ok)
{
	lower_hoist(sc->chan);
	sc->c = lower_expr(sc->chan);
	Type *elem = elem_of(sc);
	if (sc->send) {
		lower_hoist(sc->value);
		sc->elem = lower_alloca(elem, "select.send");
		lower_store(elem, sc->elem, lower_expr_as(sc->value, elem));
		return;
	}
	sc->elem = sc->lhs[0] ? lower_alloca(elem, "select.recv") : LLVMConstNull(L.t_ptr);
	if (want_ok && sc->lhs[1])
		sc->ok = lower_alloca(type_basic(TY_BOOL), "select.ok");
}

/* Stores v into a receive's operand: declared by :=, else assigned as `x = v` is. */
static void assign_operand(SelCase *sc, Node *lhs, LLVMValueRef v, Type *t)
{
	if (!lhs)
		return;
	if (sc->define) {
		Object *obj = lhs->ident.obj;
		lower_declare_local(obj);
		lower_store(lower_obj_type(obj), lower_var_addr(obj), lower_convert_value(v, t, lower_obj_type(obj), lhs));
		return;
	}
	lower_hoist_reset();
	lower_hoist(lhs);
	lower_range_assign(lhs, v, t);
}

/* The chosen case: the received value and ok (ok_value, an i1, or NULL) into their operands,
 * then the body, then out of the select. */
static void case_body(SelCase *sc, LLVMValueRef ok_value, LLVMBasicBlockRef end)
{
	Node *clause = sc->clause;
	if (clause->comm_clause.comm && !sc->send) {
		lower_set_pos(clause->pos);
		if (sc->lhs[0])
			assign_operand(sc, sc->lhs[0], lower_load(elem_of(sc), sc->elem), elem_of(sc));
		if (sc->lhs[1])
			assign_operand(sc, sc->lhs[1], ok_value, type_basic(TY_BOOL));
	}
	lower_block_stmts(&clause->comm_clause.body);
	lower_br(end);
}

/* select with one case: the operation itself (a nil channel blocks forever), then the body. */
static void select_one(SelCase *sc, LLVMBasicBlockRef end)
{
	if (!sc->clause->comm_clause.comm) { /* only a default */
		case_body(sc, NULL, end);
		return;
	}
	eval_case(sc, false);
	lower_set_pos(sc->clause->pos);
	LLVMValueRef ok = NULL;
	if (sc->send)
		lower_call_runtime(RT_chansend1, (LLVMValueRef[]){sc->c, sc->elem}, 2);
	else if (sc->lhs[1])
		ok = lower_call_runtime(RT_chanrecv2, (LLVMValueRef[]){sc->c, sc->elem}, 2);
	else
		lower_call_runtime(RT_chanrecv1, (LLVMValueRef[]){sc->c, sc->elem}, 2);
	case_body(sc, ok, end);
}

/* One case and a default: a non-blocking attempt chooses between them. */
static void select_nonblocking(SelCase *sc, SelCase *dflt, LLVMBasicBlockRef end)
{
	eval_case(sc, true);
	lower_set_pos(sc->clause->pos);
	LLVMValueRef chosen;
	if (sc->send) {
		chosen = lower_call_runtime(RT_selectnbsend, (LLVMValueRef[]){sc->c, sc->elem}, 2);
	} else {
		LLVMValueRef okp = sc->ok ? sc->ok : LLVMConstNull(L.t_ptr);
		chosen = lower_call_runtime(RT_selectnbrecv, (LLVMValueRef[]){sc->c, sc->elem, okp}, 3);
	}
	LLVMBasicBlockRef yes = lower_block("select.case"), no = lower_block("select.default");
	LLVMBuildCondBr(L.b, chosen, yes, no);
	lower_position_at_end(yes);
	case_body(sc, sc->ok ? lower_load(type_basic(TY_BOOL), sc->ok) : NULL, end);
	lower_position_at_end(no);
	case_body(dflt, NULL, end);
}

/* The general form: every case into the Scase array (sends first, then receives, each in source
 * order), selectgo, then a switch on the chosen index. */
static void select_general(Node *s, SelCase *cases, int n, SelCase *dflt, LLVMBasicBlockRef end)
{
	int ncas = n - (dflt != NULL), nsends = 0, nrecvs = 0;
	for (int i = 0; i < n; i++)
		if (&cases[i] != dflt && cases[i].send)
			nsends++;
	LLVMTypeRef arrty = LLVMArrayType(L.t_i8, (unsigned)(ncas * RT_SCASE_SIZE));
	LLVMValueRef scases = LLVMBuildAlloca(L.fn->alloca_builder, arrty, "select.cases");
	LLVMSetAlignment(scases, 8);
	LLVMValueRef order = LLVMBuildAlloca(L.fn->alloca_builder, LLVMArrayType(L.t_i16, (unsigned)(2 * ncas)), "select.order");
	LLVMValueRef recv_ok = lower_alloca(type_basic(TY_BOOL), "select.recvok");
	int next_send = 0;
	for (int i = 0; i < n; i++) {
		SelCase *sc = &cases[i];
		if (sc == dflt)
			continue;
		sc->index = sc->send ? next_send++ : nsends + nrecvs++;
		eval_case(sc, false);
		LLVMValueRef st = LLVMBuildStore(L.b, sc->c, lower_gep(scases, sc->index * RT_SCASE_SIZE));
		LLVMSetAlignment(st, 8);
		st = LLVMBuildStore(L.b, sc->elem, lower_gep(scases, sc->index * RT_SCASE_SIZE + 8));
		LLVMSetAlignment(st, 8);
	}
	lower_set_pos(s->pos);
	LLVMValueRef args[6] = {scases, order, i64c(nsends), i64c(nrecvs), intc(L.t_i1, dflt == NULL), recv_ok};
	LLVMValueRef chosen = lower_call_runtime(RT_selectgo, args, 6);
	/* without a default, the last case in the array is the switch's default destination */
	SelCase *last = dflt;
	for (int i = 0; i < n; i++) {
		cases[i].bb = lower_block(&cases[i] == dflt ? "select.default" : "select.case");
		if (!dflt && cases[i].index == ncas - 1)
			last = &cases[i];
	}
	LLVMValueRef sw = LLVMBuildSwitch(L.b, chosen, last->bb, (unsigned)ncas);
	for (int i = 0; i < n; i++)
		if (&cases[i] != last)
			LLVMAddCase(sw, i64c(cases[i].index), cases[i].bb);
	for (int i = 0; i < n; i++) {
		SelCase *sc = &cases[i];
		lower_position_at_end(sc->bb);
		bool want_ok = sc != dflt && !sc->send && sc->lhs[1];
		case_body(sc, want_ok ? lower_load(type_basic(TY_BOOL), recv_ok) : NULL, end);
	}
}

void lower_select(Node *s)
{
	Node *label = lower_take_label();
	Vec *clauses = &s->select_stmt.body->block.stmts;
	int n = clauses->len;
	lower_set_pos(s->pos);
	if (n == 0) {
		lower_call_runtime(RT_block, NULL, 0); /* noreturn: ends the block */
		lower_dead_block();
		return;
	}
	SelCase *cases = xalloc(sizeof(SelCase) * (size_t)n), *dflt = NULL;
	for (int i = 0; i < n; i++) {
		Node *clause = clauses->data[i];
		if (clause->comm_clause.comm)
			parse_case(&cases[i], clause);
		else
			dflt = &cases[i], *dflt = (SelCase){.clause = clause};
	}
	LLVMBasicBlockRef end = lower_block("select.end");
	lower_push_targets(s, label, end, NULL);
	if (n == 1)
		select_one(&cases[0], end);
	else if (n == 2 && dflt)
		select_nonblocking(dflt == &cases[0] ? &cases[1] : &cases[0], dflt, end);
	else
		select_general(s, cases, n, dflt, end);
	lower_pop_targets(label);
	lower_br(end);
	lower_position_at_end(end);
}
