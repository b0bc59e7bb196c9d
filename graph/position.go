package graph

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrInvalid is matched (with errors.Is) by every validation error: an
// ErrorList or a single *Error.
var ErrInvalid = errors.New("invalid dataset")

// Pos is a position in a dataset file. Line and Col count from 1; a zero Line
// means the position is the file as a whole.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as file:line:col, the form editors and compilers use.
func (p Pos) String() string {
	switch {
	case p.File == "" && p.Line == 0:
		return "-"
	case p.Line == 0:
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one validation problem at a position in a dataset file.
type Error struct {
	Pos Pos
	Msg string
}

// Error returns the problem as "file:line:col: message".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Is reports whether target is ErrInvalid.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

// ErrorList is a list of validation problems, as go/scanner.ErrorList is for
// Go source. Its Error method prints one problem per line.
type ErrorList []*Error

// Add appends a problem at pos.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line, column and message, and drops exact
// duplicates.
func (l *ErrorList) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, e := range s {
		if i > 0 && *e == *s[i-1] {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Err returns nil for an empty list and the list itself otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error prints every problem, one per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Is reports whether target is ErrInvalid.
func (l ErrorList) Is(target error) bool { return target == ErrInvalid }

// Loc records where a record was defined: the position of the record itself
// and of each of its fields, keyed by a slash-separated path relative to the
// record ("object", "evidence/0/source").
type Loc struct {
	Pos    Pos
	Fields map[string]Pos
}

// At returns the position of the field at path, or of the record when the
// field was not written down.
func (l Loc) At(path string) Pos {
	if p, ok := l.Fields[path]; ok {
		return p
	}
	return l.Pos
}
