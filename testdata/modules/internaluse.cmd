build .
