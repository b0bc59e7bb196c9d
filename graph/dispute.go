package graph

// Dispute is a territorial or political dispute between states, such as the
// Kuril Islands / Northern Territories.
type Dispute struct {
	Entity
	// Territory is the Region in dispute, if it is recorded as one.
	Territory string `json:"territory,omitempty"`
	// Since is when the dispute began, as far as it is dated.
	Since   Date       `json:"since,omitzero"`
	Parties []Party    `json:"parties"`
	Sources []Citation `json:"sources,omitempty"`
}

// Party is a State's side in a Dispute.
type Party struct {
	State    string     `json:"state"`
	Position string     `json:"position"`
	Sources  []Citation `json:"sources,omitempty"`
}
