// The gist of what weakened ($sign = -1) or strengthened ($sign = 1) the
// relation between states $a and $b, as dyad ask shows it first: each
// distinct cause once, with the ways it reaches the relation, grouped by
// kind and ranked by the weight of its evidence. Weight: each distinct
// source behind the cause's own claims (the first claim of each path)
// counts 1 if it argues the point, 0.5 if it reports it; each contesting
// source takes 0.5 off; a source's thesis adds 1 (docs/answers.md).
//   :param {a: 'RUS', b: 'JPN', sign: -1, depth: 3, from: null, to: null}
MATCH (:State {id: $a})-[:HAS_RELATION]->(rel:Relation)<-[:HAS_RELATION]-(:State {id: $b})
MATCH p = (cause)-[:WEAKENS|STRENGTHENS|DRIVES*1..3]->(rel)
WHERE length(p) <= $depth
  AND reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) = $sign
  AND all(r IN relationships(p) WHERE ($to IS NULL OR r.from_year IS NULL OR r.from_year <= $to)
                                  AND ($from IS NULL OR r.to_year IS NULL OR r.to_year >= $from))
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH rel, cause, p, relationships(p)[0] AS own
WITH rel, cause, min(length(p)) = 1 AS direct,
     collect([n IN nodes(p)[1..-1] | n.name]) AS vias,
     reduce(cs = [], o IN collect(own) | cs + [i IN range(0, size(o.sources) - 1) |
       {source: o.sources[i], argued: o.modes[i] = 'argued', role: coalesce(o.roles[i], '')}]) AS cites,
     reduce(cs = [], o IN collect(own) | cs + coalesce(o.contested_sources, [])) AS contesting
WITH rel, cause, direct, vias, cites,
     reduce(seen = [], c IN cites | CASE WHEN c.source IN seen THEN seen ELSE seen + c.source END) AS sources,
     size(reduce(seen = [], s IN contesting | CASE WHEN s IN seen THEN seen ELSE seen + s END)) AS contested,
     CASE WHEN any(c IN cites WHERE c.role = 'thesis') THEN 'thesis'
          WHEN any(c IN cites WHERE c.role = 'partial') THEN 'partial' ELSE '' END AS role
WITH rel, cause, direct, vias, role, size(sources) AS nsources, contested,
     size([s IN sources WHERE any(c IN cites WHERE c.source = s AND c.argued)]) AS argued
WITH cause, direct, vias, role, nsources, argued, contested,
     argued + 0.5 * (nsources - argued) - 0.5 * contested + CASE role WHEN 'thesis' THEN 1 ELSE 0 END AS weight,
     CASE
       WHEN cause:Event THEN 'Events'
       WHEN cause:Dispute THEN 'Disputes'
       WHEN cause:Region THEN 'Regions'
       WHEN cause:Organization THEN 'Third parties'
       WHEN EXISTS { MATCH (cause)-[:CONCERNS]->(r:Region) WHERE NOT EXISTS { MATCH (:Dispute)-[:CONCERNS]->(r) } } THEN 'Regions'
       WHEN EXISTS { MATCH (cause)-[:ARISES_IN]->(s:State) WHERE s.id IN rel.states } THEN 'Domestic drivers'
       WHEN EXISTS { MATCH (s:State)-[:HOLDS]->(cause) WHERE s.id IN rel.states }
        AND EXISTS { MATCH (cause)-[:TOWARD]->(:State) }
        AND NOT EXISTS { MATCH (cause)-[:TOWARD]->(t:State) WHERE t.id IN rel.states } THEN 'Third parties'
       WHEN EXISTS { MATCH (s:State)-[:HOLDS]->(cause) WHERE s.id IN rel.states } THEN 'Domestic drivers'
       ELSE 'Other factors'
     END AS group
RETURN group, cause.id AS id, cause.name AS cause, weight, nsources AS sources, argued, contested AS contesting,
       direct, role, [v IN vias WHERE size(v) > 0] AS via
ORDER BY CASE group WHEN 'Domestic drivers' THEN 0 WHEN 'Disputes' THEN 1 WHEN 'Third parties' THEN 2
                    WHEN 'Regions' THEN 3 WHEN 'Events' THEN 4 ELSE 5 END,
         weight DESC, direct DESC, cause, id
