package graph_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/dyad-kg/dyad/data"
	"github.com/dyad-kg/dyad/graph"
)

// TestSchemaMatchesRegistry fails when the JSON Schema and the kind registry
// drift: every registered kind's list is in the schema with a definition of
// its own, and the schema has no list the registry lacks (besides claims).
func TestSchemaMatchesRegistry(t *testing.T) {
	var schema struct {
		Properties map[string]struct {
			Items struct {
				Ref string `json:"$ref"`
			} `json:"items"`
		} `json:"properties"`
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	if err := json.Unmarshal(data.Schema, &schema); err != nil {
		t.Fatal(err)
	}
	lists := map[string]bool{"claims": true}
	for _, k := range graph.Kinds() {
		lists[k.List] = true
		p, ok := schema.Properties[k.List]
		if !ok {
			t.Errorf("kind %s: the schema has no %q list", k.Label, k.List)
			continue
		}
		def := p.Items.Ref[len("#/$defs/"):]
		if _, ok := schema.Defs[def]; !ok {
			t.Errorf("kind %s: the schema's %q list refers to %q, which it does not define", k.Label, k.List, p.Items.Ref)
		}
	}
	for list := range schema.Properties {
		if !lists[list] {
			t.Errorf("the schema has a %q list that no registered kind reads", list)
		}
	}
}

func TestRegistry(t *testing.T) {
	all := graph.NodeKinds()
	if len(graph.Labels) != len(all) {
		t.Fatalf("Labels has %d labels, the registry %d kinds", len(graph.Labels), len(all))
	}
	colours := map[string]graph.Label{}
	for i, k := range all {
		if graph.Labels[i] != k.Label {
			t.Errorf("Labels[%d] = %s, want %s (rank order)", i, graph.Labels[i], k.Label)
		}
		if graph.KindOf(k.Label) != k {
			t.Errorf("kind %s: KindOf disagrees", k.Label)
		}
		if k.Caption == "" || k.Doc == "" || k.Color == "" {
			t.Errorf("kind %s: caption, doc and colour are required", k.Label)
		}
		if o, dup := colours[k.Color]; dup {
			t.Errorf("kinds %s and %s share the colour %s", o, k.Label, k.Color)
		}
		colours[k.Color] = k.Label
		if k.Derived() {
			if slices.Contains(graph.Kinds(), k) || graph.KindByList(k.List) != nil || k.Cause || len(k.Affected) > 0 {
				t.Errorf("derived kind %s: listed among the dataset's kinds, or a claim's subject or object", k.Label)
			}
			continue
		}
		if graph.KindByList(k.List) != k {
			t.Errorf("kind %s: lookups disagree", k.Label)
		}
		if e := graph.EntityOf(k.New()); e == nil || e.ID != "" {
			t.Errorf("kind %s: New() does not return an empty record", k.Label)
		}
	}
	if got := graph.Kinds(); len(got) != len(all)-1 || slices.Contains(got, graph.KindOf(graph.LabelClaim)) {
		t.Errorf("Kinds() = %d kinds; want every kind but the derived Claim", len(got))
	}
	// Causes and objects as the model documents them.
	if got := graph.AffectedLabels(graph.Drives); !slices.Equal(got, []graph.Label{graph.LabelStance, graph.LabelFactor}) {
		t.Errorf("AffectedLabels(drives) = %v", got)
	}
	if got := graph.AffectedLabels(graph.Weakens); !slices.Contains(got, graph.LabelRelation) {
		t.Errorf("AffectedLabels(weakens) = %v, want the relation among them", got)
	}
	if slices.Contains(graph.CauseLabels(), graph.LabelState) || slices.Contains(graph.CauseLabels(), graph.LabelRelation) {
		t.Errorf("CauseLabels() = %v: states and relations are not causes", graph.CauseLabels())
	}
}
