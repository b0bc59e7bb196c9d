package graph

// Stance is a policy stance a State held over a Period: the anti-Western
// line, the Sinocentric Asia policy, playing the "China card".
type Stance struct {
	Entity
	Holder string `json:"holder"`
	// Toward are the States the stance is aimed at, if any.
	Toward  []string   `json:"toward,omitempty"`
	Period  Period     `json:"period,omitzero"`
	Sources []Citation `json:"sources"`
}
