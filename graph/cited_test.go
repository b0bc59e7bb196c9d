package graph_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-kg/dyad/graph"
)

// TestEveryCitingKindSaysWhere checks that the record of every kind with
// citations (a []Citation field, at any depth of its struct) implements
// graph.Citing, and that CitedIn reaches each such field: a kind that
// cited sources without saying where would have them skipped by lint.
func TestEveryCitingKindSaysWhere(t *testing.T) {
	citationsType := reflect.TypeOf([]graph.Citation{})
	for _, k := range graph.Kinds() {
		r := k.New()
		fields := citationFields(reflect.TypeOf(r).Elem(), citationsType)
		c, ok := r.(graph.Citing)
		if len(fields) == 0 {
			continue
		}
		if !ok {
			t.Errorf("%s: %T has citations in %v but does not implement graph.Citing", k.Label, r, fields)
			continue
		}
		if got := len(c.CitedIn()); got < len(fields) && !hasNested(fields) {
			t.Errorf("%s: CitedIn names %d fields, the record has %d: %v", k.Label, got, len(fields), fields)
		}
	}
	var claim any = &graph.Claim{Evidence: []graph.Citation{{Source: "a"}}, ContestedBy: []graph.Citation{{Source: "b"}}}
	cited := claim.(graph.Citing).CitedIn()
	if len(cited) != 2 || cited[0].Path != "evidence" || cited[1].Path != "contested_by" || cited[1].Citations[0].Source != "b" {
		t.Errorf("Claim.CitedIn() = %+v", cited)
	}
}

// citationFields names the fields of t holding citations, nested ones as
// "Parties[].Sources".
func citationFields(t reflect.Type, citations reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case f.Type == citations:
			out = append(out, f.Name)
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct:
			for _, n := range citationFields(f.Type.Elem(), citations) {
				out = append(out, f.Name+"[]."+n)
			}
		case f.Type.Kind() == reflect.Struct && f.Anonymous:
			out = append(out, citationFields(f.Type, citations)...)
		}
	}
	return out
}

func hasNested(fields []string) bool {
	return slices.ContainsFunc(fields, func(f string) bool { return strings.Contains(f, "[]") })
}
