// Dyad in Neo4j Browser: a guided tour of Russia, Japan and China after 1991.
//
// Generated from the query catalog (queries.Catalog, queries/cypher/*.cypher)
// by queries/browser_test.go; do not edit by hand. Regenerate with
//   go test ./queries -run TestBrowser -update
//
// Load the graph first (dyad load), apply the style (docs/browser/dyad.grass),
// then drag this file onto Neo4j Browser and pick "Paste in editor" to run the
// whole tour at once (each step in its own row of one frame), or import
// docs/browser/dyad-tour.zip in the Favorites drawer for one saved script per
// step. Each step sets its parameters with :param, then asks its question.
// See docs/browser.md.

// 01 The states and their relations
//    Every state and every bilateral relation (a node of its own, so causes can
//    point at it); the Soviet Union is not Russia: SUCCEEDS links them.
MATCH p = (:State)-[:HAS_RELATION]->(:Relation)
RETURN p
UNION
MATCH p = (:State)-[:SUCCEEDS]->(:State)
RETURN p;

// 02 The Russia–Japan neighbourhood
//    The relation and what weakened or strengthened it directly (factors,
//    stances, events, the Kuril dispute), with every link among those causes:
//    what drove what, which events concern a dispute.
:param {a: 'RUS', b: 'JPN'};
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH (subject)-[:WEAKENS|STRENGTHENS]->(rel)
WITH rel, collect(DISTINCT subject) AS subjects
MATCH p = (x)-->(y)
WHERE x IN subjects AND (y = rel OR y IN subjects)
RETURN p;

// 03 What weakened Russia–Japan relations? (weakened)
//    Direct causes and causal chains (up to depth steps) whose net effect
//    weakened the relation, optionally within a period.
:param {a: 'RUS', b: 'JPN', sign: -1, depth: 3, from: null, to: null, limit: 101};
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
// The chains are searched by length, shortest first, each length only
// while the shorter ones hold fewer than $limit: the rank lists shorter
// chains first, so longer ones could not make the list (at 1M elements, a
// stance with 309 chains of 1 or 2 claims skips its 2,973 of 3).
CALL (rel) {
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES]->(rel)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS one
}
CALL (rel, one) {
  WITH rel, one WHERE $depth >= 2 AND size(one) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*2]->(rel)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS two
}
CALL (rel, one, two) {
  WITH rel, one, two WHERE $depth >= 3 AND size(one) + size(two) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*3]->(rel)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS three
}
UNWIND one + two + three AS p
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY length(p), nodes(p)[0].name;

// 04 What weakened Russia–Japan relations, as a graph
//    The same causes and chains as paths: direct claims, and chains of up to
//    three claims whose net effect weakens (a factor that drives a weakener
//    weakens; one that weakens a weakener strengthens, and is left out), and
//    every other link among them (which events concern a dispute; a claim between
//    two causes, such as the two halves of a feedback loop), which Browser would
//    draw anyway; a claim into the relation shows only on a weakening path. Red
//    edges weaken, orange drive, green strengthen.
:param {a: 'RUS', b: 'JPN'};
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel)
WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = -1
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH collect(p) AS paths
UNWIND paths AS q
UNWIND nodes(q) AS n
WITH paths, collect(DISTINCT n) AS shown
OPTIONAL MATCH l = (x)-[r]->(y)
WHERE x IN shown AND y IN shown AND NOT (type(r) IN ['WEAKENS', 'STRENGTHENS', 'DRIVES'] AND y:Relation)
WITH paths, collect(l) AS links
UNWIND paths + links AS p
RETURN p;

// 05 The timeline of Russia–Japan relations (timeline)
//    Events involving both states (or their predecessors), or claimed to affect
//    the relation, in date order, with their effect.
:param {a: 'RUS', b: 'JPN', depth: 3, from: null, to: null};
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
ORDER BY e.date, e.id;

// 06 The disputes Russia is party to (disputes)
//    Each dispute with every party's position and the dispute's claimed effects.
:param {a: 'RUS', b: null, depth: 3, from: null, to: null};
MATCH (:State {id: $a})-[:PARTY_TO]->(d:Dispute)
MATCH (party:State)-[p:PARTY_TO]->(d)
OPTIONAL MATCH (d)-[:CONCERNS]->(t:Region)
WITH d, t, party, p ORDER BY party.id
WITH d, t, collect({state: party {.id, .name, label: 'State'}, position: p.position,
                    sources: p.sources, locators: p.locators, modes: p.modes}) AS parties
RETURN d {.*} AS dispute, t {.id, .name, label: 'Region'} AS territory, parties,
       [(d)-[r:WEAKENS|STRENGTHENS|DRIVES]->() | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS effects
ORDER BY d.name;

// 07 The Kuril Islands dispute
//    The disputes Russia is party to, their parties and territory, what each
//    dispute weakened or strengthened, and the links among them: whose relation
//    each is, the territory's parts, the Soviet Union's successor.
:param {a: 'RUS'};
MATCH (:State {id: $a})-[:PARTY_TO]->(d:Dispute)
CALL {
  WITH d MATCH p = (:State)-[:PARTY_TO]->(d) RETURN p
  UNION
  WITH d MATCH p = (d)-[:CONCERNS]->(:Region) RETURN p
  UNION
  WITH d MATCH p = (d)-[:WEAKENS|STRENGTHENS]->() RETURN p
}
WITH collect(p) AS paths
UNWIND paths AS q
UNWIND nodes(q) AS n
WITH paths, collect(DISTINCT n) AS shown
OPTIONAL MATCH l = (x)-[r]->(y)
WHERE x IN shown AND y IN shown
WITH paths, collect(l) AS links
UNWIND paths + links AS p
RETURN p;

// 08 The regions that matter to Russia–Japan relations (regions)
//    Regions on a causal path into the relation (as a cause, or what a cause
//    concerns), with the path; only region node, if given.
:param {a: 'RUS', b: 'JPN', node: null, depth: 3, from: null, to: null, limit: 101};
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel)
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
UNWIND nodes(p) AS n
CALL (n) {
  MATCH (n)-[:CONCERNS]->(region:Region) RETURN region
  UNION
  WITH n WHERE n:Region RETURN n AS region
}
WITH DISTINCT region, p WHERE $node IS NULL OR region.id = $node
WITH region, p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id], region.id
LIMIT toInteger($limit)
RETURN region {.id, .name, label: 'Region'} AS region,
       [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY region.name;

// 09 The stances Russia held (stances)
//    Policy stances the state held, optionally as of a year or within a period,
//    with whom they aimed at and what they drove.
:param {a: 'RUS', b: null, depth: 3, from: null, to: null};
MATCH (:State {id: $a})-[h:HOLDS]->(st:Stance)
WHERE ($to IS NULL OR h.from_year IS NULL OR h.from_year <= $to)
  AND ($from IS NULL OR h.to_year IS NULL OR h.to_year >= $from)
OPTIONAL MATCH (st)-[:TOWARD]->(t:State)
WITH st, t ORDER BY t.id
WITH st, collect(t {.id, .name, label: 'State'}) AS toward
RETURN st {.*} AS stance, toward,
       [(st)-[r:WEAKENS|STRENGTHENS|DRIVES]->() | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS effects
ORDER BY st.from_year, st.name;

// 10 The Russia–China neighbourhood
//    The relation and what weakened or strengthened it directly (why China, not
//    Japan, became Moscow's partner), with every link among those causes: what
//    drove what, which events concern a dispute.
:param {a: 'RUS', b: 'CHN'};
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH (subject)-[:WEAKENS|STRENGTHENS]->(rel)
WITH rel, collect(DISTINCT subject) AS subjects
MATCH p = (x)-->(y)
WHERE x IN subjects AND (y = rel OR y IN subjects)
RETURN p;

// 11 What strengthened Russia–China relations? (strengthened)
//    Direct causes and causal chains whose net effect strengthened the relation,
//    optionally within a period.
:param {a: 'RUS', b: 'CHN', sign: 1, depth: 3, from: null, to: null, limit: 101};
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
// The chains are searched by length, shortest first, each length only
// while the shorter ones hold fewer than $limit: the rank lists shorter
// chains first, so longer ones could not make the list (at 1M elements, a
// stance with 309 chains of 1 or 2 claims skips its 2,973 of 3).
CALL (rel) {
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES]->(rel)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS one
}
CALL (rel, one) {
  WITH rel, one WHERE $depth >= 2 AND size(one) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*2]->(rel)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS two
}
CALL (rel, one, two) {
  WITH rel, one, two WHERE $depth >= 3 AND size(one) + size(two) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*3]->(rel)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
    AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS three
}
UNWIND one + two + three AS p
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY length(p), nodes(p)[0].name;

// 12 Why China rather than Japan became Russia's partner (contrast)
//    What strengthened the relation between A and B, what weakened the relation
//    between A and C (the first of others), and the causes that did both at once.
:param {a: 'RUS', b: 'CHN', c: 'JPN', depth: 3, from: null, to: null, limit: 101};
OPTIONAL MATCH (:State {id: $a})-[:HAS_RELATION]->(up:Relation)<-[:HAS_RELATION]-(:State {id: $b})
OPTIONAL MATCH (:State {id: $a})-[:HAS_RELATION]->(down:Relation)<-[:HAS_RELATION]-(:State {id: $c})
CALL (up, down) {
  WITH up WHERE up IS NOT NULL
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(up)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = 1
  RETURN p
  UNION
  WITH down WHERE down IS NOT NULL
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(down)
  WHERE reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = -1
  RETURN p
}
WITH p
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps;

// 13 Russia's relations compared (with Japan, China) (compare)
//    For each of the state's relations (or those with others), the causes that
//    weakened or strengthened it.
:param {a: 'RUS', b: null, others: ['JPN', 'CHN'], depth: 3, from: null, to: null, limit: 101};
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(other:State)
WHERE other.id <> $a AND ($others IS NULL OR other.id IN $others)
// The relations asked about first, then their paths (not every relation's
// paths, filtered after).
WITH collect(DISTINCT rel) AS rels
// The chains into them are searched by length, shortest first, each length
// only while the shorter ones hold fewer than $limit: the rank lists shorter
// chains first, so longer ones could not make the list.
CALL (rels) {
  UNWIND rels AS rel
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES]->(rel)
  WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS one
}
CALL (rels, one) {
  WITH rels, one WHERE $depth >= 2 AND size(one) < toInteger($limit)
  UNWIND rels AS rel
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*2]->(rel)
  WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS two
}
CALL (rels, one, two) {
  WITH rels, one, two WHERE $depth >= 3 AND size(one) + size(two) < toInteger($limit)
  UNWIND rels AS rel
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*3]->(rel)
  WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS three
}
UNWIND one + two + three AS p
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
WITH last(nodes(p)) AS rel, p
RETURN rel {.id, .name, label: 'Relation'} AS relation,
       [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY relation.name, length(p);

// 14 How Russia's full-scale invasion of Ukraine reached the relations it affected (paths)
//    The causal paths from an event, factor, stance, region, dispute or
//    organization to a relation (between A and B, if given).
:param {a: null, b: null, node: 'e-2022-invasion-of-ukraine', depth: 3, from: null, to: null, limit: 101};
CALL () {
  MATCH (n:Event {id: $node}) RETURN n
  UNION MATCH (n:Factor {id: $node}) RETURN n
  UNION MATCH (n:Stance {id: $node}) RETURN n
  UNION MATCH (n:Region {id: $node}) RETURN n
  UNION MATCH (n:Dispute {id: $node}) RETURN n
  UNION MATCH (n:Organization {id: $node}) RETURN n
}
MATCH p = (n)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel:Relation)
WHERE length(p) <= $depth
  AND ($a IS NULL OR $a IN rel.states) AND ($b IS NULL OR $b IN rel.states)
  AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  AND all(x IN nodes(p) WHERE single(m IN nodes(p) WHERE m = x))
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY length(p), last(nodes(p)).name;

// 15 What “[Russia's Asia policy: why China, not Japan, became Moscow's partner]” claims (source)
//    Every claim that cites the source, as evidence or as contesting it.
:param {a: null, b: null, source: 'article', depth: 3, from: null, to: null, limit: 101};
MATCH (:Source {id: $source})-[:SUPPORTS|CONTESTS]->(c:Claim)
WITH DISTINCT c ORDER BY c.id LIMIT toInteger($limit)
MATCH (c)-[:SUBJECT]->(a), (c)-[:OBJECT]->(b), (a)-[r:WEAKENS|STRENGTHENS|DRIVES]->(b)
WHERE r.id = c.id
RETURN [r {.*, type: type(r), start: {id: a.id, name: a.name, label: labels(a)[0]}, end: {id: b.id, name: b.name, label: labels(b)[0]}}] AS steps
ORDER BY r.id;

// 16 Contested claims about Russia–Japan relations (contested)
//    Claims a source disputes, and claims opposed by another claim of opposite
//    sign on the same subject and object; about the relation between A and B, if
//    given.
:param {a: 'RUS', b: 'JPN', depth: 3, from: null, to: null};
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
ORDER BY r.id;

// 17 When Russia–Japan relations cooled (turning)
//    The dated events with claims on the relation, and the starts of other
//    claims' periods, each with its effect and its year's tally of cooling and
//    warming claims; asked for one direction, the years that moved most that way
//    come first, else in date order.
:param {a: 'RUS', b: 'JPN', sign: -1, depth: 3, from: null, to: null};
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
ORDER BY CASE WHEN moves AND score > 0 THEN 0 ELSE 1 END, CASE WHEN moves AND score > 0 THEN -score ELSE 0 END, row.date, x.id;

// 18 The parties to Kuril Islands dispute and their positions (parties)
//    Each dispute with every party's position (only A's, if given) and its
//    sources, and the territory at stake.
:param {a: null, b: null, node: 'kuril-dispute', depth: 3, from: null, to: null};
CALL () {
  MATCH (d:Dispute {id: $node}) RETURN d
  UNION MATCH (:Region {id: $node})<-[:CONCERNS]-(d:Dispute) RETURN d
}
MATCH (party:State)-[p:PARTY_TO]->(d)
WHERE $a IS NULL OR party.id = $a
OPTIONAL MATCH (d)-[:CONCERNS]->(t:Region)
WITH d, t, party, p ORDER BY party.id
WITH d, t, collect({state: party {.id, .name, label: 'State'}, position: p.position,
                    sources: p.sources, locators: p.locators, modes: p.modes}) AS parties
RETURN d {.*} AS dispute, t {.id, .name, label: 'Region'} AS territory, parties
ORDER BY d.name;

// 19 What Japan's sanctions did to Japan–Russia relations (effects)
//    For each subject (node, or every event of kind involving actor — as one of
//    its actors when the event names them — else A or B), its causal paths into
//    the relation between A and B: direct claims and chains of up to depth
//    claims, grouped per subject, optionally within a period.
:param {a: 'JPN', b: 'RUS', node: null, depth: 3, from: null, to: null, actor: 'JPN', kind: 'sanctions', limit: 101};
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
ORDER BY nodes(p)[0].name, length(p);

// 20 What changed in Russia–Japan relations around 2014 (change)
//    The claims on the relation whose period ended before the pivot year (what
//    ended), then those that started in it or later (what started; an event's
//    claim starts at the event), each dated; claims that held across the pivot or
//    are undated are left out.
:param {a: 'RUS', b: 'JPN', depth: 3, from: null, to: null, pivot: 2014};
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH (x)-[r:WEAKENS|STRENGTHENS|DRIVES]->(rel)
WITH x, r,
     coalesce(r.from_year, CASE WHEN x:Event THEN x.year END) AS start,
     coalesce(r.from, CASE WHEN x:Event THEN x.date END) AS startDate
WITH r, startDate,
     CASE WHEN r.to_year < $pivot THEN 'ended' WHEN start >= $pivot THEN 'started' END AS phase
WHERE phase IS NOT NULL
WITH r, phase, CASE phase WHEN 'ended' THEN r.to ELSE startDate END AS date
RETURN [r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps,
       phase, date, $pivot AS pivot
ORDER BY phase = 'started', date, r.id;

// 21 What drove Entrenched Sinocentric Asia policy (causes)
//    The claims that drove, weakened or strengthened a factor or a stance, and
//    the chains (up to depth steps) that reach it, optionally within a period.
:param {a: null, b: null, node: 'st-sinocentric-asia-policy', depth: 3, from: null, to: null, limit: 101};
CALL () {
  MATCH (n:Factor {id: $node}) RETURN n
  UNION MATCH (n:Stance {id: $node}) RETURN n
}
// The chains are searched by length, shortest first, each length only
// while the shorter ones hold fewer than $limit: the rank lists shorter
// chains first, so longer ones could not make the list (at 1M elements, a
// stance with 309 chains of 1 or 2 claims skips its 2,973 of 3).
CALL (n) {
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES]->(n)
  WHERE all(x IN nodes(p) WHERE single(m IN nodes(p) WHERE m = x))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS one
}
CALL (n, one) {
  WITH n, one WHERE $depth >= 2 AND size(one) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*2]->(n)
  WHERE all(x IN nodes(p) WHERE single(m IN nodes(p) WHERE m = x))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS two
}
CALL (n, one, two) {
  WITH n, one, two WHERE $depth >= 3 AND size(one) + size(two) < toInteger($limit)
  MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*3]->(n)
  WHERE all(x IN nodes(p) WHERE single(m IN nodes(p) WHERE m = x))
    AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  RETURN collect(p) AS three
}
UNWIND one + two + three AS p
WITH p ORDER BY length(p), coalesce(size(relationships(p)[0].sources), 0) DESC, [r IN relationships(p) | r.id]
LIMIT toInteger($limit)
RETURN [r IN relationships(p) | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS steps
ORDER BY length(p), nodes(p)[0].name;

// 22 About Soviet–Japanese Joint Declaration (about)
//    The node's description, date and kind (events) with its sources and
//    locators, then every claim it is the subject or the object of.
:param {a: null, b: null, node: 'e-1956-joint-declaration', depth: 3, from: null, to: null};
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
ORDER BY node IS NULL, steps[0].id;

// 23 The sources behind the claims that Territory-focused Russian nationalism weakened Russia–Japan relations (backing)
//    Each claim of node (on the relation between A and B, or any relation of A,
//    if given; of the sign, if given) with every citation (source, locator,
//    mode), the sources contesting it and the claims of opposite sign opposing
//    it.
:param {a: 'RUS', b: 'JPN', node: 'f-territorial-nationalism', sign: -1, depth: 3, from: null, to: null};
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
ORDER BY o.name, r.id;

// 24 Feedback loops that bear on Russia–Japan relations (loops)
//    Cycles of 2 to 4 claims (at most depth) that come back to where they start,
//    each reinforcing (an even number of weakening claims) or balancing, with the
//    period in which all its claims hold, the first 100 in the order of their
//    claims' ids; only those through node, if given, and, if A is given, those
//    with a node that reaches the relation between A and B (every relation of A
//    without B) by a chain of up to depth claims (at most 2), each with the first
//    such chain (fewest claims, most-cited first) as how it reaches the relation,
//    the loops nearest the relation first (then by the id of their node that
//    near).
:param {a: 'RUS', b: 'JPN', node: null, depth: 4, from: null, to: null, limit: 101};
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
       [s IN coalesce(via, []) | s {.*, type: type(s), start: {id: startNode(s).id, name: startNode(s).name, label: labels(startNode(s))[0]}, end: {id: endNode(s).id, name: endNode(s).name, label: labels(endNode(s))[0]}}] AS via;
