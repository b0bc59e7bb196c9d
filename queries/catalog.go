package queries

import (
	"embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Name names a catalog question.
type Name string

// The catalog's questions.
const (
	Weakened     Name = "weakened"
	Strengthened Name = "strengthened"
	Timeline     Name = "timeline"
	Disputes     Name = "disputes"
	Stances      Name = "stances"
	Regions      Name = "regions"
	Compare      Name = "compare"
	Paths        Name = "paths"
	SourceClaims Name = "source"
	Contested    Name = "contested"
)

// MaxDepth is the longest causal chain the catalog follows.
const MaxDepth = 3

// Params are a question's parameters; each question uses some of them.
type Params struct {
	// A and B are state ids: the two sides of a relation, or (A alone) the
	// state a question is about.
	A string `json:"a,omitempty"`
	B string `json:"b,omitempty"`
	// Others limits Compare to A's relations with these states.
	Others []string `json:"others,omitempty"`
	// Node is the event, factor, stance, region or dispute Paths starts at,
	// or the one region Regions asks about.
	Node string `json:"node,omitempty"`
	// Source is the source id SourceClaims lists.
	Source string `json:"source,omitempty"`
	// From and To bound the period of interest in years (0: open). "As of
	// 2005" is From = To = 2005.
	From int `json:"from,omitempty"`
	To   int `json:"to,omitempty"`
	// Depth is the longest chain to follow, 1 to MaxDepth (0: MaxDepth).
	Depth int `json:"depth,omitempty"`
}

// Query is a catalog entry.
type Query struct {
	Name Name
	// Title is the question in words, with the parameters it takes.
	Title string
	// Doc says what the answer holds.
	Doc string
	// Needs lists the parameters the question requires: "a", "b", "node", "source".
	Needs []string
	// Example are parameters for the shipped dataset.
	Example Params
	// Cypher is the query's Cypher, from queries/cypher/<name>.cypher.
	Cypher string
}

//go:embed cypher/*.cypher
var cypherFS embed.FS

func mustCypher(name string) string {
	b, err := cypherFS.ReadFile("cypher/" + name + ".cypher")
	if err != nil {
		panic(err)
	}
	return string(b)
}

// Catalog lists every question, in the order that tells the dataset's story.
var Catalog = []*Query{
	{Name: Weakened, Title: "What weakened the relation between A and B?", Needs: []string{"a", "b"},
		Doc:     "Direct causes and causal chains (up to depth steps) whose net effect weakened the relation, optionally within a period.",
		Example: Params{A: "RUS", B: "JPN"}, Cypher: mustCypher("influence")},
	{Name: Strengthened, Title: "What strengthened the relation between A and B?", Needs: []string{"a", "b"},
		Doc:     "Direct causes and causal chains whose net effect strengthened the relation, optionally within a period.",
		Example: Params{A: "RUS", B: "CHN"}, Cypher: mustCypher("influence")},
	{Name: Timeline, Title: "The timeline of the relation between A and B", Needs: []string{"a", "b"},
		Doc:     "Events involving both states (or their predecessors), or claimed to affect the relation, in date order, with their effect.",
		Example: Params{A: "RUS", B: "JPN"}, Cypher: mustCypher("timeline")},
	{Name: Disputes, Title: "The disputes A is party to", Needs: []string{"a"},
		Doc:     "Each dispute with every party's position and the dispute's claimed effects.",
		Example: Params{A: "RUS"}, Cypher: mustCypher("disputes")},
	{Name: Stances, Title: "The stances A held", Needs: []string{"a"},
		Doc:     "Policy stances the state held, optionally as of a year or within a period, with whom they aimed at and what they drove.",
		Example: Params{A: "RUS"}, Cypher: mustCypher("stances")},
	{Name: Regions, Title: "The regions that matter to the relation between A and B", Needs: []string{"a", "b"},
		Doc:     "Regions on a causal path into the relation (as a cause, or what a cause concerns), with the path; only region node, if given.",
		Example: Params{A: "RUS", B: "JPN"}, Cypher: mustCypher("regions")},
	{Name: Compare, Title: "A's relations compared: what pushed each up or down", Needs: []string{"a"},
		Doc:     "For each of the state's relations (or those with others), the causes that weakened or strengthened it.",
		Example: Params{A: "RUS", Others: []string{"JPN", "CHN"}}, Cypher: mustCypher("compare")},
	{Name: Paths, Title: "How node reached a relation", Needs: []string{"node"},
		Doc:     "The causal paths from an event, factor, stance, region or dispute to a relation (between A and B, if given).",
		Example: Params{Node: "e-2022-invasion-of-ukraine"}, Cypher: mustCypher("paths")},
	{Name: SourceClaims, Title: "What a source claims", Needs: []string{"source"},
		Doc:     "Every claim that cites the source, as evidence or as contesting it.",
		Example: Params{Source: "article"}, Cypher: mustCypher("source")},
	{Name: Contested, Title: "Which claims are contested", Needs: nil,
		Doc:     "Claims a source disputes, and claims opposed by another claim of opposite sign on the same subject and object; about the relation between A and B, if given.",
		Example: Params{A: "RUS", B: "JPN"}, Cypher: mustCypher("contested")},
}

// ErrUnknownQuery is returned for a name not in Catalog.
var ErrUnknownQuery = errors.New("unknown query")

// Lookup returns the catalog entry for name.
func Lookup(name Name) (*Query, error) {
	for _, q := range Catalog {
		if q.Name == name {
			return q, nil
		}
	}
	names := make([]string, len(Catalog))
	for i, q := range Catalog {
		names[i] = string(q.Name)
	}
	return nil, fmt.Errorf("%w %q: want one of %s", ErrUnknownQuery, name, strings.Join(names, ", "))
}

// ErrMissingParam is returned when a question lacks a parameter it needs.
var ErrMissingParam = errors.New("missing parameter")

// ErrInvalidParam is returned for a parameter that cannot be right, such as
// a period that ends before it starts.
var ErrInvalidParam = errors.New("invalid parameter")

// Check reports a parameter q needs that p lacks, and normalises Depth.
func (q *Query) Check(p *Params) error {
	for _, n := range q.Needs {
		v := map[string]string{"a": p.A, "b": p.B, "node": p.Node, "source": p.Source}[n]
		if v == "" {
			return fmt.Errorf("%w: %s needs %q", ErrMissingParam, q.Name, n)
		}
	}
	if p.Depth <= 0 || p.Depth > MaxDepth {
		p.Depth = MaxDepth
	}
	if p.From != 0 && p.To != 0 && p.From > p.To {
		return fmt.Errorf("%w: the period starts in %d, after it ends in %d", ErrInvalidParam, p.From, p.To)
	}
	return nil
}

// CypherParams returns the parameters q's Cypher takes, for p: what
// `:param` needs in Neo4j Browser. Open values are nil (Cypher null).
func (q *Query) CypherParams(p Params) map[string]any {
	orNil := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	year := func(y int) any {
		if y == 0 {
			return nil
		}
		return int64(y)
	}
	m := map[string]any{"a": orNil(p.A), "b": orNil(p.B), "from": year(p.From), "to": year(p.To), "depth": int64(p.Depth)}
	if m["depth"] == int64(0) {
		m["depth"] = int64(MaxDepth)
	}
	switch q.Name {
	case Weakened:
		m["sign"] = int64(-1)
	case Strengthened:
		m["sign"] = int64(1)
	case Compare:
		if len(p.Others) > 0 {
			m["others"] = append([]string(nil), p.Others...)
		} else {
			m["others"] = nil
		}
	case Paths, Regions:
		m["node"] = orNil(p.Node)
	case SourceClaims:
		m["source"] = orNil(p.Source)
	}
	return m
}

// paramOrder is the order ParamCommand writes parameters in: the question's
// subjects first, then its bounds.
var paramOrder = []string{"a", "b", "others", "node", "source", "sign", "depth", "from", "to"}

// ParamCommand renders Cypher parameters (as CypherParams returns them) as
// Neo4j Browser's `:param {...}` command, which sets them all at once:
// strings single-quoted and escaped, nil as null, lists as lists.
func ParamCommand(params map[string]any) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	rank := func(k string) int {
		if i := slices.Index(paramOrder, k); i >= 0 {
			return i
		}
		return len(paramOrder)
	}
	slices.SortFunc(keys, func(x, y string) int {
		if rx, ry := rank(x), rank(y); rx != ry {
			return rx - ry
		}
		return strings.Compare(x, y)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + cypherLiteral(params[k])
	}
	return ":param {" + strings.Join(parts, ", ") + "}"
}

func cypherLiteral(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(x) + "'"
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = cypherLiteral(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprintf("%v", v)
}
