/*
 * pctab.c: the program's pc table (gc's pclntab), built at link time from the DWARF that LLVM emitted.
 *
 * In: the executable of a first link, with its DWARF (every gocc package's compile unit, DWARF 4,
 * producer "gocc ...": DW_TAG_subprogram per function named by its go1.19 link name, a
 * DW_TAG_inlined_subroutine per call LLVM inlined, the line program) and its ELF symbol table. Out:
 * a relocatable object holding one section `gocc_pctab` (layout in runtime/pctab.h) that the driver
 * links into the program in a second link; runtime/symtab.c reads it to answer runtime.Caller,
 * Callers, FuncForPC and CallersFrames and to print tracebacks, after `strip` too since the section
 * is loaded, read-only data.
 *
 * The one idea: at link time every address is final and every package's line table sits in one
 * file, so the table needs no relocation and no knowledge of the cache's per-package objects; the
 * second link only adds a read-only section, which the linker places after .text, so no function
 * moves (checked: the second executable's .text and `main` must be where the first one had them).
 *
 * Per function, the rows are the union of the line program's rows and the bounds of its inlined
 * calls' pc ranges; each row carries the file and line the line program gives (the innermost
 * position, inside an inlined callee when the pc is in one) and the innermost inlined call
 * covering it, from which the runtime rebuilds the logical frames (callee at the row's line, then
 * each caller at its call line). Line 0 ("no source position", LLVM's merged instructions) takes
 * the previous row's line.
 *
 * Rejected alternatives. (1) Per-package tables emitted by the compiler after reading its own
 * object's line table back: that object's addresses are section offsets plus relocations, and the
 * table would have to name internal functions (closures) from another object. (2) Emitting the table
 * from the compiler's statement positions with labels placed before calls: labels inside functions
 * constrain LLVM's scheduling and say nothing about what LLVM inlined. (3) Reading DWARF at run time:
 * does not survive strip, and costs the parse at the first Caller. The cost of this choice is a
 * second link on a cache miss (the linked program is cached as a whole).
 */
#include "driver.h"
#include "pctab.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
	const uint8_t *p, *end;
} Buf;

static Buf elf_bytes(ElfFile *e, const char *name)
{
	const Elf64_Shdr *s = elf_section(e, name);
	if (!s || s->sh_type == SHT_NOBITS || s->sh_offset + s->sh_size > e->size)
		return (Buf){NULL, NULL};
	return (Buf){e->data + s->sh_offset, e->data + s->sh_offset + s->sh_size};
}

/* The value and size of the function symbol `name` (false if there is none). */
static bool elf_symbol(ElfFile *e, const char *name, uint64_t *value, uint64_t *size)
{
	const Elf64_Shdr *symtab = elf_section(e, ".symtab");
	if (!symtab)
		return false;
	const char *strtab = (const char *)e->data + e->sh[symtab->sh_link].sh_offset;
	const Elf64_Sym *syms = (const Elf64_Sym *)(e->data + symtab->sh_offset);
	for (size_t i = 0; i < symtab->sh_size / sizeof *syms; i++)
		if (syms[i].st_shndx != SHN_UNDEF && ELF64_ST_TYPE(syms[i].st_info) == STT_FUNC &&
		    strcmp(strtab + syms[i].st_name, name) == 0) {
			*value = syms[i].st_value;
			*size = syms[i].st_size;
			return true;
		}
	return false;
}

/* ---- DWARF reading ------------------------------------------------------------------------ */

static uint64_t rd(Buf *b, int n)
{
	uint64_t v = 0;
	if (b->p + n > b->end) {
		b->p = b->end;
		return 0;
	}
	for (int i = 0; i < n; i++)
		v |= (uint64_t)b->p[i] << (8 * i);
	b->p += n;
	return v;
}

static uint64_t uleb(Buf *b)
{
	uint64_t v = 0;
	for (int shift = 0; b->p < b->end; shift += 7) {
		uint8_t c = *b->p++;
		if (shift < 64)
			v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			break;
	}
	return v;
}

static int64_t sleb(Buf *b)
{
	int64_t v = 0;
	int shift = 0;
	uint8_t c = 0;
	while (b->p < b->end) {
		c = *b->p++;
		if (shift < 64)
			v |= (int64_t)(c & 0x7f) << shift;
		shift += 7;
		if (!(c & 0x80))
			break;
	}
	if (shift < 64 && (c & 0x40))
		v |= -((int64_t)1 << shift);
	return v;
}

static const char *cstr(Buf *b)
{
	const char *s = (const char *)b->p;
	while (b->p < b->end && *b->p)
		b->p++;
	if (b->p < b->end)
		b->p++;
	return s;
}

/* One row of a line program. */
typedef struct {
	uint64_t addr;
	int file, line;
} Row;

typedef struct {
	const char **files; /* 1-based, as DW_AT_call_file and the line program count */
	int nfiles;
	Row *rows;
	int nrows, cap;
} LineTable;

static void add_row(LineTable *t, uint64_t addr, int file, int line)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		t->rows = realloc(t->rows, sizeof(Row) * (size_t)t->cap);
		if (!t->rows)
			internal_error("out of memory");
	}
	t->rows[t->nrows++] = (Row){addr, file, line};
}

static int row_cmp(const void *a, const void *b)
{
	const Row *x = a, *y = b;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* The DWARF 4 line program at `b` (one unit): its file names and its rows, sorted by address. An
 * end_sequence row is kept with line -1: it ends the previous row's range. */
static bool read_line_program(Buf b, const char *comp_dir, LineTable *t)
{
	uint64_t len = rd(&b, 4);
	if (len >= 0xfffffff0 || b.p + len > b.end)
		return false;
	b.end = b.p + len;
	if (rd(&b, 2) != 4)
		return false;
	uint64_t hlen = rd(&b, 4);
	const uint8_t *prog = b.p + hlen;
	int min_inst = (int)rd(&b, 1);
	rd(&b, 1); /* maximum_operations_per_instruction */
	int default_stmt = (int)rd(&b, 1);
	(void)default_stmt;
	int line_base = (int8_t)rd(&b, 1);
	int line_range = (int)rd(&b, 1);
	int opcode_base = (int)rd(&b, 1);
	uint8_t oplen[256] = {0};
	for (int i = 1; i < opcode_base; i++)
		oplen[i] = (uint8_t)rd(&b, 1);
	Vec dirs = {0};
	vec_push(&dirs, (void *)comp_dir);
	for (const char *d; *(d = cstr(&b));)
		vec_push(&dirs, (void *)d);
	Vec files = {0};
	vec_push(&files, "");
	for (const char *f; *(f = cstr(&b));) {
		uint64_t dir = uleb(&b);
		uleb(&b);
		uleb(&b);
		const char *d = dir < (uint64_t)dirs.len ? dirs.data[dir] : "";
		/* "." is the directory of the names line directives give (lower/debuginfo.c): as written */
		bool as_written = f[0] == '/' || !*d || strcmp(d, ".") == 0;
		vec_push(&files, as_written ? (void *)f : xsprintf("%s/%s", d, f));
	}
	t->files = (const char **)files.data;
	t->nfiles = files.len;
	if (line_range == 0)
		return false;

	b.p = prog;
	uint64_t addr = 0;
	int file = 1, line = 1;
	while (b.p < b.end) {
		int op = (int)rd(&b, 1);
		if (op >= opcode_base) {
			int adj = op - opcode_base;
			addr += (uint64_t)(adj / line_range * min_inst);
			line += line_base + adj % line_range;
			add_row(t, addr, file, line);
			continue;
		}
		switch (op) {
		case 0: {
			uint64_t n = uleb(&b);
			const uint8_t *next = b.p + n;
			int ext = (int)rd(&b, 1);
			if (ext == 1) { /* end_sequence */
				add_row(t, addr, file, -1);
				addr = 0, file = 1, line = 1;
			} else if (ext == 2) {
				addr = rd(&b, 8);
			}
			b.p = next;
			break;
		}
		case 1: add_row(t, addr, file, line); break;
		case 2: addr += uleb(&b) * (uint64_t)min_inst; break;
		case 3: line += (int)sleb(&b); break;
		case 4: file = (int)uleb(&b); break;
		case 5: uleb(&b); break;
		case 8: addr += (uint64_t)((255 - opcode_base) / line_range * min_inst); break;
		case 9: addr += rd(&b, 2); break;
		default:
			for (int i = 0; i < oplen[op]; i++)
				uleb(&b);
		}
	}
	qsort(t->rows, (size_t)t->nrows, sizeof(Row), row_cmp);
	return true;
}

/* ---- DIEs --------------------------------------------------------------------------------- */

enum {
	DW_TAG_compile_unit = 0x11, DW_TAG_subprogram = 0x2e, DW_TAG_inlined_subroutine = 0x1d,
	DW_TAG_formal_parameter = 0x05,
	DW_AT_name = 0x03, DW_AT_stmt_list = 0x10, DW_AT_low_pc = 0x11, DW_AT_high_pc = 0x12,
	DW_AT_comp_dir = 0x1b, DW_AT_producer = 0x25, DW_AT_abstract_origin = 0x31, DW_AT_specification = 0x47,
	DW_AT_ranges = 0x55, DW_AT_call_file = 0x58, DW_AT_call_line = 0x59, DW_FORM_addr = 0x01,
	DW_FORM_string = 0x08, DW_FORM_strp = 0x0e, DW_FORM_indirect = 0x16,
};

typedef struct {
	uint64_t code;
	int tag;
	bool children;
	int nattrs;
	int *attr, *form;
} Abbrev;

typedef struct {
	uint64_t off;      /* from the start of the compile unit */
	int tag, depth, parent;
	const char *name;
	uint64_t origin;   /* DW_AT_abstract_origin / specification, unit-relative, 0 if none */
	uint64_t lo, hi;   /* one range, or ranges >= 0 */
	uint64_t base;     /* a compile unit's DW_AT_low_pc: the base of its range lists */
	int64_t ranges;
	bool has_lo, hi_is_addr;
	int call_file, call_line;
	int nparams;       /* DW_TAG_formal_parameter children */
} Die;

typedef struct {
	Buf str, ranges;
} Sections;

/* Reads one attribute value of form `form`: numbers in *v, strings in *s. */
static void read_form(Buf *b, int form, const Sections *sec, uint64_t *v, const char **s)
{
	*v = 0;
	*s = NULL;
	switch (form) {
	case 0x01: case 0x07: case 0x14: case 0x20: *v = rd(b, 8); break;  /* addr data8 ref8 ref_sig8 */
	case 0x05: case 0x12: *v = rd(b, 2); break;                        /* data2 ref2 */
	case 0x06: case 0x13: case 0x10: case 0x17: *v = rd(b, 4); break;  /* data4 ref4 ref_addr sec_offset */
	case 0x0b: case 0x11: case 0x0c: *v = rd(b, 1); break;             /* data1 ref1 flag */
	case 0x0d: *v = (uint64_t)sleb(b); break;
	case 0x0f: case 0x15: *v = uleb(b); break;
	case 0x19: *v = 1; break;                                          /* flag_present */
	case 0x08: *s = cstr(b); break;
	case 0x0e: {
		uint64_t o = rd(b, 4);
		*s = sec->str.p && sec->str.p + o < sec->str.end ? (const char *)sec->str.p + o : "";
		break;
	}
	case 0x03: b->p += rd(b, 2); break;
	case 0x04: b->p += rd(b, 4); break;
	case 0x09: case 0x18: { uint64_t n = uleb(b); b->p += n; break; }
	case 0x0a: b->p += rd(b, 1); break;
	case 0x16: read_form(b, (int)uleb(b), sec, v, s); break;
	default: b->p = b->end; /* unknown form: give up on this unit */
	}
	if (b->p > b->end)
		b->p = b->end;
}

static Abbrev *read_abbrevs(Buf b, int *n)
{
	Vec v = {0};
	for (;;) {
		uint64_t code = uleb(&b);
		if (code == 0 || b.p >= b.end)
			break;
		Abbrev *a = xalloc(sizeof *a);
		a->code = code;
		a->tag = (int)uleb(&b);
		a->children = rd(&b, 1) != 0;
		Vec at = {0}, fo = {0};
		for (;;) {
			uint64_t name = uleb(&b), form = uleb(&b);
			if (name == 0 && form == 0)
				break;
			vec_push(&at, (void *)(intptr_t)name);
			vec_push(&fo, (void *)(intptr_t)form);
		}
		a->nattrs = at.len;
		a->attr = xalloc(sizeof(int) * (size_t)(at.len + 1));
		a->form = xalloc(sizeof(int) * (size_t)(at.len + 1));
		for (int i = 0; i < at.len; i++)
			a->attr[i] = (int)(intptr_t)at.data[i], a->form[i] = (int)(intptr_t)fo.data[i];
		vec_push(&v, a);
	}
	*n = v.len;
	Abbrev *out = xalloc(sizeof(Abbrev) * (size_t)(v.len + 1));
	for (int i = 0; i < v.len; i++)
		out[i] = *(Abbrev *)v.data[i];
	return out;
}

static Abbrev *find_abbrev(Abbrev *a, int n, uint64_t code)
{
	if (code >= 1 && code <= (uint64_t)n && a[code - 1].code == code)
		return &a[code - 1];
	for (int i = 0; i < n; i++)
		if (a[i].code == code)
			return &a[i];
	return NULL;
}

/* ---- the table being built ---------------------------------------------------------------- */

typedef struct {
	uint64_t entry, size;
	uint32_t name, kind, flags;
	int ninl, nrows;
	StrBuf inl, rows;      /* the blob's inlined calls and rows (runtime/pctab.h) */
} Func;

typedef struct {
	StrBuf strings;
	HashMap string_index;  /* interned string -> offset + 1 */
	Vec funcs;             /* Func* */
} Table;

static uint32_t str_off(Table *t, const char *s)
{
	s = intern(s, strlen(s));
	uintptr_t o = (uintptr_t)hashmap_get(&t->string_index, s);
	if (o)
		return (uint32_t)(o - 1);
	uint32_t off = (uint32_t)t->strings.len;
	sb_put(&t->strings, s, strlen(s) + 1);
	hashmap_put(&t->string_index, s, (void *)(uintptr_t)(off + 1));
	return off;
}

static void put_uvarint(StrBuf *b, uint64_t v)
{
	do {
		char c = (char)(v & 0x7f);
		v >>= 7;
		if (v)
			c |= (char)0x80;
		sb_put(b, &c, 1);
	} while (v);
}

static void put_svarint(StrBuf *b, int64_t v)
{
	put_uvarint(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

/* Appends an inlined call to f's blob: node f->ninl, below node parent (-1: f itself). */
static void put_inline(Func *f, uint32_t name, int parent, uint32_t file, int64_t line)
{
	put_uvarint(&f->inl, name);
	put_uvarint(&f->inl, (uint64_t)(parent + 1));
	put_uvarint(&f->inl, file);
	put_svarint(&f->inl, line);
	f->ninl++;
}

/* Appends a row to f's blob: pc_delta after the previous row, the file (its string offset, cur_file
 * before), the line delta and the innermost inlined call (cur_node before). */
static void put_row(Func *f, uint64_t pc_delta, uint32_t file, uint32_t cur_file, int64_t line_delta, int node,
                    int cur_node)
{
	put_uvarint(&f->rows, pc_delta << 2 | (uint64_t)(file != cur_file) << 1 | (node != cur_node));
	put_svarint(&f->rows, line_delta);
	if (file != cur_file)
		put_uvarint(&f->rows, file);
	if (node != cur_node)
		put_uvarint(&f->rows, (uint64_t)(node + 1));
	f->nrows++;
}

/* A pc range of an inlined call. */
typedef struct {
	uint64_t lo, hi;
	int node, depth;
} Span;

/* The DIE at unit offset `off` (dies are in offset order), or NULL. */
static Die *die_at(Die *dies, int ndies, uint64_t off)
{
	int lo = 0, hi = ndies - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (dies[mid].off == off)
			return &dies[mid];
		if (dies[mid].off < off)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

static const char *die_name(Die *dies, int ndies, Die *d)
{
	for (int hop = 0; d && hop < 4; hop++) {
		if (d->name)
			return d->name;
		if (!d->origin)
			return NULL;
		d = die_at(dies, ndies, d->origin);
	}
	return NULL;
}

/* The pc ranges of d (its low/high pc, or its DW_AT_ranges list in .debug_ranges). */
static int die_ranges(Die *d, const Sections *sec, uint64_t base, uint64_t (*out)[2], int max)
{
	if (d->ranges < 0) {
		if (!d->has_lo)
			return 0;
		out[0][0] = d->lo;
		out[0][1] = d->hi_is_addr ? d->hi : d->lo + d->hi;
		return 1;
	}
	int n = 0;
	Buf b = sec->ranges;
	if (!b.p || b.p + d->ranges >= b.end)
		return 0;
	b.p += d->ranges;
	while (b.p < b.end && n < max) {
		uint64_t lo = rd(&b, 8), hi = rd(&b, 8);
		if (lo == 0 && hi == 0)
			break;
		if (lo == UINT64_MAX) {
			base = hi;
			continue;
		}
		out[n][0] = base + lo;
		out[n][1] = base + hi;
		n++;
	}
	return n;
}

static int u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static bool has_suffix(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n > k && strcmp(s + n - k, suffix) == 0;
}

/* go1.19's name for the wrapper `name`, as FuncForPC reports it: pkg.T.M·ptrwrap (the method of
 * *T that calls T's) is pkg.(*T).M; a promoted method's pkg.S.M·promoted, the itab entries of a
 * pointer-shaped type's methods pkg.T.M·i and pkg.S.M·promoted·i and main's func value
 * main.main·thunk are the names without the suffix (gc has no wrapper there, or names it so; gocc's
 * one promoted wrapper serves both S.M and (*S).M, which gc names apart). Walks show no frame for
 * any of them. */
static const char *wrapper_name(const char *name)
{
	static const char *const strip[] = {"\u00b7promoted\u00b7i", "\u00b7promoted", "\u00b7i", "\u00b7thunk"};
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof strip / sizeof strip[0]; i++)
		if (has_suffix(name, n, strip[i]))
			return xstrndup(name, n - strlen(strip[i]));
	size_t k = strlen("\u00b7ptrwrap");
	if (!has_suffix(name, n, "\u00b7ptrwrap"))
		return name;
	const char *m = NULL, *r = NULL; /* the last two dots: pkg.T.M */
	for (const char *p = name; p < name + n - k; p++)
		if (*p == '.')
			r = m, m = p;
	if (!r)
		return name;
	return xsprintf("%.*s(*%.*s)%.*s", (int)(r + 1 - name), name, (int)(m - r - 1), r + 1,
	                (int)(name + n - k - m), m);
}

/* The pcs of [lo, hi) where a function's row may change. */
typedef struct {
	uint64_t lo, hi;
	uint64_t *v;
	int n, cap;
} Bounds;

static void add_bound(Bounds *b, uint64_t pc)
{
	if (pc < b->lo || pc >= b->hi)
		return;
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->v = realloc(b->v, sizeof(uint64_t) * (size_t)b->cap);
		if (!b->v)
			internal_error("out of memory");
	}
	b->v[b->n++] = pc;
}

/* The table entry of subprogram `fn` (dies[fi]) covering [lo, hi), with its inlined calls. */
static void add_function(Table *t, Die *dies, int ndies, int fi, uint64_t lo, uint64_t hi, LineTable *lt,
                         const Sections *sec, uint64_t base)
{
	const char *name = die_name(dies, ndies, &dies[fi]);
	if (!name)
		return;
	Func *f = xalloc(sizeof *f);
	f->entry = lo;
	f->size = hi - lo;
	f->kind = PCFUNC_GO;
	if (strstr(name, "\u00b7")) { /* a wrapper the compiler made (X·ptrwrap, X·f, X·i, X·thunk) */
		f->kind = PCFUNC_WRAPPER;
		name = wrapper_name(name);
	}
	f->name = str_off(t, name);
	/* Parameters: the function's own, or its abstract instance's when LLVM also inlined it. */
	Die *origin = dies[fi].origin ? die_at(dies, ndies, dies[fi].origin) : NULL;
	if (dies[fi].nparams == 0 && (!origin || origin->nparams == 0))
		f->flags |= PCFLAG_NOARGS;
	vec_push(&t->funcs, f);

	/* Inlined calls below the function (dies fi+1 .. end-1), with their nesting. */
	Vec spans = {0};
	int end = fi + 1;
	while (end < ndies && dies[end].depth > dies[fi].depth)
		end++;
	int *node_of = (int *)xalloc(sizeof(int) * (size_t)(end - fi)) - fi; /* node_of[i], fi < i < end */
	for (int i = fi + 1; i < end; i++) {
		node_of[i] = -1;
		if (dies[i].tag != DW_TAG_inlined_subroutine)
			continue;
		int parent = -1, depth = 0;
		for (int p = dies[i].parent; p > fi; p = dies[p].parent)
			if (dies[p].tag == DW_TAG_inlined_subroutine) {
				if (parent < 0)
					parent = node_of[p];
				depth++;
			}
		const char *callee = die_name(dies, ndies, &dies[i]);
		int cf = dies[i].call_file;
		put_inline(f, str_off(t, callee ? callee : "?"), parent,
		           str_off(t, cf > 0 && cf < lt->nfiles ? lt->files[cf] : "?"), dies[i].call_line);
		node_of[i] = f->ninl - 1;
		uint64_t r[64][2];
		int nr = die_ranges(&dies[i], sec, base, r, 64);
		for (int k = 0; k < nr; k++) {
			Span *s = xalloc(sizeof *s);
			*s = (Span){r[k][0], r[k][1], node_of[i], depth};
			vec_push(&spans, s);
		}
	}

	/* Boundaries: the function's start, its line rows, the inlined ranges' ends. */
	int first = 0;
	for (int b = lt->nrows; first < b;) {
		int m = (first + b) / 2;
		if (lt->rows[m].addr < lo)
			first = m + 1;
		else
			b = m;
	}
	Bounds bounds = {lo, hi, NULL, 0, 0};
	add_bound(&bounds, lo);
	for (int i = first; i < lt->nrows && lt->rows[i].addr < hi; i++)
		add_bound(&bounds, lt->rows[i].addr);
	for (int i = 0; i < spans.len; i++) {
		Span *s = spans.data[i];
		add_bound(&bounds, s->lo);
		add_bound(&bounds, s->hi);
	}
	uint64_t *bv = bounds.v;
	int nb = bounds.n;
	qsort(bv, (size_t)nb, sizeof(uint64_t), u64_cmp);

	int cur_line = 0, ri = first, cur_node = -1;
	uint32_t cur_file = 0;
	int row_line = 0, row_file = 0;
	uint64_t prev_pc = lo;
	int prev_node = -2;
	uint32_t prev_file = 0;
	int prev_line = 0;
	for (int i = 0; i < nb; i++) {
		if (i > 0 && bv[i] == bv[i - 1])
			continue;
		uint64_t pc = bv[i];
		/* The line-program row in effect at pc (the last one at or before it). */
		while (ri < lt->nrows && lt->rows[ri].addr <= pc) {
			if (lt->rows[ri].line > 0) {
				row_line = lt->rows[ri].line;
				row_file = lt->rows[ri].file;
			}
			ri++;
		}
		int node = -1, depth = -1;
		for (int k = 0; k < spans.len; k++) {
			Span *s = spans.data[k];
			if (s->lo <= pc && pc < s->hi && s->depth > depth)
				node = s->node, depth = s->depth;
		}
		uint32_t file = str_off(t, row_file > 0 && row_file < lt->nfiles ? lt->files[row_file] : "?");
		if (f->nrows > 0 && file == prev_file && row_line == prev_line && node == prev_node)
			continue;
		put_row(f, pc - prev_pc, file, cur_file, row_line - cur_line, node, cur_node);
		cur_file = file, cur_line = row_line, cur_node = node;
		prev_pc = pc, prev_file = file, prev_line = row_line, prev_node = node;
	}
	free(bv);
}

/* Every gocc compile unit's functions. */
static void read_units(ElfFile *e, Table *t)
{
	Buf info = elf_bytes(e, ".debug_info"), abbrev = elf_bytes(e, ".debug_abbrev"),
	    line = elf_bytes(e, ".debug_line");
	Sections sec = {elf_bytes(e, ".debug_str"), elf_bytes(e, ".debug_ranges")};
	if (!info.p || !abbrev.p || !line.p)
		return;
	while (info.p + 11 < info.end) {
		const uint8_t *unit = info.p;
		uint64_t len = rd(&info, 4);
		if (len >= 0xfffffff0)
			return;
		const uint8_t *next = info.p + len;
		int version = (int)rd(&info, 2);
		uint64_t aoff = rd(&info, 4);
		int addr_size = (int)rd(&info, 1);
		if (version != 4 || addr_size != 8 || next > info.end || abbrev.p + aoff >= abbrev.end) {
			info.p = next;
			continue;
		}
		int nab;
		Abbrev *ab = read_abbrevs((Buf){abbrev.p + aoff, abbrev.end}, &nab);
		Buf b = {info.p, next};
		Vec dies = {0};
		int depth = 0;
		int stack[256];
		stack[0] = -1;
		while (b.p < b.end) {
			uint64_t off = (uint64_t)(b.p - unit);
			uint64_t code = uleb(&b);
			if (code == 0) {
				if (--depth < 0)
					break;
				continue;
			}
			Abbrev *a = find_abbrev(ab, nab, code);
			if (!a)
				break;
			Die *d = xalloc(sizeof *d);
			d->off = off;
			d->tag = a->tag;
			d->depth = depth;
			d->parent = depth > 0 && depth < 256 ? stack[depth] : -1;
			d->ranges = -1;
			for (int i = 0; i < a->nattrs; i++) {
				uint64_t v;
				const char *s;
				read_form(&b, a->form[i], &sec, &v, &s);
				switch (a->attr[i]) {
				case DW_AT_name: d->name = s; break;
				case DW_AT_producer: if (s && strncmp(s, "gocc", 4) != 0) d->tag = -1; break;
				case DW_AT_comp_dir: if (d->tag == DW_TAG_compile_unit) d->name = s; break;
				case DW_AT_stmt_list: d->lo = v; d->has_lo = true; break;
				case DW_AT_low_pc:
					if (d->tag == DW_TAG_compile_unit)
						d->base = v;
					else
						d->lo = v, d->has_lo = true;
					break;
				case DW_AT_high_pc: d->hi = v; d->hi_is_addr = a->form[i] == DW_FORM_addr; break;
				case DW_AT_abstract_origin: case DW_AT_specification: d->origin = v; break;
				case DW_AT_ranges: d->ranges = (int64_t)v; break;
				case DW_AT_call_file: d->call_file = (int)v; break;
				case DW_AT_call_line: d->call_line = (int)v; break;
				}
			}
			vec_push(&dies, d);
			if (d->tag == DW_TAG_formal_parameter && d->parent >= 0)
				((Die *)dies.data[d->parent])->nparams++;
			if (a->children) {
				depth++;
				if (depth < 256)
					stack[depth] = dies.len - 1;
			}
			if (depth == 0)
				break;
		}
		info.p = next;
		if (dies.len == 0 || ((Die *)dies.data[0])->tag != DW_TAG_compile_unit)
			continue; /* not gocc's (producer), or unreadable */
		Die *all = xalloc(sizeof(Die) * (size_t)dies.len);
		for (int i = 0; i < dies.len; i++)
			all[i] = *(Die *)dies.data[i];
		Die *cu = &all[0];
		LineTable lt = {0};
		if (!cu->has_lo || line.p + cu->lo >= line.end ||
		    !read_line_program((Buf){line.p + cu->lo, line.end}, cu->name ? cu->name : "", &lt))
			continue;
		for (int i = 1; i < dies.len; i++) {
			if (all[i].tag != DW_TAG_subprogram)
				continue;
			uint64_t r[64][2];
			int nr = die_ranges(&all[i], &sec, cu->base, r, 64);
			for (int k = 0; k < nr; k++)
				if (r[k][1] > r[k][0] && r[k][0] != 0)
					add_function(t, all, dies.len, i, r[k][0], r[k][1], &lt, &sec, cu->base);
		}
		free(lt.rows);
	}
}

/* The runtime's C functions that stand for go1.19 frames: the symbol, the kind of frame, go1.19's
 * function name, file (under GOROOT/src) and line for every pc of it, and for a few the function gc
 * calls from there at callee_line (shown as an inlined call: two frames for one C frame). The lines
 * are those go1.19 reports for these frames (reference/names-and-symbols.md, and go1.19 programs
 * printing runtime.Callers after recovering from each run-time error). */
static const struct {
	const char *sym;
	int kind;
	const char *name, *file;
	int line;
	const char *callee, *callee_file;
	int callee_line;
} runtime_frames[] = {
	/* Where the main goroutine calls main.init and main.main: C main (one thread), or rt0.c's
	 * main_goroutine under the scheduler, whose goroutines all start in sched_gomain and whose
	 * split-stack prologue may call __morestack between a function and its caller. */
	{"main", PCFUNC_MAIN, "runtime.main", "runtime/proc.go", 250},
	{"main_goroutine", PCFUNC_MAIN, "runtime.main", "runtime/proc.go", 250},
	{"sched_gomain", PCFUNC_GOEXIT, "runtime.goexit", "runtime/asm_amd64.s", 1594},
	{"__morestack", PCFUNC_MORESTACK, "runtime.morestack", "runtime/asm_amd64.s", 574},
	/* symtab.c's pseudo functions, never called */
	{"traceback_doinit", PCFUNC_DOINIT, "runtime.doInit", "runtime/proc.go", 6329},
	{"traceback_main_init", PCFUNC_MAININIT, "runtime.main", "runtime/proc.go", 233},
	{"traceback_goexit", PCFUNC_GOEXIT, "runtime.goexit", "runtime/asm_amd64.s", 1594},
	/* panics: panic_raise is where runtime errors and signals join gopanic */
	{"runtime_gopanic", PCFUNC_GOPANIC, "runtime.gopanic", "runtime/panic.go", 884},
	{"panic_raise", PCFUNC_GOPANIC, "runtime.gopanic", "runtime/panic.go", 884},
	{"runtime_goPanicIndex", PCFUNC_RUNTIME, "runtime.goPanicIndex", "runtime/panic.go", 113},
	{"runtime_goPanicIndexU", PCFUNC_RUNTIME, "runtime.goPanicIndexU", "runtime/panic.go", 119},
	{"runtime_goPanicSliceAlen", PCFUNC_RUNTIME, "runtime.goPanicSliceAlen", "runtime/panic.go", 127},
	{"runtime_goPanicSliceAlenU", PCFUNC_RUNTIME, "runtime.goPanicSliceAlenU", "runtime/panic.go", 133},
	{"runtime_goPanicSliceAcap", PCFUNC_RUNTIME, "runtime.goPanicSliceAcap", "runtime/panic.go", 139},
	{"runtime_goPanicSliceAcapU", PCFUNC_RUNTIME, "runtime.goPanicSliceAcapU", "runtime/panic.go", 145},
	{"runtime_goPanicSliceB", PCFUNC_RUNTIME, "runtime.goPanicSliceB", "runtime/panic.go", 153},
	{"runtime_goPanicSliceBU", PCFUNC_RUNTIME, "runtime.goPanicSliceBU", "runtime/panic.go", 159},
	{"runtime_goPanicSlice3Alen", PCFUNC_RUNTIME, "runtime.goPanicSlice3Alen", "runtime/panic.go", 165},
	{"runtime_goPanicSlice3AlenU", PCFUNC_RUNTIME, "runtime.goPanicSlice3AlenU", "runtime/panic.go", 169},
	{"runtime_goPanicSlice3Acap", PCFUNC_RUNTIME, "runtime.goPanicSlice3Acap", "runtime/panic.go", 173},
	{"runtime_goPanicSlice3AcapU", PCFUNC_RUNTIME, "runtime.goPanicSlice3AcapU", "runtime/panic.go", 177},
	{"runtime_goPanicSlice3B", PCFUNC_RUNTIME, "runtime.goPanicSlice3B", "runtime/panic.go", 183},
	{"runtime_goPanicSlice3BU", PCFUNC_RUNTIME, "runtime.goPanicSlice3BU", "runtime/panic.go", 187},
	{"runtime_goPanicSlice3C", PCFUNC_RUNTIME, "runtime.goPanicSlice3C", "runtime/panic.go", 193},
	{"runtime_goPanicSlice3CU", PCFUNC_RUNTIME, "runtime.goPanicSlice3CU", "runtime/panic.go", 197},
	{"runtime_goPanicSliceConvert", PCFUNC_RUNTIME, "runtime.goPanicSliceConvert", "runtime/panic.go", 203},
	{"runtime_panicshift", PCFUNC_RUNTIME, "runtime.panicshift", "runtime/panic.go", 231},
	{"runtime_panicdivide", PCFUNC_RUNTIME, "runtime.panicdivide", "runtime/panic.go", 239},
	/* gc finds nil dereferences by the fault: sigpanic calls panicmem (gocc's explicit nil checks
	 * call runtime_panicmem, its faults go through signal_sigpanic) */
	{"signal_sigpanic", PCFUNC_RUNTIME, "runtime.sigpanic", "runtime/signal_unix.go", 835,
	 "runtime.panicmem", "runtime/panic.go", 260},
	{"runtime_panicmem", PCFUNC_RUNTIME, "runtime.sigpanic", "runtime/signal_unix.go", 835,
	 "runtime.panicmem", "runtime/panic.go", 260},
	{"runtime_panicdottypeE", PCFUNC_RUNTIME, "runtime.panicdottypeE", "runtime/iface.go", 262},
	{"runtime_panicdottypeI", PCFUNC_RUNTIME, "runtime.panicdottypeI", "runtime/iface.go", 272,
	 "runtime.panicdottypeE", "runtime/iface.go", 262},
	{"runtime_panicnildottype", PCFUNC_RUNTIME, "runtime.panicnildottype", "runtime/iface.go", 278},
	/* fatal errors: the runtime's throws (sema.c's sync_throw and sync_fatal are not listed: the C
	 * compiler folds the two identical functions into one address) */
	{"panic_throw", PCFUNC_THROW, "runtime.throw", "runtime/panic.go", 1047},
	{"panic_throw_sig", PCFUNC_THROW, "runtime.throw", "runtime/panic.go", 1047},
};

/* The table entries of runtime_frames[] the executable has: one row for the whole function (with
 * the callee as an inlined call, when there is one). */
static void add_runtime_frames(Table *t, ElfFile *e, const char *goroot)
{
	for (size_t i = 0; i < sizeof runtime_frames / sizeof runtime_frames[0]; i++) {
		uint64_t value, size;
		if (!elf_symbol(e, runtime_frames[i].sym, &value, &size) || size == 0)
			continue;
		Func *f = xalloc(sizeof *f);
		f->entry = value;
		f->size = size;
		f->name = str_off(t, runtime_frames[i].name);
		f->kind = (uint32_t)runtime_frames[i].kind;
		vec_push(&t->funcs, f);
		bool callee = runtime_frames[i].callee != NULL;
		if (callee)
			put_inline(f, str_off(t, runtime_frames[i].callee), -1,
			           str_off(t, xsprintf("%s/src/%s", goroot, runtime_frames[i].file)), runtime_frames[i].line);
		const char *file = callee ? runtime_frames[i].callee_file : runtime_frames[i].file;
		/* one row: at offset 0, the file, the line, the inlined call or none */
		put_row(f, 0, str_off(t, xsprintf("%s/src/%s", goroot, file)), 0,
		        callee ? runtime_frames[i].callee_line : runtime_frames[i].line, callee ? 0 : -1, -1);
	}
}

static int func_cmp(const void *a, const void *b)
{
	const Func *x = *(Func *const *)a, *y = *(Func *const *)b;
	return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static void align8(StrBuf *b)
{
	static const char zero[8];
	sb_put(b, zero, (8 - b->len % 8) % 8);
}

/* The table's bytes for executable e. */
static StrBuf build_table(ElfFile *e, uint64_t anchor)
{
	Table t = {0};
	str_off(&t, "");
	read_units(e, &t);
	const char *goroot = getenv("GOCC_GOROOT");
	if (!goroot || !*goroot)
		goroot = GOCC_GOROOT;
	add_runtime_frames(&t, e, goroot);
	qsort(t.funcs.data, (size_t)t.funcs.len, sizeof(void *), func_cmp);
	/* Overlaps (a function listed twice, e.g. by two units) keep the first. */
	int n = 0;
	for (int i = 0; i < t.funcs.len; i++) {
		Func *f = t.funcs.data[i];
		if (n > 0) {
			Func *p = t.funcs.data[n - 1];
			if (f->entry < p->entry + p->size)
				continue;
		}
		t.funcs.data[n++] = f;
	}

	StrBuf out = {0};
	PcHeader h = {PCTAB_MAGIC, (uint32_t)n, anchor, 0, 0, 0, 0};
	sb_put(&out, (char *)&h, sizeof h);
	align8(&out);
	StrBuf blobs = {0};
	h.funcs = (uint32_t)out.len;
	for (int i = 0; i < n; i++) {
		Func *f = t.funcs.data[i];
		PcFuncEntry pf = {(int32_t)(f->entry - anchor), (uint32_t)blobs.len};
		sb_put(&out, (char *)&pf, sizeof pf);
		put_uvarint(&blobs, f->size);
		put_uvarint(&blobs, f->name);
		char kf = (char)(f->kind | f->flags << 4);
		sb_put(&blobs, &kf, 1);
		put_uvarint(&blobs, (uint64_t)f->ninl);
		sb_put(&blobs, f->inl.data ? f->inl.data : "", f->inl.len);
		put_uvarint(&blobs, (uint64_t)f->nrows);
		sb_put(&blobs, f->rows.data ? f->rows.data : "", f->rows.len);
	}
	h.strings = (uint32_t)out.len;
	sb_put(&out, t.strings.data, t.strings.len);
	h.rows = (uint32_t)out.len;
	sb_put(&out, blobs.data ? blobs.data : "", blobs.len);
	align8(&out);
	memcpy(out.data, &h, sizeof h);
	return out;
}

/* ---- the object --------------------------------------------------------------------------- */

/* A relocatable ELF object with the one allocated, read-only, retained section gocc_pctab. */
static bool write_object(const char *path, const StrBuf *table)
{
	static const char shstr[] = "\0gocc_pctab\0.shstrtab\0.symtab\0.strtab\0.note.GNU-stack";
	enum { SH_NULL, SH_TAB, SH_SHSTR, SH_SYM, SH_STR, SH_STACK, NSH };
	Elf64_Sym syms[2] = {{0}};
	syms[1].st_info = ELF64_ST_INFO(STB_LOCAL, STT_SECTION);
	syms[1].st_shndx = SH_TAB;
	size_t off_tab = sizeof(Elf64_Ehdr);
	size_t off_shstr = off_tab + table->len;
	size_t off_sym = (off_shstr + sizeof shstr + 7) & ~(size_t)7;
	size_t off_str = off_sym + sizeof syms;
	size_t off_sh = (off_str + 1 + 7) & ~(size_t)7;
	Elf64_Ehdr h = {0};
	memcpy(h.e_ident, ELFMAG, SELFMAG);
	h.e_ident[EI_CLASS] = ELFCLASS64;
	h.e_ident[EI_DATA] = ELFDATA2LSB;
	h.e_ident[EI_VERSION] = EV_CURRENT;
	h.e_type = ET_REL;
	h.e_machine = EM_X86_64;
	h.e_version = EV_CURRENT;
	h.e_shoff = off_sh;
	h.e_ehsize = sizeof h;
	h.e_shentsize = sizeof(Elf64_Shdr);
	h.e_shnum = NSH;
	h.e_shstrndx = SH_SHSTR;
	Elf64_Shdr sh[NSH] = {{0}};
	sh[SH_TAB] = (Elf64_Shdr){1, SHT_PROGBITS, SHF_ALLOC | SHF_GNU_RETAIN, 0, off_tab, table->len, 0, 0, 8, 0};
	sh[SH_SHSTR] = (Elf64_Shdr){12, SHT_STRTAB, 0, 0, off_shstr, sizeof shstr, 0, 0, 1, 0};
	sh[SH_SYM] = (Elf64_Shdr){22, SHT_SYMTAB, 0, 0, off_sym, sizeof syms, SH_STR, 2, 8, sizeof(Elf64_Sym)};
	sh[SH_STR] = (Elf64_Shdr){30, SHT_STRTAB, 0, 0, off_str, 1, 0, 0, 1, 0};
	sh[SH_STACK] = (Elf64_Shdr){38, SHT_PROGBITS, 0, 0, off_str, 0, 0, 0, 1, 0}; /* no executable stack */
	StrBuf o = {0};
	sb_put(&o, (char *)&h, sizeof h);
	sb_put(&o, table->data, table->len);
	sb_put(&o, shstr, sizeof shstr);
	while ((size_t)o.len < off_sym)
		sb_put(&o, "", 1);
	sb_put(&o, (char *)syms, sizeof syms);
	sb_put(&o, "", 1);
	while ((size_t)o.len < off_sh)
		sb_put(&o, "", 1);
	sb_put(&o, (char *)sh, sizeof sh);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return false;
	bool ok = fd_write_all(fd, o.data, o.len);
	return close(fd) == 0 && ok;
}

/* Where the code of executable `path` lies: .text's address and size and C main's address. */
static bool code_layout(ElfFile *e, uint64_t out[3])
{
	const Elf64_Shdr *text = elf_section(e, ".text");
	uint64_t size;
	if (!text || !elf_symbol(e, "main", &out[2], &size))
		return false;
	out[0] = text->sh_addr;
	out[1] = text->sh_size;
	return true;
}

bool pctab_object(const char *exe, const char *object, uint64_t layout[3], size_t *table_size)
{
	ElfFile e;
	if (!elf_open(&e, exe) || !code_layout(&e, layout)) {
		elf_close(&e);
		fprintf(stderr, "gocc: %s: cannot read the executable to build its pc table\n", exe);
		return false;
	}
	StrBuf table = build_table(&e, layout[2]);
	elf_close(&e);
	*table_size = table.len;
	if (!write_object(object, &table)) {
		perror(object);
		return false;
	}
	return true;
}

bool pctab_check_layout(const char *exe, const uint64_t layout[3])
{
	ElfFile e;
	uint64_t now[3];
	bool ok = elf_open(&e, exe) && code_layout(&e, now) && memcmp(now, layout, sizeof now) == 0;
	elf_close(&e);
	if (!ok)
		fprintf(stderr, "gocc: internal error: adding the pc table moved the program's code\n");
	return ok;
}
