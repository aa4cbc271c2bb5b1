/*
 * version.c: the runtime's ABI stamp.
 *
 * runtime.def fixes the contract between the compiler and this runtime and names its version,
 * GOCC_RUNTIME_ABI, and a symbol derived from it, gocc_runtime_abi_N. This file defines that symbol;
 * the driver links every program with --require-defined=gocc_runtime_abi_N (compiler/driver/link.c).
 * An archive built from another version of runtime.def lacks the symbol, so the link fails and the
 * driver says which ABI it expected, instead of a program that links and then misreads its own type
 * descriptors.
 *
 * Invariant: bump GOCC_RUNTIME_ABI in runtime.def on every incompatible change; nothing here changes.
 * Rejected: a version string compared at run time (a mismatch would be found only when the program
 * runs, and only if it reaches the check); a versioned archive name (stale copies keep their name
 * when copied around).
 */
#include "runtime.h"

/* The byte itself is never read; the symbol's presence is the stamp. Default visibility and `used`
 * keep it through -fvisibility=hidden and --gc-sections. Its name must be GOCC_RUNTIME_ABI_SYMBOL. */
_Static_assert(GOCC_RUNTIME_ABI == 3, "runtime.def bumped the ABI: rename gocc_runtime_abi_3 to match");
__attribute__((used, visibility("default"))) const char gocc_runtime_abi_3 = GOCC_RUNTIME_ABI;
