// How $node (an event, factor, stance, region, dispute or organization: the
// kinds that may cause, graph.CauseLabels) reached a relation:
// every causal path of up to $depth claims from it to a relation (only the
// relation between $a and $b, if given), within $from..$to if given.
// Only the first $limit paths come back (queries.DefaultLimit + 1 unless
// the question asks for another limit: one more tells the answer that there
// are more), in queries' rank: fewer claims first, then the most sources
// cited by the first claim, then the claims' ids.
//   :param {node: 'e-2022-invasion-of-ukraine', a: null, b: null, depth: 3, from: null, to: null, limit: 101}
CALL () {
  MATCH (n:Event {id: $node}) RETURN n
  UNION MATCH (n:Factor {id: $node}) RETURN n
  UNION MATCH (n:Stance {id: $node}) RETURN n
  UNION MATCH (n:Region {id: $node}) RETURN n
  UNION MATCH (n:Dispute {id: $node}) RETURN n
  UNION MATCH (n:Organization {id: $node}) RETURN n
}
MATCH p = (n)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel:Relation)
WHERE length(p) <= $depth
  AND ($a IS NULL OR $a IN rel.states) AND ($b IS NULL OR $b IN rel.states)
  AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  AND all(x IN nodes(p) WHERE single(m IN nodes(p) WHERE m = x))
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY length(p), last(nodes(p)).name
