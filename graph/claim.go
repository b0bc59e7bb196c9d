package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// Claim is a sourced influence claim: Subject weakens, strengthens or drives
// Object over Period. Subjects are Factors, Stances, Events, Regions or
// Disputes; a weakens or strengthens claim points at a Relation, Factor or
// Stance, a drives claim at a Factor or Stance, so that causes can chain into
// a relation as in a cognitive map.
type Claim struct {
	ID      string `json:"id"`
	Subject string `json:"subject"`
	Effect  Effect `json:"effect"`
	Object  string `json:"object"`
	Period  Period `json:"period,omitzero"`
	// Summary says how the influence worked, in the analyst's words.
	Summary string `json:"summary"`
	// Evidence are the sources that support the claim; at least one.
	Evidence []Citation `json:"evidence"`
	// ContestedBy are sources that dispute the claim.
	ContestedBy []Citation `json:"contested_by,omitempty"`
	Loc         Loc        `json:"-"`
}

// Contested reports whether any source disputes c.
func (c *Claim) Contested() bool { return len(c.ContestedBy) > 0 }

// LabelClaim is the label of a claim's node in the property graph. Claim
// nodes are derived: a dataset lists claims, not Claim nodes, and Elements
// makes one node per claim so that the sources that support or contest a
// claim can point at it, as Wikidata attaches references to a statement.
const LabelClaim Label = "Claim"

var _ = registerDerived(&Kind{
	Label: LabelClaim, Rank: 9, Caption: "effect", NodeDiameter: 50, NodeFontSize: 9, Color: "#EDEDED",
	Doc: "A claim as a node (derived from the dataset's claims): its SUBJECT and OBJECT, " +
		"the Sources that SUPPORT or CONTEST it; the WEAKENS, STRENGTHENS or DRIVES edge with the claim's id is its shortcut.",
})

// claimNode writes claim c as a Claim node, with an edge to its subject
// and its object and one from each source that supports or contests it, and
// as the derived edge of its effect from subject to object (which keeps the
// citations as parallel lists too, for the queries that read them there).
func (b *builder) claimNode(c *Claim) {
	p := map[string]any{"id": c.ID, "effect": string(c.Effect)}
	setStr(p, "summary", c.Summary)
	setPeriod(p, "", c.Period)
	p["contested"] = c.Contested()
	b.node(LabelClaim, c.ID, p)
	b.claim(RelSubject, ClaimEdgeID(RelSubject, c.ID), c.ID, c.Subject, nil)
	b.claim(RelObject, ClaimEdgeID(RelObject, c.ID), c.ID, c.Object, nil)
	for _, cs := range []struct {
		t  RelType
		cs []Citation
	}{{RelSupports, c.Evidence}, {RelContests, c.ContestedBy}} {
		for _, x := range cs.cs {
			ep := citationProps(x.Locator, string(x.Mode), string(x.Role))
			setStr(ep, "citation_note", x.Note)
			b.claim(cs.t, CitationID(cs.t, x.Source, c.ID, "", x.Locator), x.Source, c.ID, ep)
		}
	}
	e := map[string]any{"id": c.ID}
	setStr(e, "summary", c.Summary)
	setPeriod(e, "", c.Period)
	setCitations(e, "", c.Evidence)
	e["contested"] = c.Contested()
	setCitations(e, "contested_", c.ContestedBy)
	b.claim(c.Effect.RelType(), c.ID, c.Subject, c.Object, e)
}

// ClaimEdgeID returns the id of the SUBJECT or OBJECT edge of the claim
// with id claim: a claim has one of each, so reloading a claim whose
// subject or object changed moves its edge.
func ClaimEdgeID(t RelType, claim string) string { return string(t) + ":" + claim }

// maxLocatorInID is the longest locator an edge id holds as it is (see
// MaxIDBytes).
const maxLocatorInID = 100

// CitationID returns the id of the edge of type t (SUPPORTS or CONTESTS)
// of a citation of source at locator, about target (a claim or a node) or,
// when edge is not empty, the edge with that id (a state's position in a
// dispute): "supports:" source ":" target ":" locator. A source may both
// support and contest a claim from one passage, so the type is part of the
// id. A locator with characters other than ASCII letters, digits, '.', '_'
// and '-' (or a long one) is written as a slug and a hash of it, so that
// ids stay XML name tokens (GraphML's edge ids) and short.
func CitationID(t RelType, source, target, edge, locator string) string {
	if edge != "" {
		target = edge
	}
	return strings.ToLower(string(t)) + ":" + source + ":" + target + ":" + locatorToken(locator)
}

// locatorToken is locator if it is a short XML name token of ASCII
// characters, else a slug of it and the first 10 hex digits of its SHA-256.
func locatorToken(locator string) string {
	var slug strings.Builder
	dash := false
	for _, r := range locator {
		ok := r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-')
		switch {
		case ok:
			slug.WriteRune(r)
			dash = false
		case !dash && slug.Len() > 0:
			slug.WriteByte('-')
			dash = true
		}
		if slug.Len() >= maxLocatorInID {
			break
		}
	}
	if slug.String() == locator && locator != "" {
		return locator
	}
	sum := sha256.Sum256([]byte(locator))
	return strings.TrimSuffix(slug.String(), "-") + "_" + hex.EncodeToString(sum[:5])
}

// citationProps are the properties of a SUPPORTS or CONTESTS edge.
func citationProps(locator, mode, role string) map[string]any {
	p := map[string]any{"locator": locator, "mode": mode}
	setStr(p, "role", role)
	return p
}

// Leaf reports whether a neighbourhood reaches nodes labelled l but does not
// go on from them: a Source, which supports claims and records all over the
// graph (one article may back most of them), so that crossing it would put
// everything two edges from anything it supports.
func Leaf(l Label) bool { return l == LabelSource }

// CitedIn says where a Claim cites sources: its evidence, then the sources
// that contest it.
func (c *Claim) CitedIn() []Cited {
	return []Cited{{"evidence", c.Evidence}, {"contested_by", c.ContestedBy}}
}
