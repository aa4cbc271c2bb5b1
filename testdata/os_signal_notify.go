// os/signal over runtime/sigqueue.c: Notify delivers SIGUSR1, SIGUSR2 and repeated SIGINTs sent with
// syscall.Kill, Stop and Ignore (an ignored SIGUSR2 does not kill), Ignored, Reset; a goroutine
// waiting in signal_recv is not a deadlock while main waits for a sleeper.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGUSR2)
	syscall.Kill(syscall.Getpid(), syscall.SIGUSR1)
	fmt.Println("got", <-c)
	syscall.Kill(syscall.Getpid(), syscall.SIGUSR2)
	fmt.Println("got", <-c)
	signal.Stop(c)
	fmt.Println("ignored before:", signal.Ignored(syscall.SIGUSR2))
	signal.Ignore(syscall.SIGUSR2)
	fmt.Println("ignored after:", signal.Ignored(syscall.SIGUSR2))
	syscall.Kill(syscall.Getpid(), syscall.SIGUSR2)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("still alive")
	d := make(chan os.Signal, 4)
	signal.Notify(d, syscall.SIGINT)
	for i := 0; i < 3; i++ {
		syscall.Kill(syscall.Getpid(), syscall.SIGINT)
		fmt.Println("got", <-d)
	}
	signal.Reset(syscall.SIGINT)
	done := make(chan bool)
	go func() {
		time.Sleep(20 * time.Millisecond)
		done <- true
	}()
	<-done
	fmt.Println("done")
}
