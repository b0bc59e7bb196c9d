package lint_test

import (
	"fmt"
	"testing"

	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/lint"
	"github.com/dyad-kg/dyad/loader"
)

// BenchmarkRun lints the shipped dataset and synthetic ones of 20,000 and
// 200,000 elements (docs/performance.md).
func BenchmarkRun(b *testing.B) {
	shipped, err := loader.ReadEmbedded()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("shipped", func(b *testing.B) {
		for b.Loop() {
			lint.Run(shipped, lint.Config{})
		}
	})
	for _, n := range []int{20_000, 200_000} {
		ds := gen.Dataset(gen.ForElements(n, 1))
		b.Run(fmt.Sprintf("elements=%d", n), func(b *testing.B) {
			for b.Loop() {
				lint.Run(ds, lint.Config{})
			}
		})
	}
}
