package cite

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/nickng/bibtex"

	"github.com/dyad-kg/dyad/graph"
)

// parseMu serialises bibtex.Parse, which keeps its state in package
// variables.
var parseMu sync.Mutex

// entryStart finds where each entry starts and its citation key: the
// parser gives no positions for what it read well.
var entryStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`@[ \t]*([A-Za-z]+)[ \t\r\n]*[{(][ \t\r\n]*([^,\s{}()]+)[ \t\r\n]*,`)
})

// idPattern is what the dataset accepts as an id (data/schema).
var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`) })

// ReadBibTeX reads the sources in a BibTeX file (Zotero's or Better
// BibTeX's export) named file. It returns every problem at once as a
// graph.ErrorList, each at its file:line:col, with the sources of the
// entries that had none.
func ReadBibTeX(file string, src []byte) ([]*graph.Source, error) {
	var errs graph.ErrorList
	lines := newLineIndex(src)
	if e := undefinedMacros(src); e != nil {
		errs.Add(lines.pos(file, e.offset), "%s", e.msg)
		return nil, errs
	}
	bib, err := parseBibTeX(src)
	if err != nil {
		pos := graph.Pos{File: file, Line: 1, Col: 1}
		if pe, ok := err.(*bibtex.ErrParse); ok {
			fmt.Sscanf(pe.Pos.String(), "%d:%d", &pos.Line, &pos.Col)
			err = fmt.Errorf("%s", pe.Err)
		}
		errs.Add(pos, "BibTeX: %v", err)
		return nil, errs
	}
	starts := map[string]graph.Pos{}
	for _, m := range entryStart().FindAllSubmatchIndex(src, -1) {
		key := string(src[m[4]:m[5]])
		if _, dup := starts[key]; !dup {
			starts[key] = lines.pos(file, m[0])
		}
	}
	var out []*graph.Source
	for _, e := range bib.Entries {
		pos, ok := starts[e.CiteName]
		if !ok {
			pos = graph.Pos{File: file, Line: 1, Col: 1}
		}
		if s := fromBibEntry(e, pos, &errs); s != nil {
			out = append(out, s)
		}
	}
	return out, errs.Err()
}

// parseBibTeX runs the parser, one at a time, turning a panic on input it
// cannot handle into an error.
func parseBibTeX(src []byte) (bib *bibtex.BibTex, err error) {
	parseMu.Lock()
	defer parseMu.Unlock()
	// The parser's scanner keeps a package variable that a failed parse
	// leaves set, which breaks the next parse; a lone comma resets it.
	defer bibtex.Parse(strings.NewReader(","))
	defer func() {
		if r := recover(); r != nil {
			bib, err = nil, fmt.Errorf("unreadable input (%v)", r)
		}
	}()
	return bibtex.Parse(bytes.NewReader(src))
}

// fields returns e's fields as plain strings, by lower-case name.
func fields(e *bibtex.BibEntry) map[string]string {
	f := make(map[string]string, len(e.Fields))
	for k, v := range e.Fields {
		if v != nil {
			f[strings.ToLower(k)] = v.String()
		}
	}
	return f
}

// fromBibEntry maps one entry to a Source, or adds its problems to errs.
func fromBibEntry(e *bibtex.BibEntry, pos graph.Pos, errs *graph.ErrorList) *graph.Source {
	before := len(*errs)
	f := fields(e)
	s := &graph.Source{Entity: graph.Entity{ID: e.CiteName, Name: plain(f["title"]), Loc: graph.Loc{Pos: pos}}}
	if !idPattern().MatchString(s.ID) {
		errs.Add(pos, "citation key %q cannot be a source id: use letters, digits, '-', '_' or '.' (set the key in Zotero or Better BibTeX)", s.ID)
	}
	if s.Name == "" {
		errs.Add(pos, "entry %s has no title", s.ID)
	}
	if a := strings.TrimSpace(f["author"]); a != "" {
		for _, p := range splitTop(a, " and ") {
			s.Authors = append(s.Authors, person(p))
		}
	}
	s.Publisher = plain(first(f, "journal", "journaltitle", "booktitle", "publisher", "institution", "organization", "school", "howpublished"))
	s.URL = bibURL(f)
	published, err := bibDate(f)
	if err != nil {
		errs.Add(pos, "entry %s: %v", s.ID, err)
	}
	s.Published = published
	s.Kind = kindOf(bibKinds, e.Type, splitTop(f["keywords"], ","), s.URL)
	if len(*errs) > before {
		return nil
	}
	return s
}

func first(f map[string]string, names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(f[n]); v != "" && !strings.HasPrefix(v, `\url`) {
			return v
		}
	}
	return ""
}

// bibURL is the entry's url, else its DOI as an address.
func bibURL(f map[string]string) string {
	if u := strings.TrimSpace(f["url"]); u != "" {
		return strings.NewReplacer(`\_`, "_", `\%`, "%", `\&`, "&", `\#`, "#", "{", "", "}", "").Replace(u)
	}
	if d := strings.TrimSpace(f["doi"]); d != "" {
		return "https://doi.org/" + d
	}
	return ""
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// bibDate reads BibLaTeX's date field (2019, 2019-12 or 2019-12-05), else
// year, month (a macro such as dec, a name or a number) and day.
func bibDate(f map[string]string) (graph.Date, error) {
	if d := plain(f["date"]); d != "" {
		return graph.ParseDate(d)
	}
	y := plain(f["year"])
	if y == "" {
		return graph.Date{}, nil
	}
	s := y
	if m := strings.ToLower(plain(f["month"])); m != "" {
		n, err := strconv.Atoi(m)
		for i, name := range monthNames {
			if m == name || len(m) >= 3 && strings.HasPrefix(name, m) {
				n, err = i+1, nil
			}
		}
		if err != nil {
			return graph.Date{}, fmt.Errorf("invalid month %q", m)
		}
		s += fmt.Sprintf("-%02d", n)
		if d := plain(f["day"]); d != "" {
			s += "-" + fmt.Sprintf("%02s", d)
		}
	}
	return graph.ParseDate(s)
}
