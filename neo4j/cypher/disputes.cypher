// The disputes state $a is party to: every party's position (with its
// sources), the territory, and what the dispute is claimed to have weakened
// or strengthened.
//   :param {a: 'RUS'}
MATCH (:State {id: $a})-[:PARTY_TO]->(d:Dispute)
MATCH (party:State)-[p:PARTY_TO]->(d)
OPTIONAL MATCH (d)-[:CONCERNS]->(t:Region)
WITH d, t, party, p ORDER BY party.id
WITH d, t, collect({state: party {.id, .name, label: 'State'}, position: p.position,
                    sources: p.sources, locators: p.locators, modes: p.modes}) AS parties
RETURN d {.*} AS dispute, t {.id, .name, label: 'Region'} AS territory, parties,
       [(d)-[r:WEAKENS|STRENGTHENS|DRIVES]->() | r {.*, type: type(r), start: {id: startNode(r).id, name: startNode(r).name, label: labels(startNode(r))[0]}, end: {id: endNode(r).id, name: endNode(r).name, label: labels(endNode(r))[0]}}] AS effects
ORDER BY d.name
