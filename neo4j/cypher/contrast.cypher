// Why $b rather than $c became $a's partner: the causes that strengthened
// the relation between $a and $b, and those that weakened the relation
// between $a and $c (direct claims and chains of up to $depth claims, net
// sign as for weakened and strengthened), within $from..$to if given. A
// cause on both lists pulled $a towards $b and away from $c at once. Where
// $a has no relation with $b (or with $c), that half is simply empty.
// Only the first $limit paths come back (queries.DefaultLimit + 1 unless
// the question asks for another limit: one more tells the answer that there
// are more), in queries' rank: fewer claims first, then the most sources
// cited by the first claim, then the claims' ids.
//   :param {a: 'RUS', b: 'CHN', c: 'JPN', depth: 3, from: null, to: null, limit: 101}
OPTIONAL MATCH (:State {id: $a})-[:HAS_RELATION]->(up:Relation)<-[:HAS_RELATION]-(:State {id: $b})
OPTIONAL MATCH (:State {id: $a})-[:HAS_RELATION]->(down:Relation)<-[:HAS_RELATION]-(:State {id: $c})
CALL (up, down) {
  WITH up WHERE up IS NOT NULL
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(up)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = 1
  RETURN p
  UNION
  WITH down WHERE down IS NOT NULL
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(down)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = -1
  RETURN p
}
WITH p
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
