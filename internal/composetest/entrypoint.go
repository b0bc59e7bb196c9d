// Package composetest checks docker-compose.yml the way `docker compose up`
// would use it, with no Docker engine: Compose's own Go library renders the
// file with a .env, this package applies what the official neo4j image's
// docker-entrypoint.sh does with the container's environment (NEO4J_AUTH and
// the NEO4J_* variables that become neo4j.conf and apoc.conf settings), and
// the test hands those settings to Neo4j's own strict config validation
// (scripts/neo4j check-config).
//
// The rules here follow docker-image-src/5/coredb/docker-entrypoint.sh of
// github.com/neo4j/docker-neo4j; they are re-stated, not copied.
package composetest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// notConfigs are the image's control variables: they carry the NEO4J_
// prefix, but the entrypoint does not turn them into settings.
var notConfigs = map[string]bool{
	"NEO4J_ACCEPT_LICENSE_AGREEMENT": true,
	"NEO4J_AUTH":                     true,
	"NEO4J_AUTH_PATH":                true,
	"NEO4J_DEBUG":                    true,
	"NEO4J_EDITION":                  true,
	"NEO4J_HOME":                     true,
	"NEO4J_PLUGINS":                  true,
	"NEO4J_SHA256":                   true,
	"NEO4J_TARBALL":                  true,
	"NEO4J_DEPRECATION_WARNING":      true,
}

// dockerDefaults are the settings the entrypoint adds to neo4j.conf unless
// the user sets them.
var dockerDefaults = []Setting{
	{Name: "server.memory.pagecache.size", Value: "512M"},
	{Name: "server.default_listen_address", Value: "0.0.0.0"},
}

// Setting is one line the entrypoint writes to neo4j.conf or apoc.conf, with
// the environment variable it came from (empty for the image's defaults).
type Setting struct {
	Env, Name, Value string
}

// Conf is what the entrypoint writes from a container's environment.
type Conf struct {
	// Neo4j holds the neo4j.conf settings, Apoc the apoc.conf ones: the
	// entrypoint sends every setting whose first part is "apoc" to apoc.conf.
	Neo4j, Apoc []Setting
}

// SettingName turns an environment variable into the setting name the
// entrypoint writes: the NEO4J_ prefix goes, each "_" becomes "." and then
// each ".." (a doubled "_") becomes "_". NEO4J_server_memory_heap_max__size
// is server.memory.heap.max_size; NEO4J_PASSWORD is PASSWORD.
func SettingName(env string) string {
	s := strings.TrimPrefix(env, "NEO4J_")
	return strings.ReplaceAll(strings.ReplaceAll(s, "_", "."), "..", "_")
}

// Settings applies the entrypoint's rule to a container environment: every
// NEO4J_* variable with a value, other than the control variables and the
// *_FILE secrets, becomes a setting, and an environment setting replaces the
// image's default of the same name.
func Settings(env map[string]string) Conf {
	names := make([]string, 0, len(env))
	for k := range env {
		names = append(names, k)
	}
	sort.Strings(names)
	byName := map[string]Setting{}
	for _, d := range dockerDefaults {
		byName[d.Name] = d
	}
	for _, k := range names {
		v := env[k]
		if !strings.HasPrefix(k, "NEO4J_") || notConfigs[k] || strings.HasSuffix(k, "_FILE") || v == "" {
			continue
		}
		name := SettingName(k)
		if name == "" || name[0] >= '0' && name[0] <= '9' {
			continue // the entrypoint skips these with a warning
		}
		byName[name] = Setting{Env: k, Name: name, Value: v}
	}
	var c Conf
	for _, s := range byName {
		if strings.Split(s.Name, ".")[0] == "apoc" {
			c.Apoc = append(c.Apoc, s)
		} else {
			c.Neo4j = append(c.Neo4j, s)
		}
	}
	sortSettings(c.Neo4j)
	sortSettings(c.Apoc)
	return c
}

func sortSettings(s []Setting) {
	sort.Slice(s, func(i, j int) bool { return s[i].Name < s[j].Name })
}

// authPattern is the entrypoint's test of NEO4J_AUTH: user/password, with an
// optional /true to require a password change. Neither part may hold a "/".
var authPattern = regexp.MustCompile(`^([^/]+)/([^/]+)/?([tT][rR][uU][eE])?$`)

// minPasswordLength is Neo4j's default dbms.security.auth_minimum_password_length.
const minPasswordLength = 8

// Auth checks NEO4J_AUTH as the entrypoint does and returns the password it
// would set for user neo4j. "none" (auth off) and an unset value are errors
// here: Dyad's file always sets a password.
func Auth(v string) (string, error) {
	if v == "" || v == "none" {
		return "", fmt.Errorf("NEO4J_AUTH is %q: authentication would be off", v)
	}
	m := authPattern.FindStringSubmatch(v)
	if m == nil {
		return "", fmt.Errorf("NEO4J_AUTH is not user/password: the image exits with \"Invalid value for NEO4J_AUTH\" (a password may not contain /)")
	}
	user, pw := m[1], m[2]
	switch {
	case user != "neo4j":
		return "", fmt.Errorf("NEO4J_AUTH names user %q: the image requires neo4j", user)
	case pw == "neo4j":
		return "", fmt.Errorf("NEO4J_AUTH: the password cannot be neo4j, the image rejects it")
	case len([]rune(pw)) < minPasswordLength:
		return "", fmt.Errorf("NEO4J_AUTH: the password has %d characters; Neo4j needs at least %d", len([]rune(pw)), minPasswordLength)
	}
	return pw, nil
}

// ConfText renders settings as config file lines, one name=value a line.
func ConfText(settings []Setting) string {
	var b strings.Builder
	for _, s := range settings {
		fmt.Fprintf(&b, "%s=%s\n", s.Name, s.Value)
	}
	return b.String()
}
