// Package ok is inside the tree of b, so it may use b/internal/z.
package ok

import "example.com/internalok/b/internal/z"

const V = z.X + 1
