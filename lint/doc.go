// Package lint makes the checks a careful editor makes on a dataset that is
// already valid: claims said twice, evidence older than what it reports,
// sources that cannot speak to a claim's period, stances that never end,
// coarse locators, sources on weak hosts, records nothing mentions and
// relations with no claims.
//
// Each check is a Rule, defined in its own file and registered in one table
// (Rules), as the node kinds of package graph are. A rule reports Problems
// at the positions the records were written (graph.Loc), with a severity
// that a Config can change or turn off. The package is pure Go over a
// *graph.Dataset: it needs no database.
//
// docs/lint.md documents every rule with an example.
package lint
