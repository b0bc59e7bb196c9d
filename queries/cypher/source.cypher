// What source $source claims: every claim citing it as evidence, and every
// claim it is cited as contesting.
//   :param {source: 'article'}
MATCH (src:Source {id: $source})
MATCH ()-[r:WEAKENS|STRENGTHENS|DRIVES]->()
WHERE src.id IN r.sources OR src.id IN coalesce(r.contested_sources, [])
RETURN [r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY r.id
