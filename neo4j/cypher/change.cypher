// What changed in the relation between states $a and $b around the year
// $pivot: the claims on it whose period ended before $pivot ('ended'), then
// those that started in $pivot or later ('started'; a claim with no start of
// its own starts at its event's date). Claims that held across the pivot or
// are undated are left out.
//   :param {a: 'RUS', b: 'JPN', pivot: 2014}
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
ORDER BY phase = 'started', date, r.id
