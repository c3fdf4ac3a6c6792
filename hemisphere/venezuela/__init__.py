"""Venezuela sanctions chapter: OFAC SDN list conversion, list changes and analysis helpers."""
