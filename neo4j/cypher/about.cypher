// What $node is (any kind but a source) and what its sources say: its
// properties (description, date and kind for an event, sources with
// locators), then every claim it is the subject or the object of.
//   :param {node: 'e-1956-joint-declaration'}
CALL () {
  MATCH (n:State {id: $node}) RETURN n
  UNION MATCH (n:Region {id: $node}) RETURN n
  UNION MATCH (n:Dispute {id: $node}) RETURN n
  UNION MATCH (n:Event {id: $node}) RETURN n
  UNION MATCH (n:Stance {id: $node}) RETURN n
  UNION MATCH (n:Factor {id: $node}) RETURN n
  UNION MATCH (n:Relation {id: $node}) RETURN n
  UNION MATCH (n:Organization {id: $node}) RETURN n
}
CALL (n) {
  RETURN n {.*} AS node, labels(n)[0] AS label, [] AS steps
  UNION
  MATCH (n)-[r:WEAKENS|STRENGTHENS|DRIVES]-()
  RETURN null AS node, null AS label, [r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
}
RETURN node, label, steps
ORDER BY node IS NULL, steps[0].id
