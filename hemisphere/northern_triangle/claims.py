"""Claims about the northern triangle theme, tested against its tables.

Each evaluator registers with `hemisphere.claims.evaluates` and returns
(measured, headline, finding, verdict); see hemisphere/claims.py for the contract.
"""

from __future__ import annotations
