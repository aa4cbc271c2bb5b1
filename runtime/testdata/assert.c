/* assert.c: the twin of assert.go (every `interface conversion:` text, recovered and printed, then one
 * unrecovered). Concrete assertions compare descriptors inline and call panicdottype*, assertions to
 * interfaces call assertE2I / assertI2I, as runtime.def tells the compiler. */
#include "gotest.h"

static void M(void *ctx, void *data) {}

static const GoIMethod I_imethods[] = {{GOSTR("M"), GOSTR(""), &iface_type_func}};
static const GoIMethod J_imethods[] = {{GOSTR("M"), GOSTR(""), &iface_type_func},
				       {GOSTR("N"), GOSTR(""), &iface_type_func}};
static const GoMethod M_methods[] = {{"M\0", &iface_type_func, (void *)M, NULL}};

#define IFACE_TYPE(name, im, n)                                                                     \
	{.size = 16, .ptrdata = 16, .tflag = TFLAG_NAMED, .align = 8, .field_align = 8,           \
	 .kind = KIND_INTERFACE, .string = GOSTR(name), .pkgpath = "main", .extra = (void *)(im), \
	 .nextra = (n)}
#define STRUCT_TYPE(name, m, n)                                                                     \
	{.tflag = TFLAG_NAMED, .align = 1, .field_align = 1, .kind = KIND_STRUCT, .string = GOSTR(name), \
	 .pkgpath = "main", .methods = (void *)(m), .nmethods = (n)}

static const GoType type_eface = {.size = 16, .ptrdata = 16, .align = 8, .field_align = 8,
				  .kind = KIND_INTERFACE, .string = GOSTR("interface {}")};
static const GoType type_I = IFACE_TYPE("main.I", I_imethods, 1);
static const GoType type_J = IFACE_TYPE("main.J", J_imethods, 2);
static const GoType type_T = STRUCT_TYPE("main.T", M_methods, 1);
static const GoType type_U = STRUCT_TYPE("main.U", M_methods, 1);
static const GoType type_local_T = STRUCT_TYPE("main.T", NULL, 0);
static const GoType type_ptr_T = {.size = 8, .ptrdata = 8, .align = 8, .field_align = 8,
				  .kind = KIND_POINTER | KIND_DIRECT_IFACE, .string = GOSTR("*main.T"),
				  .elem = &type_T, .methods = (void *)M_methods, .nmethods = 1};
static const GoType type_slice_int = {.size = 24, .ptrdata = 8, .align = 8, .field_align = 8,
				      .kind = KIND_SLICE, .string = GOSTR("[]int"), .elem = &iface_type_int};

static const GoString str = GOSTR("str");
static const GoEface e = {&iface_type_string, (void *)&str};
static const GoEface n;
static const intgo zero;

/* The steps of main, one per try(func() {...}). */
static void step(intgo k)
{
	GoItab *i = runtime_getitab(&type_I, &type_T, false);
	switch (k) {
	case 0: if (e.type != &iface_type_int) runtime_panicdottypeE(e.type, &iface_type_int, &type_eface); break;
	case 1: if (n.type != &iface_type_int) runtime_panicdottypeE(n.type, &iface_type_int, &type_eface); break;
	case 2: if (i->type != &type_U) runtime_panicdottypeI(i, &type_U, &type_I); break;
	case 3: runtime_panicdottypeI(NULL, &type_T, &type_I); break;
	case 4: runtime_assertE2I(&type_J, &type_T); break;
	case 5: runtime_assertE2I(&type_I, n.type); break;
	case 6: runtime_assertI2I(&type_J, i); break;
	case 7: runtime_panicdottypeE(&type_ptr_T, &type_T, &type_eface); break;
	case 8: runtime_assertE2I(&type_I, &iface_type_int); break;
	case 9: {
		GoSlice s = {(void *)&zero, 1, 1};
		void *data = runtime_convTslice(&s);
		runtime_efaceeq(&type_slice_int, data, data);
		break;
	}
	case 10: runtime_panicdottypeE(&type_T, &type_local_T, &type_eface); break;
	}
}

static void report(void *ctx)
{
	GoString s = error_text(RECOVER());
	runtime_printlock();
	runtime_printstring(s);
	runtime_printnl();
	runtime_printunlock();
}

void go_main(void)
{
	for (intgo k = 0; k <= 10; k++)
		run_deferring(report, step, k);
	step(0);
}
