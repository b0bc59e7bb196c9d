// The parties to dispute $node (or to the disputes over region $node) and
// their positions, with sources; only state $a's position if $a is given.
//   :param {a: null, node: 'kuril-dispute'}
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
ORDER BY d.name
