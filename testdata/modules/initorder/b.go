package main

import (
	"example.com/initorder/pa"
	"example.com/initorder/pb"
)

var B = pa.V + pb.VB

func init() { println("main.init b.go", B) }
