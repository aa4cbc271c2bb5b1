// A panic message containing newlines and tabs is printed raw (no escaping in
// go1.19).
package main

func main() {
	msg := "line1\nline2\tTAB"
	panic(msg)
}
