// Feedback loops in the causal map: cycles of up to 4 claims (weakens,
// strengthens, drives) that come back to where they start, each found once
// (from its claim with the smallest id; one scan per claim type), every
// claim in $from..$to if given;
// only loops through $node, or through a node with a claim on the relation
// between $a and $b, if given. A loop with an even number of weakening
// claims reinforces itself; with an odd number it balances.
//   :param {node: null, a: null, b: null, from: null, to: null}
CALL () {
  MATCH ()-[r:WEAKENS]->() RETURN r
  UNION
  MATCH ()-[r:STRENGTHENS]->() RETURN r
  UNION
  MATCH ()-[r:DRIVES]->() RETURN r
}
WITH r, startNode(r) AS x, endNode(r) AS y
WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from)
MATCH p = (y)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(x)
WHERE all(s IN relationships(p) WHERE s.id > r.id
            AND ($to IS NULL OR s.from_year IS NULL OR s.from_year <= $to)
            AND ($from IS NULL OR s.to_year IS NULL OR s.to_year >= $from))
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
  AND ($node IS NULL OR any(n IN nodes(p) WHERE n.id = $node))
  AND ($a IS NULL OR any(n IN nodes(p) WHERE EXISTS {
        MATCH (n)-[:WEAKENS|STRENGTHENS]->(rel:Relation) WHERE $a IN rel.states AND ($b IS NULL OR $b IN rel.states) }))
RETURN [s IN [r] + relationships(p) | s {.*, type: type(s), start: {id: startNode(s).id, name: startNode(s).name, label: labels(startNode(s))[0]}, end: {id: endNode(s).id, name: endNode(s).name, label: labels(endNode(s))[0]}}] AS steps
