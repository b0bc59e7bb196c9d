package composetest

import (
	"strings"
	"testing"
)

func TestSettingName(t *testing.T) {
	for _, tc := range []struct{ env, want string }{
		{"NEO4J_server_memory_heap_max__size", "server.memory.heap.max_size"},
		{"NEO4J_dbms_security_procedures_unrestricted", "dbms.security.procedures.unrestricted"},
		{"NEO4J_apoc_import_file_use__neo4j__config", "apoc.import.file.use_neo4j_config"},
		{"NEO4J_server_tx__log_rotation_retention__policy", "server.tx_log.rotation.retention_policy"},
		{"NEO4J_PASSWORD", "PASSWORD"},
		{"NEO4J_HTTP_PORT", "HTTP.PORT"},
	} {
		if got := SettingName(tc.env); got != tc.want {
			t.Errorf("SettingName(%s) = %s, want %s", tc.env, got, tc.want)
		}
	}
}

func TestSettings(t *testing.T) {
	c := Settings(map[string]string{
		"NEO4J_AUTH":                               "neo4j/secret-password", // control variable
		"NEO4J_PLUGINS":                            `["apoc"]`,              // control variable
		"NEO4J_AUTH_FILE":                          "/run/secrets/auth",     // a secret, not a setting
		"NEO4J_server_memory_pagecache_size":       "1g",                    // replaces the image's 512M
		"NEO4J_apoc_export_file_enabled":           "true",                  // goes to apoc.conf
		"NEO4J_dbms_security_auth__enabled":        "",                      // empty: skipped
		"NEO4J_1st_setting":                        "x",                     // starts with a digit: skipped
		"JAVA_HOME":                                "/opt/java/openjdk",     // not NEO4J_
		"NEO4J_server_bolt_listen__address":        ":7687",
		"NEO4J_dbms_security_procedures_allowlist": "apoc.*",
	})
	got := "neo4j.conf:\n" + ConfText(c.Neo4j) + "apoc.conf:\n" + ConfText(c.Apoc)
	want := `neo4j.conf:
dbms.security.procedures.allowlist=apoc.*
server.bolt.listen_address=:7687
server.default_listen_address=0.0.0.0
server.memory.pagecache.size=1g
apoc.conf:
apoc.export.file.enabled=true
`
	if got != want {
		t.Errorf("Settings:\n%s\nwant:\n%s", got, want)
	}
}

func TestAuth(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{in: "neo4j/dyad-dev-password", want: "dyad-dev-password"},
		{in: "neo4j/pa$$word #7/true", want: "pa$$word #7"},
		{in: "neo4j/dyad/dev-password", err: "may not contain /"},
		{in: "admin/dyad-dev-password", err: "requires neo4j"},
		{in: "neo4j/neo4j", err: "cannot be neo4j"},
		{in: "neo4j/short", err: "at least 8"},
		{in: "none", err: "authentication would be off"},
		{in: "", err: "authentication would be off"},
	} {
		got, err := Auth(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Auth(%q): error %v, want one containing %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Auth(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}
