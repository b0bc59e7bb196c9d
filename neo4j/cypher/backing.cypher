// Which sources back the claims that $node (a kind that may cause,
// graph.CauseLabels) weakened ($sign = -1) or strengthened or drove ($sign =
// 1; 0: any) what it acts on (a relation of $a, and of $b, if given): each
// claim with its citations (source, locator, mode), the sources contesting
// it and the claims of opposite sign between the same two nodes.
//   :param {a: 'RUS', b: 'JPN', node: 'f-territorial-nationalism', sign: -1}
CALL () {
  MATCH (n:Event {id: $node}) RETURN n
  UNION MATCH (n:Factor {id: $node}) RETURN n
  UNION MATCH (n:Stance {id: $node}) RETURN n
  UNION MATCH (n:Region {id: $node}) RETURN n
  UNION MATCH (n:Dispute {id: $node}) RETURN n
  UNION MATCH (n:Organization {id: $node}) RETURN n
}
MATCH (n)-[r:WEAKENS|STRENGTHENS|DRIVES]->(o)
WHERE ($a IS NULL OR (o:Relation AND $a IN o.states)) AND ($b IS NULL OR (o:Relation AND $b IN o.states))
  AND (coalesce($sign, 0) = 0 OR ($sign < 0 AND type(r) = 'WEAKENS') OR ($sign > 0 AND type(r) <> 'WEAKENS'))
RETURN [r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps,
       [(n)-[x:WEAKENS|STRENGTHENS]->(o) WHERE type(r) <> 'DRIVES' AND type(x) <> type(r) | x.id] AS opposed
ORDER BY o.name, r.id
