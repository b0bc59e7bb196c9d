// Package browsertest checks Dyad's graph in Neo4j Browser end to end: the
// Browser the test Neo4j serves, driven in Debian's headless Chromium by
// tools/browser/e2e.mjs (playwright-core), with the shipped dataset loaded,
// the style docs/browser/dyad.grass applied and the tour's queries run.
package browsertest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image/png"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/cli"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/neo4j"
	"github.com/dyad-kg/dyad/queries"
)

var update = flag.Bool("update", false, "write the screenshot to docs/browser/russia-japan.png")

// HTTPEnv names the test Neo4j's Browser URL (scripts/test sets it). Unset,
// it is http://<host of DYAD_TEST_NEO4J_URI>:<NEO4J_HTTP_PORT or 7474>/browser/.
const HTTPEnv = "DYAD_TEST_NEO4J_HTTP"

// ArtifactsEnv names a directory for the screenshot (CI keeps it).
const ArtifactsEnv = "DYAD_TEST_ARTIFACTS"

const (
	repo        = "../.."
	tourFile    = repo + "/docs/browser/dyad-tour.cypher"
	grassFile   = repo + "/docs/browser/dyad.grass"
	screenshot  = repo + "/docs/browser/russia-japan.png"
	script      = repo + "/tools/browser/e2e.mjs"
	playwright  = repo + "/tools/browser/node_modules/playwright-core/package.json"
	installNode = "npm ci --prefix tools/browser (needs node and npm: apt install nodejs npm)"
)

func TestBrowserRussiaJapan(t *testing.T) {
	chromium := testenv.Chromium(t)
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.Missing(t, "node", installNode)
	}
	if _, err := os.Stat(playwright); err != nil {
		testenv.Missing(t, "playwright-core in tools/browser/node_modules", installNode)
	}
	tour := readTour(t)
	weakened := tour.step(t, "(weakened)")
	neighbourhood := tour.step(t, "The Russia–Japan neighbourhood")

	db := testenv.Neo4j(t)
	cfg := testenv.Neo4jConfig(t)
	browserURL := browserURL(t, cfg.URI)
	checkServes(t, browserURL)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	ds, err := loader.ReadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loader.Load(ctx, db, ds, loader.Options{}); err != nil {
		t.Fatalf("loading the shipped dataset: %v", err)
	}

	// What the Browser must show, from Dyad's own answer on the same server:
	// the relation and the first direct causes (names without quotes, which
	// Browser's table view escapes).
	ans, err := queries.Run(ctx, queries.NewNeo4j(db), queries.Weakened, queries.Params{A: "RUS", B: "JPN"})
	if err != nil {
		t.Fatal(err)
	}
	wantText := []string{"Russia–Japan relations"}
	for _, f := range ans.Findings {
		if f.Direct() && !strings.ContainsAny(f.Subject.Name, `"\`) && len(wantText) < 5 {
			wantText = append(wantText, f.Subject.Name)
		}
	}
	if len(wantText) < 4 {
		t.Fatalf("Dyad finds too few direct causes of weakened Russia–Japan ties to check: %v", wantText)
	}

	nodes := neighbourhoodNodes(ds)
	colours := grassColours(t)
	captions := shortNames(ds)

	// The screenshot (and, on failure, one of the whole page) go to
	// $DYAD_TEST_ARTIFACTS, else a temporary directory; with -update the
	// screenshot replaces the one docs/browser.md shows.
	dir := os.Getenv(ArtifactsEnv)
	if dir == "" {
		dir = t.TempDir()
	}
	dir, _ = filepath.Abs(dir)
	shot := filepath.Join(dir, "russia-japan.png")
	if *update {
		shot, _ = filepath.Abs(screenshot)
	}
	grass, _ := filepath.Abs(grassFile)
	// Every step of the tour, in order, as a user would run them one by
	// one, with Browser's default "Connect result nodes" on: each must run
	// without an error; a graph step must draw exactly its own nodes and
	// relationships (counted by running it here), every caption whole.
	steps := []map[string]any{{"name": "Connect result nodes on (Browser's default)", "statements": []string{":config autoComplete: true"}}}
	for _, s := range tour {
		step := map[string]any{"name": "tour step " + s.number + " " + s.title, "statements": s.statements}
		if n, r, ok := graphCounts(ctx, t, db, s); ok {
			step["expectNodes"], step["expectRelationships"], step["captionsWhole"] = n, r, captions
		}
		switch s.number {
		case weakened.number:
			step["expectText"] = wantText
		case neighbourhood.number:
			if step["expectNodes"] != int64(len(nodes)) {
				t.Fatalf("tour step %s shows %v nodes; the dataset has %d in the neighbourhood", s.number, step["expectNodes"], len(nodes))
			}
			step["fullscreen"] = true
			step["expectLabels"] = map[string]string{"Relation": colours["Relation"], "Event": colours["Event"], "Factor": colours["Factor"], "Stance": colours["Stance"], "Dispute": colours["Dispute"]}
			step["expectCaptions"] = []string{"Russia–Japan relations", "Kuril Islands dispute"}
			step["screenshot"] = shot
		}
		steps = append(steps, step)
	}
	steps = append(steps, pastedAnswer(t))
	spec := map[string]any{
		"style":             grass,
		"failureScreenshot": filepath.Join(dir, "browser-failure.png"),
		"steps":             steps,
	}
	specFile := filepath.Join(t.TempDir(), "spec.json")
	b, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(specFile, b, 0o644); err != nil {
		t.Fatal(err)
	}

	args := []string{script, "--url", browserURL, "--bolt", cfg.URI, "--user", cfg.Username, "--spec", specFile, "--chromium", chromium}
	if cfg.Database != "" {
		args = append(args, "--database", cfg.Database)
	}
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Env = append(os.Environ(), "NEO4J_PASSWORD="+cfg.Password)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	t.Logf("node %s", strings.Join(args, " "))
	err = cmd.Run()
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		t.Log(sc.Text())
	}
	if err != nil {
		t.Fatalf("tools/browser/e2e.mjs: %v (its output above)", err)
	}

	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot %s: %v", shot, err)
	}
	if r := img.Bounds(); r.Dx() < 800 || r.Dy() < 500 {
		t.Errorf("screenshot %s is only %dx%d", shot, r.Dx(), r.Dy())
	}
	t.Logf("screenshot: %s", shot)
}

// pastedAnswer is a step that pastes the whole of dyad ask --format cypher
// for the article's question into Browser's editor at once, as a user
// copies it from a terminal: the :param line, the gist and the question's
// statement. Browser runs them as one multi-statement script, which shows
// each statement's status, not its rows: all three must succeed.
func pastedAnswer(t *testing.T) map[string]any {
	t.Helper()
	const question = "Why did China rather than Japan become Russia's main partner in Asia?"
	var out, errOut bytes.Buffer
	if code := cli.Main([]string{"ask", "--format", "cypher", question}, &cli.IO{Out: &out, ErrOut: &errOut}); code != 0 {
		t.Fatalf("dyad ask --format cypher: exit %d: %s", code, errOut.String())
	}
	return map[string]any{
		"name":           "dyad ask --format cypher, pasted whole",
		"statements":     []string{strings.TrimSpace(out.String())},
		"openStatements": map[string]any{"count": 3},
	}
}

// neighbourhoodNodes are the nodes of the Russia–Japan neighbourhood
// graph: the relation and the subject of every weakens/strengthens claim
// into it, counted from the dataset.
func neighbourhoodNodes(ds *graph.Dataset) map[string]bool {
	nodes := map[string]bool{"RUS-JPN": true}
	for _, c := range ds.Claims {
		if c.Object == "RUS-JPN" && (c.Effect == graph.Weakens || c.Effect == graph.Strengthens) {
			nodes[c.Subject] = true
		}
	}
	return nodes
}

// shortNames are every caption Browser may show whole: the nodes' short
// names, and the effects Claim nodes are captioned with.
func shortNames(ds *graph.Dataset) []string {
	var captions []string
	for _, n := range ds.Elements().Nodes {
		// A Claim node's caption is its effect (dyad.grass).
		for _, k := range []string{"short", "effect"} {
			if c, ok := n.Props[k].(string); ok {
				captions = append(captions, c)
				break
			}
		}
	}
	return captions
}

// graphCounts returns the nodes and relationships a graph step of the tour
// (one whose query returns paths p) shows, by running it on db; ok is false
// for the other steps.
func graphCounts(ctx context.Context, t *testing.T, db *neo4j.DB, s tourStep) (nodes, rels int64, ok bool) {
	t.Helper()
	query := s.statements[len(s.statements)-1]
	if !strings.HasSuffix(query, "\nRETURN p") {
		return 0, 0, false
	}
	var params map[string]any
	if len(s.statements) > 1 {
		params = browserParams(t, s.statements[0])
	}
	recs, err := db.Read(ctx, "CALL {\n"+query+"\n}\nWITH p WHERE p IS NOT NULL\n"+
		"UNWIND nodes(p) AS n WITH collect(DISTINCT n) AS ns, collect(p) AS ps\n"+
		"UNWIND ps AS p UNWIND relationships(p) AS r\n"+
		"RETURN size(ns) AS nodes, count(DISTINCT r) AS rels", params)
	if err != nil || len(recs) != 1 {
		t.Fatalf("tour step %s: %v", s.number, err)
	}
	return recs[0]["nodes"].(int64), recs[0]["rels"].(int64), true
}

// browserParams reads a step's ":param {a: 'RUS', b: 'JPN'}" line.
func browserParams(t *testing.T, line string) map[string]any {
	t.Helper()
	body, ok := strings.CutPrefix(line, ":param ")
	if !ok {
		t.Fatalf("%s: want a :param line, got %q", tourFile, line)
	}
	pair := regexp.MustCompile(`(\w+):\s*('([^']*)'|-?\d+(\.\d+)?|null)`)
	params := map[string]any{}
	for _, m := range pair.FindAllStringSubmatch(body, -1) {
		switch {
		case strings.HasPrefix(m[2], "'"):
			params[m[1]] = m[3]
		case m[2] == "null":
			params[m[1]] = nil
		default:
			f, _ := strconv.ParseFloat(m[2], 64)
			params[m[1]] = f
		}
	}
	return params
}

// browserURL is the Browser of the test server.
func browserURL(t *testing.T, boltURI string) string {
	t.Helper()
	if u := os.Getenv(HTTPEnv); u != "" {
		if !strings.Contains(strings.TrimSuffix(u, "/"), "/browser") {
			u = strings.TrimSuffix(u, "/") + "/browser/"
		}
		return u
	}
	bolt, err := url.Parse(boltURI)
	if err != nil {
		t.Fatalf("%s: %v", testenv.Neo4jEnv, err)
	}
	port := os.Getenv("NEO4J_HTTP_PORT")
	if port == "" {
		port = "7474"
	}
	return "http://" + net.JoinHostPort(bolt.Hostname(), port) + "/browser/"
}

// checkServes fails the test early, with the fix, when nothing serves the
// Browser at u.
func checkServes(t *testing.T, u string) {
	t.Helper()
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(u)
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return
		}
		err = fmt.Errorf("HTTP %s", resp.Status)
	}
	t.Fatalf("Neo4j Browser at %s: %v (set %s to the test server's http://host:port/browser/)", u, err, HTTPEnv)
}

type tourStep struct {
	number     string
	title      string
	statements []string
}

type tourSteps []tourStep

// readTour reads docs/browser/dyad-tour.cypher (generated from the catalog
// by queries/browser_test.go): steps start with "// NN Title", and hold
// statements ended by ";" at the end of a line.
func readTour(t *testing.T) tourSteps {
	t.Helper()
	b, err := os.ReadFile(tourFile)
	if err != nil {
		t.Fatal(err)
	}
	head := regexp.MustCompile(`^// (\d\d) (.+)$`)
	var steps tourSteps
	var cur []string
	flush := func() {
		if len(steps) > 0 && len(cur) > 0 {
			t.Fatalf("%s: step %s ends without ';'", tourFile, steps[len(steps)-1].number)
		}
	}
	for _, line := range strings.Split(string(b), "\n") {
		if m := head.FindStringSubmatch(line); m != nil {
			flush()
			steps = append(steps, tourStep{number: m[1], title: m[2]})
			continue
		}
		if len(steps) == 0 || strings.HasPrefix(line, "//") || (len(cur) == 0 && strings.TrimSpace(line) == "") {
			continue
		}
		if strings.HasSuffix(line, ";") {
			cur = append(cur, strings.TrimSuffix(line, ";"))
			s := &steps[len(steps)-1]
			s.statements = append(s.statements, strings.Join(cur, "\n"))
			cur = nil
			continue
		}
		cur = append(cur, line)
	}
	flush()
	if len(steps) == 0 {
		t.Fatalf("%s: no steps", tourFile)
	}
	return steps
}

func (ts tourSteps) step(t *testing.T, titleHas string) tourStep {
	t.Helper()
	for _, s := range ts {
		if strings.Contains(s.title, titleHas) {
			if len(s.statements) == 0 {
				t.Fatalf("%s: step %s has no statements", tourFile, s.number)
			}
			return s
		}
	}
	t.Fatalf("%s: no step titled ...%s...", tourFile, titleHas)
	return tourStep{}
}

// grassColours reads each node label's colour from the style.
func grassColours(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(grassFile)
	if err != nil {
		t.Fatal(err)
	}
	rule := regexp.MustCompile(`(?s)node\.([A-Za-z]+)\s*\{([^}]*)\}`)
	colour := regexp.MustCompile(`(?m)^\s*color:\s*(#[0-9A-Fa-f]{6})\s*;`)
	out := map[string]string{}
	for _, m := range rule.FindAllStringSubmatch(string(b), -1) {
		if c := colour.FindStringSubmatch(m[2]); c != nil {
			out[m[1]] = c[1]
		}
	}
	for _, l := range []string{"State", "Relation", "Event", "Factor"} {
		if out[l] == "" {
			t.Fatalf("%s: no colour for node.%s", grassFile, l)
		}
	}
	return out
}
