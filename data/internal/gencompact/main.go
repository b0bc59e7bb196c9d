// Command gencompact reads and validates the dataset shipped in package data
// and writes its compact form (loader.WriteCompact), which data.Compact
// embeds, and its graph (loader.WriteCompactElements), which data.Elements
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
	elements := flag.String("elements", "elements.bin", "file to write the graph to")
	flag.Parse()
	if err := run(*out, *elements); err != nil {
		fmt.Fprintln(os.Stderr, "gencompact:", err)
		os.Exit(1)
	}
}

func run(out, elements string) error {
	ds, err := loader.ReadEmbeddedYAML()
	if err != nil {
		return fmt.Errorf("the shipped dataset is invalid:\n%w", err)
	}
	var b bytes.Buffer
	if err := loader.WriteCompact(&b, ds); err != nil {
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return err
	}
	b.Reset()
	if err := loader.WriteCompactElements(&b, ds.Elements()); err != nil {
		return err
	}
	return os.WriteFile(elements, b.Bytes(), 0o644)
}
