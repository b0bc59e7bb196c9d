package cite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// ReadCSLJSON reads the sources in a CSL-JSON file (an array of items, as
// Zotero's "CSL JSON" export writes it) named file. It returns every problem
// at once as a graph.ErrorList, each at its file:line:col, with the
// sources of the entries that had none.
func ReadCSLJSON(file string, src []byte) ([]*graph.Source, error) {
	var errs graph.ErrorList
	lines := newLineIndex(src)
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	fail := func(err error) ([]*graph.Source, error) {
		offset := int(dec.InputOffset())
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			offset = int(se.Offset)
		case errors.As(err, &te):
			offset = int(te.Offset)
			err = fmt.Errorf("%s: want %s, not a JSON %s", te.Field, te.Type, te.Value)
		}
		errs.Add(lines.pos(file, offset), "CSL-JSON: %v", err)
		return nil, errs
	}
	if tok, err := dec.Token(); err != nil {
		return fail(err)
	} else if tok != json.Delim('[') {
		errs.Add(lines.pos(file, skipSpace(src, 0)), "CSL-JSON: %s", "want an array of items ([...]), as Zotero's CSL JSON export writes")
		return nil, errs
	}
	var out []*graph.Source
	for dec.More() {
		pos := lines.pos(file, skipSpace(src, int(dec.InputOffset())))
		var it cslItem
		if err := dec.Decode(&it); err != nil {
			return fail(err)
		}
		if s := fromCSL(it, pos, &errs); s != nil {
			out = append(out, s)
		}
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	return out, errs.Err()
}

// skipSpace returns the offset of the first byte at or after i that is not
// JSON whitespace or a comma: where the next item starts.
func skipSpace(src []byte, i int) int {
	for i < len(src) && strings.IndexByte(" \t\r\n,", src[i]) >= 0 {
		i++
	}
	return i
}

// fromCSL maps one item to a Source, or adds its problems to errs.
func fromCSL(it cslItem, pos graph.Pos, errs *graph.ErrorList) *graph.Source {
	before := len(*errs)
	s := &graph.Source{Entity: graph.Entity{ID: it.ID, Name: strings.TrimSpace(it.Title), Loc: graph.Loc{Pos: pos}}}
	if !idPattern().MatchString(s.ID) {
		errs.Add(pos, "item id %q cannot be a source id: use letters, digits, '-', '_' or '.'", s.ID)
	}
	if s.Name == "" {
		errs.Add(pos, "item %s has no title", s.ID)
	}
	for _, a := range it.Author {
		name := strings.TrimSpace(a.Literal)
		if name == "" {
			name = strings.TrimSpace(a.Given + " " + a.Family)
		}
		if name != "" {
			s.Authors = append(s.Authors, name)
		}
	}
	s.Publisher = it.ContainerTitle
	if s.Publisher == "" {
		s.Publisher = it.Publisher
	}
	s.URL = it.URL
	if s.URL == "" && it.DOI != "" {
		s.URL = "https://doi.org/" + it.DOI
	}
	d, err := cslIssued(it.Issued)
	if err != nil {
		errs.Add(pos, "item %s: issued: %v", s.ID, err)
	}
	s.Published = d
	s.Kind = kindOf(cslKinds, it.Type, strings.Split(it.Keyword, ","), s.URL)
	if len(*errs) > before {
		return nil
	}
	return s
}

// cslIssued reads a CSL date: its first date-parts (year, month, day), else
// a raw or literal "2019-12-05".
func cslIssued(d *cslDate) (graph.Date, error) {
	if d == nil {
		return graph.Date{}, nil
	}
	if len(d.DateParts) > 0 && len(d.DateParts[0]) > 0 {
		p := d.DateParts[0]
		if len(p) > 3 {
			return graph.Date{}, fmt.Errorf("date-parts %v: want [year, month, day] at most", p)
		}
		s := ""
		for i, n := range p {
			v, err := n.Int64()
			if err != nil || v < 0 {
				return graph.Date{}, fmt.Errorf("date-parts %v: not a whole number: %s", p, n)
			}
			s += map[bool]string{true: fmt.Sprintf("%04d", v), false: fmt.Sprintf("-%02d", v)}[i == 0]
		}
		return graph.ParseDate(s)
	}
	if r := strings.TrimSpace(d.Raw + d.Literal); r != "" {
		return graph.ParseDate(r)
	}
	return graph.Date{}, nil
}
