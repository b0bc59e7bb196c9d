// The regions that matter to the relation between states $a and $b: every
// region on a causal path (up to $depth claims) into the relation, either as
// a cause itself or as what a cause concerns (the Russian Far East behind a
// factor, the islands behind a dispute), with the path that shows how; only
// region \$node, if given.
// Only the first $limit region findings come back (queries.DefaultLimit + 1 unless
// the question asks for another limit: one more tells the answer that there
// are more), in queries' rank: fewer claims first, then the most sources
// cited by the first claim, then the claims' ids, then the region's id.
//   :param {a: 'RUS', b: 'JPN', node: null, depth: 3, from: null, to: null, limit: 101}
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel)
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
UNWIND nodes(p) AS n
CALL (n) {
  MATCH (n)-[:CONCERNS]->(region:Region) RETURN region
  UNION
  WITH n WHERE n:Region RETURN n AS region
}
WITH DISTINCT region, p WHERE $node IS NULL OR region.id = $node
WITH region, p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id], region.id
LIMIT toInteger($limit)
RETURN region {.id, .name, label: 'Region'} AS region,
       [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY region.name
