import pytest

from shared.redaction.detection.spoken import in_order_in_common, tokenise
from tests.shared.redaction.detection.turns import segments

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


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Null acht neun, sieben drei.", ["0", "8", "9", "7", "3"]),  # German, a digit a word
        ("Zéro sept, quatre-vingt-onze, trente et un.", ["0", "7", "91", "31"]),  # French, in pairs
        ("Nueve uno dos, sesenta y cuatro.", ["9", "1", "2", "64"]),  # Spanish, its tens joined by "y"
        ("Vijf nul acht.", ["5", "0", "8"]),  # Dutch
        ("Quince de agosto", ["15", "de", "agosto"]),  # a day alone, before its month
        ("Siedemset dwa, osiemdziesiąt jeden, dwa trzy.", ["702", "81", "2", "3"]),  # Polish, its parts largest first
    ],
)
def test_a_number_said_in_another_language_reads_as_its_figures(text: str, read: list[str]) -> None:
    assert [token.norm for token in tokenise(segments(("customer", text)))] == read


def test_a_number_read_as_figures_keeps_the_words_it_was_said_in() -> None:
    said = "Es el sesenta y cuatro, gracias."
    sixty_four = tokenise(segments(("customer", said)))[2]
    assert (sixty_four.norm, said[sixty_four.start : sixty_four.end]) == ("64", "sesenta y cuatro")


@pytest.mark.parametrize(
    "text",
    [
        "I was there once, two times, um, six or seven.",  # "once" and "um" are Spanish and Portuguese numbers too
        "Four four six, um, zero zero seven nine.",
        "It's due in tres semanas.",  # one number word alone
        "Un café, merci.",
    ],
)
def test_english_words_and_a_number_word_alone_stay_words(text: str) -> None:
    words = [word.strip(".,").lower() for word in text.split()]
    assert [token.norm for token in tokenise(segments(("customer", text)))] == words
