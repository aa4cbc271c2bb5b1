// make([]T, len, constant cap) whose slice stays in the frame checks len against the constant
// cap as runtime.makeslice would: `makeslice: cap out of range`, `len out of range`
// (test/fixedbugs/issue37975.go).
package main

func try(n int) {
	defer func() {
		if r := recover(); r != nil {
			println(r.(error).Error())
		}
	}()
	s := make([]int, n, 4)
	s[0] = 1
	println("len", len(s), "cap", cap(s))
}

func main() {
	try(2)
	try(5)
	try(-1)
}
