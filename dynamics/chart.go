package dynamics

import (
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/dyad-kg/dyad/graph"
)

// ChartFormats are the formats WriteChart writes.
var ChartFormats = []string{"svg", "png"}

// The chart's size and the PNG's resolution.
const (
	chartWidth  = 10 * vg.Inch
	plotHeight  = 4.5 * vg.Inch
	chartDPI    = 150
	keyFontSize = 8.5
)

// The series' colours (Okabe and Ito's palette, safe for colour-blind
// readers) and dash patterns (distinct in black and white print).
var (
	palette = []color.Color{
		color.RGBA{0x00, 0x72, 0xB2, 0xff}, // blue
		color.RGBA{0xD5, 0x5E, 0x00, 0xff}, // vermilion
		color.RGBA{0x00, 0x9E, 0x73, 0xff}, // bluish green
		color.RGBA{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
		color.RGBA{0xE6, 0x9F, 0x00, 0xff}, // orange
		color.RGBA{0x56, 0xB4, 0xE9, 0xff}, // sky blue
	}
	dashes = [][]vg.Length{nil, {vg.Points(6), vg.Points(3)}, {vg.Points(2), vg.Points(2)}, {vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)}}
	grey   = color.Gray{Y: 0x80}
)

// Chart is a trajectory chart of one or more series: for one relation its
// strengthening and weakening weights and their balance, for several the
// balance of each. Dated events are numbered markers along the top, spread
// into rows so that no two numbers overlap, and listed in a key below the
// chart with their dates and names.
type Chart struct {
	Title  string
	Series []*Series
	// Span is the years the x axis covers.
	Span Span
	// Events are the numbered markers, by date; Tags name the relation of
	// each when the chart has several.
	Events []Marker
	Tags   []string

	legend []legendEntry
}

type legendEntry struct {
	label string
	thumb plot.Thumbnailer
}

// line is one line of the chart: its points, label and look.
type line struct {
	label string
	xys   plotter.XYs
	line  draw.LineStyle
}

// styles returns the chart's lines: for one relation its balance (black),
// strengthening (green, dashed) and weakening (vermilion, dotted, drawn
// below zero); for several the balance of each, by palette and dashes.
func (c *Chart) styles() []line {
	if len(c.Series) == 1 {
		s := c.Series[0]
		return []line{
			{"balance (strengthening − weakening)", steps(s, func(y Year) float64 { return y.Balance }),
				draw.LineStyle{Color: color.Black, Width: vg.Points(2.2)}},
			{"strengthening", steps(s, func(y Year) float64 { return y.Strength }),
				draw.LineStyle{Color: palette[2], Width: vg.Points(1.6), Dashes: dashes[1]}},
			{"weakening (drawn below zero)", steps(s, func(y Year) float64 { return -y.Weakness }),
				draw.LineStyle{Color: palette[1], Width: vg.Points(1.6), Dashes: dashes[2]}},
		}
	}
	var out []line
	for i, s := range c.Series {
		out = append(out, line{s.Name + ": balance", steps(s, func(y Year) float64 { return y.Balance }),
			draw.LineStyle{Color: palette[i%len(palette)], Width: vg.Points(2), Dashes: dashes[i%len(dashes)]}})
	}
	return out
}

// NewChart lays out a chart of series, which must not be empty.
func NewChart(series []*Series) *Chart {
	c := &Chart{Series: series, Span: Span{From: series[0].From, To: series[0].To}}
	names := make([]string, len(series))
	seen := map[string]bool{}
	for i, s := range series {
		names[i] = s.Name
		c.Span.From = min(c.Span.From, s.From)
		c.Span.To = max(c.Span.To, s.To)
		for _, m := range s.Events {
			if !seen[m.ID] {
				seen[m.ID] = true
				c.Events = append(c.Events, m)
				c.Tags = append(c.Tags, s.Relation)
			}
		}
	}
	order := make([]int, len(c.Events))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(c.Events[a].Date.Compare(c.Events[b].Date), cmp.Compare(c.Events[a].ID, c.Events[b].ID))
	})
	events, tags := make([]Marker, len(order)), make([]string, len(order))
	for i, j := range order {
		events[i], tags[i] = c.Events[j], c.Tags[j]
	}
	c.Events, c.Tags = events, tags
	years := fmt.Sprintf("%d–%d", c.Span.From, c.Span.To)
	if len(series) == 1 {
		c.Title = fmt.Sprintf("%s, %s: sourced influences by year", series[0].Name, years)
	} else {
		c.Title = fmt.Sprintf("%s, %s: balance of sourced influences by year", strings.Join(names, " and "), years)
	}
	return c
}

// WriteChart draws the chart of series in format ("svg" or "png") to w.
func WriteChart(w io.Writer, format string, series []*Series) error {
	if len(series) == 0 {
		return fmt.Errorf("no series to draw")
	}
	c := NewChart(series)
	height := plotHeight + c.footHeight()
	var cv vg.CanvasWriterTo
	switch format {
	case "svg":
		cv = vgsvg.New(chartWidth, height)
	case "png":
		cv = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(chartWidth, height), vgimg.UseDPI(chartDPI))}
	default:
		return fmt.Errorf("unknown chart format %q: want svg or png", format)
	}
	if err := c.Draw(draw.New(cv)); err != nil {
		return err
	}
	_, err := cv.WriteTo(w)
	return err
}

// Draw draws the chart on dc: the plot above, the legend and the key of
// events below.
func (c *Chart) Draw(dc draw.Canvas) error {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	foot := c.footHeight()
	p, err := c.plot(draw.Crop(dc, 0, 0, foot, 0))
	if err != nil {
		return err
	}
	p.Draw(draw.Crop(dc, 0, 0, foot, 0))
	c.drawFoot(draw.Crop(dc, vg.Points(12), -vg.Points(12), 0, -(dc.Size().Y - foot)))
	return nil
}

// plot builds the gonum plot for the area pc.
func (c *Chart) plot(pc draw.Canvas) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = c.Title
	p.Title.Padding = vg.Points(8)
	p.X.Label.Text = "Year"
	p.Y.Label.Text = "Evidence-weighted claims (weight units)"
	p.X.Min, p.X.Max = float64(c.Span.From), float64(c.Span.To+1)
	p.X.Tick.Marker = yearTicks{}
	p.Y.Tick.Marker = plot.TickerFunc(integerTicks)
	lo, hi := 0.0, 1.0
	for _, sty := range c.styles() {
		l, err := plotter.NewLine(sty.xys)
		if err != nil {
			return nil, err
		}
		l.LineStyle = sty.line
		p.Add(l)
		c.legend = append(c.legend, legendEntry{sty.label, l})
		for _, xy := range sty.xys {
			lo, hi = min(lo, xy.Y), max(hi, xy.Y)
		}
	}
	p.Add(zeroLine{})
	p.Y.Min, p.Y.Max = math.Floor(lo), math.Ceil(hi)
	// Room at the top for the rows of event numbers.
	ev := &eventMarks{chart: c}
	p.Add(ev)
	data := p.DataCanvas(pc)
	band := ev.bandHeight(data, p)
	if span := data.Size().Y - band; span > 0 {
		p.Y.Max += (p.Y.Max - p.Y.Min) * float64(band/span)
	}
	return p, nil
}

// steps returns a series as a step line: each year's value held from the
// start of the year to its end.
func steps(s *Series, value func(Year) float64) plotter.XYs {
	xys := make(plotter.XYs, 0, 2*len(s.Years))
	for _, y := range s.Years {
		v := value(y)
		xys = append(xys, plotter.XY{X: float64(y.Year), Y: v}, plotter.XY{X: float64(y.Year + 1), Y: v})
	}
	return xys
}

// yearTicks labels every fifth year and marks the others.
type yearTicks struct{}

// Ticks implements plot.Ticker.
func (yearTicks) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	step := 5
	if hi-lo <= 12 {
		step = 1
	}
	for y := int(math.Ceil(lo)); float64(y) <= hi; y++ {
		t := plot.Tick{Value: float64(y)}
		if y%step == 0 {
			t.Label = fmt.Sprint(y)
		}
		ts = append(ts, t)
	}
	return ts
}

// integerTicks labels whole numbers only, at most about eight of them.
func integerTicks(lo, hi float64) []plot.Tick {
	step := max(1, int(math.Ceil((hi-lo)/8)))
	var ts []plot.Tick
	for v := int(math.Ceil(lo)); float64(v) <= hi; v++ {
		t := plot.Tick{Value: float64(v)}
		if v%step == 0 {
			t.Label = fmt.Sprint(v)
		}
		ts = append(ts, t)
	}
	return ts
}

// zeroLine draws the y = 0 line across the plot.
type zeroLine struct{}

// Plot implements plot.Plotter.
func (zeroLine) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	y := trY(0)
	c.StrokeLine2(draw.LineStyle{Color: color.Black, Width: vg.Points(0.5)}, c.Min.X, y, c.Max.X, y)
}

// eventMarks draws the events as dotted vertical lines with their numbers
// along the top of the plot.
type eventMarks struct{ chart *Chart }

// fraction returns where in its year d falls, from 0 to 1: the middle of
// what is known (the middle of the month for a month, of the year for a
// year).
func fraction(d graph.Date) float64 {
	days := float64(time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC).YearDay())
	switch d.Precision() {
	case graph.PrecisionDay:
		return (float64(time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC).YearDay()) - 0.5) / days
	case graph.PrecisionMonth:
		start := time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC).YearDay() - 1
		end := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).YearDay()
		return (float64(start+end) / 2) / days
	}
	return 0.5
}

func (m Marker) x() float64 { return float64(m.Date.Year) + fraction(m.Date) }

func (e *eventMarks) style() text.Style {
	sty := plot.New().Legend.TextStyle
	sty.Font.Size = keyFontSize
	sty.XAlign = draw.XCenter
	return sty
}

// layout places each event's number in the first row where it clears the
// numbers already there; it returns the centre of each number and its row.
func (e *eventMarks) layout(c draw.Canvas, p *plot.Plot) (xs []vg.Length, rows []int, n int) {
	trX, _ := p.Transforms(&c)
	sty := e.style()
	gap := vg.Points(3)
	var ends []vg.Length // right edge of the last number in each row
	for i, m := range e.chart.Events {
		w := sty.Width(fmt.Sprint(i + 1))
		x := min(max(trX(m.x()), c.Min.X+w/2), c.Max.X-w/2)
		row := slices.IndexFunc(ends, func(end vg.Length) bool { return x-w/2 >= end+gap })
		if row < 0 {
			row = len(ends)
			ends = append(ends, 0)
		}
		ends[row] = x + w/2
		xs, rows = append(xs, x), append(rows, row)
	}
	return xs, rows, len(ends)
}

func (e *eventMarks) rowHeight() vg.Length { return e.style().Height("0") + vg.Points(2) }

// bandHeight is the height of the rows of numbers on data canvas c.
func (e *eventMarks) bandHeight(c draw.Canvas, p *plot.Plot) vg.Length {
	if len(e.chart.Events) == 0 {
		return 0
	}
	_, _, n := e.layout(c, p)
	return vg.Length(n)*e.rowHeight() + vg.Points(4)
}

// Plot implements plot.Plotter.
func (e *eventMarks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	xs, rows, _ := e.layout(c, p)
	sty := e.style()
	line := draw.LineStyle{Color: grey, Width: vg.Points(0.6), Dashes: []vg.Length{vg.Points(1), vg.Points(2)}}
	rh := e.rowHeight()
	for i, m := range e.chart.Events {
		top := c.Max.Y - vg.Length(rows[i])*rh - rh
		x := trX(m.x())
		c.StrokeLine2(line, x, c.Min.Y, x, top)
		if xs[i] != x {
			c.StrokeLine2(line, x, top, xs[i], top+vg.Points(1))
		}
		c.FillText(sty, vg.Point{X: xs[i], Y: top + vg.Points(1)}, fmt.Sprint(i+1))
	}
}

// keyLines are the lines of the key of events: "3  1998-04  Kawana summit
// (summit)", with the relation when the chart has several.
func (c *Chart) keyLines() []string {
	lines := make([]string, len(c.Events))
	for i, m := range c.Events {
		tag := ""
		if len(c.Series) > 1 {
			tag = " [" + c.Tags[i] + "]"
		}
		lines[i] = fmt.Sprintf("%d  %s  %s (%s)%s", i+1, m.Date, m.Name, m.Kind, tag)
	}
	return lines
}

func (c *Chart) keyStyle() text.Style {
	sty := plot.New().Legend.TextStyle
	sty.Font.Size = keyFontSize
	return sty
}

// keyColumns returns how many columns the key fits in across the chart.
func (c *Chart) keyColumns() int {
	sty := c.keyStyle()
	widest := vg.Length(0)
	for _, l := range c.keyLines() {
		widest = max(widest, sty.Width(l))
	}
	usable := chartWidth - vg.Points(24)
	return max(1, min(3, int(usable/(widest+vg.Points(18)))))
}

func (c *Chart) lineHeight() vg.Length { return c.keyStyle().Height("0") * 1.3 }

// footHeight is the height below the plot: the legend, then the key.
func (c *Chart) footHeight() vg.Length {
	lh := c.lineHeight()
	h := 2 * lh
	if n := len(c.Events); n > 0 {
		rows := (n + c.keyColumns() - 1) / c.keyColumns()
		h += vg.Length(rows+1)*lh + lh/2
	}
	return h
}

// drawFoot draws the legend and the key of events on fc.
func (c *Chart) drawFoot(fc draw.Canvas) {
	lh := c.lineHeight()
	sty := c.keyStyle()
	y := fc.Max.Y - lh
	c.drawLegend(fc, y)
	y -= lh
	lines := c.keyLines()
	if len(lines) == 0 {
		return
	}
	head := sty
	head.Font.Weight = xfont.WeightBold
	fc.FillText(head, vg.Point{X: fc.Min.X, Y: y - lh}, "Events (numbered along the top of the chart)")
	y -= lh
	cols := c.keyColumns()
	rows := (len(lines) + cols - 1) / cols
	colw := fc.Size().X / vg.Length(cols)
	for i, l := range lines {
		col, row := i/rows, i%rows
		fc.FillText(sty, vg.Point{X: fc.Min.X + vg.Length(col)*colw, Y: y - vg.Length(row+1)*lh}, l)
	}
}

// drawLegend draws the legend on one line at height y of fc: a sample of
// each line, then its label.
func (c *Chart) drawLegend(fc draw.Canvas, y vg.Length) {
	sty := c.keyStyle()
	thumb := vg.Points(28)
	x := fc.Min.X
	for _, e := range c.legend {
		h := sty.Height("0")
		e.thumb.Thumbnail(&draw.Canvas{Canvas: fc.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: x, Y: y},
			Max: vg.Point{X: x + thumb, Y: y + h},
		}})
		x += thumb + vg.Points(5)
		fc.FillText(sty, vg.Point{X: x, Y: y}, e.label)
		x += sty.Width(e.label) + vg.Points(18)
	}
}
