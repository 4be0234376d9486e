// Command b22gen writes realistic answers documents as JSON Lines, for load
// tests: go run ./internal/gen/b22gen -n 1000000 > big.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"b22/internal/gen"
)

func main() {
	n := flag.Int("n", 1000, "number of documents")
	seed := flag.Uint64("seed", 22, "random seed")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	for i := 0; i < *n; i++ {
		if err := enc.Encode(gen.Document(*seed, i)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
