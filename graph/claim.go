package graph

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
