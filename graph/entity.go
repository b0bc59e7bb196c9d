package graph

// Entity holds the fields every node kind has: a stable id, the name used as
// its caption, aliases for resolving names in questions, and a description.
type Entity struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases,omitempty"`
	Description string   `json:"description,omitempty"`
	// Loc is where the record was written; it is not part of the graph.
	Loc Loc `json:"-"`
}

// Citation ties a fact to a Source, with a locator within it ("para 3",
// "p. 12", "art. 9") and how the source supports the fact.
type Citation struct {
	Source  string `json:"source"`
	Locator string `json:"locator"`
	Mode    Mode   `json:"mode"`
	// Role says what an argued claim is to its source: its thesis, or a
	// cause it says explains only part of the story; empty otherwise.
	Role Role   `json:"role,omitempty"`
	Note string `json:"note,omitempty"`
}

// Role is what a claim is to the source that argues it.
type Role string

// The roles a citation can give its claim.
const (
	// Thesis marks a claim the source puts first: the author's "I argue".
	Thesis Role = "thesis"
	// Partial marks a cause the source says explains only part of the
	// story ("cannot be solely attributed to").
	Partial Role = "partial"
)

// String formats c as "source, locator (mode)".
func (c Citation) String() string {
	return c.Source + ", " + c.Locator + " (" + string(c.Mode) + ")"
}
