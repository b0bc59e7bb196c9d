package graph

// SourceKind classifies a Source.
type SourceKind string

// The source kinds.
const (
	SourceArticle   SourceKind = "article"
	SourceBook      SourceKind = "book"
	SourceTreaty    SourceKind = "treaty"
	SourceStatement SourceKind = "statement"
	SourceNews      SourceKind = "news"
	SourceReport    SourceKind = "report"
	SourceWeb       SourceKind = "web"
)

// SourceKinds lists the valid source kinds.
var SourceKinds = []SourceKind{SourceArticle, SourceBook, SourceTreaty, SourceStatement, SourceNews, SourceReport, SourceWeb}

// Source is a document that facts cite: enough to find it again.
type Source struct {
	Entity
	Kind      SourceKind `json:"kind"`
	Authors   []string   `json:"authors,omitempty"`
	Publisher string     `json:"publisher,omitempty"`
	Published Date       `json:"published,omitzero"`
	URL       string     `json:"url,omitempty"`
}
