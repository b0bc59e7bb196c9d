// The titles and addresses of the sources with ids $ids, and all their
// properties (for writing the references as BibTeX or CSL-JSON).
MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id, s.name AS name, s.url AS url, properties(s) AS props
