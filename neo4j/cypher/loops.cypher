// Feedback loops in the causal map: cycles of 2 to $depth claims (weakens,
// strengthens, drives; $depth at most 4, queries.MaxLoop) through distinct
// nodes, every claim in $from..$to if given. Each loop reads from its claim
// with the smallest id. A loop with an even number of weakening claims
// reinforces itself; with an odd number it balances.
// Only the first $limit loops in the order of their claims' ids come back
// (queries.LoopLimit + 1: one more tells the answer that there are more);
// about a relation ($a), the loops nearest it first (below).
//
// Without $node or $a, the search takes the claims in order of id and looks
// from each for the ways back to its start through claims with larger ids
// only, so every loop is found once, and stops at $limit loops; it follows
// ways back of 1, 2 and 3 claims each in its own branch, so that a smaller
// $depth skips the longer ones. With $node, it looks only for loops through
// $node; with $a (and $b), only for those through a node that reaches the
// relation between $a and $b (every relation of $a without $b) by a chain
// of 1 to $depth claims (at most 2, queries.MaxLink), every claim in
// $from..$to. Those nodes are found a claim at a time back from the
// relation, each at its distance: one (a claim on the relation) or two.
// From $node, or from each of those nodes (anchors) that has claims both in
// and out, paths of up to 2 claims out and up to 2 back in are joined where
// they meet (2 + 2 covers a loop of up to 4 claims; a loop of 3 is joined
// 1 + 2 only). About a relation, loops rank by their anchor, the first of
// their nodes that reaches the relation: the nearest first, then by its id
// (returned as anchor; queries' loopReach.compare), then by their claims'
// ids. Without $node the anchors are searched in that order, each loop found
// from its anchor only (a loop through an earlier anchor is left to it),
// and the search stops at $limit loops. Each loop comes with via, how it
// reaches the relation: the first chain from a node of the loop to it,
// fewest claims first (from its nodes nearest the relation, each claim to
// a node one claim nearer), then the most sources cited by its first
// claim, then the claims' ids (queries' path rank).
//   :param {node: null, a: null, b: null, from: null, to: null, depth: 4, limit: 101}
CALL () {
  MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)
  WHERE $b IS NULL OR $b IN rel.states
  RETURN collect(DISTINCT rel) AS rels
}
CALL (rels) {
  UNWIND rels AS t
  MATCH (n)-[c:WEAKENS|STRENGTHENS|DRIVES]->(t)
  WHERE ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
    AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from)
  RETURN collect(DISTINCT n) AS one
}
CALL (one) {
  UNWIND CASE WHEN $depth >= 2 THEN one ELSE [] END AS t
  MATCH (n)-[c:WEAKENS|STRENGTHENS|DRIVES]->(t)
  WHERE ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
    AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from)
    AND NOT n IN one
  RETURN collect(DISTINCT n) AS two
}
CALL (one, two) {
  WITH $node IS NULL AND $a IS NULL AS everywhere
  WHERE everywhere
  CALL () {
    MATCH ()-[r:WEAKENS]->() RETURN r
    UNION ALL
    MATCH ()-[r:STRENGTHENS]->() RETURN r
    UNION ALL
    MATCH ()-[r:DRIVES]->() RETURN r
  }
  WITH r, startNode(r) AS x, endNode(r) AS y
  WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
    AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from)
    AND EXISTS { ()-[:WEAKENS|STRENGTHENS|DRIVES]->(x) }
    AND EXISTS { (y)-[:WEAKENS|STRENGTHENS|DRIVES]->() }
  WITH r, x, y ORDER BY r.id
  CALL (r, x, y) {
    CALL (r, x, y) {
      WITH r, x, y, $depth >= 2 AS deep
      WHERE deep
      MATCH p = (y)-[:WEAKENS|STRENGTHENS|DRIVES*1]->(x)
      WHERE all(s IN relationships(p) WHERE s.id > r.id
                AND ($to IS NULL OR s.from_year IS NULL OR s.from_year <= $to)
                AND ($from IS NULL OR s.to_year IS NULL OR s.to_year >= $from))
        AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
      RETURN [r] + relationships(p) AS rs
      UNION ALL
      WITH r, x, y, $depth >= 3 AS deep
      WHERE deep
      MATCH p = (y)-[:WEAKENS|STRENGTHENS|DRIVES*2]->(x)
      WHERE all(s IN relationships(p) WHERE s.id > r.id
                AND ($to IS NULL OR s.from_year IS NULL OR s.from_year <= $to)
                AND ($from IS NULL OR s.to_year IS NULL OR s.to_year >= $from))
        AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
      RETURN [r] + relationships(p) AS rs
      UNION ALL
      WITH r, x, y, $depth >= 4 AS deep
      WHERE deep
      MATCH p = (y)-[:WEAKENS|STRENGTHENS|DRIVES*3]->(x)
      WHERE all(s IN relationships(p) WHERE s.id > r.id
                AND ($to IS NULL OR s.from_year IS NULL OR s.from_year <= $to)
                AND ($from IS NULL OR s.to_year IS NULL OR s.to_year >= $from))
        AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
      RETURN [r] + relationships(p) AS rs
    }
    RETURN rs ORDER BY [s IN rs | s.id]
  }
  RETURN rs, null AS anchor LIMIT toInteger($limit)
UNION ALL
  WITH one, two, $node IS NOT NULL AS through
  WHERE through
  CALL () {
    MATCH (s:Event {id: $node}) RETURN s
    UNION MATCH (s:Factor {id: $node}) RETURN s
    UNION MATCH (s:Stance {id: $node}) RETURN s
    UNION MATCH (s:Region {id: $node}) RETURN s
    UNION MATCH (s:Dispute {id: $node}) RETURN s
    UNION MATCH (s:Organization {id: $node}) RETURN s
  }
  CALL (s, one, two) {
    MATCH p1 = (s)-[:WEAKENS|STRENGTHENS|DRIVES*1..2]->(m), p2 = (m)-[:WEAKENS|STRENGTHENS|DRIVES*1..2]->(s)
    USING JOIN ON m
    WHERE length(p1) + length(p2) <= $depth AND NOT (length(p1) = 2 AND length(p2) = 1)
      AND all(c IN relationships(p1) + relationships(p2)
              WHERE ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
                AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from))
    WITH relationships(p1) + relationships(p2) AS rs, nodes(p1) + nodes(p2)[1..-1] AS ns
    WHERE all(n IN ns WHERE single(k IN ns WHERE k = n))
      AND ($a IS NULL OR any(n IN ns WHERE n IN one OR n IN two))
    WITH rs, ns, CASE WHEN any(n IN ns WHERE n IN one) THEN 1
                      WHEN any(n IN ns WHERE n IN two) THEN 2 END AS d
    WITH rs, d, [n IN ns WHERE n IN [one, two][d - 1] | n.id] AS near
    WITH rs, d, reduce(m = null, id IN near | CASE WHEN m IS NULL OR id < m THEN id ELSE m END) AS anchor
    RETURN rs, d, anchor
  }
  WITH rs, d, anchor, reduce(k = 0, i IN range(0, size(rs) - 1) | CASE WHEN rs[i].id < rs[k].id THEN i ELSE k END) AS k
  WITH rs[k..] + rs[..k] AS rs, d, anchor
  RETURN rs, anchor ORDER BY d, anchor, [c IN rs | c.id] LIMIT toInteger($limit)
UNION ALL
  WITH one, two, $node IS NULL AND $a IS NOT NULL AS near
  WHERE near
  CALL (one, two) {
    UNWIND [[1, one], [2, two]] AS level
    UNWIND level[1] AS s
    WITH level[0] AS d, s
    WHERE EXISTS { ()-[:WEAKENS|STRENGTHENS|DRIVES]->(s) } AND EXISTS { (s)-[:WEAKENS|STRENGTHENS|DRIVES]->() }
    WITH d, s ORDER BY d, s.id
    RETURN collect(s) AS anchors
  }
  UNWIND range(0, size(anchors) - 1) AS i
  WITH anchors[i] AS s, anchors[..i] AS earlier
  CALL (s, earlier) {
    MATCH p1 = (s)-[:WEAKENS|STRENGTHENS|DRIVES*1..2]->(m), p2 = (m)-[:WEAKENS|STRENGTHENS|DRIVES*1..2]->(s)
    USING JOIN ON m
    WHERE length(p1) + length(p2) <= $depth AND NOT (length(p1) = 2 AND length(p2) = 1)
      AND all(c IN relationships(p1) + relationships(p2)
              WHERE ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
                AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from))
    WITH relationships(p1) + relationships(p2) AS rs, nodes(p1) + nodes(p2)[1..-1] AS ns
    WHERE all(n IN ns WHERE single(k IN ns WHERE k = n))
      AND none(n IN ns WHERE n IN earlier)
    WITH rs, reduce(k = 0, i IN range(0, size(rs) - 1) | CASE WHEN rs[i].id < rs[k].id THEN i ELSE k END) AS k
    WITH rs[k..] + rs[..k] AS rs
    RETURN rs ORDER BY [c IN rs | c.id]
  }
  RETURN rs, s.id AS anchor LIMIT toInteger($limit)
}
WITH rs, anchor, rels, one, two
OPTIONAL CALL (rs, rels, one, two) {
  WITH [c IN rs | startNode(c)] AS ns, rels, one, two
  WITH ns, rels, one, two,
       CASE WHEN any(n IN ns WHERE n IN one) THEN 1
            WHEN any(n IN ns WHERE n IN two) THEN 2 END AS near
  CALL (ns, rels, one, two, near) {
    WITH ns, rels, near WHERE near = 1
    UNWIND ns AS n
    MATCH q = (n)-[c:WEAKENS|STRENGTHENS|DRIVES]->(rel)
    WHERE rel IN rels
      AND ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
      AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from)
    RETURN q
    UNION
    WITH ns, rels, one, two, near WHERE near = 2
    UNWIND [n IN ns WHERE n IN two] AS n
    MATCH q = (n)-[:WEAKENS|STRENGTHENS|DRIVES]->(x)-[:WEAKENS|STRENGTHENS|DRIVES]->(rel)
    WHERE x IN one AND rel IN rels
      AND all(c IN relationships(q) WHERE ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
                                      AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from))
    RETURN q
  }
  WITH q ORDER BY coalesce(size(relationships(q)[0].sources), 0) DESC, [c IN relationships(q) | c.id]
  LIMIT 1
  RETURN relationships(q) AS via
}
RETURN anchor, [s IN rs | s {.*, type: type(s), start: {id: startNode(s).id, name: startNode(s).name, label: labels(startNode(s))[0]}, end: {id: endNode(s).id, name: endNode(s).name, label: labels(endNode(s))[0]}}] AS steps,
       [s IN coalesce(via, []) | s {.*, type: type(s), start: {id: startNode(s).id, name: startNode(s).name, label: labels(startNode(s))[0]}, end: {id: endNode(s).id, name: endNode(s).name, label: labels(endNode(s))[0]}}] AS via
