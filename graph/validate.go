package graph

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dyad-kg/dyad/internal/clip"
	"github.com/dyad-kg/dyad/internal/suggest"
)

// Validate checks d for problems a schema cannot see and returns all of them,
// sorted by position: duplicate ids, references to ids that do not exist or
// are of the wrong kind, a relation of a state with itself, impossible
// periods, claims without evidence, events involving states that did not
// exist yet (or any more). It returns nil when d is valid.
func (d *Dataset) Validate() ErrorList {
	d.reindex()
	// The checks below read d and only add problems, each to a validator
	// of its own: they run on every core, and the problems are sorted at
	// the end, whatever order they were found in.
	jobs := []func(v *validator){
		func(v *validator) { v.ids() },
		func(v *validator) { v.nodes() },
		func(v *validator) { v.repeats(d.Claims) },
	}
	const chunk = 10_000
	for i := 0; i < len(d.Claims); i += chunk {
		claims := d.Claims[i:min(i+chunk, len(d.Claims))]
		jobs = append(jobs, func(v *validator) {
			for _, c := range claims {
				v.kind, v.id = "claim", c.ID
				v.claim(c)
			}
		})
	}
	var errs ErrorList
	for _, v := range run(d, jobs) {
		errs = append(errs, v.errs...)
	}
	errs.Sort()
	return errs
}

// run runs the jobs, as many at a time as there are cores, each with a
// validator of its own, and returns the validators.
func run(d *Dataset, jobs []func(v *validator)) []*validator {
	vs := make([]*validator, len(jobs))
	ids := sync.OnceValue(d.IDs) // for "did you mean", computed once
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				vs[i] = &validator{d: d, pairs: map[[2]string]*Relation{}, sortedIDs: ids}
				jobs[i](vs[i])
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return vs
}

// nodes checks every node record, kind by kind.
func (v *validator) nodes() {
	for _, k := range kinds {
		for _, r := range k.store.records(v.d) {
			e := r.entity()
			v.kind, v.id = strings.ToLower(string(k.Label)), e.ID
			v.entity(e)
			k.check(v, r)
		}
	}
}

// repeats reports claims that repeat an earlier one.
func (v *validator) repeats(claims []*Claim) {
	seen := make(map[claimKey]*Claim, len(claims))
	for _, c := range claims {
		key := claimKey{c.Subject, c.Object, c.Effect, c.Period}
		if first, dup := seen[key]; dup {
			v.kind, v.id = "claim", c.ID
			v.add(c.Loc.Pos, "claim %s repeats claim %s (%s %s %s over the same period); merge their evidence", clip.Cut(c.ID), clip.Cut(first.ID), clip.Cut(c.Subject), c.Effect, clip.Cut(c.Object))
		} else {
			seen[key] = c
		}
	}
}

type validator struct {
	d    *Dataset
	errs ErrorList
	// kind and id name the record being checked ("claim", "c-x"), for
	// records built in code, which have no position.
	kind, id string
	// pairs holds the relations seen so far, by their sorted pair of states.
	pairs map[[2]string]*Relation
	// sortedIDs returns every node id, sorted (d.IDs, computed once for all
	// validators).
	sortedIDs func() []string
	// causes and affected are CauseLabels and AffectedLabels, computed once
	// per validator.
	causes   []Label
	affected map[Effect][]Label
}

// add reports a problem at pos; a record built in code has no position,
// so the problem is reported against the record's kind and id.
func (v *validator) add(pos Pos, format string, args ...any) {
	if pos.File == "" && pos.Line == 0 {
		pos.File = v.kind + " " + clip.Cut(v.id)
	}
	v.errs.Add(pos, format, args...)
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// MaxIDBytes bounds an id, 1,024 bytes. Neo4j indexes every id (a
// uniqueness constraint per label, an index per claim type) and its range
// indexes refuse a key over about 8 kB ("Property value is too large to
// index", the 8,167-byte key limit of its native index); an id is kept well
// below that so that load never meets the limit. Ids are ASCII (the schema's
// pattern), so bytes are characters.
const MaxIDBytes = 1024

// ids reports empty, too long and duplicate ids across every kind, claims
// included. The first definition of a node id is the one the index holds
// (nodes are indexed kind by kind, first definition wins); a claim id is
// checked against the index, then against the claims before it.
func (v *validator) ids() {
	v.d.lookup("") // the index is built
	for _, k := range kinds {
		kind := strings.ToLower(string(k.Label))
		for _, r := range k.store.records(v.d) {
			e := r.entity()
			if !v.idOK(kind, e.ID, e.Loc) {
				continue
			}
			if first := v.d.index[e.ID]; first.v != r {
				v.duplicate(kind, e.ID, e.Loc, first.v.entity().Loc.At("id"), strings.ToLower(string(first.kind.Label)))
			}
		}
	}
	claims := make(map[string]*Claim, len(v.d.Claims))
	for _, c := range v.d.Claims {
		if !v.idOK("claim", c.ID, c.Loc) {
			continue
		}
		if first, ok := v.d.index[c.ID]; ok {
			v.duplicate("claim", c.ID, c.Loc, first.v.entity().Loc.At("id"), strings.ToLower(string(first.kind.Label)))
		} else if first, ok := claims[c.ID]; ok {
			v.duplicate("claim", c.ID, c.Loc, first.Loc.At("id"), "claim")
		} else {
			claims[c.ID] = c
		}
	}
}

// idOK reports a too long id and whether id is to be checked for
// duplicates (an empty one is reported by entity or claim).
func (v *validator) idOK(kind, id string, loc Loc) bool {
	if id == "" {
		return false
	}
	if len(id) > MaxIDBytes {
		v.kind, v.id = kind, id
		v.add(loc.At("id"), "id: too long: %d bytes, over the %d an id may be (Neo4j indexes ids)", len(id), MaxIDBytes)
	}
	return true
}

// duplicate reports the id of a record of kind at loc, first defined at
// first by a record of firstKind.
func (v *validator) duplicate(kind, id string, loc Loc, first Pos, firstKind string) {
	v.kind, v.id = kind, id
	where := first.String()
	if where == "-" {
		where = firstKind + " " + clip.Cut(id)
	}
	v.add(loc.At("id"), "id: duplicate id %s (first defined at %s)", clip.Quote(id), where)
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
		v.add(loc.At(field), "%s: invalid value %s: want one of %s", field, clip.Quote(val), strings.Join(allowed, ", "))
	}
}

// date reports a date that is not on the calendar (possible for records
// built in code; the reader checks the text).
func (v *validator) date(loc Loc, field string, d Date) {
	if d.IsZero() && d.Month == 0 && d.Day == 0 {
		return
	}
	if err := d.check(); err != nil {
		v.add(loc.At(field), "%s: impossible date %s: %v", lastName(field), d, err)
	}
}

func (v *validator) period(loc Loc, field string, p Period) {
	v.date(loc, field+"/from", p.From)
	v.date(loc, field+"/to", p.To)
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
		msg := fmt.Sprintf("%s: unknown id %s", name, clip.Quote(id))
		if s := suggest.Closest(id, v.sortedIDs()); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		v.add(loc.At(field), "%s", msg)
		return false
	}
	if !slices.Contains(want, got) {
		v.add(loc.At(field), "%s: %s is %s %s, want %s", name, clip.Cut(id), article(string(got)), got, labelList(want))
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
		f := field + "/" + strconv.Itoa(i)
		v.ref(loc, f+"/source", c.Source, LabelSource)
		if strings.TrimSpace(c.Locator) == "" {
			v.add(loc.At(f), "%s: citation of %s has no locator (a paragraph, page or article)", lastName(field), clip.Cut(c.Source))
		}
		switch {
		case c.Role != "" && c.Role != Thesis && c.Role != Partial:
			v.add(loc.At(f+"/role"), "role: invalid value %s: want thesis or partial", clip.Quote(string(c.Role)))
		case c.Role != "" && (c.Mode != Argued || lastName(field) == "contested_by"):
			v.add(loc.At(f+"/role"), "role: only a source's own argument (mode argued, not contesting) can be its %s", c.Role)
		}
		if c.Mode != Argued && c.Mode != Reported {
			v.add(loc.At(f+"/mode"), "mode: invalid value %s: want one of argued, reported", clip.Quote(string(c.Mode)))
		}
	}
}

func lastName(field string) string {
	for rest := field; rest != ""; {
		part := rest
		if i := strings.LastIndexByte(rest, '/'); i >= 0 {
			part, rest = rest[i+1:], rest[:i]
		} else {
			rest = ""
		}
		if _, err := strconv.Atoi(part); err != nil {
			return part
		}
	}
	return field
}

// claimKey is what two claims that repeat each other share.
type claimKey struct {
	subject, object string
	effect          Effect
	period          Period
}

func (v *validator) claim(c *Claim) {
	if strings.TrimSpace(c.ID) == "" {
		v.add(c.Loc.At("id"), "id: missing id")
	}
	if v.causes == nil {
		v.causes, v.affected = CauseLabels(), map[Effect][]Label{}
	}
	v.ref(c.Loc, "subject", c.Subject, v.causes...)
	want, ok := v.affected[c.Effect]
	if !ok {
		want = AffectedLabels(c.Effect)
		v.affected[c.Effect] = want
	}
	if c.Effect != Weakens && c.Effect != Strengthens && c.Effect != Drives {
		v.add(c.Loc.At("effect"), "effect: invalid value %s: want one of weakens, strengthens, drives", clip.Quote(string(c.Effect)))
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
}
