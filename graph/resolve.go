package graph

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/internal/suggest"
)

// relationSeparators join the two states of a relation as a user types it:
// RUS-JPN, Japan–Russia, CHN/RUS, "Russia, Japan".
const relationSeparators = "-–—,/"

// ResolveRelation finds the relation that arg names, wherever a user types
// one. A relation's canonical id is its two states' ids joined by '-' in
// the order its States list them (RUS-JPN); arg may be that id in any
// case, the relation's name or an alias, or its two states in either order,
// each by id, name or alias, joined by '-', '–', '—', ',' or '/' (JPN-RUS,
// Japan–Russia). A state name that holds a separator (Guinea-Bissau) is
// found too: every split is tried.
//
// When nothing matches, the error has code ENOTFOUND and says what to type,
// with the nearest relation ("did you mean") when arg looks like a typo of
// one, or the relations the two states do have.
func ResolveRelation(ds *Dataset, arg string) (*Relation, error) {
	arg = strings.TrimSpace(arg)
	for _, r := range ds.Relations {
		if strings.EqualFold(r.ID, arg) {
			return r, nil
		}
	}
	for _, r := range ds.Relations {
		if strings.EqualFold(r.Name, arg) || slices.ContainsFunc(r.Aliases, func(a string) bool { return strings.EqualFold(a, arg) }) {
			return r, nil
		}
	}
	var pairErr error
	for _, p := range splits(arg) {
		a, b := findState(ds, p[0]), findState(ds, p[1])
		if a == nil || b == nil {
			continue
		}
		if r := ds.RelationBetween(a.ID, b.ID); r != nil && a != b {
			return r, nil
		}
		if pairErr == nil {
			pairErr = noRelationBetween(ds, a, b)
		}
	}
	if pairErr != nil {
		return nil, pairErr
	}
	example, reversed := "RUS-JPN", "JPN-RUS"
	if len(ds.Relations) > 0 {
		r := ds.Relations[0]
		example, reversed = r.ID, r.States[1]+"-"+r.States[0]
	}
	return nil, Errorf(ENOTFOUND, "no relation %q%s: give a relation id such as %s, or two states such as %s",
		arg, didYouMeanRelation(ds, arg), example, reversed)
}

// splits returns the ways to cut s in two at a separator, both halves
// trimmed and non-empty.
func splits(s string) [][2]string {
	var out [][2]string
	for i, r := range s {
		if !strings.ContainsRune(relationSeparators, r) {
			continue
		}
		a := strings.TrimSpace(s[:i])
		b := strings.TrimSpace(s[i+len(string(r)):])
		if a != "" && b != "" {
			out = append(out, [2]string{a, b})
		}
	}
	return out
}

// findState returns the state whose id, name or alias is name, ignoring
// case, or nil.
func findState(ds *Dataset, name string) *State {
	for _, s := range ds.States {
		if strings.EqualFold(s.ID, name) || strings.EqualFold(s.Name, name) ||
			slices.ContainsFunc(s.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			return s
		}
	}
	return nil
}

// closestState returns the state found by name, or else the state whose
// id, name or alias is nearest to it as a typo, or nil.
func closestState(ds *Dataset, name string) *State {
	if s := findState(ds, name); s != nil {
		return s
	}
	byKey := map[string]*State{}
	var keys []string
	for _, s := range ds.States {
		for _, k := range append([]string{s.ID, s.Name}, s.Aliases...) {
			if k != "" {
				byKey[k] = s
				keys = append(keys, k)
			}
		}
	}
	return byKey[suggest.Closest(name, keys)]
}

// didYouMeanRelation returns ` (did you mean "RUS-JPN"?)` for the relation
// arg most likely misspells, or "".
func didYouMeanRelation(ds *Dataset, arg string) string {
	for _, p := range splits(arg) {
		a, b := closestState(ds, p[0]), closestState(ds, p[1])
		if a != nil && b != nil && a != b {
			if r := ds.RelationBetween(a.ID, b.ID); r != nil {
				return fmt.Sprintf(" (did you mean %q?)", r.ID)
			}
		}
	}
	canonical := map[string]string{}
	var keys []string
	for _, r := range ds.Relations {
		for _, k := range []string{r.ID, r.States[1] + "-" + r.States[0]} {
			canonical[k] = r.ID
			keys = append(keys, k)
		}
	}
	if id := canonical[suggest.Closest(arg, keys)]; id != "" {
		return fmt.Sprintf(" (did you mean %q?)", id)
	}
	return ""
}

// noRelationBetween is the error for two known states with no relation:
// it lists the relations each does have.
func noRelationBetween(ds *Dataset, a, b *State) error {
	if a == b {
		return Errorf(ENOTFOUND, "no relation between %s and itself: a relation needs two different states", a.Name)
	}
	var have []string
	for _, s := range []*State{a, b} {
		var ids []string
		for _, r := range ds.Relations {
			if r.Has(s.ID) {
				ids = append(ids, r.ID)
			}
		}
		if len(ids) > 0 {
			have = append(have, fmt.Sprintf("%s has %s", s.Name, strings.Join(ids, ", ")))
		}
	}
	msg := fmt.Sprintf("no relation between %s and %s in the dataset", a.Name, b.Name)
	if len(have) > 0 {
		msg += " (" + strings.Join(have, "; ") + ")"
	}
	return Errorf(ENOTFOUND, "%s", msg)
}
