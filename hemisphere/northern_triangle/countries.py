"""The countries this chapter follows, with the codes each publisher uses for them.

Publishers name countries differently (ISO3 codes at ForeignAssistance.gov, the World Bank and
UNODC; plain names at DHS and CBP), so the mapping lives in one place.
"""

NORTHERN_TRIANGLE = ("Guatemala", "Honduras", "El Salvador")

ISO3 = {
    "Guatemala": "GTM",
    "Honduras": "HND",
    "El Salvador": "SLV",
    "Mexico": "MEX",
    "Nicaragua": "NIC",
    "Costa Rica": "CRI",
    "Panama": "PAN",
    "Belize": "BLZ",
    "Colombia": "COL",
    "Venezuela": "VEN",
    "Ecuador": "ECU",
}

REGION = tuple(ISO3)

NAME_BY_ISO3 = {code: name for name, code in ISO3.items()}
