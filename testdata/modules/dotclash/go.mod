module example.com/dotclash

go 1.19
