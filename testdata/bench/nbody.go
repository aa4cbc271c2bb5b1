// Benchmark: the n-body planetary simulation (after the Computer Language
// Benchmarks Game) on an array of structs of float64. Measures float64
// arithmetic, field access through pointers into an array, and a hand-written
// Newton square root (programs here import nothing, so no math.Sqrt).
package main

type Body struct {
	x, y, z, vx, vy, vz, mass float64
}

const (
	solarMass   = 4 * pi * pi
	daysPerYear = 365.24
	pi          = 3.141592653589793
)

type System struct {
	bodies [5]Body
}

// sqrt is Newton's method from a power-of-two first guess; it stops when an
// iteration no longer changes the value (or after 60 iterations).
func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	z := 1.0
	for s := x; s > 4; s /= 4 {
		z *= 2
	}
	for s := x; s < 0.25; s *= 4 {
		z /= 2
	}
	for i := 0; i < 60; i++ {
		nz := (z + x/z) / 2
		if nz == z {
			break
		}
		z = nz
	}
	return z
}

func newSystem() *System {
	s := &System{}
	s.bodies[0] = Body{0, 0, 0, 0, 0, 0, solarMass}
	s.bodies[1] = Body{ // Jupiter
		4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
		1.66007664274403694e-03 * daysPerYear, 7.69901118419740425e-03 * daysPerYear,
		-6.90460016972063023e-05 * daysPerYear, 9.54791938424326609e-04 * solarMass}
	s.bodies[2] = Body{ // Saturn
		8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
		-2.76742510726862411e-03 * daysPerYear, 4.99852801234917238e-03 * daysPerYear,
		2.30417297573763929e-05 * daysPerYear, 2.85885980666130812e-04 * solarMass}
	s.bodies[3] = Body{ // Uranus
		1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
		2.96460137564761618e-03 * daysPerYear, 2.37847173959480950e-03 * daysPerYear,
		-2.96589568540237556e-05 * daysPerYear, 4.36624404335156298e-05 * solarMass}
	s.bodies[4] = Body{ // Neptune
		1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
		2.68067772490389322e-03 * daysPerYear, 1.62824170038242295e-03 * daysPerYear,
		-9.51592254519715870e-05 * daysPerYear, 5.15138902046611451e-05 * solarMass}
	var px, py, pz float64
	for i := range s.bodies {
		b := &s.bodies[i]
		px += b.vx * b.mass
		py += b.vy * b.mass
		pz += b.vz * b.mass
	}
	sun := &s.bodies[0]
	sun.vx = -px / solarMass
	sun.vy = -py / solarMass
	sun.vz = -pz / solarMass
	return s
}

func (s *System) energy() float64 {
	e := 0.0
	for i := 0; i < len(s.bodies); i++ {
		b := &s.bodies[i]
		e += 0.5 * b.mass * (b.vx*b.vx + b.vy*b.vy + b.vz*b.vz)
		for j := i + 1; j < len(s.bodies); j++ {
			b2 := &s.bodies[j]
			dx, dy, dz := b.x-b2.x, b.y-b2.y, b.z-b2.z
			e -= b.mass * b2.mass / sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

func (s *System) advance(dt float64) {
	for i := 0; i < len(s.bodies); i++ {
		b := &s.bodies[i]
		for j := i + 1; j < len(s.bodies); j++ {
			b2 := &s.bodies[j]
			dx, dy, dz := b.x-b2.x, b.y-b2.y, b.z-b2.z
			d2 := dx*dx + dy*dy + dz*dz
			mag := dt / (d2 * sqrt(d2))
			b.vx -= dx * b2.mass * mag
			b.vy -= dy * b2.mass * mag
			b.vz -= dz * b2.mass * mag
			b2.vx += dx * b.mass * mag
			b2.vy += dy * b.mass * mag
			b2.vz += dz * b.mass * mag
		}
	}
	for i := range s.bodies {
		b := &s.bodies[i]
		b.x += dt * b.vx
		b.y += dt * b.vy
		b.z += dt * b.vz
	}
}

func main() {
	s := newSystem()
	println("nbody start", s.energy())
	for step := 0; step < 2000000; step++ {
		s.advance(0.01)
	}
	println("nbody checksum", s.energy())
}
