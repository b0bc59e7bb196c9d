package queries

import (
	"slices"

	"github.com/dyad-kg/dyad/graph"
)

// Ref names a node: its id, label and name.
type Ref struct {
	ID    string      `json:"id"`
	Label graph.Label `json:"label"`
	Name  string      `json:"name"`
}

// Evidence is one citation: the source, where in it, and whether the source
// argues the point or reports it as fact.
type Evidence struct {
	Source  string     `json:"source"`
	Title   string     `json:"title"`
	URL     string     `json:"url,omitempty"`
	Locator string     `json:"locator"`
	Mode    graph.Mode `json:"mode"`
	// Role is set where the source marks the claim as its thesis, or as a
	// cause that explains only part of the story.
	Role graph.Role `json:"role,omitempty"`
}

// Step is one claim in a chain: From weakens, strengthens or drives To.
type Step struct {
	Claim       string       `json:"claim"`
	From        Ref          `json:"from"`
	Effect      graph.Effect `json:"effect"`
	To          Ref          `json:"to"`
	Summary     string       `json:"summary"`
	Period      string       `json:"period,omitempty"`
	Evidence    []Evidence   `json:"evidence"`
	ContestedBy []Evidence   `json:"contested_by,omitempty"`

	// span is the claim's period, for intersecting a chain's periods.
	span graph.Period
}

// Party is a state's side in a dispute.
type Party struct {
	State    Ref        `json:"state"`
	Position string     `json:"position"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Finding is one answer to a question: a cause, an event, a dispute, a
// stance or a region, with its evidence.
type Finding struct {
	// Subject is what the finding is about: the cause, event, dispute,
	// stance, region or (for claims) the claim's subject.
	Subject Ref `json:"subject"`
	// Effect is the net effect on Object: for a chain, the product of the
	// signs of its steps (weakening a weakener strengthens).
	Effect graph.Effect `json:"effect,omitempty"`
	// Object is what Subject acts on, usually a relation.
	Object *Ref `json:"object,omitempty"`
	// Summary says how it worked (for a chain, the first step's summary).
	Summary string `json:"summary,omitempty"`
	// Period is when the finding holds: for a chain, when all steps hold.
	Period string `json:"period,omitempty"`
	// Date and Kind are set for events.
	Date string `json:"date,omitempty"`
	Kind string `json:"kind,omitempty"`
	// Chain is the claims linking Subject to Object, in order; one step for a
	// direct cause.
	Chain []Step `json:"chain,omitempty"`
	// Via is, for a feedback loop asked about a relation, how the loop
	// reaches it: the chain of claims from a node of the loop to the
	// relation (Object), each step with its evidence; Effect is then the
	// chain's net effect on the relation.
	Via []Step `json:"via,omitempty"`
	// Evidence cites every claim in Chain, or the record itself.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Contested cites sources that dispute the finding.
	Contested []Evidence `json:"contested,omitempty"`
	// Parties are a dispute's parties and their positions.
	Parties []Party `json:"parties,omitempty"`
	// Toward are the states a stance is aimed at.
	Toward []Ref `json:"toward,omitempty"`
	// Note holds anything else worth saying (a contradicting claim).
	Note string `json:"note,omitempty"`

	// rank orders findings before their key where a question ranks them
	// (Turning, Change); both backends set it alike.
	rank string
}

// Direct reports whether f is a direct cause (a chain of one claim).
func (f *Finding) Direct() bool { return len(f.Chain) == 1 }

// Answer is a question's answer: its findings, in a stable order.
type Answer struct {
	Query  Name   `json:"query"`
	Title  string `json:"title"`
	Params Params `json:"params"`
	// Gist is the synthesis of a causal answer (what weakened, what
	// strengthened, comparisons, paths, causes); nil for the others.
	Gist     *Gist     `json:"gist,omitempty"`
	Findings []Finding `json:"findings"`
	// More is set when the question lists at most Query.Limit findings and
	// the graph holds more than that.
	More bool `json:"more,omitempty"`
}

// NodeIDs returns the ids of every node a names: subjects, objects, every
// step's ends, dispute parties and stance targets, sorted. It picks the part
// of the graph that an answer is about, for exporting or drawing it.
func (a *Answer) NodeIDs() []string {
	seen := map[string]bool{}
	add := func(r Ref) {
		if r.ID != "" {
			seen[r.ID] = true
		}
	}
	for _, f := range a.Findings {
		add(f.Subject)
		if f.Object != nil {
			add(*f.Object)
		}
		for _, s := range slices.Concat(f.Chain, f.Via) {
			add(s.From)
			add(s.To)
		}
		for _, p := range f.Parties {
			add(p.State)
		}
		for _, t := range f.Toward {
			add(t)
		}
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
