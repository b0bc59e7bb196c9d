package graph_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

// citedBy lists what each record of d cites: every citation with the id
// of its SUPPORTS or CONTESTS edge and the properties that edge must have,
// computed from the records, not from Elements.
func citedBy(d *graph.Dataset) map[string]graph.Edge {
	want := map[string]graph.Edge{}
	// Keyed by type and id: a source may support and contest from one passage.
	add := func(t graph.RelType, target, edge string, cs []graph.Citation, note bool) {
		for _, c := range cs {
			p := map[string]any{"locator": c.Locator, "mode": string(c.Mode)}
			if c.Role != "" {
				p["role"] = string(c.Role)
			}
			if note && c.Note != "" {
				p["citation_note"] = c.Note
			}
			if edge != "" {
				p["edge"] = edge
			}
			id := graph.CitationID(t, c.Source, target, edge, c.Locator)
			p["id"] = id
			if _, dup := want[string(t)+id]; !dup {
				want[string(t)+id] = graph.Edge{Type: t, ID: id, From: c.Source, To: target, Props: p}
			}
		}
	}
	for _, c := range d.Claims {
		add(graph.RelSupports, c.ID, "", c.Evidence, true)
		add(graph.RelContests, c.ID, "", c.ContestedBy, true)
	}
	for _, r := range d.Records(graph.LabelState) {
		add(graph.RelSupports, r.(*graph.State).ID, "", r.(*graph.State).Sources, false)
	}
	for _, r := range d.Records(graph.LabelRegion) {
		add(graph.RelSupports, r.(*graph.Region).ID, "", r.(*graph.Region).Sources, false)
	}
	for _, r := range d.Records(graph.LabelEvent) {
		add(graph.RelSupports, r.(*graph.Event).ID, "", r.(*graph.Event).Sources, false)
	}
	for _, r := range d.Records(graph.LabelStance) {
		add(graph.RelSupports, r.(*graph.Stance).ID, "", r.(*graph.Stance).Sources, false)
	}
	for _, r := range d.Records(graph.LabelFactor) {
		add(graph.RelSupports, r.(*graph.Factor).ID, "", r.(*graph.Factor).Sources, false)
	}
	for _, r := range d.Records(graph.LabelRelation) {
		add(graph.RelSupports, r.(*graph.Relation).ID, "", r.(*graph.Relation).Sources, false)
	}
	for _, r := range d.Records(graph.LabelOrganization) {
		add(graph.RelSupports, r.(*graph.Organization).ID, "", r.(*graph.Organization).Sources, false)
	}
	for _, r := range d.Records(graph.LabelDispute) {
		x := r.(*graph.Dispute)
		add(graph.RelSupports, x.ID, "", x.Sources, false)
		for _, p := range x.Parties {
			add(graph.RelSupports, x.ID, graph.EdgeID(graph.RelPartyTo, p.State, x.ID), p.Sources, false)
		}
	}
	return want
}

// TestProvenanceEdges checks the shipped data's property graph: every claim
// is a Claim node with one SUBJECT and one OBJECT edge and its derived
// effect edge, and every citation of any record is one SUPPORTS or CONTESTS
// edge from its source, carrying the locator, mode and role, and nothing
// else is.
func TestProvenanceEdges(t *testing.T) {
	d, err := loader.ReadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	el := d.Elements()
	nodes := map[string]graph.Node{}
	for _, n := range el.Nodes {
		nodes[n.ID] = n
	}
	edges := map[string]graph.Edge{}
	for _, e := range el.Edges {
		edges[string(e.Type)+"\x00"+e.ID] = e
	}
	for _, c := range d.Claims {
		n, ok := nodes[c.ID]
		if !ok || n.Label != graph.LabelClaim || n.Props["effect"] != string(c.Effect) || n.Props["summary"] != c.Summary {
			t.Errorf("claim %s: node %v, want a Claim node with its effect and summary", c.ID, n)
		}
		for _, w := range []graph.Edge{
			{Type: graph.RelSubject, ID: graph.ClaimEdgeID(graph.RelSubject, c.ID), From: c.ID, To: c.Subject},
			{Type: graph.RelObject, ID: graph.ClaimEdgeID(graph.RelObject, c.ID), From: c.ID, To: c.Object},
			{Type: c.Effect.RelType(), ID: c.ID, From: c.Subject, To: c.Object},
		} {
			if e := edges[string(w.Type)+"\x00"+w.ID]; e.From != w.From || e.To != w.To {
				t.Errorf("claim %s: %s edge %s from %q to %q, want from %q to %q", c.ID, w.Type, w.ID, e.From, e.To, w.From, w.To)
			}
		}
	}
	want := citedBy(d)
	got := 0
	for _, e := range el.Edges {
		if e.Type != graph.RelSupports && e.Type != graph.RelContests {
			continue
		}
		got++
		w, ok := want[string(e.Type)+e.ID]
		if !ok {
			t.Errorf("%s edge %s cites nothing the dataset cites", e.Type, e.ID)
			continue
		}
		if fmt.Sprint(e) != fmt.Sprint(w) {
			t.Errorf("%s edge:\n got  %v\n want %v", e.Type, e, w)
		}
	}
	if got != len(want) || got == 0 {
		t.Errorf("%d SUPPORTS and CONTESTS edges, want %d (one per distinct citation)", got, len(want))
	}
	var loose []string
	for _, r := range d.Records(graph.LabelSource) {
		id := graph.EntityOf(r).ID
		if !slices.ContainsFunc(el.Edges, func(e graph.Edge) bool { return e.From == id }) {
			loose = append(loose, id)
		}
	}
	if len(loose) > 0 {
		t.Errorf("sources nothing cites, so no edge reaches: %v", loose)
	}
}

// TestCitationID checks that citation edge ids keep a plain locator, turn
// any other into an XML name token, and tell apart locators whose slugs
// are the same.
func TestCitationID(t *testing.T) {
	nmtoken := regexp.MustCompile(`^[A-Za-z0-9._:-]+$`)
	long := strings.Repeat("page 12, ", 40)
	tests := []struct {
		source, target, edge, locator, want string
	}{
		{"s", "c", "", "p.12", "supports:s:c:p.12"},
		{"s", "c", "", "para 4", "supports:s:c:para-4_"},
		{"s", "c", "", "para-4", "supports:s:c:para-4"},
		{"s", "c", "PARTY_TO:JPN:d", "Lavrov's remarks", "supports:s:PARTY_TO:JPN:d:Lavrov-s-remarks_"},
		{"s", "c", "", "§ 3 «жирный»", "supports:s:c:3_"},
		{"s", "c", "", long, "supports:s:c:page-12-"},
	}
	seen := map[string]string{}
	for _, tt := range tests {
		got := graph.CitationID(graph.RelSupports, tt.source, tt.target, tt.edge, tt.locator)
		if !strings.HasPrefix(got, tt.want) || !nmtoken.MatchString(got) || len(got) > 150 {
			t.Errorf("CitationID(%q, %q, %q, %q) = %q, want a name token of at most 150 bytes starting %q", tt.source, tt.target, tt.edge, tt.locator, got, tt.want)
		}
		if o, dup := seen[got]; dup {
			t.Errorf("locators %q and %q give one id %q", o, tt.locator, got)
		}
		seen[got] = tt.locator
	}
	if a, b := graph.CitationID(graph.RelSupports, "s", "c", "", "para 4"), graph.CitationID(graph.RelSupports, "s", "c", "", "para, 4"); a == b {
		t.Errorf("para 4 and para, 4 share the id %s", a)
	}
	if a, b := graph.CitationID(graph.RelSupports, "s", "c", "", "p.4"), graph.CitationID(graph.RelContests, "s", "c", "", "p.4"); a == b {
		t.Errorf("supporting and contesting from one passage share the id %s", a)
	}
}
