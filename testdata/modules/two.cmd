build ./cmd/x
