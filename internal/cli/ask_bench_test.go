package cli

import (
	"bytes"
	"testing"
)

// BenchmarkAsk runs the README's question on the built-in dataset in
// process, as `dyad ask` does: decode the graph built into the binary
// (data.Elements), index it and build the parser, answer and write the
// text. The process start and package initialisation that `dyad ask` adds
// are measured with hyperfine (docs/performance.md, "dyad ask on the
// built-in dataset").
func BenchmarkAsk(b *testing.B) {
	b.Setenv("DYAD_NEO4J_URI", "")
	b.ReportAllocs()
	for b.Loop() {
		var out, errb bytes.Buffer
		if c := Main([]string{"ask", "What factors weakened Russia–Japan ties?"}, &IO{Out: &out, ErrOut: &errb}); c != 0 {
			b.Fatalf("exit %d: %s", c, errb.String())
		}
		if out.Len() == 0 {
			b.Fatal("no answer")
		}
	}
}
