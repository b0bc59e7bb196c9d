package graph

// State is a sovereign state, identified by its ISO 3166-1 alpha-3 code (RUS,
// JPN). A predecessor state keeps its own record (the Soviet Union is SUN, as
// in ISO 3166-3) and its successors point at it.
type State struct {
	Entity
	// Capital is the capital's name, used to resolve "Moscow–Tokyo relations".
	Capital string `json:"capital,omitempty"`
	// Adjectives are demonyms and combining forms: "Russian", "Russo", "Sino".
	Adjectives []string `json:"adjectives,omitempty"`
	// Predecessors are the ids of the states this one succeeded.
	Predecessors []string `json:"predecessors,omitempty"`
	// Existed is when the state existed; open ends mean "before records" or "still".
	Existed Period `json:"existed,omitzero"`
	// COW is the Correlates of War state code (Russia 365, Japan 740), 0 if
	// not recorded. A predecessor and its continuator may share one: COW
	// codes the Soviet Union and Russia both 365.
	COW     int        `json:"cow,omitempty"`
	Sources []Citation `json:"sources,omitempty"`
}
