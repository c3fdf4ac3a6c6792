"""Country briefs: one parameterised notebook (notebooks/country_brief.ipynb), one brief per country.

`countries` reads the one country list (data/countries.csv, ISO 3166 codes, UN M49 subregions)
and each publisher's spellings (data/country_aliases.csv); `tables` converts the region-wide
releases; `analysis` gathers each country's numbers from the tables; `narrative` states them;
`figures` draws them through the chart contract; `build` runs the sweep.
"""
