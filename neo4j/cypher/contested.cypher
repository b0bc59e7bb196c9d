// Contested claims: claims a source disputes (contested = true), and claims
// opposed by a claim of the opposite sign on the same subject and object;
// only claims about the relation between $a and $b, if given.
//   :param {a: 'RUS', b: 'JPN'}
// Asked about a relation, only the claims on it are read (from $a's
// relations: a few hundred database hits at 1M elements, against 300,000 for
// a scan of every claim); asked about none, every claim is.
CALL () {
  MATCH (:State {id: $a})-[:HAS_RELATION]->(y:Relation)<-[r:WEAKENS|STRENGTHENS|DRIVES]-()
  RETURN r
  UNION
  WITH $a AS a WHERE a IS NULL
  CALL () {
    MATCH ()-[r:WEAKENS]->() RETURN r
    UNION
    MATCH ()-[r:STRENGTHENS]->() RETURN r
    UNION
    MATCH ()-[r:DRIVES]->() RETURN r
  }
  RETURN r
}
WITH r, startNode(r) AS x, endNode(r) AS y
WHERE ($a IS NULL OR (y:Relation AND $a IN y.states AND ($b IS NULL OR $b IN y.states)))
WITH x, r, y, [(x)-[o:WEAKENS|STRENGTHENS]->(y) WHERE type(o) <> type(r) AND type(r) <> 'DRIVES' | o.id] AS opposed
WHERE r.contested = true OR size(opposed) > 0
RETURN [r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps, opposed
ORDER BY r.id
