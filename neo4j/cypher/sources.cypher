// The titles and addresses of the sources with ids $ids.
MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id, s.name AS name, s.url AS url
