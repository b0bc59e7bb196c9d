package cite

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// lineIndex turns byte offsets into line and column numbers.
type lineIndex struct {
	src    []byte
	starts []int
}

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src, starts}
}

// pos is the position of offset in file; columns count characters.
func (l lineIndex) pos(file string, offset int) graph.Pos {
	offset = min(max(offset, 0), len(l.src))
	line := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset })
	col := len([]rune(string(l.src[l.starts[line-1]:offset]))) + 1
	return graph.Pos{File: file, Line: line, Col: col}
}

type macroError struct {
	offset int
	msg    string
}

// undefinedMacros finds the first bare word in a field value that is neither
// a number, a month abbreviation nor defined by an earlier @string. The
// parser stops the whole program on one (log.Fatal), so it is found first.
// Braces are counted as BibTeX counts them, a backslash before one
// notwithstanding ("{\}" closes a group).
func undefinedMacros(src []byte) *macroError {
	defined := map[string]bool{}
	for _, m := range monthNames {
		defined[m[:3]] = true
	}
	depth, entry := 0, ""
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '@' && depth == 0:
			j := i + 1
			for j < len(src) && isLetter(src[j]) {
				j++
			}
			entry = strings.ToLower(string(src[i+1 : j]))
		case c == '{' || c == '(' && depth == 0 && entry != "":
			depth++
		case c == '}' || c == ')' && depth == 1:
			depth = max(depth-1, 0)
		case c == '"' && depth == 1 && entry != "comment":
			i = skipQuoted(src, i)
		case (c == '=' || c == '#') && depth == 1 && entry != "comment":
			word, at := bareWord(src, i+1)
			if word != "" && strings.Trim(word, "0123456789") != "" && !defined[word] {
				return &macroError{at, fmt.Sprintf("BibTeX: undefined string %q (put it in braces, or define it with @string)", word)}
			}
			if entry == "string" && c == '=' {
				defined[nameBefore(src, i)] = true
			}
		}
	}
	return nil
}

// skipQuoted returns the index of the quote that closes the one at i.
func skipQuoted(src []byte, i int) int {
	depth := 0
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '{':
			depth++
		case '}':
			depth--
		case '"':
			if depth <= 0 {
				return j
			}
		}
	}
	return len(src)
}

// nameBefore returns the identifier that ends, before spaces, at src[i].
func nameBefore(src []byte, i int) string {
	j := i
	for j > 0 && bytes.IndexByte([]byte(" \t\r\n"), src[j-1]) >= 0 {
		j--
	}
	k := j
	for k > 0 && (isLetter(src[k-1]) || src[k-1] >= '0' && src[k-1] <= '9' || strings.IndexByte("_-:./+", src[k-1]) >= 0) {
		k--
	}
	return string(src[k:j])
}

// bareWord returns the identifier after optional spaces at src[i:], if the
// value there is one rather than a braced or quoted string, and its offset.
func bareWord(src []byte, i int) (string, int) {
	for i < len(src) && bytes.IndexByte([]byte(" \t\r\n"), src[i]) >= 0 {
		i++
	}
	j := i
	for j < len(src) && (isLetter(src[j]) || src[j] >= '0' && src[j] <= '9' || strings.IndexByte("_-:./+", src[j]) >= 0) {
		j++
	}
	return string(src[i:j]), i
}
