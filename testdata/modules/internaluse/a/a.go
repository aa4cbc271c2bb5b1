package a

import "example.com/internaluse/b/internal/z"

func F() { println(z.X) }
