package x

import "example.com/cycle/y"

var X = y.Y
