// select {} blocks forever: with nothing else to run, go1.19's deadlock report.
package main

func main() {
	println("before")
	select {}
}
