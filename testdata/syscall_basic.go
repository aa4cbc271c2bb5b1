// package syscall over the runtime's raw system calls (sys_amd64.S) and hooks (sys_linux.c):
// Write and Read on real descriptors, an error as an Errno with its text, the environment as the
// process started (runtime_envs) and syscall's own copy of it, gettimeofday, and syscall.Exit's status.
package main

import "syscall"

func main() {
	n, err := syscall.Write(1, []byte("written by syscall.Write\n"))
	println(n, err == nil)
	_, err = syscall.Write(-1, []byte("x"))
	println(err.Error(), err == syscall.EBADF)

	var fds [2]int
	println(syscall.Pipe(fds[:]) == nil)
	syscall.Write(fds[1], []byte("through a pipe"))
	buf := make([]byte, 64)
	n, _ = syscall.Read(fds[0], buf)
	println(string(buf[:n]))
	println(syscall.Close(fds[0]) == nil, syscall.Close(fds[0]) == syscall.EBADF)

	println(len(syscall.Environ()) > 0)
	syscall.Setenv("GOCC_SYSCALL_TEST", "a=b")
	v, ok := syscall.Getenv("GOCC_SYSCALL_TEST")
	println(v, ok)
	found := false
	for _, kv := range syscall.Environ() {
		if kv == "GOCC_SYSCALL_TEST=a=b" {
			found = true
		}
	}
	println(found)
	syscall.Unsetenv("GOCC_SYSCALL_TEST")
	v, ok = syscall.Getenv("GOCC_SYSCALL_TEST")
	println(v == "", ok)

	pid := syscall.Getpid()
	println(pid > 0, pid == syscall.Getpid(), syscall.Getpagesize())
	var tv syscall.Timeval
	println(syscall.Gettimeofday(&tv) == nil, tv.Sec > 1577836800, tv.Usec >= 0 && tv.Usec < 1000000)
	syscall.Exit(3)
}
