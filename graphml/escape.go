package graphml

import (
	"strings"
	"unicode/utf8"
)

// replacement is U+FFFD, written in place of characters XML 1.0 forbids.
const replacement = "\uFFFD"

// xmlChar reports whether XML 1.0 allows r in a document (production Char).
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// Sanitize returns s with every character XML 1.0 forbids (control
// characters other than tab, newline and carriage return, U+FFFE, U+FFFF,
// bytes that are not UTF-8) replaced with U+FFFD: the string a reader of an
// export gets back for s.
func Sanitize(s string) string {
	if clean(s) {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !xmlChar(r) || r == utf8.RuneError && size == 1 {
			sb.WriteString(replacement)
		} else {
			sb.WriteString(s[i : i+size])
		}
		i += size
	}
	return sb.String()
}

func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !xmlChar(r) || r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// appendText appends s escaped as element content. Carriage returns are
// written as a character reference, since parsers turn a literal CR LF
// into LF.
func appendText(b []byte, s string) []byte {
	return appendEscaped(b, s, false)
}

// appendAttr appends s escaped for a double-quoted attribute value. Tabs,
// newlines and carriage returns are character references, since parsers
// turn literal ones into spaces.
func appendAttr(b []byte, s string) []byte {
	return appendEscaped(b, s, true)
}

func appendEscaped(b []byte, s string, attr bool) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				esc = "&amp;"
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '\r':
				esc = "&#xD;"
			case c == '"' && attr:
				esc = "&quot;"
			case c == '\n' && attr:
				esc = "&#xA;"
			case c == '\t' && attr:
				esc = "&#x9;"
			case c < 0x20 && c != '\n' && c != '\t':
				esc = replacement
			default:
				i++
				continue
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if xmlChar(r) && !(r == utf8.RuneError && size == 1) {
				i += size
				continue
			}
			esc = replacement
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		i += size
		start = i
	}
	return append(b, s[start:]...)
}
