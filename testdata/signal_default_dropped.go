// Signals nobody asked for that go1.19 catches and drops (runtime/sigqueue.c sigqueue_initsig):
// SIGUSR1, SIGUSR2, SIGALRM, SIGWINCH, SIGCHLD, SIGURG and a real-time signal leave the program
// running; with SIGCHLD caught, not ignored, a child started by ForkExec is still waited for.
package main

import (
	"fmt"
	"syscall"
	"time"
)

func main() {
	for _, s := range []syscall.Signal{syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM, syscall.SIGWINCH, syscall.SIGCHLD, syscall.SIGURG, syscall.Signal(40)} {
		syscall.Kill(syscall.Getpid(), s)
	}
	time.Sleep(20 * time.Millisecond)
	fmt.Println("alive after SIGUSR1, SIGUSR2, SIGALRM, SIGWINCH, SIGCHLD, SIGURG, signal 40")
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", "exit 5"}, &syscall.ProcAttr{})
	var ws syscall.WaitStatus
	_, err2 := syscall.Wait4(pid, &ws, 0, nil)
	fmt.Println(err, err2, ws.ExitStatus())
}
