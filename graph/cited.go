package graph

// Cited is the citations a record holds in one field, and the field's path
// in the record ("sources", "parties/0/sources", "evidence"), as positions
// name it (Loc.At).
type Cited struct {
	Path      string
	Citations []Citation
}

// Citing is a record that cites sources: every kind whose records have
// sources, and claims. A kind says where its records cite in its own file,
// so that what reads every citation of a dataset (lint) needs no list of
// kinds.
type Citing interface {
	CitedIn() []Cited
}
