// Line directives move the positions runtime.Caller, FuncForPC and tracebacks report, as in gc:
// //line at the start of a line applies from the next line, the block form right after itself;
// an index panic is reported at its '['.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
)

func where() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", file, line)
}

func fileLine(f func() string) string {
	pc, _, _, _ := runtime.Caller(0)
	file, line := runtime.FuncForPC(pc).FileLine(pc)
	return fmt.Sprintf("%s:%d %s", filepath.Base(file), line, filepath.Base(f()))
}

var xs []int
var i = 3

func main() {
//line generated.go:100
	fmt.Println(where())
	fmt.Println(where())
//line :7
	fmt.Println(where())
//line /abs/dir/other.go:50:10
	fmt.Println(where())
	/*line block.go:1:1*/ fmt.Println(where()); /*line :9:1*/ fmt.Println(where())
	fmt.Println(fileLine(where))
	defer func() {
		fmt.Println(recover())
		_, file, line, _ := runtime.Caller(2)
		fmt.Println(file, line)
		_ = xs /*line index.go:77:1*/ [i]
	}()
	_ = xs /*line index.go:42:1*/ [ /*line index.go:43:1*/ i]
}
