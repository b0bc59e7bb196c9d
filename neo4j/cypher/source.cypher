// What source $source claims: every claim citing it as evidence, and every
// claim it is cited as contesting. (One scan per claim type: a list property
// cannot be indexed, and a scan of one relationship type never touches the
// rest of the graph.)
//   :param {source: 'article'}
MATCH (src:Source {id: $source})
CALL (src) {
  MATCH ()-[r:WEAKENS]->() WHERE src.id IN r.sources OR src.id IN coalesce(r.contested_sources, []) RETURN r
  UNION
  MATCH ()-[r:STRENGTHENS]->() WHERE src.id IN r.sources OR src.id IN coalesce(r.contested_sources, []) RETURN r
  UNION
  MATCH ()-[r:DRIVES]->() WHERE src.id IN r.sources OR src.id IN coalesce(r.contested_sources, []) RETURN r
}
RETURN [r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY r.id
