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
// The chains are searched by length, shortest first, each length only
// while the shorter ones hold fewer than $limit: the rank lists shorter
// chains first, so longer ones could not make the list (at 1M elements, a
// stance with 309 chains of 1 or 2 claims skips its 2,973 of 3).
CALL (rel) {
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES]->(rel)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS one
}
CALL (rel, one) {
  WITH rel, one WHERE $depth >= 2 AND size(one) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*2]->(rel)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS two
}
CALL (rel, one, two) {
  WITH rel, one, two WHERE $depth >= 3 AND size(one) + size(two) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*3]->(rel)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS three
}
UNWIND one + two + three AS p
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY length(p), nodes(p)[0].name
