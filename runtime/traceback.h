/*
 * traceback.h: printing a goroutine's frames (traceback.c), for panics and fatal errors.
 *
 * Invariant: called with the print lock held, on the fatal path, by the goroutine whose frames
 * are printed (the walk starts at the caller's own frame).
 */
#ifndef GOCC_RUNTIME_TRACEBACK_H
#define GOCC_RUNTIME_TRACEBACK_H

/* Prints the calling goroutine's frames in go1.19's traceback form, filtered for GOTRACEBACK level
 * `level` (1: single/all, 2 and above: system/crash, every frame). */
void traceback_print(int level);

/* Prints the frames of another goroutine, parked or runnable (a deadlock dump: the world is stopped,
 * the walk starts at the frame its switch saved, sched_g_frame), then its `created by` lines. */
struct G;
void traceback_goroutine(struct G *gp, int level);

#endif
