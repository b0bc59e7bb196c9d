// Every node Dyad loaded, with the names a question may use for it and the
// context answers group causes by: the state a factor arises in, a stance's
// holder and targets, the regions a node concerns; an event's kind, year,
// states and actors (a question may name it as "the 2014 sanctions").
MATCH (n) WHERE n.dyad = true AND NOT n:Claim
RETURN labels(n)[0] AS label, n {.id, .name, .aliases, .capital, .adjectives, .states, .kind, .year, .actors} AS props,
       [(n)-[:ARISES_IN]->(w:State) | w.id] AS within,
       [(h:State)-[:HOLDS]->(n) | h.id] AS holder,
       [(n)-[:TOWARD]->(t:State) | t.id] AS toward,
       [(n)-[:CONCERNS]->(r:Region) | r.id] AS concerns,
       [(n)-[:INVOLVES]->(s:State) | s.id] AS involves
