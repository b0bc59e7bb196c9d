// Feedback loops in the causal map: cycles of 2 to $depth claims (weakens,
// strengthens, drives; $depth at most 4, queries.MaxLoop) through distinct
// nodes, every claim in $from..$to if given. Each loop reads from its claim
// with the smallest id. A loop with an even number of weakening claims
// reinforces itself; with an odd number it balances.
// Only the first $limit loops in the order of their claims' ids come back
// (queries.LoopLimit + 1: one more tells the answer that there are more).
//
// Without $node or $a, the search takes the claims in order of id and looks
// from each for the ways back to its start through claims with larger ids
// only, so every loop is found once, and stops at $limit loops; it follows
// ways back of 1, 2 and 3 claims each in its own branch, so that a smaller
// $depth skips the longer ones. With $node,
// it looks only for loops through $node; with $a (and $b), only for those
// through a node with a chain of 1 to $depth claims (at most 3,
// queries.MaxDepth) to the relation between $a and $b (every relation of $a
// without $b), every claim in $from..$to: from each such node, paths of up
// to 2 claims out and up to 2 back in, joined where they meet (2 + 2 covers
// a loop of up to 4 claims). For $a, each loop comes with via, how it
// reaches the relation: the first chain from a node of the loop to it,
// fewest claims first, then the most sources cited by its first claim,
// then the claims' ids (queries' path rank).
//   :param {node: null, a: null, b: null, from: null, to: null, depth: 4, limit: 101}
CALL () {
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
  RETURN rs LIMIT toInteger($limit)
UNION ALL
  WITH $node IS NOT NULL OR $a IS NOT NULL AS anchored
  WHERE anchored
  CALL () {
    MATCH (s:Event {id: $node}) RETURN s
    UNION MATCH (s:Factor {id: $node}) RETURN s
    UNION MATCH (s:Stance {id: $node}) RETURN s
    UNION MATCH (s:Region {id: $node}) RETURN s
    UNION MATCH (s:Dispute {id: $node}) RETURN s
    UNION MATCH (s:Organization {id: $node}) RETURN s
    UNION
    MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)
    WHERE $node IS NULL AND ($b IS NULL OR $b IN rel.states)
    MATCH q = (s)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel)
    WHERE length(q) <= $depth
      AND all(c IN relationships(q) WHERE ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
                                      AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from))
      AND all(n IN nodes(q) WHERE single(k IN nodes(q) WHERE k = n))
    RETURN DISTINCT s
  }
  CALL (s) {
    MATCH p1 = (s)-[:WEAKENS|STRENGTHENS|DRIVES*1..2]->(m), p2 = (m)-[:WEAKENS|STRENGTHENS|DRIVES*1..2]->(s)
    USING JOIN ON m
    WHERE length(p1) + length(p2) <= $depth
      AND all(c IN relationships(p1) + relationships(p2)
              WHERE ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
                AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from))
    WITH relationships(p1) + relationships(p2) AS rs, nodes(p1) + nodes(p2)[1..-1] AS ns
    WHERE all(n IN ns WHERE single(k IN ns WHERE k = n))
      AND ($a IS NULL OR $node IS NULL OR any(n IN ns WHERE EXISTS {
            MATCH q = (n)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel:Relation)
            WHERE length(q) <= $depth AND $a IN rel.states AND ($b IS NULL OR $b IN rel.states)
              AND all(c IN relationships(q) WHERE ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
                                              AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from))
              AND all(x IN nodes(q) WHERE single(k IN nodes(q) WHERE k = x)) }))
    WITH rs, reduce(k = 0, i IN range(0, size(rs) - 1) | CASE WHEN rs[i].id < rs[k].id THEN i ELSE k END) AS k
    RETURN DISTINCT rs[k..] + rs[..k] AS rs
  }
  RETURN DISTINCT rs ORDER BY [c IN rs | c.id] LIMIT toInteger($limit)
}
WITH rs ORDER BY [s IN rs | s.id] LIMIT toInteger($limit)
OPTIONAL CALL (rs) {
  WITH rs WHERE $a IS NOT NULL
  UNWIND rs AS c
  WITH DISTINCT startNode(c) AS n
  MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)
  WHERE $b IS NULL OR $b IN rel.states
  MATCH q = (n)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel)
  WHERE length(q) <= $depth
    AND all(c IN relationships(q) WHERE ($to IS NULL OR c.from_year IS NULL OR c.from_year <= $to)
                                    AND ($from IS NULL OR c.to_year IS NULL OR c.to_year >= $from))
    AND all(x IN nodes(q) WHERE single(k IN nodes(q) WHERE k = x))
  WITH q ORDER BY length(q), coalesce(size(relationships(q)[0].sources), 0) DESC, [c IN relationships(q) | c.id]
  LIMIT 1
  RETURN relationships(q) AS via
}
RETURN [s IN rs | s {.*, type: type(s), start: {id: startNode(s).id, name: startNode(s).name, label: labels(startNode(s))[0]}, end: {id: endNode(s).id, name: endNode(s).name, label: labels(endNode(s))[0]}}] AS steps,
       [s IN coalesce(via, []) | s {.*, type: type(s), start: {id: startNode(s).id, name: startNode(s).name, label: labels(startNode(s))[0]}, end: {id: endNode(s).id, name: endNode(s).name, label: labels(endNode(s))[0]}}] AS via
