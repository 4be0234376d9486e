package cmd

import (
	"io"
	"time"

	"github.com/spf13/cobra"
)

// CommandTree is b22's command tree as the help shows it, for writing the
// command reference and manual pages (cmd/b22docs). Running it does
// nothing useful: its streams are empty.
func CommandTree() *cobra.Command {
	s := Streams{In: eofReader{}, Out: io.Discard, Err: io.Discard}
	root := newRootCmd(&app{s: s, now: time.Now})
	root.Long = embeddedLong()
	return root
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
