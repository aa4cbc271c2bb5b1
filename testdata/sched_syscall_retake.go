// sched_syscall_retake: goroutines whose blocking system calls return while sysmon is handing
// their P to another thread must not make checkdead throw `checkdead: runnable g` (gocc's flake
// in gc_setfinalizer_checks at GOMAXPROCS=1: sysmon, which is no M, held the retaken P while every
// M was idle; go1.19's retake counts sysmon as running meanwhile). The program runs itself with
// GOMAXPROCS=1 and GODEBUG=goccretakedelay=2000, gocc's knob that makes sysmon sleep 2 ms in that
// window (go1.19 ignores it), and prints the child's output and first line of stderr.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"syscall"
)

func child() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 100; i++ { // calls of 4-10 ms: sysmon retakes the P during many
				ts := syscall.NsecToTimespec(int64(4000000 + ((i+g)%25)*250000))
				syscall.Nanosleep(&ts, nil)
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("400 system calls returned")
}

func main() {
	if os.Getenv("SCHED_SYSCALL_RETAKE_CHILD") != "" {
		child()
		return
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "SCHED_SYSCALL_RETAKE_CHILD=1", "GOMAXPROCS=1",
		"GODEBUG=goccretakedelay=2000")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	first, _, _ := bytes.Cut(stderr.Bytes(), []byte("\n"))
	fmt.Printf("%s%s (%v)\n", bytes.TrimSpace(stdout.Bytes()), first, err)
}
