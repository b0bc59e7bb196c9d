// Every node Dyad loaded, with the names a question may use for it.
MATCH (n) WHERE n.dyad = true
RETURN labels(n)[0] AS label, n {.id, .name, .aliases, .capital, .adjectives, .states} AS props
