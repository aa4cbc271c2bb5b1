// Embedded fields: promoted fields and methods, shadowing by a shallower
// field, embedding by pointer, explicit access through the type name.
package main

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string { return a.Name }
func (a *Animal) Grow()           { a.Legs++ }

type Dog struct {
	Animal
	Breed string
	Name  string // shadows Animal.Name
}

type Base struct{ ID int }

func (b *Base) SetID(id int) { b.ID = id }
func (b Base) GetID() int    { return b.ID }

type Wrapper struct {
	*Base
	Extra int
}

type Deep struct {
	Dog
	Level int
}

func main() {
	d := Dog{Animal{"animal", 4}, "collie", "rex"}
	println(d.Name, d.Animal.Name, d.Legs, d.Breed)
	println(d.Describe())
	d.Grow()
	println(d.Legs, d.Animal.Legs)

	w := Wrapper{&Base{1}, 2}
	w.SetID(42)
	println(w.ID, w.GetID(), w.Base.ID)
	w2 := w
	w2.SetID(7) // shares *Base
	println(w.ID)

	deep := Deep{Dog: d, Level: 3}
	deep.Legs = 8
	println(deep.Legs, deep.Dog.Animal.Legs, d.Legs, deep.Describe(), deep.Name)
	deep.Grow()
	println(deep.Legs)
}
