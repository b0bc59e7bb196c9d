// Package data holds the dataset that ships with Dyad, embedded in the
// binary, and the JSON Schema that every dataset file follows.
//
// The YAML files in this folder are the curated facts: one file per kind of
// record. Each names the schema on its first line so that editors running the
// YAML language server complete and check it as you type.
package data

import "embed"

// FS holds the shipped dataset files (*.yaml) at its root.
//
//go:embed *.yaml
var FS embed.FS

// Compact is the shipped dataset, read from the YAML files and validated by
// go generate, in the compact form that loader.ReadCompact decodes in about a
// millisecond (reading the YAML takes tens). After editing a YAML file, run
//
//	go generate ./data
//
// to rewrite it; the tests of this package fail while it is stale, and
// loader.ReadEmbedded reads the YAML files until it is rewritten.
//
//go:generate go run ./internal/gencompact -o dataset.gob -elements elements.bin
//go:embed dataset.gob
var Compact []byte

// Elements is the graph of the shipped dataset (graph.Dataset.Elements), as
// go generate built it, in the binary form that loader.ReadCompactElements
// decodes without reflection: what `dyad ask` reads, which needs the graph
// and not the records it is built from. A string, so that decoding shares
// its bytes instead of copying them. go generate ./data rewrites it with
// Compact.
//
//go:embed elements.bin
var Elements string

// Schema is the JSON Schema (draft 2020-12) of a dataset file.
//
//go:embed schema/dyad.schema.json
var Schema []byte
