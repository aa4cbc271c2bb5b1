// syscall.ForkExec (clone through sys_amd64.S's rawVforkSyscall, the fork hooks of sys_linux.c,
// execve) and Wait4: the child's output and exit status, and an exec failure reported back to the
// parent through forkExec's pipe.
package main

import "syscall"

func main() {
	attr := &syscall.ProcAttr{Files: []uintptr{0, 1, 2}}
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", "echo child says hi; exit 7"}, attr)
	println(err == nil, pid > 0)
	var ws syscall.WaitStatus
	wpid, err := syscall.Wait4(pid, &ws, 0, nil)
	println(wpid == pid, err == nil, ws.Exited(), ws.ExitStatus())
	_, err = syscall.ForkExec("/nonexistent/program", []string{"x"}, attr)
	println(err.Error(), err == syscall.ENOENT)
}
