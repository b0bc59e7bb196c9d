// What drove, weakened or strengthened $node (a factor or a stance): the
// claims into it and the chains of up to $depth claims that reach it, within
// $from..$to (years) if given. A chain's net effect is the product of its
// steps' signs, as for relations.
// Only the first $limit paths come back (queries.DefaultLimit + 1 unless
// the question asks for another limit: one more tells the answer that there
// are more), in queries' rank: fewer claims first, then the most sources
// cited by the first claim, then the claims' ids.
//   :param {node: 'st-sinocentric-asia-policy', depth: 3, from: null, to: null, limit: 101}
CALL () {
  MATCH (n:Factor {id: $node}) RETURN n
  UNION MATCH (n:Stance {id: $node}) RETURN n
}
// The chains are searched by length, shortest first, each length only
// while the shorter ones hold fewer than $limit: the rank lists shorter
// chains first, so longer ones could not make the list (at 1M elements, a
// stance with 309 chains of 1 or 2 claims skips its 2,973 of 3).
CALL (n) {
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES]->(n)
  WHERE all(x IN nodes(p) WHERE single(m IN nodes(p) WHERE m = x))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS one
}
CALL (n, one) {
  WITH n, one WHERE $depth >= 2 AND size(one) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*2]->(n)
  WHERE all(x IN nodes(p) WHERE single(m IN nodes(p) WHERE m = x))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS two
}
CALL (n, one, two) {
  WITH n, one, two WHERE $depth >= 3 AND size(one) + size(two) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*3]->(n)
  WHERE all(x IN nodes(p) WHERE single(m IN nodes(p) WHERE m = x))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS three
}
UNWIND one + two + three AS p
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY length(p), nodes(p)[0].name
