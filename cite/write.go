package cite

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

var monthMacros = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// WriteBibTeX writes sources as BibTeX entries, laid out as Zotero exports
// them (tab-indented lower-case fields, month as a macro); the citation key
// is the source id. ReadBibTeX reads them back as they were.
func WriteBibTeX(w io.Writer, sources []graph.Source) error {
	bw := bufio.NewWriter(w)
	for i, s := range sources {
		if i > 0 {
			bw.WriteString("\n")
		}
		writeBibEntry(bw, s)
	}
	return bw.Flush()
}

func writeBibEntry(w *bufio.Writer, s graph.Source) {
	typ := bibTypes[s.Kind]
	if typ == "" {
		typ = "misc"
	}
	field := func(name, value string) { fmt.Fprintf(w, "\t%s = {%s},\n", name, value) }
	fmt.Fprintf(w, "@%s{%s,\n", typ, s.ID)
	field("title", "{"+tex(s.Name)+"}")
	if len(s.Authors) > 0 {
		names := make([]string, len(s.Authors))
		for i, a := range s.Authors {
			names[i] = bibName(a)
		}
		field("author", strings.Join(names, " and "))
	}
	if s.Publisher != "" {
		field(publisherField[typ], tex(s.Publisher))
	}
	if s.URL != "" {
		field("url", s.URL)
	}
	if d := s.Published; !d.IsZero() {
		field("date", d.String())
		field("year", fmt.Sprint(d.Year))
		if d.Month > 0 {
			fmt.Fprintf(w, "\tmonth = %s,\n", monthMacros[d.Month-1])
		}
	}
	if kindOf(bibKinds, typ, nil, s.URL) != s.Kind {
		field("keywords", "dyad:"+string(s.Kind))
	}
	w.WriteString("}\n")
}

// publisherField is the field that holds the publisher in each entry type
// the writer uses, as Zotero fills it.
var publisherField = map[string]string{"article": "journal", "book": "publisher", "techreport": "institution", "misc": "howpublished"}

// cslItem is a CSL-JSON item, with the fields Dyad reads and writes.
type cslItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Title          string    `json:"title,omitempty"`
	Author         []cslName `json:"author,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Publisher      string    `json:"publisher,omitempty"`
	Issued         *cslDate  `json:"issued,omitempty"`
	URL            string    `json:"URL,omitempty"`
	DOI            string    `json:"DOI,omitempty"`
	Keyword        string    `json:"keyword,omitempty"`
}

// cslName is a person (family and given names) or an institution (literal).
type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// cslDate is a CSL date: date-parts, or a raw or literal string.
type cslDate struct {
	DateParts [][]json.Number `json:"date-parts,omitempty"`
	Raw       string          `json:"raw,omitempty"`
	Literal   string          `json:"literal,omitempty"`
}

// WriteCSLJSON writes sources as a CSL-JSON array, the format Zotero's "CSL
// JSON" export writes and citeproc, Pandoc and Zotero's import read.
func WriteCSLJSON(w io.Writer, sources []graph.Source) error {
	items := make([]cslItem, 0, len(sources))
	for _, s := range sources {
		it := cslItem{ID: s.ID, Type: cslTypes[s.Kind], Title: s.Name, URL: s.URL}
		if it.Type == "" {
			it.Type = "document"
		}
		for _, a := range s.Authors {
			it.Author = append(it.Author, cslPerson(a))
		}
		if s.Kind == graph.SourceBook || s.Kind == graph.SourceReport || s.Kind == graph.SourceStatement || s.Kind == graph.SourceTreaty {
			it.Publisher = s.Publisher
		} else {
			it.ContainerTitle = s.Publisher
		}
		if d := s.Published; !d.IsZero() {
			parts := []json.Number{json.Number(fmt.Sprint(d.Year))}
			for _, n := range []int{d.Month, d.Day} {
				if n > 0 {
					parts = append(parts, json.Number(fmt.Sprint(n)))
				}
			}
			it.Issued = &cslDate{DateParts: [][]json.Number{parts}}
		}
		items = append(items, it)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	enc.SetEscapeHTML(false)
	return enc.Encode(items)
}

// cslPerson splits a dataset author ("Dmitry V. Streltsov") into family and
// given names; an institution is a literal.
func cslPerson(name string) cslName {
	b := bibName(name)
	if strings.HasPrefix(b, "{") {
		return cslName{Literal: name}
	}
	words := strings.Fields(name)
	return cslName{Family: words[len(words)-1], Given: strings.Join(words[:len(words)-1], " ")}
}
