// The scheduler's stress test (issue 7): N goroutines (default 10,000) exchange messages for a fixed
// time, then every total must agree and nothing may leak.
//
// Workers sit in a ring; worker i's inbox is unbuffered for even i and buffered (cap 4) for odd i.
// T = N/2 tokens circulate: a worker keeps the tokens it holds in a local queue and selects between
// passing the first one on, receiving another, and the stop signal, so the ring never deadlocks. Every
// pass counts in an atomic counter (sender side) and in mutex-guarded shards (receiver side), and
// adds one to the token's hop count. Every 16th hop the worker also asks one of N/100 servers a
// question over one shared unbuffered channel (a reply channel per worker) and checks the answer.
// Spawners start and join short-lived goroutines all along (sync.WaitGroup).
//
// At the stop (time.After), workers hand back their queues, the buffered inboxes are drained, and
// the checks are: every token came back once; sum of hops = atomic sends = mutex-guarded receives
// (less the initial and drained ones), and the receivers' sum of token ids matches the tokens' hops;
// requests = answers; spawned = joined; runtime.NumGoroutine() back to 1; HeapAlloc after
// runtime.GC bounded; RSS bounded. Only the verdict goes to stdout (the golden, from go1.19, the
// same for every size), a failed check prints FAIL and exits 1; -v (or STRESS_VERBOSE=1) prints the
// figures to stderr.
//
// Flags (or environment): -n goroutines (STRESS_GOROUTINES, default 10000), -d duration
// (STRESS_DURATION, default 2s), -procs GOMAXPROCS (STRESS_PROCS, default: the runtime's);
// STRESS_MAX_RSS_MB raises the RSS bound (default 1024; TSan's shadow memory needs more).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type token struct {
	id, hops int
}

type request struct {
	x     int
	reply chan int
}

type shard struct {
	mu            sync.Mutex
	received, sum int64
	_             [40]byte // one shard per cache line
}

const numShards = 64

var (
	sent, requests, answers, spawned, joined int64 // atomic
	shards                                   [numShards]shard
)

func envDefault(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// worker: the ring member i; returns the tokens it holds at the stop on back.
func worker(i int, in <-chan token, out chan<- token, reqs chan<- request, stop <-chan struct{},
	back chan<- []token, wg *sync.WaitGroup) {
	defer wg.Done()
	var queue []token
	reply := make(chan int)
	received, sum := int64(0), int64(0)
	flush := func() {
		s := &shards[i%numShards]
		s.mu.Lock()
		s.received += received
		s.sum += sum
		s.mu.Unlock()
		received, sum = 0, 0
	}
	for {
		var send chan<- token
		var head token
		if len(queue) > 0 {
			send, head = out, queue[0]
			head.hops++
		}
		select {
		case send <- head:
			queue = queue[1:]
			atomic.AddInt64(&sent, 1)
		case t := <-in:
			queue = append(queue, t)
			received++
			sum += int64(t.id)
			if received == 64 {
				flush()
			}
			if t.hops%16 == 0 {
				x := i*7 + t.hops
				reqs <- request{x, reply}
				atomic.AddInt64(&requests, 1)
				if y := <-reply; y != 2*x+1 {
					panic(fmt.Sprintf("worker %d: server answered %d to %d", i, y, x))
				}
			}
		case <-stop:
			flush()
			back <- queue
			return
		}
	}
}

// server answers requests until reqs is closed.
func server(reqs <-chan request, wg *sync.WaitGroup) {
	defer wg.Done()
	for r := range reqs {
		atomic.AddInt64(&answers, 1)
		r.reply <- 2*r.x + 1
	}
}

// spawner starts short-lived goroutines in batches of 8 and joins each batch, until stop.
func spawner(stop <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	results := make(chan int, 8)
	for {
		select {
		case <-stop:
			return
		default:
		}
		var batch sync.WaitGroup
		for k := 0; k < 8; k++ {
			batch.Add(1)
			atomic.AddInt64(&spawned, 1)
			go func(k int) {
				defer batch.Done()
				defer atomic.AddInt64(&joined, 1)
				results <- k * k
			}(k)
		}
		batch.Wait()
		total := 0
		for k := 0; k < 8; k++ {
			total += <-results
		}
		if total != 140 {
			panic(fmt.Sprintf("spawner: batch total %d, want 140", total))
		}
	}
}

// rssKB reads a field of /proc/self/status (VmRSS, VmHWM) in KiB, or -1.
func rssKB(field string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, field+":") {
			f := strings.Fields(line[len(field)+1:])
			if len(f) > 0 {
				n, err := strconv.ParseInt(f[0], 10, 64)
				if err == nil {
					return n
				}
			}
		}
	}
	return -1
}

func fail(format string, args ...interface{}) {
	fmt.Printf("FAIL: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	defN, err := strconv.Atoi(envDefault("STRESS_GOROUTINES", "10000"))
	if err != nil {
		fail("STRESS_GOROUTINES: %v", err)
	}
	defD, err := time.ParseDuration(envDefault("STRESS_DURATION", "2s"))
	if err != nil {
		fail("STRESS_DURATION: %v", err)
	}
	defP, err := strconv.Atoi(envDefault("STRESS_PROCS", "0"))
	if err != nil {
		fail("STRESS_PROCS: %v", err)
	}
	n := flag.Int("n", defN, "goroutines in the ring")
	d := flag.Duration("d", defD, "how long messages flow")
	procs := flag.Int("procs", defP, "GOMAXPROCS (0: the runtime's)")
	verbose := flag.Bool("v", os.Getenv("STRESS_VERBOSE") != "", "print figures to stderr")
	flag.Parse()
	if *procs > 0 {
		runtime.GOMAXPROCS(*procs)
	}
	if *n < 2 {
		fail("-n %d: need at least 2 goroutines", *n)
	}
	start := time.Now()

	N, T, S := *n, *n/2, *n/100+1
	inbox := make([]chan token, N)
	for i := range inbox {
		if i%2 == 0 {
			inbox[i] = make(chan token)
		} else {
			inbox[i] = make(chan token, 4)
		}
	}
	stop := make(chan struct{})
	reqs := make(chan request)
	back := make(chan []token, N)
	var workers, servers, spawners sync.WaitGroup
	for s := 0; s < S; s++ {
		servers.Add(1)
		go server(reqs, &servers)
	}
	for s := 0; s < 4; s++ {
		spawners.Add(1)
		go spawner(stop, &spawners)
	}
	workers.Add(N)
	for i := 0; i < N; i++ {
		go worker(i, inbox[i], inbox[(i+1)%N], reqs, stop, back, &workers)
	}
	// Tokens enter through the buffered inboxes, two per odd worker (T = N/2 of them at most).
	id := 0
	for i := 1; i < N && id < T; i += 2 {
		for k := 0; k < 2 && id < T; k++ {
			inbox[i] <- token{id: id}
			id++
		}
	}
	T = id
	peakGoroutines := runtime.NumGoroutine()
	setup := time.Since(start)

	<-time.After(*d)
	stopAt := time.Now()
	close(stop)
	workers.Wait()
	spawners.Wait()
	close(reqs)
	servers.Wait()
	elapsed, teardown := time.Since(start), time.Since(stopAt)

	// Every token once, wherever it was at the stop.
	seen := make([]bool, T)
	// A token was received hops+1 times (it entered through an inbox too), less one if it was still
	// in an inbox at the stop: wantIDSum is what the receivers' id sums must add up to.
	hops, drained, wantIDSum := int64(0), int64(0), int64(0)
	collect := func(t token, inInbox int64) {
		if t.id < 0 || t.id >= T || seen[t.id] {
			fail("token %d returned twice or out of range", t.id)
		}
		seen[t.id] = true
		hops += int64(t.hops)
		drained += inInbox
		wantIDSum += int64(t.id) * (int64(t.hops) + 1 - inInbox)
	}
	for i := 0; i < N; i++ {
		for _, t := range <-back {
			collect(t, 0)
		}
	}
	for i := 1; i < N; i += 2 {
		for len(inbox[i]) > 0 {
			collect(<-inbox[i], 1)
		}
	}
	for id, ok := range seen {
		if !ok {
			fail("token %d lost", id)
		}
	}
	received, idsum := int64(0), int64(0)
	for k := range shards {
		shards[k].mu.Lock()
		received += shards[k].received
		idsum += shards[k].sum
		shards[k].mu.Unlock()
	}
	// Every message (the T initial ones too) was received by a worker or drained here, once.
	if hops != sent || received+drained != sent+int64(T) {
		fail("hops %d, atomic sends %d, mutex-guarded receives %d + %d drained (want sends + %d)",
			hops, sent, received, drained, T)
	}
	if idsum != wantIDSum {
		fail("receivers' id sum %d, tokens' %d", idsum, wantIDSum)
	}
	if requests != answers {
		fail("requests %d, answers %d", requests, answers)
	}
	if spawned != joined {
		fail("spawned %d, joined %d", spawned, joined)
	}

	// No leak: every goroutine gone, the heap back to a small size, RSS bounded.
	inbox, back, seen = nil, nil, nil
	for i := 0; i < 100 && runtime.NumGoroutine() > 1; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g != 1 {
		fail("%d goroutines left, want 1", g)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	const heapBound = 32 << 20
	rssBound := int64(1 << 30)
	if v := os.Getenv("STRESS_MAX_RSS_MB"); v != "" { // TSan's shadow memory: tsan/stress_messages
		mb, err := strconv.Atoi(v)
		if err != nil {
			fail("STRESS_MAX_RSS_MB: %v", err)
		}
		rssBound = int64(mb) << 20
	}
	if ms.HeapAlloc > heapBound {
		fail("HeapAlloc %d after runtime.GC, want at most %d", ms.HeapAlloc, heapBound)
	}
	rss, hwm := rssKB("VmRSS"), rssKB("VmHWM")
	if rss*1024 > rssBound {
		fail("RSS %d KiB, want at most %d", rss, rssBound>>10)
	}
	if *verbose {
		fmt.Fprintf(os.Stderr, "goroutines %d (peak NumGoroutine %d), GOMAXPROCS %d, %v (setup %v, stop %v)\n",
			N, peakGoroutines, runtime.GOMAXPROCS(0), elapsed.Round(time.Millisecond),
			setup.Round(time.Millisecond), teardown.Round(time.Millisecond))
		fmt.Fprintf(os.Stderr, "tokens %d, messages %d (%.0f/s), requests %d, spawned %d\n",
			T, sent, float64(sent)/elapsed.Seconds(), requests, spawned)
		fmt.Fprintf(os.Stderr, "HeapAlloc %d KiB after GC, NumGC %d, RSS %d KiB, peak RSS %d KiB\n",
			ms.HeapAlloc>>10, ms.NumGC, rss, hwm)
	}
	fmt.Println("stress: totals agree, no leak") // the same for any -n, -d, -procs
}
