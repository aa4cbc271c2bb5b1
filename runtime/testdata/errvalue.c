/* errvalue.c: the twin of errvalue.go (panic values printed through Error() and String()). */
#include "gotest.h"

static GoString E_Error(void *ctx, void *data)
{
	return GOSTR("my error");
}

static GoString S_String(void *ctx, void *data)
{
	return GOSTR("i am a stringer");
}

static const GoMethod E_methods[] = {{"Error\0", &iface_type_func_string, (void *)E_Error, NULL}};
static const GoMethod S_methods[] = {{"String\0", &iface_type_func_string, (void *)S_String, NULL}};
static const GoType type_E = {.size = 8, .tflag = TFLAG_NAMED, .align = 8, .field_align = 8,
			      .kind = KIND_STRUCT, .string = GOSTR("main.E"), .pkgpath = "main",
			      .methods = (void *)E_methods, .nmethods = 1};
static const GoType type_S = {.size = 8, .tflag = TFLAG_NAMED, .align = 8, .field_align = 8,
			      .kind = KIND_INT, .string = GOSTR("main.S"), .pkgpath = "main",
			      .methods = (void *)S_methods, .nmethods = 1};

static void panic_S(void *ctx)
{
	runtime_gopanic((GoEface){&type_S, runtime_convT64(1)});
}

void go_main(void)
{
	DEFER_FRAME;
	char d[RT_DEFER_SIZE];
	Closure c = {panic_S, {0}};
	static const intgo seven = 7;
	if (runtime_deferframe(frame)) {
		runtime_deferreturn(frame);
		return;
	}
	runtime_deferprocStack(frame, d, &c);
	runtime_gopanic((GoEface){&type_E, (void *)&seven});
}
