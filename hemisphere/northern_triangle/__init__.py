"""The Northern Triangle chapter: US aid, homicide, border encounters, TPS and removals.

Converters turn publishers' release files (ForeignAssistance.gov country summary, the DHS OHSS
encounters workbook, CBP's southwest-border CSV, UNODC homicide rates as republished by Our
World in Data) into the tidy tables under data/northern_triangle/; `analysis` holds the
computations the notebook reports.
"""
