// sync_waitgroup_negative.go: go1.19's panic for a WaitGroup counter below zero, first recovered
// (Add with a negative delta), then unrecovered from a goroutine's extra Done while main waits.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		wg.Add(-1)
	}()
	var wg2 sync.WaitGroup
	wg2.Add(1)
	done := make(chan bool)
	go func() {
		wg2.Done()
		<-done
	}()
	wg2.Wait()
	fmt.Println("waited")
	wg2.Done()
}
