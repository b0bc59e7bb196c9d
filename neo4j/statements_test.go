package neo4j_test

import (
	"regexp"
	"slices"
	"testing"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// TestPathsStartsAtEveryCause checks the one place where Cypher lists node
// kinds by hand (paths.cypher: a UNION per label, so each branch uses its
// label's id constraint) against the kind registry: every kind that may
// cause, and nothing else.
func TestPathsStartsAtEveryCause(t *testing.T) {
	re := regexp.MustCompile(`MATCH \(n:([A-Za-z]+) \{id: \$node\}\)`)
	var got []graph.Label
	for _, m := range re.FindAllStringSubmatch(neo4j.Statement("paths"), -1) {
		got = append(got, graph.Label(m[1]))
	}
	want := graph.CauseLabels()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("paths.cypher starts at %v; the kinds that may cause (graph.CauseLabels) are %v", got, want)
	}
}

// TestPeriodRuleInStatements checks that every catalog statement that
// filters by period does so with graph's one rule: an element counts unless
// it ends before $from or starts after $to (open ends and undated elements
// always count).
func TestPeriodRuleInStatements(t *testing.T) {
	claimRule := regexp.MustCompile(`\(\$to IS NULL OR (\w)\.from_year IS NULL OR (\w)\.from_year <= \$to\)\s+AND \(\$from IS NULL OR (\w)\.to_year IS NULL OR (\w)\.to_year >= \$from\)`)
	eventRule := regexp.MustCompile(`\(\$from IS NULL OR e\.year >= \$from\) AND \(\$to IS NULL OR e\.year <= \$to\)`)
	for _, name := range []string{"influence", "compare", "paths", "regions", "stances", "timeline"} {
		s := neo4j.Statement(name)
		if !claimRule.MatchString(s) && !eventRule.MatchString(s) {
			t.Errorf("%s.cypher does not filter periods with the one rule", name)
		}
	}
}
