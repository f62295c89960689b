"""Scorecards as a managed resource: versioned cards per tenant, their assignments, and which card evaluates a call.

Other code reads a stored card with ``load_scorecard_version`` (asyncio) or ``read_scorecard_version``.
"""

from shared.scorecards.service import load_scorecard_version, read_scorecard_version

__all__ = ["load_scorecard_version", "read_scorecard_version"]
