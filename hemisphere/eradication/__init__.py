"""Eradication pressure: coca and poppy estimates, eradication, the majors list, US overdoses."""
