package cite

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// texCommands are the LaTeX text commands reference managers write for
// characters, as Zotero's BibTeX export does ({\textquoteright}).
var texCommands = map[string]string{
	"textquoteright": "’", "textquoteleft": "‘", "textquotedblleft": "“", "textquotedblright": "”",
	"textendash": "–", "textemdash": "—", "textasciitilde": "~", "textasciicircum": "^",
	"textbackslash": `\`, "textunderscore": "_", "textbar": "|", "textless": "<", "textgreater": ">",
	"ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å",
	"l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "textregistered": "®", "texttrademark": "™",
	"textsection": "§", "textdegree": "°", "dag": "†", "ldots": "…", "dots": "…", "textellipsis": "…",
}

// texAccents are LaTeX's accent commands, as combining marks.
var texAccents = map[byte]rune{
	'\'': '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304',
	'.': '\u0307', 'u': '\u0306', 'v': '\u030C', 'H': '\u030B', 'c': '\u0327', 'k': '\u0328', 'r': '\u030A',
}

// plain turns a BibTeX field value into text: it resolves the commands and
// accents above, escaped characters (\& \% \$ \# \_ \{ \}), dashes (-- and
// ---) and ties (~), and drops the braces that protect case.
func plain(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i = command(&b, s, i+1)
		case c == '{' || c == '}':
			i++
		case c == '~':
			b.WriteByte(' ')
			i++
		case strings.HasPrefix(s[i:], "---"):
			b.WriteString("—")
			i += 3
		case strings.HasPrefix(s[i:], "--"):
			b.WriteString("–")
			i += 2
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += n
		}
	}
	return norm.NFC.String(strings.Join(strings.Fields(b.String()), " "))
}

// command writes the LaTeX command that starts at s[i] (after its
// backslash) and returns the index after it.
func command(b *strings.Builder, s string, i int) int {
	c := s[i]
	if strings.IndexByte(`&%$#_{}\ `, c) >= 0 {
		b.WriteByte(c)
		return i + 1
	}
	if mark, ok := texAccents[c]; ok && (!isLetter(c) || i+1 < len(s) && !isLetter(s[i+1])) {
		j := i + 1
		for j < len(s) && (s[j] == '{' || s[j] == ' ') {
			j++
		}
		if j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == '\\' && j+1 < len(s) && (s[j+1] == 'i' || s[j+1] == 'j') {
				r, n = rune(s[j+1]), 2
			}
			b.WriteString(compose(r, mark))
			return j + n
		}
		return j
	}
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	name := s[i:j]
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if strings.HasPrefix(s[j:], "{}") {
		j += 2
	}
	if t, ok := texCommands[name]; ok {
		b.WriteString(t)
	}
	// An unknown command (\url, \emph, \textit...) is dropped; its
	// argument, in braces, is kept as text.
	return j
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// compose writes r with the combining mark; plain composes the result
// (NFC), so \'e reads as the one rune é, as typed.
func compose(r, mark rune) string { return string(r) + string(mark) }

// tex escapes text for a BibTeX field value in braces: the characters
// LaTeX gives a meaning are escaped, and "--" kept from becoming a dash.
func tex(s string) string {
	r := strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`,
		"$", `\$`, "#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`, "--", "-{}-")
	return r.Replace(s)
}

// splitTop splits s on sep where it is outside braces.
func splitTop(s, sep string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case s[i] == '{':
			depth++
		case s[i] == '}':
			depth--
		case depth == 0 && strings.HasPrefix(s[i:], sep):
			out = append(out, s[start:i])
			start = i + len(sep)
			i += len(sep) - 1
		}
	}
	return append(out, s[start:])
}

// person reads one BibTeX name: "{Ministry of Foreign Affairs of Japan}"
// (an institution, as written), "Streltsov, Dmitry V." or "Dmitry V.
// Streltsov"; the result is written given names first, as the dataset does.
func person(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && len(splitTop(s[1:len(s)-1], "}")) == 1 {
		return plain(s)
	}
	parts := splitTop(s, ",")
	switch len(parts) {
	case 1:
		return plain(s)
	case 2: // Last, First
		return plain(parts[1] + " " + parts[0])
	default: // Last, Jr, First
		return plain(parts[2] + " " + parts[0] + ", " + parts[1])
	}
}

// bibName writes a dataset author as BibTeX: "Last, First" for a personal
// name, in braces (as Zotero writes one-field names) for an institution: a
// name with a word in lower case ("Ministry of ...") or of more than four
// words.
func bibName(name string) string {
	words := strings.Fields(name)
	institution := len(words) == 1 || len(words) > 4
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); r >= 'a' && r <= 'z' {
			institution = true
		}
	}
	if institution {
		return "{" + tex(name) + "}"
	}
	last := len(words) - 1
	return tex(words[last]) + ", " + tex(strings.Join(words[:last], " "))
}
