package graph

// Scope says whether a Region lies within a state or spans several.
type Scope string

// The region scopes.
const (
	Subnational   Scope = "subnational"
	Supranational Scope = "supranational"
)

// Region is a sub-national region (the Russian Far East) or a supra-national
// one (Central Asia, the Asia-Pacific, Eurasia).
type Region struct {
	Entity
	Scope Scope `json:"scope"`
	// PartOf are the States or Regions this region lies in.
	PartOf []string `json:"part_of,omitempty"`
	// Members are the States a supra-national region is made of.
	Members []string   `json:"members,omitempty"`
	Sources []Citation `json:"sources,omitempty"`
}
