package queries

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// A question's period and depth, read from its lower-cased text (dashes
// made hyphens): "between 1992 and 2001", "from 1992 to 2001", "1992-2001",
// "in the 1990s", "in the late 1990s", "in/as of/during 2005", "since 2012"
// (2012 on), "after 2012" (2013 on), "until 2000" (to 2000), "before 2000"
// (to 1999); "directly", "within two steps", "depth 2".
const (
	yearRe  = `(-?\d+)`
	countRe = `(\d+|one|two|three|four|five|six|seven|eight|nine|ten)`
)

var (
	reRange  = regexp.MustCompile(`\b(?:between|from)\s+(?:the\s+)?(?:years?\s+)?` + yearRe + `\s+(?:and|to|until|till|through|thru)\s+` + yearRe + `\b|\b(\d{3,4})\s*-\s*(\d{3,4})\b`)
	reDecade = regexp.MustCompile(`\b(?:(early|mid|late)[\s-]+)?(\d{2,3})0s\b`)
	reFrom   = regexp.MustCompile(`\b(since|from|starting in|beginning in|after|post)\s+(?:the\s+)?(?:year\s+)?` + yearRe + `\b`)
	reTo     = regexp.MustCompile(`\b(until|till|up to|through|to|before|prior to|pre)\s+(?:the\s+)?(?:year\s+)?` + yearRe + `\b`)
	reAt     = regexp.MustCompile(`\b(?:in|as of|during|at|around|circa|by)\s+(?:the\s+)?(?:year\s+)?` + yearRe + `\b`)
	reDepth  = regexp.MustCompile(`\b(?:depth(?:\s+of)?|chains?\s+of)\s+` + countRe + `\b|\b(?:(?:up to|within|at most|no more than)\s+)?` + countRe + `\s+(?:steps?|hops?|links?|levels?|claims?)\b|\b(?:up to|within|at most)\s+(\d|one|two|three)\b`)
	reNumber = regexp.MustCompile(`-?\d+`)
)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// when is what a question says of time and depth.
type when struct {
	From, To, Depth int
	// Period and DepthText are the words that gave them, as written.
	Period, DepthText string
	// Stray are numbers read as neither a year nor a depth.
	Stray []string
}

// maxYear is the last year a question may name.
const maxYear = 9999

// readWhen reads the period, the depth and any stray number from q (lower
// case, dashes as hyphens). A year out of range is an error, not dropped.
func readWhen(q string, words []string) (when, error) {
	var w when
	rest := q
	blank := func(loc []int) {
		rest = rest[:loc[0]] + strings.Repeat(" ", loc[1]-loc[0]) + rest[loc[1]:]
	}
	if loc := reDepth.FindStringSubmatchIndex(rest); loc != nil {
		s := sub(rest, loc, 1) + sub(rest, loc, 2) + sub(rest, loc, 3)
		if n, ok := numberWords[s]; ok {
			w.Depth = n
		} else {
			w.Depth, _ = strconv.Atoi(s)
		}
		w.DepthText = strings.TrimSpace(rest[loc[0]:loc[1]])
		blank(loc)
	} else if direct(words) {
		w.Depth = 1
		w.DepthText = "directly"
	}
	if err := w.readPeriod(&rest, blank); err != nil {
		return w, err
	}
	w.Stray = append(w.Stray, reNumber.FindAllString(rest, -1)...)
	return w, nil
}

// direct reports whether the question asks for direct causes only.
func direct(words []string) bool {
	has := func(w string) bool {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	return (has("directly") || has("direct") || has("immediate") || has("immediately")) && !has("indirect") && !has("indirectly")
}

func sub(s string, loc []int, i int) string {
	if loc[2*i] < 0 {
		return ""
	}
	return s[loc[2*i]:loc[2*i+1]]
}

// readPeriod reads the period from *rest, blanking what it used.
func (w *when) readPeriod(rest *string, blank func([]int)) error {
	var texts []string
	use := func(loc []int) {
		texts = append(texts, strings.TrimSpace((*rest)[loc[0]:loc[1]]))
		blank(loc)
	}
	if loc := reRange.FindStringSubmatchIndex(*rest); loc != nil {
		a, b := sub(*rest, loc, 1)+sub(*rest, loc, 3), sub(*rest, loc, 2)+sub(*rest, loc, 4)
		from, err := yearOf(a, (*rest)[loc[0]:loc[1]])
		if err != nil {
			return err
		}
		to, err := yearOf(b, (*rest)[loc[0]:loc[1]])
		if err != nil {
			return err
		}
		w.From, w.To = from, to
		use(loc)
	} else if loc := reDecade.FindStringSubmatchIndex(*rest); loc != nil {
		d, _ := strconv.Atoi(sub(*rest, loc, 2))
		d *= 10
		w.From, w.To = d, d+9
		switch sub(*rest, loc, 1) {
		case "early":
			w.To = d + 3
		case "mid":
			w.From, w.To = d+4, d+6
		case "late":
			w.From = d + 7
		}
		use(loc)
	} else {
		if loc := reFrom.FindStringSubmatchIndex(*rest); loc != nil {
			y, err := yearOf(sub(*rest, loc, 2), (*rest)[loc[0]:loc[1]])
			if err != nil {
				return err
			}
			if k := sub(*rest, loc, 1); k == "after" || k == "post" {
				y++
			}
			w.From = y
			use(loc)
		}
		if loc := reTo.FindStringSubmatchIndex(*rest); loc != nil && !(sub(*rest, loc, 1) == "to" && w.From == 0) {
			y, err := yearOf(sub(*rest, loc, 2), (*rest)[loc[0]:loc[1]])
			if err != nil {
				return err
			}
			if k := sub(*rest, loc, 1); k == "before" || k == "prior to" || k == "pre" {
				y--
			}
			w.To = y
			use(loc)
		}
		if w.From == 0 && w.To == 0 {
			if loc := reAt.FindStringSubmatchIndex(*rest); loc != nil {
				y, err := yearOf(sub(*rest, loc, 1), (*rest)[loc[0]:loc[1]])
				if err != nil {
					return err
				}
				w.From, w.To = y, y
				use(loc)
			}
		}
	}
	w.Period = strings.Join(texts, " ")
	return nil
}

// yearOf reads a year a question names; phrase is the words around it.
func yearOf(s, phrase string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxYear || len(strings.TrimLeft(s, "-")) > 4 {
		return 0, graph.Errorf(graph.EINVALID, "%q: %s is not a year Dyad can read (years are 1 to %d, written in digits)", strings.TrimSpace(phrase), s, maxYear)
	}
	return n, nil
}

// describePeriod says in words the period from..to ("all periods", "in
// 2005", "since 2012", "up to 1999", "1992–2001").
func describePeriod(from, to int) string {
	switch {
	case from == 0 && to == 0:
		return "all periods"
	case from == to:
		return fmt.Sprintf("in %d", from)
	case to == 0:
		return fmt.Sprintf("since %d", from)
	case from == 0:
		return fmt.Sprintf("up to %d", to)
	}
	return fmt.Sprintf("%d–%d", from, to)
}
