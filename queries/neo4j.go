package queries

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Backend answers catalog queries: the in-memory graph (NewMemory) or Neo4j
// (NewNeo4j). Both give the same findings for the same data; the
// conformance suite in package querytest holds them to it.
type Backend interface {
	// findings answers q for p (checked and resolved).
	findings(ctx context.Context, q *Query, p Params) ([]Finding, error)
	// sources describes the sources with the given ids.
	sources(ctx context.Context, ids []string) (map[string]sourceInfo, error)
	// Entities lists the nodes a question can name.
	Entities(ctx context.Context) ([]Entity, error)
}

// Entity is a nameable node, for resolving names in questions.
type Entity struct {
	Ref
	Aliases    []string `json:"aliases,omitempty"`
	Capital    string   `json:"capital,omitempty"`
	Adjectives []string `json:"adjectives,omitempty"`
	// States are a relation's two states.
	States []string `json:"states,omitempty"`
	// Within is the state a factor arises in; Holder the state that holds
	// a stance, Toward the states it aims at; Concerns the regions a node is
	// about. Answers group causes by them (Gist).
	Within   string   `json:"within,omitempty"`
	Holder   string   `json:"holder,omitempty"`
	Toward   []string `json:"toward,omitempty"`
	Concerns []string `json:"concerns,omitempty"`
	// Kind, Year, Involves and Actors describe an event, so a question can
	// name one by its kind and year ("the 2014 sanctions").
	Kind     string   `json:"kind,omitempty"`
	Year     int      `json:"year,omitempty"`
	Involves []string `json:"involves,omitempty"`
	Actors   []string `json:"actors,omitempty"`
}

type sourceInfo struct {
	Title string
	URL   string
	// Record is the whole source, for writing references (Sources).
	Record graph.Source
}

// Neo4j answers queries by running the catalog's Cypher on a Neo4j database
// that dyad load (or loader.Load) filled.
type Neo4j struct {
	db *neo4j.DB

	once     sync.Once
	entities []Entity
	err      error

	// cited holds the sources read so far, by id: like the entities, read
	// once for the backend's life, so that a second answer citing them
	// needs no second round trip.
	mu    sync.Mutex
	cited map[string]sourceInfo
}

// NewNeo4j returns a backend that queries db.
func NewNeo4j(db *neo4j.DB) *Neo4j { return &Neo4j{db: db} }

func (n *Neo4j) findings(ctx context.Context, q *Query, p Params) ([]Finding, error) {
	recs, err := n.db.ReadWithin(ctx, q.Timeout, q.Cypher, q.CypherParams(p))
	if errors.Is(err, neo4j.ErrTimedOut) {
		return nil, fmt.Errorf("%w after %s: %s", err, q.Timeout, q.TooLong)
	}
	if err != nil {
		return nil, err
	}
	out := make([]Finding, 0, len(recs))
	for _, r := range recs {
		out = append(out, q.decode(r))
	}
	return out, nil
}

// sources describes the sources with the given ids, reading from the
// database only those it has not read before.
func (n *Neo4j) sources(ctx context.Context, ids []string) (map[string]sourceInfo, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.cited == nil {
		n.cited = map[string]sourceInfo{}
	}
	var missing []string
	for _, id := range ids {
		if _, ok := n.cited[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		recs, err := n.db.Read(ctx, neo4j.Statement("sources"), map[string]any{"ids": missing})
		if err != nil {
			return nil, err
		}
		for _, m := range recs {
			n.cited[str(m, "id")] = sourceInfo{Title: str(m, "name"), URL: str(m, "url"), Record: sourceRecord(mapOf(m["props"]))}
		}
	}
	out := make(map[string]sourceInfo, len(ids))
	for _, id := range ids {
		if s, ok := n.cited[id]; ok {
			out[id] = s
		}
	}
	return out, nil
}

// Entities lists every node Dyad loaded with the names a question may use;
// it is read once and cached.
func (n *Neo4j) Entities(ctx context.Context) ([]Entity, error) {
	n.once.Do(func() {
		recs, err := n.db.Read(ctx, neo4j.Statement("entities"), nil)
		if err != nil {
			n.err = err
			return
		}
		for _, m := range recs {
			e := entity(mapOf(m["props"]), graph.Label(str(m, "label")))
			e.Within, e.Holder = first(strs(m, "within")), first(strs(m, "holder"))
			e.Toward, e.Concerns = sorted(strs(m, "toward")), sorted(strs(m, "concerns"))
			if e.Label == graph.LabelEvent {
				e.Involves = sorted(strs(m, "involves"))
			}
			n.entities = append(n.entities, e)
		}
		sortEntities(n.entities)
	})
	return n.entities, n.err
}
