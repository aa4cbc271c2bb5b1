package main

import (
	"runtime"
	"strings"
)

// A goroutine's traceback ends with go1.19's `created by` lines: the function whose go statement
// started it and the statement's position (printed here without the directory and pc offset).

func createdBy() string {
	buf := make([]byte, 4096)
	s := string(buf[:runtime.Stack(buf, false)])
	i := strings.Index(s, "created by ")
	if i < 0 {
		return "no created by line"
	}
	s = s[i:]
	name := s[:strings.Index(s, "\n")]
	pos := s[strings.LastIndex(s, "/")+1:]
	if j := strings.Index(pos, " "); j >= 0 {
		pos = pos[:j]
	}
	return name + " at " + strings.TrimSpace(pos)
}

func start(done chan string) {
	go func() { done <- createdBy() }()
}

func main() {
	done := make(chan string)
	go func() { done <- createdBy() }()
	println(<-done)
	start(done)
	println(<-done)
	buf := make([]byte, 4096)
	println("main has one:", strings.Contains(string(buf[:runtime.Stack(buf, false)]), "created by"))
}
