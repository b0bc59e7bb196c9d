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

var _ = register(&Kind{
	Label: LabelSource, List: "sources", Rank: 7, Prefer: 7, Caption: "short", NodeDiameter: 80, NodeFontSize: 8, Color: "#D9CDB8",
	Doc:   "A source that claims cite: an article, treaty text, statement, report.",
	new:   func() Record { return &Source{} },
	store: typed(func(d *Dataset) *[]*Source { return &d.Sources }),
	check: func(v *validator, r Record) { v.source(r.(*Source)) },
	build: func(b *builder, r Record) { b.source(r.(*Source)) },
})

func (v *validator) source(s *Source) {
	v.enum(s.Loc, "kind", string(s.Kind), strs(SourceKinds))
	v.date(s.Loc, "published", s.Published)
}

func (b *builder) source(s *Source) {
	p := entityProps(&s.Entity)
	setStr(p, "kind", string(s.Kind))
	setList(p, "authors", s.Authors)
	setStr(p, "publisher", s.Publisher)
	setStr(p, "published", s.Published.String())
	setStr(p, "url", s.URL)
	b.node(LabelSource, s.ID, p)
}
