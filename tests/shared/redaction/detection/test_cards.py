"""A card's security code named as each card network names it."""

from __future__ import annotations

import pytest

from shared.models.redaction import EntityType
from tests.shared.redaction.test_detection import _found, _segments

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("name", ["CID", "CVN", "CVV2", "CAV2"])
def test_the_networks_names_for_the_security_code_name_it(name: str) -> None:
    segments = _segments(("agent", f"And the {name} on that card?"), ("customer", "Two eight one."))
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == [("card_security_code", ["Two eight one"])]


def test_a_cid_without_a_card_talked_about_names_no_security_code_in_a_price() -> None:
    segments = _segments(("customer", "The CID team said it costs $212."))
    assert _found(segments, (EntityType.CARD_SECURITY_CODE,)) == []
