module example.com/runroot

go 1.19
