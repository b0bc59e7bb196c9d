// What weakened ($sign = -1) or strengthened ($sign = 1) the relation between
// states $a and $b: direct claims and causal chains of up to $depth claims
// (at most 3). A chain's net effect is the product of its steps' signs, so a
// factor that drives a weakener weakens, and one that weakens a weakener
// strengthens. $from / $to (years, or null) keep claims whose period overlaps.
// Only the first $limit paths come back (queries.DefaultLimit + 1 unless
// the question asks for another limit: one more tells the answer that there
// are more), in queries' rank: fewer claims first, then the most sources
// cited by the first claim, then the claims' ids.
// Example parameters (Neo4j Browser):
//   :param {a: 'RUS', b: 'JPN', sign: -1, depth: 3, from: null, to: null, limit: 101}
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel)
WHERE length(p) <= $depth
  AND reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
  AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY length(p), nodes(p)[0].name
