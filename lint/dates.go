package lint

import (
	"time"

	"github.com/dyad-kg/dyad/graph"
)

// lastDay returns the last day d can stand for: 2012 is 2012-12-31,
// 2012-02 is 2012-02-29.
func lastDay(d graph.Date) graph.Date {
	switch d.Precision() {
	case graph.PrecisionYear:
		return graph.Date{Year: d.Year, Month: 12, Day: 31}
	case graph.PrecisionMonth:
		last := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return graph.Date{Year: d.Year, Month: d.Month, Day: last}
	}
	return d
}

// surelyBefore reports whether every day a can stand for is before every
// day b can stand for: 2012 is surely before 2013-05 but not before
// 2012-05. Unknown dates are never surely before anything.
func surelyBefore(a, b graph.Date) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	return lastDay(a).Compare(b) < 0
}
