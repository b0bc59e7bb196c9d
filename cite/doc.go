// Package cite reads a dataset's sources from a reference manager's export
// and writes an answer's references back out, so that a citation in Dyad and
// in a researcher's paper are the same record.
//
// Two formats, both as Zotero exports them: BibTeX (Zotero's own BibTeX
// export or Better BibTeX's) and CSL-JSON (Zotero's "CSL JSON" export, the
// format citeproc and Pandoc read). ReadBibTeX and ReadCSLJSON map entries
// to graph.Source records (the citation key is the id, the title the name),
// with every problem reported at its file:line:col; WriteBibTeX and
// WriteCSLJSON write sources in a form the readers (and Zotero) read back.
//
// The kind of source comes from the entry type (see KindOf); a keyword
// "dyad:KIND" (a Zotero tag, exported as a keyword) overrides it, and the
// writers add one whenever the entry type alone would not give the kind back.
package cite
