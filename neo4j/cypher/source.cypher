// What source $source claims: every claim citing it as evidence, and every
// claim it is cited as contesting, found one hop from the source (its
// SUPPORTS and CONTESTS edges to Claim nodes), each as the claim's derived
// edge between its SUBJECT and OBJECT.
// Only the first $limit claims by id come back (queries.DefaultLimit + 1
// unless the question asks for another limit: one more tells the answer
// that there are more).
//   :param {source: 'article', limit: 101}
MATCH (:Source {id: $source})-[:SUPPORTS|CONTESTS]->(c:Claim)
WITH DISTINCT c ORDER BY c.id LIMIT toInteger($limit)
MATCH (c)-[:SUBJECT]->(a), (c)-[:OBJECT]->(b), (a)-[r:WEAKENS|STRENGTHENS|DRIVES]->(b)
WHERE r.id = c.id
RETURN [r {.*, type: type(r), start: {id: a.id, name: a.name, label: labels(a)[0]}, end: {id: b.id, name: b.name, label: labels(b)[0]}}] AS steps
ORDER BY r.id
