// The runtime's hooks for package os and syscall reached by //go:linkname from a main package, as
// os and syscall reach them: os.runtime_args (os.Args: a []string, three result words) and
// syscall.runtime_envs (the environment as the process started), fresh copies on every call.
package main

import _ "unsafe"

//go:linkname runtime_args os.runtime_args
func runtime_args() []string

//go:linkname runtime_envs syscall.runtime_envs
func runtime_envs() []string

func main() {
	args := runtime_args()
	println(len(args), cap(args), len(args[0]) > 0)
	args[0] = "changed"
	println(runtime_args()[0] != "changed")
	envs := runtime_envs()
	withEq := 0
	for _, kv := range envs {
		for i := 0; i < len(kv); i++ {
			if kv[i] == '=' {
				withEq++
				break
			}
		}
	}
	println(len(envs) > 0, withEq == len(envs))
}
