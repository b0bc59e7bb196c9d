package dynamics_test

import (
	"testing"

	"github.com/dyad-kg/dyad/dynamics"
	"github.com/dyad-kg/dyad/internal/gen"
)

// BenchmarkPanel builds the directed panel of a generated dataset of about
// 100,000 elements (go test ./dynamics -run X -bench Panel).
func BenchmarkPanel(b *testing.B) {
	ds := gen.Dataset(gen.ForElements(100_000, 1))
	b.ResetTimer()
	for b.Loop() {
		rows := dynamics.Panel(ds, dynamics.PanelOptions{Directed: true})
		if len(rows) == 0 {
			b.Fatal("no rows")
		}
	}
}
