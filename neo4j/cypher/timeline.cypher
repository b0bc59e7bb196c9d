// The timeline of the relation between states $a and $b: events involving
// both (or their predecessor states: the Soviet Union for Russia), and events
// claimed to have weakened or strengthened the relation, in date order with
// their effect, within $from..$to (years) if given.
//   :param {a: 'RUS', b: 'JPN', from: null, to: null}
MATCH (a:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(b:State {id: $b})
CALL (a, b, rel) {
  MATCH (a)-[:SUCCEEDS*0..3]->(pa:State), (b)-[:SUCCEEDS*0..3]->(pb:State)
  MATCH (pa)<-[:INVOLVES]-(e:Event)-[:INVOLVES]->(pb)
  WHERE pa <> pb
  RETURN e
  UNION
  MATCH (e:Event)-[:WEAKENS|STRENGTHENS]->(rel)
  RETURN e
}
WITH rel, e
WHERE ($from IS NULL OR e.year >= $from) AND ($to IS NULL OR e.year <= $to)
OPTIONAL MATCH (e)-[r:WEAKENS|STRENGTHENS]->(rel)
WITH e, collect(r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}) AS effects
RETURN e {.*} AS event, effects
ORDER BY e.date, e.id
