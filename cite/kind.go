package cite

import (
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// bibKinds maps BibTeX and BibLaTeX entry types (lower case) to source kinds.
var bibKinds = map[string]graph.SourceKind{
	"article": graph.SourceArticle, "inproceedings": graph.SourceArticle, "conference": graph.SourceArticle,
	"book": graph.SourceBook, "inbook": graph.SourceBook, "incollection": graph.SourceBook, "booklet": graph.SourceBook,
	"mvbook": graph.SourceBook, "collection": graph.SourceBook,
	"techreport": graph.SourceReport, "report": graph.SourceReport, "phdthesis": graph.SourceReport,
	"mastersthesis": graph.SourceReport, "thesis": graph.SourceReport, "manual": graph.SourceReport,
	"online": graph.SourceWeb, "www": graph.SourceWeb, "electronic": graph.SourceWeb,
	"legislation": graph.SourceTreaty, "legal": graph.SourceTreaty, "jurisdiction": graph.SourceTreaty,
}

// cslKinds maps CSL item types to source kinds.
var cslKinds = map[string]graph.SourceKind{
	"article-journal": graph.SourceArticle, "article-magazine": graph.SourceArticle, "article": graph.SourceArticle,
	"paper-conference": graph.SourceArticle, "review": graph.SourceArticle,
	"article-newspaper": graph.SourceNews, "broadcast": graph.SourceNews,
	"book": graph.SourceBook, "chapter": graph.SourceBook,
	"report": graph.SourceReport, "thesis": graph.SourceReport, "document": graph.SourceReport,
	"legislation": graph.SourceTreaty, "treaty": graph.SourceTreaty, "legal_case": graph.SourceTreaty,
	"speech": graph.SourceStatement, "interview": graph.SourceStatement, "personal_communication": graph.SourceStatement,
	"webpage": graph.SourceWeb, "post": graph.SourceWeb, "post-weblog": graph.SourceWeb,
}

// kindOf picks a source's kind: a "dyad:KIND" keyword first, then the entry
// type in table, then web for anything with an address and report for the
// rest (Zotero's "misc" and "document").
func kindOf(table map[string]graph.SourceKind, typ string, keywords []string, url string) graph.SourceKind {
	for _, k := range keywords {
		if name, ok := strings.CutPrefix(strings.TrimSpace(k), "dyad:"); ok {
			return graph.SourceKind(name)
		}
	}
	if k, ok := table[strings.ToLower(typ)]; ok {
		return k
	}
	if url != "" {
		return graph.SourceWeb
	}
	return graph.SourceReport
}

// bibTypes are the BibTeX entry types the writer uses for each kind; a kind
// that reading the type would not give back also gets a dyad:KIND keyword.
var bibTypes = map[graph.SourceKind]string{
	graph.SourceArticle: "article", graph.SourceBook: "book", graph.SourceReport: "techreport",
	graph.SourceWeb: "misc", graph.SourceNews: "article", graph.SourceTreaty: "misc", graph.SourceStatement: "misc",
}

// cslTypes are the CSL item types the writer uses for each kind.
var cslTypes = map[graph.SourceKind]string{
	graph.SourceArticle: "article-journal", graph.SourceBook: "book", graph.SourceReport: "report",
	graph.SourceWeb: "webpage", graph.SourceNews: "article-newspaper", graph.SourceTreaty: "treaty",
	graph.SourceStatement: "speech",
}
