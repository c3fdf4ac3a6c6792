"""Hemisphere: a reproducible report on US security policy toward Latin America."""

__version__ = "0.1.0"
