package graph

// Relation is the bilateral relationship between two States, a node of its
// own so that claims can point at it.
type Relation struct {
	Entity
	// States are the two parties, in the order the id names them.
	States  [2]string  `json:"states"`
	Sources []Citation `json:"sources,omitempty"`
}

// Has reports whether state is one of r's two parties.
func (r *Relation) Has(state string) bool { return r.States[0] == state || r.States[1] == state }

// Other returns the party that is not state.
func (r *Relation) Other(state string) string {
	if r.States[0] == state {
		return r.States[1]
	}
	return r.States[0]
}
