// The regions that matter to the relation between states $a and $b: every
// region on a causal path (up to $depth claims) into the relation, either as
// a cause itself or as what a cause concerns (the Russian Far East behind a
// factor, the islands behind a dispute), with the path that shows how; only
// region \$node, if given.
//   :param {a: 'RUS', b: 'JPN', node: null, depth: 3, from: null, to: null}
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
WITH region, p WHERE $node IS NULL OR region.id = $node
RETURN DISTINCT region {.id, .name, label: 'Region'} AS region,
       [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY region.name
