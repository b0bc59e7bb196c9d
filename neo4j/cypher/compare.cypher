// State $a's relations compared: for each relation of $a (or only those with
// the states in $others), the direct causes and chains (up to $depth claims)
// that pushed it down or up, within $from..$to if given.
// Only the first $limit paths come back (queries.DefaultLimit + 1 unless
// the question asks for another limit: one more tells the answer that there
// are more), in queries' rank: fewer claims first, then the most sources
// cited by the first claim, then the claims' ids.
//   :param {a: 'RUS', others: ['JPN', 'CHN'], depth: 3, from: null, to: null, limit: 101}
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(other:State)
WHERE other.id <> $a AND ($others IS NULL OR other.id IN $others)
// The relations asked about first, then their paths (not every relation's
// paths, filtered after).
WITH collect(DISTINCT rel) AS rels
// The chains into them are searched by length, shortest first, each length
// only while the shorter ones hold fewer than $limit: the rank lists shorter
// chains first, so longer ones could not make the list.
CALL (rels) {
  UNWIND rels AS rel
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES]->(rel)
  WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS one
}
CALL (rels, one) {
  WITH rels, one WHERE $depth >= 2 AND size(one) < toInteger($limit)
  UNWIND rels AS rel
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*2]->(rel)
  WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS two
}
CALL (rels, one, two) {
  WITH rels, one, two WHERE $depth >= 3 AND size(one) + size(two) < toInteger($limit)
  UNWIND rels AS rel
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*3]->(rel)
  WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS three
}
UNWIND one + two + three AS p
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
WITH last(nodes(p)) AS rel, p
RETURN rel {.id, .name, label: 'Relation'} AS relation,
       [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY relation.name, length(p)
