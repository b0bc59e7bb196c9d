package queries_test

// The Neo4j Browser tour (docs/browser/dyad-tour.cypher and, one favourite
// per step, docs/browser/dyad-tour.zip) is generated here from the catalog,
// so it never drifts from queries/cypher: the test fails when the committed
// files differ from what the catalog gives. Rewrite them with
//
//	go test ./queries -run 'TestBrowser' -update
//
// The test also checks docs/browser/dyad.grass, the Browser style, against
// the model's labels and relationship types and against the rules of
// Browser's own GraSS parser.

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/queries"
)

func init() {
	// queries/querytest may already define -update (for its golden files).
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the generated files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

const (
	tourFile   = "../docs/browser/dyad-tour.cypher"
	tourZip    = "../docs/browser/dyad-tour.zip"
	grassFile  = "../docs/browser/dyad.grass"
	tourFolder = "Dyad tour"
)

// tourStep is one step of the tour: a question or a view of the graph.
type tourStep struct {
	Title  string
	Doc    string
	Params map[string]any
	Cypher string
}

// A step of the story: a catalog question (with its Example parameters) or a
// query that returns paths, so that Browser draws the graph.
type storyItem struct {
	question queries.Name
	graph    *tourStep
}

func question(n queries.Name) storyItem { return storyItem{question: n} }

func graphView(title, doc string, params map[string]any, cypher string) storyItem {
	return storyItem{graph: &tourStep{Title: title, Doc: doc, Params: params, Cypher: cypher}}
}

// neighbourhood is the graph view of a relation and what acts on it
// directly: every claim into it, and the claims among those subjects. No
// states: Browser would also draw every edge between them and the subjects
// (events involving them, stances they hold), which the step is not about.
func neighbourhood(title, about, a, b string) storyItem {
	return graphView(title,
		"The relation and what weakened or strengthened it directly ("+about+"), with every link among those causes: what drove what, which events concern a dispute.",
		map[string]any{"a": a, "b": b},
		`MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH (subject)-[:WEAKENS|STRENGTHENS]->(rel)
WITH rel, collect(DISTINCT subject) AS subjects
MATCH p = (x)-->(y)
WHERE x IN subjects AND (y = rel OR y IN subjects)
RETURN p`)
}

// andLinks ends a graph view whose paths p are matched so far: it returns
// them with the links among their nodes (those whose relationship passes
// filter, on r), so that what Browser draws with "Connect result nodes"
// on, every relationship between the nodes shown, is what the step returns.
func andLinks(filter string) string {
	cypher := `WITH collect(p) AS paths
UNWIND paths AS q
UNWIND nodes(q) AS n
WITH paths, collect(DISTINCT n) AS shown
OPTIONAL MATCH l = (x)-[r]->(y)
WHERE x IN shown AND y IN shown`
	if filter != "" {
		cypher += " " + filter
	}
	return cypher + `
WITH paths, collect(l) AS links
UNWIND paths + links AS p
RETURN p`
}

// story is the tour's order: Russia, Japan and China after 1991. A catalog
// question not placed here joins the end of the tour, in catalog order, so
// that a new question needs no change to this file.
var story = []storyItem{
	graphView("The states and their relations",
		"Every state and every bilateral relation (a node of its own, so causes can point at it); the Soviet Union is not Russia: SUCCEEDS links them.",
		nil,
		`MATCH p = (:State)-[:HAS_RELATION]->(:Relation)
RETURN p
UNION
MATCH p = (:State)-[:SUCCEEDS]->(:State)
RETURN p`),
	neighbourhood("The Russia–Japan neighbourhood", "factors, stances, events, the Kuril dispute", "RUS", "JPN"),
	question(queries.Weakened),
	graphView("What weakened Russia–Japan relations, as a graph",
		"The same causes and chains as paths: direct claims, and chains of up to three claims whose net effect weakens (a factor that drives a weakener weakens; one that weakens a weakener strengthens, and is left out), and every other link among them (which events concern a dispute; a claim between two causes, such as the two halves of a feedback loop), which Browser would draw anyway; a claim into the relation shows only on a weakening path. Red edges weaken, orange drive, green strengthen.",
		map[string]any{"a": "RUS", "b": "JPN"},
		`MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel)
WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = -1
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
`+andLinks(`AND NOT (type(r) IN ['WEAKENS', 'STRENGTHENS', 'DRIVES'] AND y:Relation)`)),
	question(queries.Timeline),
	question(queries.Disputes),
	graphView("The Kuril Islands dispute",
		"The disputes Russia is party to, their parties and territory, what each dispute weakened or strengthened, and the links among them: whose relation each is, the territory's parts, the Soviet Union's successor.",
		map[string]any{"a": "RUS"},
		`MATCH (:State {id: $a})-[:PARTY_TO]->(d:Dispute)
CALL {
  WITH d MATCH p = (:State)-[:PARTY_TO]->(d) RETURN p
  UNION
  WITH d MATCH p = (d)-[:CONCERNS]->(:Region) RETURN p
  UNION
  WITH d MATCH p = (d)-[:WEAKENS|STRENGTHENS]->() RETURN p
}
`+andLinks("")),
	question(queries.Regions),
	question(queries.Stances),
	neighbourhood("The Russia–China neighbourhood", "why China, not Japan, became Moscow's partner", "RUS", "CHN"),
	question(queries.Strengthened),
	question(queries.Contrast),
	question(queries.Compare),
	question(queries.Paths),
	question(queries.SourceClaims),
	question(queries.Contested),
}

// buildTour renders the story as steps, from the catalog and the shipped
// dataset (for the questions' titles).
func buildTour(t *testing.T) []tourStep {
	t.Helper()
	ds, err := loader.ReadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	mem := queries.NewMemory(ds)
	var steps []tourStep
	seen := map[queries.Name]bool{}
	items := slices.Clone(story)
	for _, q := range queries.Catalog {
		if !slices.ContainsFunc(story, func(it storyItem) bool { return it.question == q.Name }) {
			items = append(items, question(q.Name))
		}
	}
	for _, it := range items {
		if it.graph != nil {
			steps = append(steps, *it.graph)
			continue
		}
		q, err := queries.Lookup(it.question)
		if err != nil {
			t.Fatal(err)
		}
		if seen[q.Name] {
			t.Fatalf("the story has %s twice", q.Name)
		}
		seen[q.Name] = true
		ans, err := queries.Run(context.Background(), mem, q.Name, q.Example)
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		// The shipped data holds no sourced feedback loop (docs/sources.md):
		// the loops step shows the query and its empty answer.
		if len(ans.Findings) == 0 && q.Name != queries.Loops {
			t.Errorf("%s with its example parameters finds nothing in the shipped dataset: a dull tour step", q.Name)
		}
		steps = append(steps, tourStep{
			Title:  ans.Title + " (" + string(q.Name) + ")",
			Doc:    q.Doc,
			Params: q.CypherParams(q.Example),
			Cypher: stripHeader(q.Cypher),
		})
	}
	return steps
}

// stripHeader drops a .cypher file's leading comment (the tour writes its
// own, and the file's `:param` example would repeat the step's).
func stripHeader(cypher string) string {
	lines := strings.Split(strings.TrimSpace(cypher), "\n")
	for len(lines) > 0 && strings.HasPrefix(strings.TrimSpace(lines[0]), "//") {
		lines = lines[1:]
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// browserParams renders params as Neo4j Browser's `:param {...}` command.
func browserParams(t *testing.T, params map[string]any) string {
	t.Helper()
	return queries.ParamCommand(params)
}

// wrap breaks text into comment lines of at most width characters.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// renderStep is one step as Browser runs it: a comment whose first line is
// the favourite's name, the `:param` command, then the query.
func renderStep(t *testing.T, i int, s tourStep) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// %02d %s\n", i+1, s.Title)
	for _, l := range wrap(s.Doc, 76) {
		fmt.Fprintf(&b, "//    %s\n", l)
	}
	if s.Params != nil {
		b.WriteString(browserParams(t, s.Params) + ";\n")
	}
	b.WriteString(s.Cypher + ";\n")
	return b.String()
}

const tourHeader = `// Dyad in Neo4j Browser: a guided tour of Russia, Japan and China after 1991.
//
// Generated from the query catalog (queries.Catalog, queries/cypher/*.cypher)
// by queries/browser_test.go; do not edit by hand. Regenerate with
//   go test ./queries -run TestBrowser -update
//
// Load the graph first (dyad load), apply the style (docs/browser/dyad.grass),
// then drag this file onto Neo4j Browser and pick "Paste in editor" to run the
// whole tour at once (each step in its own row of one frame), or import
// docs/browser/dyad-tour.zip in the Favorites drawer for one saved script per
// step. Each step sets its parameters with :param, then asks its question.
// See docs/browser.md.
`

func renderTour(t *testing.T, steps []tourStep) string {
	var b strings.Builder
	b.WriteString(tourHeader)
	for i, s := range steps {
		b.WriteString("\n")
		b.WriteString(renderStep(t, i, s))
	}
	return b.String()
}

// zipEntries are the favourites: one script per step, in the tour's folder
// (Browser names a favourite after its first comment line).
func zipEntries(t *testing.T, steps []tourStep) [][2]string {
	var out [][2]string
	nonWord := regexp.MustCompile(`[^a-z0-9]+`)
	for i, s := range steps {
		slug := strings.Trim(nonWord.ReplaceAllString(strings.ToLower(s.Title), "-"), "-")
		if len(slug) > 48 {
			slug = strings.TrimRight(slug[:48], "-")
		}
		out = append(out, [2]string{fmt.Sprintf("%s/%02d-%s.cypher", tourFolder, i+1, slug), renderStep(t, i, s)})
	}
	return out
}

func writeZip(t *testing.T, entries [][2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		// Stored, with a fixed time: the same steps give the same bytes.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Store,
			Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, e[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readZip(path string) ([][2]string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var out [][2]string
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, [2]string{f.Name, string(b)})
	}
	return out, nil
}

func TestBrowserTour(t *testing.T) {
	steps := buildTour(t)
	want := renderTour(t, steps)
	entries := zipEntries(t, steps)
	if updating() {
		if err := os.MkdirAll(filepath.Dir(tourFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(tourFile, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(tourZip, writeZip(t, entries), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s and %s (%d steps)", tourFile, tourZip, len(steps))
		return
	}
	const fix = "the catalog changed: run go test ./queries -run TestBrowser -update"
	got, err := os.ReadFile(tourFile)
	if err != nil {
		t.Fatalf("%v (%s)", err, fix)
	}
	if string(got) != want {
		t.Errorf("%s is out of date: %s\n%s", tourFile, fix, firstDiff(string(got), want))
	}
	gotZip, err := readZip(tourZip)
	if err != nil {
		t.Fatalf("%s: %v (%s)", tourZip, err, fix)
	}
	if !slices.Equal(gotZip, entries) {
		t.Errorf("%s is out of date: %s", tourZip, fix)
	}
}

// TestBrowserTourParams checks that every step's :param sets exactly the
// parameters its query uses (Browser's :param {...} replaces them all, so a
// missing one fails the step), and that no query ends early with a ';'.
func TestBrowserTourParams(t *testing.T) {
	paramRef := regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)
	for i, s := range buildTour(t) {
		if strings.Contains(s.Cypher, ";") {
			t.Errorf("step %d (%s): its Cypher contains ';', which splits it in Browser's multi-statement editor", i+1, s.Title)
		}
		for _, m := range paramRef.FindAllStringSubmatch(s.Cypher, -1) {
			if _, ok := s.Params[m[1]]; !ok {
				t.Errorf("step %d (%s): the query uses $%s but its :param does not set it", i+1, s.Title, m[1])
			}
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("first difference at line %d:\n  file: %q\n  want: %q", i+1, gl, wl)
		}
	}
	return ""
}

// parseGrass reads a GraSS file the way Neo4j Browser 5 does (its
// parseGrass, for input that is not JSON): selectors outside braces with
// whitespace dropped, quotes toggling a literal mode, declarations split on
// ';' and kept only when they split on ':' into exactly two parts. Unlike
// Browser, it reports what Browser would silently drop or misread.
func parseGrass(text string) (map[string]map[string]string, []string) {
	rules := map[string]map[string]string{}
	var problems []string
	var sel, body strings.Builder
	inQuote, inRule := false, false
	for _, c := range text {
		switch {
		case c == '"' || c == '\'':
			inQuote = !inQuote
		case c == '{' && !inQuote:
			if inRule {
				problems = append(problems, fmt.Sprintf("nested '{' in %q", sel.String()))
			}
			inRule = true
		case c == '}' && !inQuote:
			s := sel.String()
			if _, dup := rules[s]; dup {
				problems = append(problems, "selector "+s+" twice")
			}
			rules[s] = map[string]string{}
			for _, d := range strings.Split(body.String(), ";") {
				if strings.TrimSpace(d) == "" {
					continue
				}
				kv := strings.Split(d, ":")
				if len(kv) != 2 {
					problems = append(problems, fmt.Sprintf("%s: Browser drops %q (one ':' per declaration)", s, strings.TrimSpace(d)))
					continue
				}
				rules[s][strings.TrimSpace(kv[0])] = strings.TrimSpace(kv[1])
			}
			sel.Reset()
			body.Reset()
			inRule = false
		case inRule:
			body.WriteRune(c)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			sel.WriteRune(c)
		}
	}
	if strings.TrimSpace(sel.String()) != "" || inRule || inQuote {
		problems = append(problems, fmt.Sprintf("unterminated rule at the end (%q)", sel.String()))
	}
	return rules, problems
}

// TestBrowserGrass checks docs/browser/dyad.grass: Browser's parser reads
// every declaration (it has no comments), each node label has its own colour
// and the name as caption, and each relationship type a readable caption.
func TestBrowserGrass(t *testing.T) {
	text, err := os.ReadFile(grassFile)
	if err != nil {
		t.Fatal(err)
	}
	rules, problems := parseGrass(string(text))
	for _, p := range problems {
		t.Errorf("%s: %s", grassFile, p)
	}
	validSel := regexp.MustCompile(`^(node|relationship)(\.[A-Za-z_]+)?$`)
	for sel := range rules {
		if !validSel.MatchString(sel) {
			t.Errorf("%s: selector %q is not node, relationship, node.<Label> or relationship.<TYPE> (a comment? Browser's parser has none)", grassFile, sel)
		}
	}
	for _, sel := range []string{"node", "relationship"} {
		if rules[sel] == nil {
			t.Errorf("%s: no %s rule (a :style replaces Browser's defaults)", grassFile, sel)
		}
	}
	colour := regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	colours := map[string]graph.Label{}
	for _, l := range graph.Labels {
		r := rules["node."+string(l)]
		if r == nil {
			t.Errorf("%s: no rule for node.%s", grassFile, l)
			continue
		}
		kind := graph.KindOf(l)
		if want := "{" + kind.Caption + "}"; r["caption"] != want {
			t.Errorf("%s: node.%s caption is %s, want %s (graph.Kind.Caption)", grassFile, l, r["caption"], want)
		}
		checkNodeSize(t, l, rules["node"], r)
		c := strings.ToUpper(r["color"])
		if !colour.MatchString(c) {
			t.Errorf("%s: node.%s color %q is not #RRGGBB", grassFile, l, r["color"])
		}
		if want := strings.ToUpper(graph.KindOf(l).Color); c != want {
			t.Errorf("%s: node.%s color is %s, the kind registry (graph.Kind.Color) says %s", grassFile, l, c, want)
		}
		if other, dup := colours[c]; dup {
			t.Errorf("%s: node.%s and node.%s share the colour %s", grassFile, other, l, c)
		}
		colours[c] = l
		checkNodeColour(t, l, c, rules)
	}
	for _, ty := range graph.RelTypes {
		r := rules["relationship."+string(ty)]
		if r == nil {
			t.Errorf("%s: no rule for relationship.%s", grassFile, ty)
			continue
		}
		if c := r["caption"]; c == "" || c == "<type>" {
			t.Errorf("%s: relationship.%s has no readable caption (%q)", grassFile, ty, c)
		}
	}
	for sel := range rules {
		name, ok := strings.CutPrefix(sel, "node.")
		if ok && !slices.Contains(graph.Labels, graph.Label(name)) {
			t.Errorf("%s: %s: no such label in the model", grassFile, sel)
		}
		name, ok = strings.CutPrefix(sel, "relationship.")
		if ok && !slices.Contains(graph.RelTypes, graph.RelType(name)) {
			t.Errorf("%s: %s: no such relationship type in the model", grassFile, sel)
		}
	}
}

// px reads a GraSS size such as "50px" (rule r, else the node defaults).
func px(t *testing.T, defaults, r map[string]string, prop string) float64 {
	t.Helper()
	v := r[prop]
	if v == "" {
		v = defaults[prop]
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "px"), 64)
	if err != nil || f <= 0 {
		t.Fatalf("%s: %s %q is not a size in px", grassFile, prop, v)
	}
	return f
}

// checkNodeSize checks that the kind registry sizes captions for the node
// the style draws: graph.ShortCaption cuts names to what Browser shows whole
// at the kind's NodeDiameter and NodeFontSize.
func checkNodeSize(t *testing.T, l graph.Label, defaults, r map[string]string) {
	t.Helper()
	k := graph.KindOf(l)
	d, s := px(t, defaults, r, "diameter"), px(t, defaults, r, "font-size")
	if d != k.NodeDiameter || s != k.NodeFontSize {
		t.Errorf("%s: node.%s is %gpx at font-size %gpx; the kind registry (graph.Kind.NodeDiameter, NodeFontSize) says %gpx at %gpx",
			grassFile, l, d, s, k.NodeDiameter, k.NodeFontSize)
	}
}

// minHueDistance is how far, in degrees of hue, a node colour must stay from
// the effect colours (red weakens, green strengthens, orange drives), so
// that no node reads as an effect.
const minHueDistance = 30

// minContrast is WCAG 2's AA contrast for normal text: captions are 8 to
// 14px.
const minContrast = 4.5

// checkNodeColour checks a kind's colour against the effect colours and its
// caption text against the colour.
func checkNodeColour(t *testing.T, l graph.Label, c string, rules map[string]map[string]string) {
	t.Helper()
	r := rules["node."+string(l)]
	text := r["text-color-internal"]
	if text == "" {
		text = rules["node"]["text-color-internal"]
	}
	if ratio := contrast(t, c, text); ratio < minContrast {
		t.Errorf("%s: node.%s caption %s on %s has contrast %.2f:1, want at least %.1f:1 (WCAG AA)", grassFile, l, text, c, ratio, minContrast)
	}
	h, s := hueSat(t, c)
	if s < 0.25 {
		return // a grey or beige: no hue to mistake
	}
	for _, ty := range []graph.RelType{graph.RelWeakens, graph.RelStrengthens, graph.RelDrives} {
		ec := rules["relationship."+string(ty)]["color"]
		eh, _ := hueSat(t, ec)
		d := math.Abs(h - eh)
		d = math.Min(d, 360-d)
		if d < minHueDistance {
			t.Errorf("%s: node.%s colour %s is %.0f° of hue from %s's %s, want at least %d°", grassFile, l, c, d, ty, ec, minHueDistance)
		}
	}
}

// rgb reads #RRGGBB as three values in [0,1].
func rgb(t *testing.T, c string) [3]float64 {
	t.Helper()
	var v [3]float64
	if len(c) != 7 || c[0] != '#' {
		t.Fatalf("%s: colour %q is not #RRGGBB", grassFile, c)
	}
	for i := range v {
		n, err := strconv.ParseUint(c[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("%s: colour %q is not #RRGGBB", grassFile, c)
		}
		v[i] = float64(n) / 255
	}
	return v
}

// luminance is WCAG 2's relative luminance of a colour.
func luminance(t *testing.T, c string) float64 {
	v := rgb(t, c)
	for i, x := range v {
		if x <= 0.03928 {
			v[i] = x / 12.92
		} else {
			v[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*v[0] + 0.7152*v[1] + 0.0722*v[2]
}

// contrast is WCAG 2's contrast ratio of two colours, from 1 to 21.
func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// hueSat returns a colour's hue in degrees and its HSV saturation.
func hueSat(t *testing.T, c string) (float64, float64) {
	v := rgb(t, c)
	hi, lo := math.Max(v[0], math.Max(v[1], v[2])), math.Min(v[0], math.Min(v[1], v[2]))
	if hi == lo {
		return 0, 0
	}
	d := hi - lo
	var h float64
	switch hi {
	case v[0]:
		h = math.Mod((v[1]-v[2])/d, 6)
	case v[1]:
		h = (v[2]-v[0])/d + 2
	default:
		h = (v[0]-v[1])/d + 4
	}
	return math.Mod(h*60+360, 360), d / hi
}

// TestColourMaths checks the contrast and hue functions on known values.
func TestColourMaths(t *testing.T) {
	if c := contrast(t, "#000000", "#FFFFFF"); math.Abs(c-21) > 1e-9 {
		t.Errorf("black on white: %.3f, want 21", c)
	}
	if c := contrast(t, "#777777", "#FFFFFF"); math.Abs(c-4.48) > 0.01 {
		t.Errorf("#777 on white: %.3f, want 4.48 (the classic just-failing AA grey)", c)
	}
	for c, want := range map[string]float64{"#FF0000": 0, "#00FF00": 120, "#0000FF": 240, "#FF00FF": 300, "#E07A1F": 28} {
		if h, _ := hueSat(t, c); math.Abs(h-want) > 0.5 {
			t.Errorf("hue of %s: %.1f, want %.0f", c, h, want)
		}
	}
}

// TestBrowserTourGraphs runs each graph step of the tour on the shipped
// dataset in Neo4j and checks that it shows what its title says with
// Browser's default "Connect result nodes" on: Browser then draws every
// relationship between the nodes a query returns, so the step's own
// relationships must be all there are between its nodes. The weakened view
// must hold no chain whose net effect strengthens.
func TestBrowserTourGraphs(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	ds, err := loader.ReadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loader.Load(ctx, db, ds, loader.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, it := range story {
		s := it.graph
		if s == nil {
			continue
		}
		if !regexp.MustCompile(`(?m)^RETURN p$`).MatchString(s.Cypher) || strings.Contains(s.Cypher, "RETURN p,") {
			t.Errorf("%s: a graph step returns paths in one column p (RETURN p), to be checked here", s.Title)
			continue
		}
		recs, err := db.Read(ctx, "CALL {\n"+s.Cypher+"\n}\n"+closureCypher, s.Params)
		if err != nil {
			t.Fatalf("%s: %v", s.Title, err)
		}
		r := recs[0]
		t.Logf("%s: %v nodes, %v relationships", s.Title, r["nodes"], r["drawn"])
		if n, _ := r["nodes"].(int64); n < 3 {
			t.Errorf("%s: shows %d nodes: a dull step", s.Title, n)
		}
		if extra, _ := r["extra"].([]any); len(extra) > 0 {
			t.Errorf("%s: with Connect result nodes, Browser also draws %d relationships the step does not return: %v", s.Title, len(extra), extra)
		}
		if strings.HasPrefix(s.Title, "What weakened") {
			if bad, _ := r["strengthening"].(int64); bad > 0 {
				t.Errorf("%s: %d paths strengthen the relation", s.Title, bad)
			}
		}
	}
}

// closureCypher follows a graph step (rows of paths p): the nodes it shows,
// the relationships Browser draws between them, those not in the result,
// and how many paths have a net strengthening effect.
const closureCypher = `WITH p WHERE p IS NOT NULL
WITH collect(p) AS ps
WITH ps, reduce(acc = [], x IN ps | acc + nodes(x)) AS allNodes, reduce(acc = [], x IN ps | acc + relationships(x)) AS own
UNWIND allNodes AS n
WITH ps, own, collect(DISTINCT n) AS shown
CALL {
  WITH shown
  UNWIND shown AS a
  MATCH (a)-[r]->(b) WHERE b IN shown
  RETURN collect(DISTINCT r) AS drawn
}
RETURN size(shown) AS nodes, size(drawn) AS drawn,
  [r IN drawn WHERE NOT r IN own | type(r) + ' ' + startNode(r).id + '->' + endNode(r).id] AS extra,
  size([x IN ps WHERE last(nodes(x)):Relation AND all(r IN relationships(x) WHERE type(r) IN ['WEAKENS', 'STRENGTHENS', 'DRIVES'])
    AND reduce(s = 1, r IN relationships(x) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = 1]) AS strengthening`
