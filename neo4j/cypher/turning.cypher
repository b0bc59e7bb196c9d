// When the relation between states $a and $b cooled ($sign = -1) or warmed
// ($sign = 1; 0 or null: either): the dated events with claims on it and the
// starts of other claims' periods, within $from..$to (years) if given, each
// with its year's count of cooling (weakening) and warming claims. Asked for
// a direction, the findings that move that way in the years that moved most
// that way come first; then the rest in date order.
//   :param {a: 'RUS', b: 'JPN', sign: -1, from: null, to: null}
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
CALL (rel) {
  MATCH (e:Event)-[r:WEAKENS|STRENGTHENS]->(rel)
  WHERE ($from IS NULL OR e.year >= $from) AND ($to IS NULL OR e.year <= $to)
  WITH e, collect(r) AS rs
  RETURN e AS x, e.date AS date, e.year AS year, rs
  UNION
  MATCH (x)-[r:WEAKENS|STRENGTHENS]->(rel)
  WHERE NOT x:Event AND r.from IS NOT NULL
    AND ($from IS NULL OR r.from_year >= $from) AND ($to IS NULL OR r.from_year <= $to)
  RETURN x, r.from AS date, r.from_year AS year, [r] AS rs
}
WITH collect({x: x, date: date, year: year, rs: rs}) AS rows
UNWIND rows AS row
WITH row,
     reduce(n = 0, q IN rows | n + CASE WHEN q.year = row.year THEN size([r IN q.rs WHERE type(r) = 'WEAKENS']) ELSE 0 END) AS cooling,
     reduce(n = 0, q IN rows | n + CASE WHEN q.year = row.year THEN size([r IN q.rs WHERE type(r) = 'STRENGTHENS']) ELSE 0 END) AS warming
WITH row, row.x AS x, cooling, warming,
     coalesce($sign, 0) * (warming - cooling) AS score,
     any(r IN row.rs WHERE CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END = $sign) AS moves
RETURN CASE WHEN x:Event THEN x {.*} END AS event,
       x {.id, .name, label: labels(x)[0]} AS subject,
       row.date AS date,
       [r IN row.rs | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS effects,
       cooling, warming, coalesce($sign, 0) AS sign
ORDER BY CASE WHEN moves AND score > 0 THEN 0 ELSE 1 END, CASE WHEN moves AND score > 0 THEN -score ELSE 0 END, row.date, x.id
