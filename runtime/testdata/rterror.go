package main

func main() {
	defer func() {
		r := recover()
		println("recovered:", r.(error).Error())
		panic(r)
	}()
	s := []int{1, 2, 3}
	i := 5
	println(s[i])
}
