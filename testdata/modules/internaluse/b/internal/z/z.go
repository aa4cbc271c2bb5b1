package z

const X = 1
