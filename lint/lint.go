package lint

import (
	"fmt"

	"github.com/dyad-kg/dyad/graph"
)

// Run applies every rule that cfg leaves on to ds, which should be valid
// (graph.Validate), and returns the problems by position.
func Run(ds *graph.Dataset, cfg Config) []Problem {
	var out []Problem
	for _, r := range rules {
		sev := cfg.Severity(r)
		if sev == Off {
			continue
		}
		p := &pass{ds: ds, cfg: cfg, rule: r, severity: sev}
		r.check(p)
		out = append(out, p.problems...)
	}
	sortProblems(out)
	return out
}

// pass is one rule's run over a dataset.
type pass struct {
	ds       *graph.Dataset
	cfg      Config
	rule     *Rule
	severity Severity
	problems []Problem
}

// report records a problem at pos.
func (p *pass) report(pos graph.Pos, format string, args ...any) {
	p.problems = append(p.problems, Problem{
		Pos: pos, Rule: p.rule.Name, Severity: p.severity, Message: fmt.Sprintf(format, args...),
	})
}
