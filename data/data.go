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

// Schema is the JSON Schema (draft 2020-12) of a dataset file.
//
//go:embed schema/dyad.schema.json
var Schema []byte
