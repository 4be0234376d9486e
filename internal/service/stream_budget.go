package service

import "sync"

// streamBudgetBytes bounds the bytes a --jsonl stream holds at once: lines
// read but not yet written, the results and error messages waiting for their
// turn. A count of lines alone is no bound: a line can be 1 MiB, so 16
// lines a core would be a gigabyte on a 64-core machine. 8 MiB keeps three
// such lines going at once, and hundreds of ordinary ones; with the stream's
// memory limit the process stays near 40 MiB whatever the number of cores.
// A variable so that tests can change it.
var streamBudgetBytes int64 = 8 << 20

// resultReserve is what a line is charged, before it is classified, for the
// result it will give: a result is some 15 KB, an error object less unless
// it quotes the line.
const resultReserve = 16 << 10

// lineCost is the budget a line of n bytes takes when it is read: the line
// itself, what parsing it makes (strings copied out of it) and the result it
// will give. The worker trues it up to the result once that is made.
func lineCost(n int) int64 { return 2*int64(n) + resultReserve }

// resultCost is what a result holds until it is written.
func resultCost(r lineResult) int64 {
	n := int64(r.problemsSize)
	if r.pooled == nil {
		n += int64(cap(r.out)) // an error object's own buffer
	} else {
		n += int64(len(r.out)) // a pooled buffer is the pool's either way
	}
	return n
}

// byteBudget is a counting semaphore of bytes. The reader takes a line's
// cost before handing it on; the worker trues the charge up to the size of
// the result; the writer gives the result's charge back once it has written
// it. So what the stream holds stays under the limit whatever the number of
// cores, with two exceptions that keep it from waiting forever: a line is
// let in when nothing else is held, however big, and the line the writer
// waits for next may grow past the limit (the lines after it cannot be
// written, and so cannot give bytes back, before it is).
type byteBudget struct {
	mu      sync.Mutex
	changed sync.Cond
	limit   int64
	used    int64
	peak    int64 // the most ever held, for tests
	next    int   // the line the writer waits for
	closed  bool
	// waiting, when set by a test, is told each time a caller is about to
	// wait for room, under the lock that the wait releases.
	waiting func()
}

func newByteBudget(limit int64) *byteBudget {
	b := &byteBudget{limit: limit, next: 1}
	b.changed.L = &b.mu
	return b
}

// acquire takes n bytes for a line being read, waiting until they fit. It
// returns false if the budget was closed: the stream is stopping.
func (b *byteBudget) acquire(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for !b.closed && b.used > 0 && b.used+n > b.limit {
		b.wait()
	}
	if b.closed {
		return false
	}
	b.take(n)
	return true
}

// resize changes the charge of line seq from held to want bytes, once its
// result is made. Giving back never waits; growing waits until the bytes
// fit, unless seq is the line the writer waits for, or the budget is closed.
// It returns the new charge.
func (b *byteBudget) resize(seq int, held, want int64) int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	if want <= held {
		b.used -= held - want
		b.changed.Broadcast()
		return want
	}
	for !b.closed && seq != b.next && b.used+want-held > b.limit {
		b.wait()
	}
	b.take(want - held)
	return want
}

// written gives back the n bytes of a line the writer has written, and
// moves on to the line after it.
func (b *byteBudget) written(seq int, n int64) {
	b.mu.Lock()
	b.used -= n
	b.next = seq + 1
	b.mu.Unlock()
	b.changed.Broadcast()
}

// close lets everyone waiting go: the stream is stopping.
func (b *byteBudget) close() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.changed.Broadcast()
}

// wait waits, with b.mu held, until the budget changes.
func (b *byteBudget) wait() {
	if b.waiting != nil {
		b.waiting()
	}
	b.changed.Wait()
}

func (b *byteBudget) take(n int64) {
	b.used += n
	if b.used > b.peak {
		b.peak = b.used
	}
}

// stats is what the budget holds now and held at most.
func (b *byteBudget) stats() (used, peak int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used, b.peak
}

// streamBudgetCreated, when set by a test, is given each stream's budget.
var streamBudgetCreated func(*byteBudget)
