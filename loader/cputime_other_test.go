//go:build !unix

package loader_test

import (
	"testing"
	"time"
)

// cpuTime returns 0 where the benchmarks do not measure CPU time.
func cpuTime(*testing.B) time.Duration { return 0 }
