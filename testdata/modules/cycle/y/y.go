package y

import "example.com/cycle/x"

var Y = x.X
