/*
 * deadmethod.c: which methods a program keeps, decided at link time (gc's deadcode for methods).
 *
 * In: the program's objects and an executable linked from them. Out: a linker script that defines
 * the method-table symbols "go.method|NAME|LINK|FN" and "go.mtyp|NAME|LINK|SIG" (lower_methods.c)
 * the program needs, each as FN or SIG, and the number of them.
 *
 * The one idea: a method table does not refer to its methods' code but to weak undefined symbols,
 * so a type descriptor alone keeps no code alive and --gc-sections drops every method nothing calls
 * directly. A method is needed, as in gc's linker, when its type's descriptor "type:LINK" survives
 * the link (the type reaches an interface or reflection) and some surviving function calls a
 * method of that name through an interface: such a function carries a relocation to the 1-byte
 * symbol "go.iname.NAME" (lower_iface.c), so that symbol survives exactly then. The runtime's own
 * C code calls Error and String through itabs (panic values, print), so those names are always
 * callable; and if reflection can call methods by index (reflect.Value.Method or MethodByName
 * survive, or some code calls a method named Method or MethodByName through an interface, as
 * reflect.Type's are called), every method of a surviving type is. A method table's signature
 * descriptor is a slot too ("go.mtyp|NAME|LINK|type:SIG"), defined when the method's code is or
 * when a surviving interface type has a method of that name (its name string is the symbol
 * "go.imname.NAME", lower_typedesc.c), so that itabs and reflect can still match it: as gc's
 * linker, a type keeps the signatures only of the methods an interface could ask for, and the
 * descriptors of the rest's parameter types go. Constant itabs (lower_itab)
 * refer to their methods directly, so they need nothing here. Defining the needed symbols keeps
 * more code, which may reach more types and names: link.c links again until the set stops
 * growing (it only grows, so this ends; two or three links in practice). A slot left undefined
 * is 0: itabs are built by matching names and types, never by looking at the code pointer (the
 * runtime puts a throwing stub in the itab for it, as fun[0] == NULL means "does not implement",
 * runtime/iface.c), and by construction no call reaches such a slot.
 *
 * Package records (lower_symtab.c), which the link must retain, list their types the same way:
 * "go.typelink|LINK" is defined as "type:LINK" only when the descriptor survives for another
 * reason, so reflection's typelinks (runtime/reflect.c) see the types the program has, as gc's
 * do, and the records keep no type alive. Their lists of variables likewise: "go.globallink|NAME"
 * is defined as NAME only when the variable survives, so a table no code uses goes with its
 * initial value (lower_staticinit.c).
 *
 * Rejected alternatives. (1) Whole-program reachability in the compiler: packages come compiled
 * from the cache and no compilation sees the program. (2) Aliases in a generated object: an ELF
 * assembler cannot equate a symbol to one defined elsewhere; a linker script assignment can, and
 * keeps the target's section (the assignment refers to it).
 */
#include "driver.h"

#include <stdlib.h>
#include <string.h>

/* Calls fn(name, defined, arg) for every named symbol of the ELF file at path; false if it
 * cannot be read. */
static bool each_symbol(const char *path, void (*fn)(const char *, bool, void *), void *arg)
{
	ElfFile e;
	bool ok = elf_open(&e, path);
	for (int i = 0; ok && i < e.shnum; i++) {
		const Elf64_Shdr *sym = &e.sh[i];
		if (sym->sh_type != SHT_SYMTAB || sym->sh_link >= (Elf64_Word)e.shnum)
			continue;
		const Elf64_Shdr *str = &e.sh[sym->sh_link];
		if (sym->sh_offset + sym->sh_size > e.size || str->sh_offset + str->sh_size > e.size) {
			ok = false;
			break;
		}
		const Elf64_Sym *syms = (const Elf64_Sym *)(e.data + sym->sh_offset);
		const char *names = (const char *)e.data + str->sh_offset;
		for (size_t k = 1; k < sym->sh_size / sizeof *syms; k++)
			if (syms[k].st_name && syms[k].st_name < str->sh_size)
				fn(names + syms[k].st_name, syms[k].st_shndx != SHN_UNDEF, arg);
	}
	elf_close(&e);
	return ok;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool has(Vec *sorted, const char *name)
{
	return bsearch(&name, sorted->data, (size_t)sorted->len, sizeof(void *), str_cmp) != NULL;
}

static void add_slot(const char *name, bool defined, void *arg)
{
	if (!defined && (strncmp(name, "go.method|", 10) == 0 || strncmp(name, "go.mtyp|", 8) == 0 ||
	                 strncmp(name, "go.typelink|", 12) == 0 || strncmp(name, "go.globallink|", 14) == 0))
		vec_push(arg, (void *)intern(name, strlen(name)));
}

static void add_defined(const char *name, bool defined, void *arg)
{
	if (defined)
		vec_push(arg, xstrdup(name));
}

/* The method-table symbols the objects refer to, each once (interned, sorted). */
static Vec slots_of(Vec *objects)
{
	Vec all = {0};
	for (int i = 0; i < objects->len; i++)
		each_symbol(objects->data[i], add_slot, &all);
	vec_sort(&all, str_cmp);
	Vec slots = {0};
	for (int i = 0; i < all.len; i++)
		if (i == 0 || all.data[i] != all.data[i - 1])
			vec_push(&slots, all.data[i]);
	return slots;
}

int deadmethod_script(Vec *objects, const char *exe, const char *script)
{
	static Vec *slots_for, slots;
	if (slots_for != objects) {
		slots = slots_of(objects);
		slots_for = objects;
	}
	Vec live = {0};
	if (!each_symbol(exe, add_defined, &live)) {
		fprintf(stderr, "gocc: reading the symbols of %s failed\n", exe);
		return -1;
	}
	vec_sort(&live, str_cmp);
	static const char *const by_index[] = {
		"reflect.Value.Method", "reflect.Value.MethodByName", "go.iname.Method", "go.iname.MethodByName",
	};
	bool every = false;
	for (size_t i = 0; i < sizeof by_index / sizeof by_index[0]; i++)
		every |= has(&live, by_index[i]);
	StrBuf b = {0};
	int n = 0;
	for (int i = 0; i < slots.len; i++) {
		const char *slot = slots.data[i];
		if (strncmp(slot, "go.typelink|", 12) == 0) {
			const char *type = xsprintf("type:%s", slot + 12);
			if (has(&live, type)) {
				sb_printf(&b, "\"%s\" = \"%s\";\n", slot, type);
				n++;
			}
			continue;
		}
		if (strncmp(slot, "go.globallink|", 14) == 0) {
			if (has(&live, slot + 14)) {
				sb_printf(&b, "\"%s\" = \"%s\";\n", slot, slot + 14);
				n++;
			}
			continue;
		}
		bool sig = strncmp(slot, "go.mtyp|", 8) == 0;
		const char *name = strchr(slot, '|') + 1, *bar = strchr(name, '|'), *fn = strrchr(slot, '|') + 1;
		const char *type = xsprintf("type:%.*s", (int)(fn - 1 - (bar + 1)), bar + 1);
		char *method = xstrndup(name, (size_t)(bar - name));
		bool called = every || !strcmp(method, "Error") || !strcmp(method, "String") ||
		              has(&live, xsprintf("go.iname.%s", method));
		/* a signature also when an interface could match the method */
		if (sig && !called)
			called = has(&live, xsprintf("go.imname.%s", method));
		if (called && has(&live, type)) {
			sb_printf(&b, "\"%s\" = \"%s\";\n", slot, fn);
			n++;
		}
	}
	FILE *fp = fopen(script, "w");
	if (!fp || (b.len && fwrite(b.data, 1, b.len, fp) != b.len) || fclose(fp) != 0) {
		fprintf(stderr, "gocc: writing %s failed\n", script);
		return -1;
	}
	return n;
}
