/*
 * driver.h: the driver's own modules, between main.c's pipeline and the operating system.
 *
 *   workdir.c  the private directory every intermediate file lives in, and the atomic install of the
 *              one file the user named;
 *   link.c     the link of the program's object with the runtime archive by the system C compiler.
 *
 * None of them sees LLVM: emission stays in lower/emit.c.
 */
#ifndef GOCC_DRIVER_H
#define GOCC_DRIVER_H

#include "backend.h"
#include "common.h"

/* ---- workdir.c ------------------------------------------------------------------------------- */

/* "DIR/name" inside the private work directory, made on first use (mkdtemp under $TMPDIR, default
 * /tmp) and removed, with every file named through here, when gocc exits: normally, by exit(), on
 * a fatal signal or an internal error. */
const char *workdir_path(const char *name);

/* Removes the work directory now (gocc run calls it before exiting with the program's status). */
void workdir_remove(void);

/* Puts the finished file `src` (in the work directory) at `dst` atomically, as go build does:
 * a rename when both are on one file system, else a copy to a temporary name beside `dst` and a
 * rename. A symlink at `dst` is replaced, never written through. False after printing why. */
bool workdir_install(const char *src, const char *dst);

/* ---- link.c ---------------------------------------------------------------------------------- */

/* Links `object` with the runtime archive into the executable `output` (both in the work
 * directory). A runtime archive of another ABI version is one clear line. False after printing. */
bool link_executable(const char *object, const char *output, const Options *opts);

#endif
