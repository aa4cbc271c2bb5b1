/* badprint.c: the twin of badprint.go (the panic value's Error method panics). */
#include "gotest.h"

static GoString E_Error(void *ctx, void *data)
{
	PANIC_STR("inner");
}

static const GoMethod E_methods[] = {{"Error\0", &iface_type_func_string, (void *)E_Error, NULL}};
static const GoType type_E = {.size = 8, .tflag = TFLAG_NAMED | TFLAG_REGULAR_MEMORY, .align = 8,
			      .field_align = 8, .kind = KIND_INT, .string = GOSTR("main.E"),
			      .pkgpath = "main", .methods = (void *)E_methods, .nmethods = 1};

void go_main(void)
{
	runtime_gopanic((GoEface){&type_E, runtime_convT64(1)});
}
