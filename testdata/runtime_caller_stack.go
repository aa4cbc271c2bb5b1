// runtime.Stack prints the calling goroutine's traceback as a panic does: the goroutine header,
// then per frame the function and its file:line, runtime frames hidden, runtime.gopanic shown as
// "panic" inside a deferred call during a panic, inlined calls expanded. Arguments and pc offsets
// vary (gocc prints arguments as "(...)"), so the program prints each frame as name and base:line.
package main

import "runtime"

// show prints the traceback in Stack's buffer, reduced to names and base:line.
func show(tag string) {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, false)
	println(tag)
	text := string(buf[:n])
	for len(text) > 0 {
		line := text
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				line = text[:i]
				text = text[i+1:]
				break
			}
			if i == len(text)-1 {
				text = ""
			}
		}
		if len(line) > 0 && line[0] == '\t' {
			println("  at", fileLine(line[1:]))
		} else {
			println(" ", name(line))
		}
	}
}

// name is a frame line without its arguments: the text before the last '('.
func name(line string) string {
	for i := len(line) - 1; i >= 0; i-- {
		if line[i] == '(' {
			return line[:i]
		}
	}
	return line
}

// fileLine is the file's base name and the line, without the " +0x..." offset.
func fileLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			s = s[:i]
			break
		}
	}
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return s[i+1:]
		}
	}
	return s
}

type T struct{}

func (T) value()    { show("T.value") }
func (*T) pointer() { show("(*T).pointer") }

func level2() { show("level2") }
func level1() { level2() }

func inPanic() {
	defer func() {
		recover()
		show("deferred during panic")
	}()
	panic("boom")
}

func init() {
	show("init")
}

func main() {
	show("main")
	level1()
	T{}.value()
	(&T{}).pointer()
	func() {
		func() {
			show("nested closure")
		}()
	}()
	inPanic()
	defer show("deferred at exit")
}
