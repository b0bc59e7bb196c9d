// Command gencompact reads and validates the dataset shipped in package data
// and writes its compact form (loader.WriteCompact), which data.Compact
// embeds. Run it through go generate:
//
//	go generate ./data
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/dyad-kg/dyad/loader"
)

func main() {
	out := flag.String("o", "dataset.gob", "file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gencompact:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	ds, err := loader.ReadEmbeddedYAML()
	if err != nil {
		return fmt.Errorf("the shipped dataset is invalid:\n%w", err)
	}
	var b bytes.Buffer
	if err := loader.WriteCompact(&b, ds); err != nil {
		return err
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}
