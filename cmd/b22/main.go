// Command b22 tells whether a product needs China's licence for domestic
// multi-party communication services (B22), and under which sub-categories.
package main

import (
	"os"

	"b22/cmd"
)

func main() { os.Exit(cmd.Main(os.Args[1:], cmd.StdStreams())) }
