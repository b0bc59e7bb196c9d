// The policy stances state $a held, with the states they aimed at and what
// each is claimed to have driven, weakened or strengthened; only stances
// whose period overlaps $from..$to (years) if given ("as of 2005": both 2005).
//   :param {a: 'RUS', from: null, to: null}
MATCH (:State {id: $a})-[h:HOLDS]->(st:Stance)
WHERE ($to IS NULL OR h.from_year IS NULL OR h.from_year <= $to)
  AND ($from IS NULL OR h.to_year IS NULL OR h.to_year >= $from)
OPTIONAL MATCH (st)-[:TOWARD]->(t:State)
WITH st, t ORDER BY t.id
WITH st, collect(t {.id, .name, label: 'State'}) AS toward
RETURN st {.*} AS stance, toward,
       [(st)-[r:WEAKENS|STRENGTHENS|DRIVES]->() | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS effects
ORDER BY st.from_year, st.name
