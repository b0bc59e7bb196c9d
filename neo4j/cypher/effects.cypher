// What $node, or every event of kind $kind involving $actor (as one of its
// actors when the event names them; else $a or $b: "Japan's sanctions"),
// did to the relation between states $a and $b: each subject's causal paths of up to $depth claims into it, within $from..$to
// (years) if given. A chain's net effect is the product of its steps' signs.
// Only the first $limit paths come back (queries.DefaultLimit + 1 unless
// the question asks for another limit: one more tells the answer that there
// are more), in queries' rank: fewer claims first, then the most sources
// cited by the first claim, then the claims' ids.
//   :param {a: 'JPN', b: 'RUS', node: null, kind: 'sanctions', actor: 'JPN', depth: 3, from: null, to: null, limit: 101}
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
CALL () {
  MATCH (n:Event {id: $node}) RETURN n
  UNION MATCH (n:Factor {id: $node}) RETURN n
  UNION MATCH (n:Stance {id: $node}) RETURN n
  UNION MATCH (n:Region {id: $node}) RETURN n
  UNION MATCH (n:Dispute {id: $node}) RETURN n
  UNION MATCH (n:Organization {id: $node}) RETURN n
  UNION
  UNWIND CASE WHEN $actor IS NULL THEN [$a, $b] ELSE [$actor] END AS s
  MATCH (:State {id: s})<-[:INVOLVES]-(n:Event)
  WHERE $kind IS NOT NULL AND n.kind = $kind
    AND ($actor IS NULL OR n.actors IS NULL OR $actor IN n.actors)
  RETURN n
}
MATCH p = (n)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel)
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  AND all(x IN nodes(p) WHERE single(m IN nodes(p) WHERE m = x))
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY nodes(p)[0].name, length(p)
