// The gist of the question below, as dyad ask shows it first (dyad builds
// it with neo4j.Gist: the question's statement, whose paths p run from a
// cause to the object, then the grouping below in place of its RETURN).
// Each distinct cause appears once per object and net effect (a section),
// with the ways it reaches the object, grouped by kind and ranked by the
// weight of its evidence: each distinct source behind the cause's own
// claims (the first claim of each path) counts 1 if it argues the point,
// 0.5 if it reports it; each contesting source takes 0.5 off; a source's
// thesis adds 1 (docs/answers.md). Sections come in the order what drove,
// what strengthened, what weakened, then by the object's name; `also` names
// the other sections the cause is in (a contrast's "both at once").
// The gist covers the findings the answer lists: the question's statement
// finds one more path than it lists ($limit), to tell that there are more,
// and the gist leaves that one out.
//
WITH collect(p) AS ps
UNWIND ps[..toInteger($limit) - 1] AS p
WITH p, nodes(p)[0] AS cause, last(nodes(p)) AS object, relationships(p)[0] AS own,
     reduce(s = 1, r IN relationships(p) | s * CASE type(r) WHEN 'WEAKENS' THEN -1 ELSE 1 END) AS sign
WITH p, cause, object, own,
     CASE WHEN sign < 0 THEN 'weakens' WHEN type(last(relationships(p))) = 'DRIVES' THEN 'drives' ELSE 'strengthens' END AS effect
WITH object, effect, cause, min(length(p)) = 1 AS direct,
     collect([n IN nodes(p)[1..-1] | n.name]) AS vias,
     reduce(cs = [], o IN collect(own) | cs + [i IN range(0, size(o.sources) - 1) |
       {source: o.sources[i], argued: o.modes[i] = 'argued', role: coalesce(o.roles[i], '')}]) AS cites,
     reduce(cs = [], o IN collect(own) | cs + coalesce(o.contested_sources, [])) AS contesting
WITH object, effect, cause, direct, vias, cites,
     reduce(seen = [], c IN cites | CASE WHEN c.source IN seen THEN seen ELSE seen + c.source END) AS sources,
     size(reduce(seen = [], s IN contesting | CASE WHEN s IN seen THEN seen ELSE seen + s END)) AS contested,
     CASE WHEN any(c IN cites WHERE c.role = 'thesis') THEN 'thesis'
          WHEN any(c IN cites WHERE c.role = 'partial') THEN 'partial' ELSE '' END AS role
WITH object, effect, cause, direct, vias, role, size(sources) AS nsources, contested,
     size([s IN sources WHERE any(c IN cites WHERE c.source = s AND c.argued)]) AS argued,
     coalesce(object.states, []) AS states
WITH object, effect, cause, direct, vias, role, nsources, argued, contested,
     argued + 0.5 * (nsources - argued) - 0.5 * contested + CASE role WHEN 'thesis' THEN 1 ELSE 0 END AS weight,
     CASE
       WHEN cause:Event THEN 'Events'
       WHEN cause:Dispute THEN 'Disputes'
       WHEN cause:Region THEN 'Regions'
       WHEN cause:Organization THEN 'Third parties'
       WHEN EXISTS { MATCH (cause)-[:CONCERNS]->(r:Region) WHERE NOT EXISTS { MATCH (:Dispute)-[:CONCERNS]->(r) } } THEN 'Regions'
       WHEN EXISTS { MATCH (cause)-[:ARISES_IN]->(s:State) WHERE s.id IN states } THEN 'Domestic drivers'
       WHEN EXISTS { MATCH (s:State)-[:HOLDS]->(cause) WHERE s.id IN states }
        AND EXISTS { MATCH (cause)-[:TOWARD]->(:State) }
        AND NOT EXISTS { MATCH (cause)-[:TOWARD]->(t:State) WHERE t.id IN states } THEN 'Third parties'
       WHEN EXISTS { MATCH (s:State)-[:HOLDS]->(cause) WHERE s.id IN states } THEN 'Domestic drivers'
       ELSE 'Other factors'
     END AS group
WITH cause, collect({object: object, effect: effect, group: group, weight: weight, sources: nsources, argued: argued,
                     contesting: contested, direct: direct, role: role, via: [v IN vias WHERE size(v) > 0]}) AS found
UNWIND found AS f
RETURN f.effect AS effect, f.object.name AS object, f.object.id AS object_id, f.group AS group,
       cause.id AS id, cause.name AS cause, f.weight AS weight, f.sources AS sources, f.argued AS argued,
       f.contesting AS contesting, f.direct AS direct, f.role AS role, f.via AS via,
       [o IN found WHERE o <> f | o.effect + ' ' + o.object.name] AS also
ORDER BY CASE effect WHEN 'drives' THEN 0 WHEN 'strengthens' THEN 1 ELSE 2 END, object, object_id,
         CASE group WHEN 'Domestic drivers' THEN 0 WHEN 'Disputes' THEN 1 WHEN 'Third parties' THEN 2
                    WHEN 'Regions' THEN 3 WHEN 'Events' THEN 4 ELSE 5 END,
         weight DESC, direct DESC, cause, id
