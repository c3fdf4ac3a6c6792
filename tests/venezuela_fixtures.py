"""Tiny labelled fixture tables (not data) shared by the Venezuela tests."""

import pandas as pd


def designations(rows):
    """A designation-actions frame shaped as analysis.designation_actions returns it."""
    frame = pd.DataFrame(rows, columns=["date", "program_group", "designated", "individuals", "entities",
                                        "vessels_aircraft_or_unsplit", "authority", "notable_names"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["vessels_or_aircraft"] = frame["vessels_aircraft_or_unsplit"]
    frame["type_not_stated"] = 0
    return frame
