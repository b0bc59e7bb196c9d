// Package dynamics follows relations through time: the trajectory of a
// relation (the sourced influences active in each year, split into those
// that strengthened and those that weakened it, with the dated events as
// markers), the chart that draws it, and the dyad-year panel that carries the
// same counts to R and Stata users.
//
// A yearly series counts only direct claims (a claim whose object is the
// relation itself); chains of drives claims are left out, so that each claim
// counts once, in the years its own period covers. A claim with no period is
// not in any year: the source does not say when it held, and counting it in
// every year would shift the whole series by a constant nobody dated. Such
// claims are listed in Series.Undated.
package dynamics
