package graph

// Factor is a driver the sources name: territorial nationalism, normative
// convergence with China, neglect of the Russian Far East.
type Factor struct {
	Entity
	// Within is the State a domestic factor arises in, if it is domestic.
	Within string `json:"within,omitempty"`
	// Regions are the Regions the factor is about.
	Regions []string   `json:"regions,omitempty"`
	Sources []Citation `json:"sources,omitempty"`
}
