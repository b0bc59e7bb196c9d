package dynamics_test

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/dynamics"
	"github.com/dyad-kg/dyad/graph"
)

// svgText is one <text> element of an SVG: its position and content.
type svgText struct {
	x, y float64
	s    string
}

// readSVGText parses doc as XML and returns its <text> elements.
func readSVGText(t *testing.T, doc []byte) []svgText {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var out []svgText
	var cur *svgText
	sawSVG := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG is not well-formed XML")
		switch el := tok.(type) {
		case xml.StartElement:
			sawSVG = sawSVG || el.Name.Local == "svg"
			if el.Name.Local == "text" {
				cur = &svgText{}
				for _, a := range el.Attr {
					v, _ := strconv.ParseFloat(a.Value, 64)
					switch a.Name.Local {
					case "x":
						cur.x = v
					case "y":
						cur.y = v
					}
				}
			}
		case xml.CharData:
			if cur != nil {
				cur.s += string(el)
			}
		case xml.EndElement:
			if el.Name.Local == "text" && cur != nil {
				out = append(out, *cur)
				cur = nil
			}
		}
	}
	require.True(t, sawSVG, "no <svg> element")
	return out
}

func series(t *testing.T, ds *graph.Dataset, span dynamics.Span, ids ...string) []*dynamics.Series {
	t.Helper()
	var out []*dynamics.Series
	for _, id := range ids {
		s, err := dynamics.Trajectory(ds, ds.Relation(id), span)
		require.NoError(t, err)
		out = append(out, s)
	}
	return out
}

func chartTexts(t *testing.T, ss []*dynamics.Series) []string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, dynamics.WriteChart(&buf, "svg", ss))
	var texts []string
	for _, x := range readSVGText(t, buf.Bytes()) {
		texts = append(texts, x.s)
	}
	return texts
}

func TestChartSVGText(t *testing.T) {
	ds := fixture(t)
	span := dynamics.Span{From: 1990, To: 1996}
	t.Run("one relation", func(t *testing.T) {
		texts := chartTexts(t, series(t, ds, span, "RUS-JPN"))
		for _, want := range []string{
			"Russia–Japan relations, 1991–1996: sourced influences by year",
			"Year",
			"Evidence-weighted claims (weight units)",
			"balance (strengthening − weakening)",
			"strengthening",
			"weakening (drawn below zero)",
			"Events (numbered along the top of the chart)",
			"1  1993-10-13  Summit (summit)",
			"2  1995-02  A war elsewhere (war)",
			"1991", "1992", "1996", // every year labelled on a span this short
			"0", "2", "-1",
			"1", // the first event's number on the chart
		} {
			assert.Contains(t, texts, want)
		}
		assert.NotContains(t, texts, "1  2001  Late visit (visit)", "the visit is outside the span")
	})
	t.Run("two relations", func(t *testing.T) {
		texts := chartTexts(t, series(t, ds, span, "RUS-JPN", "RUS-CHN"))
		for _, want := range []string{
			"Russia–Japan relations and Russia–China relations, 1991–1996: balance of sourced influences by year",
			"Russia–Japan relations: balance",
			"Russia–China relations: balance",
			"1  1993-10-13  Summit (summit) [RUS-JPN]",
			"2  1995-02  A war elsewhere (war) [RUS-JPN]",
		} {
			assert.Contains(t, texts, want)
		}
		assert.NotContains(t, texts, "strengthening", "several relations show their balances only")
	})
}

// TestChartEventNumbersDoNotCollide crowds five events into one autumn and
// checks that no two of their numbers overlap on the chart.
func TestChartEventNumbersDoNotCollide(t *testing.T) {
	ds := fixture(t)
	for i, day := range []int{1, 2, 3, 5, 8} {
		ds.Events = append(ds.Events, &graph.Event{
			Entity: ent("e-crowd-"+strconv.Itoa(i), "Crowded event "+strconv.Itoa(i)),
			Date:   graph.Date{Year: 1994, Month: 11, Day: day}, Kind: graph.EventStatement, States: []string{"RUS", "JPN"},
		})
	}
	var buf bytes.Buffer
	require.NoError(t, dynamics.WriteChart(&buf, "svg", series(t, ds, dynamics.Span{From: 1991, To: 2001}, "RUS-JPN")))
	number := regexp.MustCompile(`^[0-9]+$`)
	var nums []svgText
	for _, x := range readSVGText(t, buf.Bytes()) {
		// Event numbers are the numeric texts right of the y tick labels, above the x ones.
		if number.MatchString(x.s) && x.x > 50 && x.y < -300 {
			nums = append(nums, x)
		}
	}
	require.Len(t, nums, 8, "one number per event: the summit, five crowded ones, the war, the visit")
	const fontHeight, digitWidth = 8.5, 4.5
	for i := range nums {
		for j := i + 1; j < len(nums); j++ {
			a, b := nums[i], nums[j]
			apart := math.Abs(a.x-b.x) >= digitWidth || math.Abs(a.y-b.y) >= fontHeight
			assert.True(t, apart, "event numbers %s at (%.1f, %.1f) and %s at (%.1f, %.1f) overlap", a.s, a.x, a.y, b.s, b.x, b.y)
		}
	}
}

func TestChartPNG(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, dynamics.WriteChart(&buf, "png", series(t, fixture(t), dynamics.Span{}, "RUS-JPN")))
	img, err := png.Decode(&buf)
	require.NoError(t, err)
	assert.Equal(t, 1500, img.Bounds().Dx(), "10 inches at 150 dpi")
	assert.Greater(t, img.Bounds().Dy(), 675, "the plot (4.5 in) and the key below it")
}

func TestChartErrors(t *testing.T) {
	s := series(t, fixture(t), dynamics.Span{}, "RUS-JPN")
	err := dynamics.WriteChart(io.Discard, "pdf", s)
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), `unknown chart format "pdf"`), err.Error())
	assert.EqualError(t, dynamics.WriteChart(io.Discard, "svg", nil), "no series to draw")
}
