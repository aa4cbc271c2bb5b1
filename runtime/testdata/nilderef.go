package main

type T struct{ a, b int }

func deref(p *T) int { return p.b }

func try() {
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	deref(nil)
}

func main() {
	try()
	deref(nil)
}
