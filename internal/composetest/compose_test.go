package composetest

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/dyad-kg/dyad/internal/testenv"
)

// composeFile lets the test check another file, e.g. an older version:
// go test ./internal/composetest -args -compose /tmp/old-docker-compose.yml
var composeFile = flag.String("compose", "", "docker-compose.yml to check (default: the repository's)")

const repoRoot = "../.."

// composeCase is one .env a user might have beside docker-compose.yml.
type composeCase struct {
	name string
	env  string // the .env file; "-" for none
	// what the container should get
	wantPassword       string
	wantBolt, wantHTTP string
	// wantAuthErr: the image would refuse NEO4J_AUTH with this message part
	wantAuthErr string
}

func composeCases(t *testing.T) []composeCase {
	example, err := os.ReadFile(filepath.Join(repoRoot, ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	return []composeCase{
		{name: "README: cp .env.example .env", env: string(example),
			wantPassword: "dyad-dev-password", wantBolt: "7687", wantHTTP: "7474"},
		{name: "no .env", env: "-",
			wantPassword: "dyad-dev-password", wantBolt: "7687", wantHTTP: "7474"},
		{name: "password and ports in .env, as docs/neo4j.md suggests",
			env:          string(example) + "NEO4J_PASSWORD=another-password\nNEO4J_BOLT_PORT=7701\nNEO4J_HTTP_PORT=7711\n",
			wantPassword: "another-password", wantBolt: "7701", wantHTTP: "7711"},
		{name: "dyad's own client variables in .env",
			env:          "NEO4J_URI=bolt://localhost:7687\nNEO4J_USERNAME=neo4j\nNEO4J_DATABASE=neo4j\nDYAD_DATA=data\n",
			wantPassword: "dyad-dev-password", wantBolt: "7687", wantHTTP: "7474"},
		{name: "password with $ and # in single quotes, as .env.example says",
			env:          "NEO4J_PASSWORD='pa$$word #7'\n",
			wantPassword: "pa$$word #7", wantBolt: "7687", wantHTTP: "7474"},
		{name: "password with a slash: the image cannot take it (documented)",
			env:         "NEO4J_PASSWORD=dyad/dev-password\n",
			wantAuthErr: "may not contain /"},
	}
}

// TestComposeUpStartsNeo4j renders docker-compose.yml with Compose's own
// library for each .env, applies the neo4j image's entrypoint rules to the
// container's environment, and checks the resulting neo4j.conf and apoc.conf
// with Neo4j 5.26's strict config validation: a setting it rejects would keep
// the container in a restart loop.
func TestComposeUpStartsNeo4j(t *testing.T) {
	src := *composeFile
	if src == "" {
		src = filepath.Join(repoRoot, "docker-compose.yml")
	}
	yml, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	checker := newConfigChecker(t)
	for _, tc := range composeCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			svc := render(t, yml, tc.env)
			checkNoNewComposeSyntax(t, svc)
			checkPorts(t, svc, tc)
			env := containerEnv(svc)
			pw, err := Auth(env["NEO4J_AUTH"])
			if tc.wantAuthErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantAuthErr) {
					t.Errorf("NEO4J_AUTH %q: got error %v, want one containing %q", env["NEO4J_AUTH"], err, tc.wantAuthErr)
				}
				return
			}
			if err != nil {
				t.Errorf("the image would refuse it: %v", err)
			} else if pw != tc.wantPassword {
				t.Errorf("NEO4J_AUTH sets password %q, want %q", pw, tc.wantPassword)
			}
			// Last, as it skips (fails in CI) without Java: the Compose checks above need only Go.
			if problems := checker.check(t, Settings(env)); len(problems) > 0 {
				t.Errorf("Neo4j would not start (the container restarts forever); its strict config validation says:\n%s",
					strings.Join(problems, "\n"))
			}
		})
	}
}

// render loads docker-compose.yml as `docker compose` does in a folder with
// that .env (the process environment is left out, so the test does not
// depend on the shell it runs in) and returns the neo4j service.
func render(t *testing.T, yml []byte, env string) types.ServiceConfig {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "docker-compose.yml")
	if err := os.WriteFile(path, yml, 0o644); err != nil {
		t.Fatal(err)
	}
	if env != "-" {
		if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(env), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	opts, err := cli.NewProjectOptions([]string{path},
		cli.WithWorkingDirectory(dir),
		cli.WithEnvFiles(),
		cli.WithDotEnv,
		cli.WithName("dyad-test"),
	)
	if err != nil {
		t.Fatalf("compose options: %v", err)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("docker compose would refuse the file: %v", err)
	}
	svc, ok := project.Services["neo4j"]
	if !ok {
		t.Fatalf("no neo4j service in %s", path)
	}
	return svc
}

// checkNoNewComposeSyntax fails on env_file's long form (path, required),
// which Compose only reads from 2.24 on.
func checkNoNewComposeSyntax(t *testing.T, svc types.ServiceConfig) {
	t.Helper()
	for _, f := range svc.EnvFiles {
		if !bool(f.Required) {
			t.Errorf("env_file %s with required: false needs Docker Compose 2.24 or later", filepath.Base(f.Path))
		}
	}
}

// checkPorts checks that Bolt and HTTP are published on loopback only, on
// the host ports .env asks for.
func checkPorts(t *testing.T, svc types.ServiceConfig, tc composeCase) {
	t.Helper()
	if tc.wantAuthErr != "" {
		return
	}
	want := map[uint32]string{7687: tc.wantBolt, 7474: tc.wantHTTP}
	for target, published := range want {
		found := false
		for _, p := range svc.Ports {
			if p.Target != target {
				continue
			}
			found = true
			if p.HostIP != "127.0.0.1" || p.Published != published {
				t.Errorf("container port %d is published on %s:%s, want 127.0.0.1:%s", target, p.HostIP, p.Published, published)
			}
		}
		if !found {
			t.Errorf("container port %d is not published", target)
		}
	}
}

// containerEnv is the environment the container starts with (the image's
// own variables are control variables the entrypoint skips).
func containerEnv(svc types.ServiceConfig) map[string]string {
	env := map[string]string{}
	for k, v := range svc.Environment {
		if v != nil {
			env[k] = *v
		}
	}
	return env
}

// configChecker runs scripts/neo4j check-config, once per distinct pair of
// config files.
type configChecker struct {
	script string
	home   string
	seen   map[string][]string
}

func newConfigChecker(t *testing.T) *configChecker {
	t.Helper()
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	// The test Neo4j's home (as scripts/test sets it), whose cached classpath
	// the server already uses; never the user's own .neo4j.
	home := os.Getenv("DYAD_NEO4J_HOME")
	if home == "" {
		home = filepath.Join(root, ".neo4j-test")
	}
	return &configChecker{script: filepath.Join(root, "scripts", "neo4j"), home: home, seen: map[string][]string{}}
}

var problemLine = regexp.MustCompile(`^(.*/(neo4j|apoc)\.conf):(\d+): (.*)$`)

// check writes neo4j.conf and apoc.conf and returns what Neo4j's strict
// validation reports, each problem naming the variable it came from.
func (c *configChecker) check(t *testing.T, conf Conf) []string {
	t.Helper()
	key := ConfText(conf.Neo4j) + "\x00" + ConfText(conf.Apoc)
	if p, ok := c.seen[key]; ok {
		return p
	}
	for _, tool := range []string{"java", "javac"} {
		if _, err := exec.LookPath(tool); err != nil {
			testenv.Missing(t, "a Java 17 JDK ("+tool+")", "apt-get install openjdk-17-jdk-headless")
		}
	}
	if _, err := exec.LookPath("mvn"); err != nil {
		testenv.Missing(t, "Maven (mvn), which resolves the Neo4j jars once", "apt-get install maven")
	}
	dir := t.TempDir()
	files := map[string][]Setting{"neo4j": conf.Neo4j, "apoc": conf.Apoc}
	for name, settings := range files {
		if err := os.WriteFile(filepath.Join(dir, name+".conf"), []byte(ConfText(settings)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("bash", c.script, "check-config", filepath.Join(dir, "neo4j.conf"), filepath.Join(dir, "apoc.conf"))
	cmd.Env = append(os.Environ(), "DYAD_NEO4J_HOME="+c.home)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var problems []string
	if code := cmd.ProcessState.ExitCode(); err != nil && code != 1 {
		t.Fatalf("scripts/neo4j check-config: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		if m := problemLine.FindStringSubmatch(line); m != nil {
			problems = append(problems, describe(files[m[2]], m))
		}
	}
	if err != nil && len(problems) == 0 {
		t.Fatalf("scripts/neo4j check-config failed without a problem line:\n%s%s", stdout.String(), stderr.String())
	}
	if err == nil && !strings.Contains(stdout.String(), "ok: ") {
		t.Fatalf("scripts/neo4j check-config said neither ok nor a problem:\n%s%s", stdout.String(), stderr.String())
	}
	c.seen[key] = problems
	return problems
}

// describe names the container variable behind a reported line.
func describe(settings []Setting, m []string) string {
	n, _ := strconv.Atoi(m[3])
	from := "the image's default"
	if n >= 1 && n <= len(settings) && settings[n-1].Env != "" {
		from = "environment " + settings[n-1].Env
	}
	return fmt.Sprintf("  %s.conf (%s): %s", m[2], from, m[4])
}
