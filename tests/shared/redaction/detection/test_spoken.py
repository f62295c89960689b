import pytest

from shared.redaction.detection.spoken import in_order_in_common

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        ("4929", "4929", 4),  # the same
        ("4929", "49729", 4),  # a digit heard in between
        ("4929", "499", 3),  # one lost
        ("9294", "4929", 3),  # order counts: "929" of it
        ("ogunleye", "ogunlee", 7),  # letters of a spelling, one misheard away
        ("abc", "", 0),
        ("", "abc", 0),
    ],
)
def test_what_two_readings_share_in_order(first: str, second: str, shared: int) -> None:
    assert in_order_in_common(first, second) == shared
    assert in_order_in_common(second, first) == shared
