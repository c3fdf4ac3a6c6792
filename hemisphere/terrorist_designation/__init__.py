"""Theme: the US terrorist designation of cartels and gangs (EO 14157, FTO/SDGT, boat strikes).

Converters turn publishers' releases into the committed tables (`sesnsp`, `ofac_fto`); the
analysis modules answer the chapter's questions from those tables (`fto_list`, `designations`,
`reconciliation`, `violence`).
"""
