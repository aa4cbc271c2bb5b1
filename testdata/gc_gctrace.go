// gc_gctrace: GODEBUG=gctrace=1 makes every cycle print one line to stderr in go1.19's shape:
//
//	gc 3 @0.012s 4%: 0.011+1.2+0.004 ms clock, 0.022+0.10/0.35/0.21+0.009 ms cpu, 4->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)
//
// The figures vary from run to run, so the program checks the shape: it runs itself again with
// GODEBUG=gctrace=1 (the test harness clears GODEBUG), reads the child's stderr, and matches every
// line against the pattern; cycles are numbered from 1 without gaps and the last one, the child's
// runtime.GC() after GOGC was turned off, is marked (forced). The figures are real: the heap marked
// live is at most the heap at mark termination, and the P count is between 1 and GOMAXPROCS (gc
// may run a cycle's stopped phases with fewer).
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
)

var line = regexp.MustCompile(`^gc (\d+) @\d+\.\d{3}s \d+%: ` +
	`\d+(\.\d+)?\+\d+(\.\d+)?\+\d+(\.\d+)? ms clock, ` +
	`\d+(\.\d+)?\+\d+(\.\d+)?/\d+(\.\d+)?/\d+(\.\d+)?\+\d+(\.\d+)? ms cpu, ` +
	`(\d+)->(\d+)->(\d+) MB, \d+ MB goal, \d+ MB stacks, \d+ MB globals, (\d+) P( \(forced\))?$`)

var sink []byte

func child() {
	for i := 0; i < 64; i++ {
		sink = make([]byte, 1<<20)
	}
	// No cycle may start after the forced one: the process could exit in the middle of its line.
	// SetGCPercent(-1) also waits for a cycle in progress to finish.
	debug.SetGCPercent(-1)
	runtime.GC()
	fmt.Println("child done")
}

func main() {
	if os.Getenv("GC_GCTRACE_CHILD") == "1" {
		child()
		return
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "GC_GCTRACE_CHILD=1", "GODEBUG=gctrace=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		fmt.Println("child:", err)
	}
	fmt.Print(stdout.String())
	lines := bytes.Split(bytes.TrimSuffix(stderr.Bytes(), []byte("\n")), []byte("\n"))
	n := 0
	forced := false
	for _, l := range lines {
		m := line.FindSubmatch(l)
		if m == nil {
			fmt.Printf("bad line: %q\n", l)
			continue
		}
		n++
		if k, _ := strconv.Atoi(string(m[1])); k != n {
			fmt.Printf("cycle %d numbered %d\n", n, k)
		}
		h0, _ := strconv.Atoi(string(m[len(m)-5]))
		h1, _ := strconv.Atoi(string(m[len(m)-4]))
		h2, _ := strconv.Atoi(string(m[len(m)-3]))
		if h2 > h1 {
			fmt.Printf("cycle %d heap %d->%d->%d MB\n", n, h0, h1, h2)
		}
		if p, _ := strconv.Atoi(string(m[len(m)-2])); p < 1 || p > runtime.GOMAXPROCS(0) {
			fmt.Printf("cycle %d: %d P, GOMAXPROCS %d\n", n, p, runtime.GOMAXPROCS(0))
		}
		forced = bytes.HasSuffix(l, []byte(" (forced)"))
	}
	fmt.Println("trace lines in shape:", n > 0, "last forced:", forced)
}
