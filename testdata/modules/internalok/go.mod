module example.com/internalok

go 1.19
