"""The Northern Triangle chapter: US aid, homicide, border encounters, TPS and removals.

Layout: `tables` (with the converters `encounters`, `foreign_assistance`, `homicide`,
`population`) turns publishers' release files into the tidy tables under data/northern_triangle/;
`analysis` computes the numbers the chapter reports; `narrative` turns them into sentences and
titles; `figures` draws the charts through hemisphere.charts; `claims` holds the theme's claim
evaluators. The notebook calls these and holds no logic of its own.
"""
