package queries

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Name names a catalog question.
type Name string

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
	// 2005" is From = To = 2005. Claims, stances and events count when they
	// overlap it by graph's one rule (graph.Years.Overlaps): an undated
	// claim counts in every period.
	From int `json:"from,omitempty"`
	To   int `json:"to,omitempty"`
	// Depth is the longest chain to follow, 1 to MaxDepth (0: MaxDepth).
	Depth int `json:"depth,omitempty"`
	// Kind is an event kind (graph.EventKinds): Effects asks about every
	// event of this kind involving Actor ("Japan's sanctions").
	Kind  string `json:"kind,omitempty"`
	Actor string `json:"actor,omitempty"`
	// Sign is the direction asked about: -1 cooled or weakened, +1 warmed
	// or strengthened, 0 either (Turning, Backing).
	Sign int `json:"sign,omitempty"`
	// Pivot is the year Change compares before and after.
	Pivot int `json:"pivot,omitempty"`
	// Limit is the most findings the answer lists: 0 is the question's
	// default (Query.Limit), AllFindings lists every one. The answer keeps
	// the first ones in the question's rank (Query.Rank) and sets
	// Answer.More when the graph holds more.
	Limit int `json:"limit,omitempty"`

	// keep is how many findings a backend needs to find (Query.fetch), set
	// by Run for the backend; 0 is every one.
	keep int
}

// enough reports whether n findings are all a backend needs to find for p.
func (p Params) enough(n int) bool { return p.keep > 0 && n >= p.keep }

// upTo is xs cut to the findings a backend needs for p.
func upTo[T any](p Params, xs []T) []T {
	if p.keep > 0 && len(xs) > p.keep {
		return xs[:p.keep]
	}
	return xs
}

// AllFindings, as Params.Limit, lists every finding (dyad ask --limit 0 or
// --limit all).
const AllFindings = -1

// DefaultLimit is the most findings any question lists unless asked for
// more (Params.Limit): at least the largest answer any question gives on
// the shipped dataset (compare's, for Russia: 100;
// TestDefaultLimitsKeepShippedAnswers), so that only a larger graph's
// answers are cut.
const DefaultLimit = 100

// Years is the period p asks about.
func (p Params) Years() graph.Years { return graph.Years{From: p.From, To: p.To} }

// Param names a parameter a question needs.
type Param string

// The parameters a question can need.
const (
	ParamA      Param = "a"
	ParamB      Param = "b"
	ParamNode   Param = "node"
	ParamSource Param = "source"
)

func (p Params) get(n Param) string {
	switch n {
	case ParamA:
		return p.A
	case ParamB:
		return p.B
	case ParamNode:
		return p.Node
	case ParamSource:
		return p.Source
	}
	return ""
}

// Query is one catalog question, defined whole in one file of this package
// (weakened.go, timeline.go...) with its Cypher in neo4j/cypher: its name,
// parameters, the phrasings that select it, its Cypher, its in-memory
// evaluation, its title and how its findings read. Every question registers
// itself in Catalog; the parser, both backends, the text renderer, the CLI,
// the Browser tour and the conformance suite read it from there.
type Query struct {
	Name Name
	// Title is the question in words, with the parameters it takes.
	Title string
	// Doc says what the answer holds.
	Doc string
	// Needs lists the parameters the question requires.
	Needs []Param
	// Example are parameters for the shipped dataset, and Ask a question in
	// words that Parse maps to this query.
	Example Params
	Ask     string
	// Cypher is the query's Cypher, from neo4j/cypher/<statement>.cypher.
	Cypher string
	// GistCypher is Cypher that returns the answer's gist (the distinct
	// causes, grouped and ranked as Gist does), for Browser users; it takes
	// the same parameters as Cypher. Every Synthesis question gets one,
	// neo4j.Gist of its Cypher, unless it sets its own.
	GistCypher string
	// NoPeriod marks questions that take no period (saying one would mislead).
	NoPeriod bool
	// NoDepth marks questions that do not follow causal chains to a depth.
	NoDepth bool
	// Parallel marks answers whose findings are records (events, disputes,
	// stances) with parallel claimed effects, rather than causal paths.
	Parallel bool
	// Hint, if set, is a last line for text answers: what else to run
	// (turning points name the command that draws the trajectory).
	Hint func(p Params) string
	// Empty, if set, is what an answer with no findings says instead of
	// "No findings." (for loops: that the claims form no cycle).
	Empty string
	// NodeLabels are the labels the Node parameter may have.
	NodeLabels []graph.Label
	// Phrasing says which plain-English questions select this query.
	Phrasing Phrasing
	// Synthesis marks causal answers that open with a Gist: the distinct
	// causes, grouped and ranked, with their chains folded.
	Synthesis bool
	// MaxDepth, if set, is the question's own depth cap in place of the
	// catalog's MaxDepth (for loops, the most claims a loop has), and
	// DepthCap the error past it: a format taking the cap.
	MaxDepth int
	DepthCap string
	// Limit, if set, is the most findings an answer lists by default
	// (Params.Limit overrides it): both backends find the first Limit+1 in
	// the question's rank (first, then key), Run keeps Limit of them and
	// sets Answer.More if there was one more.
	Limit int
	// Rank says in words which findings an answer keeps when it lists
	// only some (for --help, the docs and the text answer).
	Rank string
	// Timeout, if set, is how long the question may run on Neo4j (the
	// transaction's time limit), and TooLong what to say when it runs out.
	Timeout time.Duration
	TooLong string

	order int
	// check reports parameters the question cannot use (beyond Needs).
	check   func(p Params) error
	params  func(p Params, m map[string]any)
	memory  func(g *Memory, p Params) []Finding
	decode  func(r neo4j.Record) Finding
	key     func(f *Finding) string
	heading func(p Params, name func(id string) string) string
	head    func(f *Finding) string
	// first orders findings for Limit: an answer keeps the first ones;
	// findings it ties are taken in the order of key.
	first func(a, b *Finding) int
}

// Catalog lists every question, in the order that tells the dataset's story.
// It is filled when the package initialises, from the questions' files.
var Catalog []*Query

// Examples are a plain-English question for each catalog entry, on the
// shipped dataset (Query.Ask, by name); Parse understands each of them.
var Examples = map[Name]string{}

var registry []*Query

// register adds q to the catalog at position order.
func register(order int, q *Query) *Query {
	q.order = order
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	if q.Synthesis && q.GistCypher == "" && q.Cypher != "" {
		q.GistCypher = neo4j.Gist(q.Cypher)
	}
	for _, o := range registry {
		if o.Name == q.Name || o.order == order {
			panic(fmt.Sprintf("queries: question %s registered twice", q.Name))
		}
	}
	registry = append(registry, q)
	return q
}

func init() {
	Catalog = slices.Clone(registry)
	slices.SortFunc(Catalog, func(a, b *Query) int { return a.order - b.order })
	for _, q := range Catalog {
		Examples[q.Name] = q.Ask
	}
}

// ErrUnknownQuery is returned for a name not in Catalog.
var ErrUnknownQuery = graph.Sentinel(graph.EINVALID, "unknown query")

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
var ErrMissingParam = graph.Sentinel(graph.EINVALID, "missing parameter")

// ErrInvalidParam is returned for a parameter that cannot be right, such as
// a period that ends before it starts or a depth beyond MaxDepth.
var ErrInvalidParam = graph.Sentinel(graph.EINVALID, "invalid parameter")

// Check reports a parameter q needs that p lacks, a period that ends before
// it starts and a depth above MaxDepth, and sets a zero Depth to MaxDepth.
func (q *Query) Check(p *Params) error {
	for _, n := range q.Needs {
		if p.get(n) == "" {
			return fmt.Errorf("%w: %s needs %q", ErrMissingParam, q.Name, n)
		}
	}
	depth := cmp.Or(q.MaxDepth, MaxDepth)
	switch {
	case p.Depth < 0 || p.Depth > depth:
		return fmt.Errorf("%w: depth %d: "+cmp.Or(q.DepthCap, "Dyad follows chains of 1 to %d claims"), ErrInvalidParam, p.Depth, depth)
	case p.Depth == 0:
		p.Depth = depth
	}
	if !p.Years().Valid() {
		return fmt.Errorf("%w: the period starts in %d, after it ends in %d", ErrInvalidParam, p.From, p.To)
	}
	if err := checkKinds(p); err != nil {
		return err
	}
	if q.check != nil {
		return q.check(*p)
	}
	return nil
}

// CypherParams returns the parameters q's Cypher takes, for p: what
// `:param` needs in Neo4j Browser. Open values are nil (Cypher null).
func (q *Query) CypherParams(p Params) map[string]any {
	m := map[string]any{"a": orNil(p.A), "b": orNil(p.B), "from": year(p.From), "to": year(p.To), "depth": int64(p.Depth)}
	if p.Depth == 0 {
		m["depth"] = int64(cmp.Or(q.MaxDepth, MaxDepth))
	}
	if strings.Contains(q.Cypher, "$limit") {
		m["limit"] = int64(q.fetch(p))
	}
	if len(q.NodeLabels) > 0 {
		m["node"] = orNil(p.Node)
	}
	if q.params != nil {
		q.params(p, m)
	}
	return m
}

// limitOf is the most findings q lists for p: p.Limit, else q.Limit; 0
// for every finding.
func (q *Query) limitOf(p Params) int {
	switch {
	case p.Limit < 0:
		return 0
	case p.Limit > 0:
		return p.Limit
	}
	return q.Limit
}

// allRows is what $limit is when an answer lists every finding: more than
// any graph holds.
const allRows = 1 << 53

// fetch is how many findings a backend finds for p: one more than it
// lists, to tell whether there are more, or allRows (also for a limit so
// large that one more would reach or wrap past it).
func (q *Query) fetch(p Params) int {
	if n := q.limitOf(p); n > 0 && n < allRows-1 {
		return n + 1
	}
	return allRows
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func year(y int) any {
	if y == 0 {
		return nil
	}
	return int64(y)
}
