package graph

// Label is the kind of a node, used as its Neo4j label and GraphML label.
// Labels come from a fixed list: Labels.
type Label string

// The node labels.
const (
	LabelState    Label = "State"
	LabelRegion   Label = "Region"
	LabelDispute  Label = "Dispute"
	LabelEvent    Label = "Event"
	LabelStance   Label = "Stance"
	LabelFactor   Label = "Factor"
	LabelRelation Label = "Relation"
	LabelSource   Label = "Source"
)

// Labels lists every node label in the order of the kind registry
// (NodeKinds: the derived Claim included). It is filled when the package
// initialises.
var Labels []Label

// RelType is the type of an edge, used as its Neo4j relationship type.
// Types come from a fixed list, RelTypes, and read as sentences:
// (:Factor)-[:WEAKENS]->(:Relation).
type RelType string

// The relationship types.
const (
	// RelHasRelation links each State to a Relation it is a party to.
	RelHasRelation RelType = "HAS_RELATION"
	// RelSucceeds links a State to the State it succeeded (Russia to the Soviet Union).
	RelSucceeds RelType = "SUCCEEDS"
	// RelPartOf links a Region to the State or Region it lies in, and a member
	// State to its supra-national Region.
	RelPartOf RelType = "PART_OF"
	// RelPartyTo links a State to a Dispute; the edge carries its position.
	RelPartyTo RelType = "PARTY_TO"
	// RelConcerns links a Dispute to its territory and an Event or Factor to the
	// Regions or Disputes it is about.
	RelConcerns RelType = "CONCERNS"
	// RelInvolves links an Event to the States that took part.
	RelInvolves RelType = "INVOLVES"
	// RelHolds links a State to a Stance it held; the edge carries the period.
	RelHolds RelType = "HOLDS"
	// RelToward links a Stance to the States it is aimed at.
	RelToward RelType = "TOWARD"
	// RelArisesIn links a domestic Factor to the State it arises in.
	RelArisesIn RelType = "ARISES_IN"
	// RelWeakens is a sourced claim that the start node weakened the end node.
	RelWeakens RelType = "WEAKENS"
	// RelStrengthens is a sourced claim that the start node strengthened the end node.
	RelStrengthens RelType = "STRENGTHENS"
	// RelDrives is a sourced claim that the start node drove (fostered) the end node.
	RelDrives RelType = "DRIVES"
	// RelSubject links a Claim node to its subject, what weakens,
	// strengthens or drives (the subject of the claim as a statement).
	RelSubject RelType = "SUBJECT"
	// RelObject links a Claim node to its object, what is weakened,
	// strengthened or driven.
	RelObject RelType = "OBJECT"
	// RelSupports links a Source to what it supports: a Claim (as
	// evidence) or a node whose record cites it; the edge carries the
	// locator, mode and role of the citation.
	RelSupports RelType = "SUPPORTS"
	// RelContests links a Source to a Claim it disputes, with the locator
	// and mode of the citation.
	RelContests RelType = "CONTESTS"
)

// RelTypes lists every relationship type in a fixed order.
var RelTypes = []RelType{
	RelHasRelation, RelSucceeds, RelPartOf, RelPartyTo, RelConcerns, RelInvolves,
	RelHolds, RelToward, RelArisesIn, RelWeakens, RelStrengthens, RelDrives,
	RelSubject, RelObject, RelSupports, RelContests,
}

// Effect is the sign of an influence claim.
type Effect string

// The effects a Claim can assert.
const (
	Weakens     Effect = "weakens"
	Strengthens Effect = "strengthens"
	Drives      Effect = "drives"
)

// RelType returns the relationship type that carries a claim with effect e.
func (e Effect) RelType() RelType {
	switch e {
	case Weakens:
		return RelWeakens
	case Strengthens:
		return RelStrengthens
	case Drives:
		return RelDrives
	}
	return ""
}

// Sign is -1 for Weakens and +1 for Strengthens and Drives.
func (e Effect) Sign() int {
	if e == Weakens {
		return -1
	}
	return 1
}

// Mode says how a source supports a claim: as the author's argument, or as a
// fact it reports.
type Mode string

// The citation modes.
const (
	Argued   Mode = "argued"
	Reported Mode = "reported"
)
