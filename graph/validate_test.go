package graph_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dyad-kg/dyad/graph"
)

// small builds a valid dataset in code: two states, their relation, a
// factor, a source and a claim.
func small() *graph.Dataset {
	cite := []graph.Citation{{Source: "src", Locator: "p. 1", Mode: graph.Argued}}
	return &graph.Dataset{
		States: []*graph.State{
			{Entity: graph.Entity{ID: "RUS", Name: "Russia"}},
			{Entity: graph.Entity{ID: "JPN", Name: "Japan"}},
		},
		Relations: []*graph.Relation{{Entity: graph.Entity{ID: "RUS-JPN", Name: "Russia–Japan"}, States: [2]string{"RUS", "JPN"}}},
		Factors:   []*graph.Factor{{Entity: graph.Entity{ID: "nat", Name: "Nationalism"}, Within: "RUS"}},
		Sources:   []*graph.Source{{Entity: graph.Entity{ID: "src", Name: "A source"}, Kind: graph.SourceArticle}},
		Claims: []*graph.Claim{{ID: "c1", Subject: "nat", Effect: graph.Weakens, Object: "RUS-JPN",
			Summary: "It did.", Evidence: cite}},
	}
}

func TestValidateInCode(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *graph.Dataset)
		want   []string // every message, in order; none for a valid dataset
	}{
		{"valid", func(*graph.Dataset) {}, nil},
		{"impossible date", func(d *graph.Dataset) {
			d.Events = append(d.Events, &graph.Event{Entity: graph.Entity{ID: "e1", Name: "E"}, Date: graph.Date{Year: 2001, Month: 13, Day: 40},
				Kind: graph.EventSummit, States: []string{"RUS"}, Sources: d.Claims[0].Evidence})
		}, []string{"event e1: date: impossible date 2001-13-40: month 13 out of range"}},
		{"impossible period end", func(d *graph.Dataset) {
			d.Claims[0].Period = graph.Period{To: graph.Date{Year: 2001, Month: 2, Day: 30}}
		}, []string{"claim c1: to: impossible date 2001-02-30: February has 28 days"}},
		{"unknown effect names the claim", func(d *graph.Dataset) { d.Claims[0].Effect = "helps" },
			[]string{"claim c1: effect: invalid value \"helps\": want one of weakens, strengthens, drives"}},
		{"wrong kind of subject", func(d *graph.Dataset) { d.Claims[0].Subject = "RUS" },
			[]string{"claim c1: subject: RUS is a State, want a Region, a Dispute, an Event, a Stance, a Factor or an Organization"}},
		{"unknown reference with suggestion", func(d *graph.Dataset) { d.Factors[0].Within = "RUZ" },
			[]string{"factor nat: within: unknown id \"RUZ\" (did you mean \"RUS\"?)"}},
		{"duplicate id across kinds", func(d *graph.Dataset) { d.Factors[0].ID = "src"; d.Claims[0].Subject = "src" },
			[]string{"claim c1: source: src is a Factor, want a Source",
				"source src: id: duplicate id \"src\" (first defined at factor src)"}},
		{"organization with an unknown member", func(d *graph.Dataset) {
			d.Add(&graph.Organization{Entity: graph.Entity{ID: "EU", Name: "European Union"}, Members: []string{"FRA"}})
		}, []string{"organization EU: members: unknown id \"FRA\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := small()
			tt.change(d)
			errs := d.Validate()
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Validate() =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if len(errs) > 0 && !errors.Is(errs, graph.ErrInvalid) {
				t.Errorf("the error list is not ErrInvalid")
			}
			if len(errs) > 0 && graph.ErrorCode(errs) != graph.EINVALID {
				t.Errorf("ErrorCode = %q, want %q", graph.ErrorCode(errs), graph.EINVALID)
			}
		})
	}
}

// TestOrganizationInGraph checks that a kind registered without a typed
// slice is stored, indexed, counted and turned into nodes and edges.
func TestOrganizationInGraph(t *testing.T) {
	d := small()
	d.Add(&graph.Organization{Entity: graph.Entity{ID: "G2", Name: "Group of two"}, Members: []string{"RUS", "JPN"}})
	if errs := d.Validate(); len(errs) > 0 {
		t.Fatal(errs)
	}
	if l, ok := d.Kind("G2"); !ok || l != graph.LabelOrganization {
		t.Errorf("Kind(G2) = %q, %v", l, ok)
	}
	if n := d.Counts()[graph.LabelOrganization]; n != 1 {
		t.Errorf("Counts()[Organization] = %d, want 1", n)
	}
	el := d.Elements()
	if got := el.CountLabels()[graph.LabelOrganization]; got != 1 {
		t.Errorf("organization nodes = %d, want 1", got)
	}
	var members []string
	for _, e := range el.Edges {
		if e.Type == graph.RelPartOf && e.To == "G2" {
			members = append(members, e.From)
		}
	}
	if strings.Join(members, ",") != "JPN,RUS" {
		t.Errorf("members = %v, want JPN,RUS (sorted by edge id)", members)
	}
}

func TestErrorCode(t *testing.T) {
	notFound := graph.Sentinel(graph.ENOTFOUND, "not found")
	tests := []struct {
		err  error
		want graph.Code
	}{
		{nil, ""},
		{errors.New("boom"), graph.EINTERNAL},
		{notFound, graph.ENOTFOUND},
		{graph.Errorf(graph.EUNAVAILABLE, "neo4j: %w", notFound), graph.EUNAVAILABLE},
		{errors.Join(errors.New("x"), notFound), graph.ENOTFOUND},
		{graph.ErrorList{{Msg: "bad"}}, graph.EINVALID},
	}
	for _, tt := range tests {
		if got := graph.ErrorCode(tt.err); got != tt.want {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if err := graph.Errorf(graph.EUNAVAILABLE, "neo4j: %w", notFound); !errors.Is(err, notFound) {
		t.Errorf("Errorf lost its cause")
	}
}
