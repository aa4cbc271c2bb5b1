package z

const X = 41
