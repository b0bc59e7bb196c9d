package graph

// EventKind classifies an Event.
type EventKind string

// The event kinds.
const (
	EventTreaty    EventKind = "treaty"
	EventAgreement EventKind = "agreement"
	EventStatement EventKind = "statement"
	EventSummit    EventKind = "summit"
	EventVisit     EventKind = "visit"
	EventSanctions EventKind = "sanctions"
	EventWar       EventKind = "war"
	EventPolicy    EventKind = "policy"
	EventPolitical EventKind = "political"
	EventOther     EventKind = "other"
)

// EventKinds lists the valid event kinds.
var EventKinds = []EventKind{EventTreaty, EventAgreement, EventStatement, EventSummit, EventVisit, EventSanctions, EventWar, EventPolicy, EventPolitical, EventOther}

// Event is something that happened on a Date, known to a day, a month or a
// year, with the States involved.
type Event struct {
	Entity
	Date     Date       `json:"date"`
	Kind     EventKind  `json:"kind"`
	States   []string   `json:"states"`
	Regions  []string   `json:"regions,omitempty"`
	Disputes []string   `json:"disputes,omitempty"`
	Sources  []Citation `json:"sources"`
}
