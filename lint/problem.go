package lint

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/dyad-kg/dyad/graph"
)

// Problem is one finding: where, which rule, how much it matters and what
// to do about it.
type Problem struct {
	Pos      graph.Pos `json:"-"`
	Rule     string    `json:"rule"`
	Severity Severity  `json:"severity"`
	Message  string    `json:"message"`
}

// String formats p as "file:line:col: severity: rule: message", the form
// compilers use, so that editors find the position and the severity.
func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s: %s", p.Pos, p.Severity, p.Rule, p.Message)
}

// MarshalJSON writes p with its position as file, line and col.
func (p Problem) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		File     string   `json:"file"`
		Line     int      `json:"line"`
		Col      int      `json:"col"`
		Rule     string   `json:"rule"`
		Severity Severity `json:"severity"`
		Message  string   `json:"message"`
	}{p.Pos.File, p.Pos.Line, p.Pos.Col, p.Rule, p.Severity, p.Message})
}

// sortProblems orders problems by file, line, column, rule and message.
func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns how many of ps have severity s.
func Count(ps []Problem, s Severity) int {
	n := 0
	for _, p := range ps {
		if p.Severity == s {
			n++
		}
	}
	return n
}
