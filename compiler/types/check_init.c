/*
 * check_init.c: the order of package-level variable initialization (go/types initorder.go).
 *
 * In: the dependencies recorded while checking each package-level declaration (references to other
 * package-level constants, variables and functions, including those made inside function bodies).
 * Out: Package.var_inits. Functions are eliminated from the dependency graph by connecting their
 * callers directly to their dependencies; then variables are emitted repeatedly choosing the one
 * with no outstanding dependencies that comes first in the source, which is the spec's order. A
 * variable still waiting on dependencies when chosen is part of an initialization loop.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

typedef struct GraphNode GraphNode;

/* A set of graph nodes: a vector for iteration plus a HashMap from each node to its position in
 * the vector (plus one), so membership, insertion and removal are all O(1). */
typedef struct NodeSet {
	Vec items;
	HashMap index;
} NodeSet;

struct GraphNode {
	Object *obj;
	NodeSet pred, succ;
	int ndeps;
	int order;      /* source order of obj */
	int heap_index; /* position in the priority queue */
};

static void check_set_add(NodeSet *s, GraphNode *n)
{
	if (hashmap_get(&s->index, n))
		return;
	vec_push(&s->items, n);
	hashmap_put(&s->index, n, (void *)(intptr_t)s->items.len);
}

/* Removes n by moving the last item into its place. */
static void check_set_remove(NodeSet *s, GraphNode *n)
{
	intptr_t pos = (intptr_t)hashmap_get(&s->index, n);
	if (!pos)
		return;
	hashmap_remove(&s->index, n);
	GraphNode *last = vec_pop(&s->items);
	if (last != n) {
		s->items.data[pos - 1] = last;
		hashmap_put(&s->index, last, (void *)pos);
	}
}

static bool check_is_dependency(Object *o)
{
	return o->kind == OBJ_CONST || o->kind == OBJ_VAR || o->kind == OBJ_FUNC;
}

static GraphNode *check_node_of(Object *o)
{
	ObjInfo *info = o->checker;
	return info ? info->graph_node : NULL;
}

/* ---- cycles ---------------------------------------------------------------------------------- */

/* A path of dependencies from `from` to `to` (pushed in reverse); `seen` marks the objects visited
 * by this search with its number. */
static bool check_find_path(Object *from, Object *to, int seen, Vec *path)
{
	ObjInfo *info = check_obj_info(from);
	if (info->path_seen == seen)
		return false;
	info->path_seen = seen;
	DeclInfo *d = info->decl;
	for (int i = 0; d && i < d->deps.len; i++) {
		Object *dep = d->deps.data[i];
		if (dep == to) {
			vec_push(path, dep);
			return true;
		}
		if (check_find_path(dep, to, seen, path)) {
			vec_push(path, dep);
			return true;
		}
	}
	return false;
}

static void check_report_cycle(Vec *cycle)
{
	Object *obj = cycle->data[0];
	Pos at = obj->pos;
	StrBuf b = {0};
	sb_printf(&b, "initialization loop for %s", obj->name);
	for (int i = cycle->len - 1; i >= 0; i--) {
		sb_printf(&b, "\n\t%s: %s refers to", pos_string(obj->pos), obj->name);
		obj = cycle->data[i];
	}
	sb_printf(&b, "\n\t%s: %s", pos_string(obj->pos), obj->name);
	check_errorf(at, "%s", sb_cstr(&b));
}

/* ---- the graph ------------------------------------------------------------------------------- */

static int check_cost(GraphNode *n)
{
	return n->pred.items.len * n->succ.items.len;
}

static void check_eliminate_function(GraphNode *n)
{
	for (int i = 0; i < n->pred.items.len; i++) {
		GraphNode *p = n->pred.items.data[i];
		if (p == n)
			continue;
		for (int j = 0; j < n->succ.items.len; j++) {
			GraphNode *s = n->succ.items.data[j];
			if (s == n)
				continue;
			check_set_add(&p->succ, s);
			check_set_add(&s->pred, p);
		}
		check_set_remove(&p->succ, n);
	}
	for (int j = 0; j < n->succ.items.len; j++) {
		GraphNode *s = n->succ.items.data[j];
		check_set_remove(&s->pred, n);
	}
}

/* Cheapest elimination first (go/types sorts funcsByCost); ties by source order, so the order is
 * deterministic. The edges left between variables do not depend on it, only the work does. */
static int check_by_cost(const void *a, const void *b)
{
	GraphNode *x = *(GraphNode *const *)a, *y = *(GraphNode *const *)b;
	int cx = check_cost(x), cy = check_cost(y);
	if (cx != cy)
		return cx < cy ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void check_sort_by_cost(Vec *v)
{
	vec_sort(v, check_by_cost);
}

static Vec check_dependency_graph(void)
{
	Vec all = {0}, funcs = {0}, others = {0};
	for (int i = 0; i < ck->objlist.len; i++) {
		Object *o = ck->objlist.data[i];
		if (!check_is_dependency(o))
			continue;
		GraphNode *n = xnew(GraphNode);
		n->obj = o;
		n->order = check_obj_info(o)->order;
		check_obj_info(o)->graph_node = n;
		vec_push(&all, n);
	}
	for (int i = 0; i < all.len; i++) {
		GraphNode *n = all.data[i];
		DeclInfo *d = check_obj_info(n->obj)->decl;
		for (int j = 0; d && j < d->deps.len; j++) {
			Object *dep = d->deps.data[j];
			GraphNode *m = check_is_dependency(dep) ? check_node_of(dep) : NULL;
			if (!m)
				continue;
			check_set_add(&n->succ, m);
			check_set_add(&m->pred, n);
		}
	}
	for (int i = 0; i < all.len; i++) {
		GraphNode *n = all.data[i];
		vec_push(n->obj->kind == OBJ_FUNC ? &funcs : &others, n);
	}
	check_sort_by_cost(&funcs);
	for (int i = 0; i < funcs.len; i++)
		check_eliminate_function(funcs.data[i]);
	for (int i = 0; i < others.len; i++) {
		GraphNode *n = others.data[i];
		n->ndeps = n->succ.items.len;
	}
	return others;
}

/* ---- the priority queue: fewest outstanding dependencies first, then source order ------------- */

static bool check_node_less(GraphNode *a, GraphNode *b)
{
	return a->ndeps < b->ndeps || (a->ndeps == b->ndeps && a->order < b->order);
}

static void check_heap_swap(Vec *h, int i, int j)
{
	GraphNode *a = h->data[i], *b = h->data[j];
	h->data[i] = b, b->heap_index = i;
	h->data[j] = a, a->heap_index = j;
}

static void check_heap_up(Vec *h, int i)
{
	while (i > 0 && check_node_less(h->data[i], h->data[(i - 1) / 2])) {
		check_heap_swap(h, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void check_heap_down(Vec *h, int i)
{
	for (;;) {
		int l = 2 * i + 1, r = l + 1, m = i;
		if (l < h->len && check_node_less(h->data[l], h->data[m]))
			m = l;
		if (r < h->len && check_node_less(h->data[r], h->data[m]))
			m = r;
		if (m == i)
			return;
		check_heap_swap(h, i, m);
		i = m;
	}
}

static void check_heap_init(Vec *h)
{
	for (int i = 0; i < h->len; i++)
		((GraphNode *)h->data[i])->heap_index = i;
	for (int i = h->len / 2 - 1; i >= 0; i--)
		check_heap_down(h, i);
}

static GraphNode *check_pop_min(Vec *h)
{
	if (h->len == 0)
		return NULL;
	GraphNode *min = h->data[0];
	check_heap_swap(h, 0, h->len - 1);
	h->len--;
	check_heap_down(h, 0);
	min->heap_index = -1;
	return min;
}

static void check_emit(DeclInfo *info, Object *v)
{
	if (info->emitted)
		return;
	info->emitted = true;
	Initializer *init = xnew(Initializer);
	if (info->lhs && info->nlhs > 1) {
		for (int i = 0; i < info->nlhs; i++) {
			Object *o = info->lhs[i];
			vec_push(&init->lhs, strcmp(o->name, "_") ? o : NULL);
		}
	} else {
		vec_push(&init->lhs, strcmp(v->name, "_") ? v : NULL);
	}
	init->rhs = info->init;
	vec_push(&ck->pkg->var_inits, init);
}

void check_init_order(void)
{
	Vec g = check_dependency_graph();
	check_heap_init(&g);
	int searches = 0;
	for (GraphNode *n; (n = check_pop_min(&g));) {
		if (n->ndeps > 0) {
			Vec path = {0};
			if (check_find_path(n->obj, n->obj, ++searches, &path))
				check_report_cycle(&path);
		}
		for (int i = 0; i < n->pred.items.len; i++) {
			GraphNode *p = n->pred.items.data[i];
			p->ndeps--;
			if (p->heap_index >= 0)
				check_heap_up(&g, p->heap_index);
		}
		Object *v = n->obj;
		DeclInfo *info = check_obj_info(v)->decl;
		if (v->kind != OBJ_VAR || !info || !info->init)
			continue;
		check_emit(info, v);
	}
}
