module example.com/qualerrors

go 1.19
