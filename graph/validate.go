package graph

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-kg/dyad/internal/suggest"
)

// Validate checks d for problems a schema cannot see and returns all of them,
// sorted by position: duplicate ids, references to ids that do not exist or
// are of the wrong kind, a relation of a state with itself, impossible
// periods, claims without evidence, events involving states that did not
// exist yet (or any more). It returns nil when d is valid.
func (d *Dataset) Validate() ErrorList {
	d.reindex()
	v := &validator{d: d}
	v.ids()
	for _, s := range d.States {
		v.entity(&s.Entity)
		for i, p := range s.Predecessors {
			f := fmt.Sprintf("predecessors/%d", i)
			if p == s.ID {
				v.add(s.Loc.At(f), "predecessors: state %s cannot succeed itself", s.ID)
				continue
			}
			v.ref(s.Loc, f, p, LabelState)
		}
		v.period(s.Loc, "existed", s.Existed)
		v.citations(s.Loc, "sources", s.Sources, false)
	}
	for _, r := range d.Regions {
		v.entity(&r.Entity)
		v.enum(r.Loc, "scope", string(r.Scope), []string{string(Subnational), string(Supranational)})
		for i, p := range r.PartOf {
			f := fmt.Sprintf("part_of/%d", i)
			if p == r.ID {
				v.add(r.Loc.At(f), "part_of: region %s cannot be part of itself", r.ID)
				continue
			}
			v.ref(r.Loc, f, p, LabelState, LabelRegion)
		}
		for i, m := range r.Members {
			v.ref(r.Loc, fmt.Sprintf("members/%d", i), m, LabelState)
		}
		v.citations(r.Loc, "sources", r.Sources, false)
	}
	for _, x := range d.Disputes {
		v.entity(&x.Entity)
		if x.Territory != "" {
			v.ref(x.Loc, "territory", x.Territory, LabelRegion)
		}
		if len(x.Parties) < 2 {
			v.add(x.Loc.At("parties"), "parties: a dispute needs at least two parties, got %d", len(x.Parties))
		}
		seen := map[string]bool{}
		for i, p := range x.Parties {
			f := fmt.Sprintf("parties/%d", i)
			if seen[p.State] {
				v.add(x.Loc.At(f+"/state"), "parties: %s is listed twice", p.State)
			}
			seen[p.State] = true
			v.ref(x.Loc, f+"/state", p.State, LabelState)
			if strings.TrimSpace(p.Position) == "" {
				v.add(x.Loc.At(f), "parties: %s has no position", p.State)
			}
			v.citations(x.Loc, f+"/sources", p.Sources, false)
		}
		v.citations(x.Loc, "sources", x.Sources, false)
	}
	for _, e := range d.Events {
		v.entity(&e.Entity)
		if e.Date.IsZero() {
			v.add(e.Loc.At("date"), "date: an event needs a date")
		}
		v.enum(e.Loc, "kind", string(e.Kind), strs(EventKinds))
		if len(e.States) == 0 {
			v.add(e.Loc.At("states"), "states: an event needs at least one state")
		}
		for i, s := range e.States {
			f := fmt.Sprintf("states/%d", i)
			if v.ref(e.Loc, f, s, LabelState) && !e.Date.IsZero() {
				st := d.State(s)
				if !st.Existed.ContainsYear(e.Date.Year) {
					v.add(e.Loc.At(f), "states: %s did not exist in %d (existed %s)", s, e.Date.Year, st.Existed)
				}
			}
		}
		for i, r := range e.Regions {
			v.ref(e.Loc, fmt.Sprintf("regions/%d", i), r, LabelRegion)
		}
		for i, r := range e.Disputes {
			v.ref(e.Loc, fmt.Sprintf("disputes/%d", i), r, LabelDispute)
		}
		v.citations(e.Loc, "sources", e.Sources, true)
	}
	for _, s := range d.Stances {
		v.entity(&s.Entity)
		v.ref(s.Loc, "holder", s.Holder, LabelState)
		for i, t := range s.Toward {
			v.ref(s.Loc, fmt.Sprintf("toward/%d", i), t, LabelState)
		}
		v.period(s.Loc, "period", s.Period)
		v.citations(s.Loc, "sources", s.Sources, true)
	}
	for _, f := range d.Factors {
		v.entity(&f.Entity)
		if f.Within != "" {
			v.ref(f.Loc, "within", f.Within, LabelState)
		}
		for i, r := range f.Regions {
			v.ref(f.Loc, fmt.Sprintf("regions/%d", i), r, LabelRegion)
		}
		v.citations(f.Loc, "sources", f.Sources, false)
	}
	pairs := map[[2]string]*Relation{}
	for _, r := range d.Relations {
		v.entity(&r.Entity)
		a, b := r.States[0], r.States[1]
		okA := v.ref(r.Loc, "states/0", a, LabelState)
		okB := v.ref(r.Loc, "states/1", b, LabelState)
		if a == b && a != "" {
			v.add(r.Loc.At("states"), "states: a relation needs two different states, got %s twice", a)
		} else if okA && okB {
			key := [2]string{min(a, b), max(a, b)}
			if first, dup := pairs[key]; dup {
				v.add(r.Loc.At("states"), "states: %s and %s already have relation %s (defined at %s)", a, b, first.ID, first.Loc.Pos)
			}
			pairs[key] = r
		}
		v.citations(r.Loc, "sources", r.Sources, false)
	}
	for _, s := range d.Sources {
		v.entity(&s.Entity)
		v.enum(s.Loc, "kind", string(s.Kind), strs(SourceKinds))
	}
	claims := map[string]*Claim{}
	for _, c := range d.Claims {
		v.claim(c, claims)
	}
	v.errs.Sort()
	return v.errs
}

type validator struct {
	d    *Dataset
	errs ErrorList
}

func (v *validator) add(pos Pos, format string, args ...any) { v.errs.Add(pos, format, args...) }

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// ids reports empty and duplicate ids across every kind, claims included.
func (v *validator) ids() {
	first := map[string]Pos{}
	check := func(id string, loc Loc) {
		if id == "" {
			return // reported by entity or claim
		}
		if p, dup := first[id]; dup {
			v.add(loc.At("id"), "id: duplicate id %q (first defined at %s)", id, p)
			return
		}
		first[id] = loc.At("id")
	}
	v.d.eachNode(func(id string, _ Label, _ any, loc Loc) { check(id, loc) })
	for _, x := range v.d.Claims {
		check(x.ID, x.Loc)
	}
}

func (v *validator) entity(e *Entity) {
	if strings.TrimSpace(e.ID) == "" {
		v.add(e.Loc.At("id"), "id: missing id")
	}
	if strings.TrimSpace(e.Name) == "" {
		v.add(e.Loc.At("name"), "name: missing name")
	}
}

func (v *validator) enum(loc Loc, field, val string, allowed []string) {
	if !slices.Contains(allowed, val) {
		v.add(loc.At(field), "%s: invalid value %q: want one of %s", field, val, strings.Join(allowed, ", "))
	}
}

func (v *validator) period(loc Loc, field string, p Period) {
	if !p.Valid() {
		v.add(loc.At(field), "%s: starts (%s) after it ends (%s)", field, p.From, p.To)
	}
}

// ref checks that id names a node of one of the wanted labels and reports
// whether it does.
func (v *validator) ref(loc Loc, field, id string, want ...Label) bool {
	name := lastName(field)
	if id == "" {
		v.add(loc.At(field), "%s: missing id", name)
		return false
	}
	got, ok := v.d.Kind(id)
	if !ok {
		if v.d.Invalid[id] {
			return false
		}
		msg := fmt.Sprintf("%s: unknown id %q", name, id)
		if s := suggest.Closest(id, v.d.IDs()); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		v.add(loc.At(field), "%s", msg)
		return false
	}
	if !slices.Contains(want, got) {
		v.add(loc.At(field), "%s: %s is %s %s, want %s", name, id, article(string(got)), got, labelList(want))
		return false
	}
	return true
}

func labelList(ls []Label) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = article(string(l)) + " " + string(l)
	}
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

func article(word string) string {
	if strings.ContainsRune("AEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

func (v *validator) citations(loc Loc, field string, cs []Citation, required bool) {
	if required && len(cs) == 0 {
		v.add(loc.At(field), "%s: at least one source is required", lastName(field))
	}
	for i, c := range cs {
		f := fmt.Sprintf("%s/%d", field, i)
		v.ref(loc, f+"/source", c.Source, LabelSource)
		if strings.TrimSpace(c.Locator) == "" {
			v.add(loc.At(f), "%s: citation of %s has no locator (a paragraph, page or article)", lastName(field), c.Source)
		}
		if c.Mode != Argued && c.Mode != Reported {
			v.add(loc.At(f+"/mode"), "mode: invalid value %q: want one of argued, reported", c.Mode)
		}
	}
}

func lastName(field string) string {
	parts := strings.Split(field, "/")
	for i := len(parts) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(parts[i]); err != nil {
			return parts[i]
		}
	}
	return field
}

var (
	subjectLabels = []Label{LabelFactor, LabelStance, LabelEvent, LabelRegion, LabelDispute}
	objectLabels  = map[Effect][]Label{
		Weakens:     {LabelRelation, LabelFactor, LabelStance},
		Strengthens: {LabelRelation, LabelFactor, LabelStance},
		Drives:      {LabelFactor, LabelStance},
	}
)

func (v *validator) claim(c *Claim, seen map[string]*Claim) {
	if strings.TrimSpace(c.ID) == "" {
		v.add(c.Loc.At("id"), "id: missing id")
	}
	v.ref(c.Loc, "subject", c.Subject, subjectLabels...)
	want, okEffect := objectLabels[c.Effect]
	if !okEffect {
		v.add(c.Loc.At("effect"), "effect: invalid value %q: want one of weakens, strengthens, drives", c.Effect)
	} else {
		v.ref(c.Loc, "object", c.Object, want...)
	}
	if c.Subject != "" && c.Subject == c.Object {
		v.add(c.Loc.At("object"), "object: a claim cannot link %s to itself", c.Subject)
	}
	v.period(c.Loc, "period", c.Period)
	if strings.TrimSpace(c.Summary) == "" {
		v.add(c.Loc.At("summary"), "summary: say how the influence worked")
	}
	v.citations(c.Loc, "evidence", c.Evidence, true)
	v.citations(c.Loc, "contested_by", c.ContestedBy, false)
	key := c.Subject + "\x00" + string(c.Effect) + "\x00" + c.Object + "\x00" + c.Period.String()
	if first, dup := seen[key]; dup {
		v.add(c.Loc.Pos, "claim %s repeats claim %s (%s %s %s over the same period); merge their evidence", c.ID, first.ID, c.Subject, c.Effect, c.Object)
	} else {
		seen[key] = c
	}
}
