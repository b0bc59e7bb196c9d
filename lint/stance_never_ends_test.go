package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
)

// TestStanceNeverEndsWeakens checks the other way a later stance
// contradicts an earlier one: a claim says it weakens it. The broken
// fixture covers opposite effects on one object.
func TestStanceNeverEndsWeakens(t *testing.T) {
	stance := func(id string, from graph.Date, to graph.Date, toward ...string) *graph.Stance {
		return &graph.Stance{Entity: graph.Entity{ID: id}, Holder: "RUS", Toward: toward, Period: graph.Period{From: from, To: to}}
	}
	tests := []struct {
		name  string
		later *graph.Stance
		want  int
	}{
		{"later, open, same target", stance("later", graph.Date{Year: 2000}, graph.Date{}, "JPN"), 1},
		{"later but ended", stance("later", graph.Date{Year: 2000}, graph.Date{Year: 2005}, "JPN"), 0},
		{"later, other target", stance("later", graph.Date{Year: 2000}, graph.Date{}, "CHN"), 0},
		{"same start", stance("later", graph.Date{Year: 1992}, graph.Date{}, "JPN"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := &graph.Dataset{
				Stances: []*graph.Stance{stance("early", graph.Date{Year: 1992}, graph.Date{}, "JPN"), tt.later},
				Claims:  []*graph.Claim{{ID: "c", Subject: "later", Effect: graph.Weakens, Object: "early"}},
			}
			ps := Run(ds, Config{Rules: map[string]Severity{
				"unmentioned-entity": Off, "relation-without-claims": Off,
			}})
			require.Len(t, ps, tt.want)
			if tt.want > 0 {
				assert.Equal(t, "stance-never-ends", ps[0].Rule)
				assert.Contains(t, ps[0].Message, "a claim says later weakens it")
			}
		})
	}
}
