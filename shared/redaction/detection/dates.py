"""Dates said after "date of birth" or "expires": "March 3, 1985", "the third of March nineteen eighty five"."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence

from text_to_num import alpha2digit

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection.cards import card_read_before, plausible_expiry
from shared.redaction.detection.context import (
    ANSWER_LEAD_INS,
    ASKED_CONTEXTS,
    BACKCHANNEL_WORDS,
    CARD_CONTEXT,
    CONTEXT_WINDOW,
    CONTEXTS,
    DIGIT_LENGTHS,
    GIVEN_UP,
    answers,
    asked_first,
    card_talked_about,
    card_word_without_card,
    context_distances,
    gone_on_from,
    oh_said_as_word,
    words_before,
)
from shared.redaction.detection.gazetteers import person_names
from shared.redaction.detection.spoken import (
    DIGIT_WORDS,
    ELLIPSES,
    HESITATIONS,
    LETTERED_NUMBER,
    MAX_PAUSE_MS,
    MONTHS,
    ORDINAL_DIGITS,
    PUNCTUATION,
    TENS,
    UNITS,
    YES,
    TextSpan,
    Token,
    digits_of,
    digits_said,
    pause_ms,
    segment_starts,
)

_ORDINAL_WORDS_IN_ORDER = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth",
)  # fmt: skip
_ORDINAL_WORDS = set(_ORDINAL_WORDS_IN_ORDER)

# A date said in the caller's own language: "le 5 mai 1990", "el 3 de marzo". Only in dates, so "Mai" and "Juli"
# are still names elsewhere.
_OTHER_LANGUAGE_MONTHS = {
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre",
    "novembre", "décembre", "decembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "januar", "februar", "märz", "juni", "juli",
    "oktober", "dezember", "janeiro", "fevereiro", "março", "marco", "maio", "junho", "julho", "setembro", "outubro",
    "novembro", "dezembro", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
    "dicembre", "januari", "februari", "maart", "mei", "augustus",
}  # fmt: skip
_DATE_MONTHS = MONTHS | _OTHER_LANGUAGE_MONTHS

# "in": between a date's parts, "born in 84, in June, the second"
# "el 3 de marzo", "de agosto del setenta"; "twenty second, uh, of June"
# "month": a month by its number, "the 6th month of 2027"
_DATE_CONNECTORS = {"of", "the", "slash", "in", "", "de", "del", "month", *HESITATIONS}
_DATE_LOOKAHEAD = 10  # tokens after the context in which the date must start


# A day named by its feast ("Boxing Day, eighty-three"): "eve" and "day" go on with it.
_FEASTS = {"christmas", "halloween", "hallowe'en", "hogmanay", "valentine's", "valentines", "boxing", "easter"}
_FEAST_DAYS = {"eve", "day"}


def _is_date_word(token: Token) -> bool:
    return (
        token.norm in _DATE_MONTHS
        or token.norm in _FEASTS
        or token.norm in _ORDINAL_WORDS
        or token.norm in TENS
        or token.norm in DIGIT_WORDS
        or token.norm in {"hundred", "thousand"}
        # an id's digits after its letters ("rf22801") are no date's
        or (digits_of(token) is not None and LETTERED_NUMBER.fullmatch(token.norm) is None)
        or (re.fullmatch(r"[a-z]+-[a-z]+", token.norm) is not None and token.norm.split("-")[0] in TENS)
    )


# A date written with its separators: "2/29", "03-11-1985", "4.7.90"
_WRITTEN_WITH_SEPARATORS = re.compile(r"\d[/.\-]\d")


def dates(tokens: Sequence[Token]) -> Iterable[tuple[EntityType, list[Token]]]:
    text = " ".join(token.norm for token in tokens)
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token.norm) + 1)
    for entity_type in (EntityType.DATE_OF_BIRTH, EntityType.CARD_EXPIRY):
        for match in CONTEXTS[entity_type].finditer(text):
            position = bisect.bisect_left(starts, match.end())
            if match.group().startswith("it runs") and card_word_without_card(
                CONTEXTS[entity_type], text[: match.end()], tokens, position
            ):
                continue  # "it runs until March" is a card's expiry only where a card was talked about
            if match.group().startswith(("valid", "good")) and _offer_not_card(
                text[: match.start()], tokens, bisect.bisect_left(starts, match.start())
            ):
                continue  # "the code's spring 25, valid until April 35": an offer's end
            if entity_type is EntityType.CARD_EXPIRY and _document_expiry(text, match, starts, tokens):
                continue  # "and the expiry on that passport?" / "June 2031.": a passport's, no card's
            said = _date_after(tokens, position, year_alone=entity_type is EntityType.DATE_OF_BIRTH)
            if entity_type is EntityType.DATE_OF_BIRTH and _on_a_weekday(tokens, said):
                continue  # "that's the closest to his birthday" / "Saturday the fourteenth of June": a booking
            if entity_type is EntityType.DATE_OF_BIRTH and (told := _told_before_read_back(said)):
                yield entity_type, told
            found = _said_by_one(said)
            answer = _answer_before_read_back(tokens, said, found, tokens[position - 1])
            # an expiry told and read back as well: "The card's expiry is January twenty-eight." / "January 2028"
            if answer and (entity_type is EntityType.DATE_OF_BIRTH or _may_be_expiry(answer, tokens)):
                yield entity_type, answer
            if entity_type is EntityType.CARD_EXPIRY:
                if (in_full := _year_in_full_after(tokens, position)) and not (found and found[0] is in_full[0]):
                    yield entity_type, in_full
                year = _year_of_expiry(tokens, position)
                if found and year:
                    yield entity_type, year  # "the end of 2027, so 12/27": the year said first, then the date
                found = _end_of_year_before(tokens, found) if found else year
            if found and not (entity_type is EntityType.CARD_EXPIRY and not _may_be_expiry(found, tokens)):
                code = _code_after_expiry(found, tokens) if entity_type is EntityType.CARD_EXPIRY else None
                if code is not None:
                    yield EntityType.CARD_SECURITY_CODE, found[code:]
                    found = found[:code]
                elif entity_type is EntityType.CARD_EXPIRY and (code_next := _code_right_after(found, tokens)):
                    yield EntityType.CARD_SECURITY_CODE, code_next
                yield entity_type, found
                if entity_type is EntityType.CARD_EXPIRY:
                    if begun := _date_begun_before(found[0], tokens):
                        yield entity_type, begun  # "Expiry is May, no, sorry, March 2032."
                    yield from ((entity_type, read) for read in _expiry_read_back(tokens, found))
                    if again := _expiry_said_again(tokens, found):
                        yield entity_type, again
                    if month := _month_put_right(tokens, found):
                        yield entity_type, month
                several = _SEVERAL_BIRTHS.search(text, max(0, match.start() - len("dates of ")), match.end() + 1)
                year_first = len(found) == 1 and not _WRITTEN_WITH_SEPARATORS.search(found[0].norm)
                if entity_type is EntityType.DATE_OF_BIRTH:
                    # the year first, then the day and month in the same breath: "1990. Um, the 22nd of July."; the
                    # dates of several people asked for together: "Mum's is ..., Dad's is ..."; or the date said
                    # again another way: "11/07/1965, is that the 11th of July?", "05-11-1990, fifth November."; or
                    # someone else's given with it:
                    # "I'm January 30, 1978, and Keisha is October 2, 1980"
                    for _ in range(_MAX_DATES_IN_ONE_ANSWER):
                        rest = _date_after(tokens, found[-1].position + 1)
                        if not rest or rest[0].segment != found[0].segment:
                            break
                        said_between = tokens[found[-1].position + 1 : rest[0].position]
                        between = " ".join(t.norm for t in said_between)
                        restated = _RESTATED.match(between) or _said_again_by_day(rest, found)
                        if not (year_first or several or restated or _another_persons(said_between)):
                            break
                        yield entity_type, rest
                        found, year_first = rest, False
                yield from ((entity_type, corrected) for corrected in _corrected_dates(tokens, found))
                if put_right := _put_right_in_answer(tokens, found):
                    yield entity_type, put_right
                if entity_type is EntityType.DATE_OF_BIRTH:
                    yield from ((entity_type, answer) for answer in _dates_answering(tokens, found))
                    yield from ((entity_type, read) for read in _read_back_another_way(tokens, found))
                    if rest := _rest_given_on(tokens, found):
                        yield entity_type, rest
    yield from ((EntityType.DATE_OF_BIRTH, reading) for reading in _readings_offered(tokens))
    # "his birthday is 3/22/85" / "and yours?": the same asked of the one who just gave someone else's; or the rest of
    # a birth date asked for after a part of it ("Uh, 1977." / "And the day and month?", "May 5th." / "And the year?")
    for match in itertools.chain(_ASKED_AGAIN.finditer(text), _REST_ASKED.finditer(text)):
        position = bisect.bisect_left(starts, match.end())
        before = text[starts[max(0, position - CONTEXT_WINDOW)] : match.start()]
        if CONTEXTS[EntityType.DATE_OF_BIRTH].search(before):
            found = _date_after(tokens, position)
            if found and found[0].speaker != tokens[position - 1].speaker:
                yield EntityType.DATE_OF_BIRTH, found
    yield from ((EntityType.DATE_OF_BIRTH, found) for found in _own_dates_written(tokens))
    yield from ((EntityType.DATE_OF_BIRTH, found) for found in _own_dates_said(tokens))
    # A month and year said in the same breath after a card number, however the expiry is called ("the date on
    # it is August thirty one"): its expiry.
    for token in tokens:
        said_when = token.position and tokens[token.position - 1].norm in _WHEN_WORDS  # "paid it in March 2024"
        if token.norm in _DATE_MONTHS and not said_when and card_read_before(tokens, token):
            found = _date_after(tokens, token.position)
            if found and found[0] is token and not any(map(_is_day, found)):
                code = _code_after_expiry(found, tokens)  # "..., February 2028, 317.": its code said next
                if code is not None:
                    yield EntityType.CARD_SECURITY_CODE, found[code:]
                yield EntityType.CARD_EXPIRY, found[:code]
    for token in _expiries_as_printed(tokens):
        yield EntityType.CARD_EXPIRY, [token]
        # said back another way: "07/27?" / "Yeah, July 2027."
        yield from ((EntityType.CARD_EXPIRY, read) for read in _expiry_read_back(tokens, [token]))


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _on_a_weekday(tokens: Sequence[Token], found: list[Token]) -> bool:
    """Whether a date is said with its day of the week before it and no year ("Saturday the fourteenth of June"): a
    day booked, not a birth."""
    before = tokens[found[0].position - 1] if found and found[0].position else None
    with_year = any(len(digits) == 4 for token in found if (digits := digits_of(token)))
    return before is not None and before.segment == found[0].segment and before.norm in _WEEKDAYS and not with_year


def _told_before_read_back(found: list[Token]) -> list[Token]:
    """The part of a date its first speaker ended before the other side read it back ("My birthday's June 30th,
    1971." / "June 30th, 1971, and the ZIP?"), which ``_said_by_one`` would leave for the read-back; else none."""
    told = next((i for i, token in enumerate(found) if token.speaker != found[0].speaker), len(found))
    if told == len(found) or not found[told - 1].text.rstrip().endswith((".", "!")):
        return []
    # a date and not a word after the question: "I'll need your date of birth first."
    dated = sum(token.norm in _DATE_MONTHS or digits_of(token) is not None for token in found[:told])
    return found[:told] if dated >= 2 else []


def _said_by_one(found: list[Token]) -> list[Token]:
    """The part of a date the last of its speakers said: a number the asker says before the answer ("Expiring 8," /
    "-02 -28", where Whisper heard "expiry date?") is no part of the date."""
    if not found:
        return found
    start = len(found)
    while start and found[start - 1].speaker == found[-1].speaker:
        start -= 1
    return found[start:]


def _answer_before_read_back(
    tokens: Sequence[Token], said: list[Token], found: list[Token], asker: Token
) -> list[Token]:
    """The answer's own part of a date run on into the other side's read-back of it ("Twelfth of the eighth,
    eighty-eight." / "Twelve, eight, eighty-eight."): what the one who did not ask said first; none where the asker
    began it, unless they gave it as their own in the same breath ("Date of birth is the ninth of the ninth,
    ninety-nine." / "September 9th, 1999.")."""
    if not said or len(found) == len(said):
        return []
    between = [t.norm for t in tokens[asker.position + 1 : said[0].position]]
    answer = list(itertools.takewhile(lambda t: t.speaker == said[0].speaker, said))
    # or right after the word, a month and a year at least ("Expires end of August 2028." / "August 28, lovely."),
    # where a question misheard runs on into one number ("Expiring 8,")
    given_as_own = said[0].segment == asker.segment and (
        between in (["is"], ["was"])
        or (" ".join(between) in _DATE_LEAD_INS and len(_spoken_numbers(answer)) >= _EXPIRY_NUMBERS)
    )
    if said[0].speaker == asker.speaker and not given_as_own:
        return []
    return answer if len(answer) < len(said) and _may_be_said_date(answer) else []


# Said between an expiry's or a birth's name and the date: "Expires end of August 2028."
_DATE_LEAD_INS = frozenset({"", "in", "on", "end of", "the end of", "at the end of"})


# What else is valid until a date: an offer, a code, a pass.
_OFFER = re.compile(r"\b(offer|promo\w*|code|deal|discount|voucher|coupon|pass|ticket|quote|price|sale)\b")


def _offer_not_card(before: str, tokens: Sequence[Token], position: int) -> bool:
    """Whether an offer or the like, and no card, was talked about before "valid until" (at token ``position``)."""
    window = " ".join(before.split()[-CONTEXT_WINDOW:])
    return _OFFER.search(window) is not None and not card_talked_about(tokens, position)


# A day, a month and a grown-up's birth year written whole: "23/07/1979", "1990-08-17".
# also with two figures for a year a grown-up was born in ("It's 03/07/62."), not one that may be this century's
_WHOLE_DATE_YEAR = re.compile(
    r"\d{1,2}([./-])\d{1,2}\1(?P<year>\d{4}|[3-9]\d)|(?P<year_first>\d{4})([./-])\d{1,2}\4\d{1,2}"
)
_BIRTH_YEARS = range(1900, 2011)
_CENTURY = 1900  # of a year written with two figures, 30 to 99
_FIRST_TWO_FIGURE_YEAR = 30  # "twelve" after a date is no birth year said so
# Words that give a date as what it is rather than when something happened: "It's 23/07/1979", "my passport says
# 1990/04/07", "the form has it as 07/04/1990"; not "moved in on 12/05/1998".
# Or read back: "Let me read that back, 21st of June 1967, is that right?"
# Or read back as what the records have: "So I've got the 3rd of August 1992?"
_GIVEN_AS = re.compile(
    r"(^|\b(it's|it is|its|mine's|mine is|says|say|said|reads|as|that's|(that|it) back|i've got|i have"
    # or after one's age, or the birthday just had or to come: "I'm 67. April 12, 1958.", "I turned 70 last week.
    # August 30th, 1955."
    r"|(i'm|i am|i turned|i turn|i'll be|i will be|i'll turn|i will turn) \d{1,3}( (last|this|next) \w+)?))$"
)
# Or said alone, after a word that only leads in, ending what is said: "So, January 8th, 1967?", "Just confirming,
# the 9th of February, 2001?" (not "So, January 8th, 1998 you joined?")
_LEAD_IN_ALONE = re.compile(r"^(so|um|uh|just confirming|confirming|to confirm)$")
_GIVEN_WORDS = 5  # "i turned 70 last week"


def _own_dates_written(tokens: Sequence[Token]) -> Iterable[list[Token]]:
    """A whole date written with a birth year that a speaker gives as itself, without saying what happened on it
    ("It's 23/07/1979, day first"): what a caller gives so is their date of birth, asked for or not; and the same
    date said again another way right after it ("..., that's the seventh of February"), or read back by the other side
    ("It's 03/07/62." / "Is that the 3rd of July?")."""
    for token in tokens:
        written = _WHOLE_DATE_YEAR.fullmatch(token.norm.rstrip(".,"))
        if written is None:
            continue
        year = int(written.group("year") or written.group("year_first"))
        if (year + _CENTURY if year < 100 else year) not in _BIRTH_YEARS:
            continue
        if not _day_and_month_in_range(written):
            continue  # a bank's sort code: "20-45-77"
        if not _GIVEN_AS.search(words_before(token, tokens, _GIVEN_WORDS)):
            continue
        yield [token]
        yield from _read_back_another_way(tokens, [token])
        rest = _date_after(tokens, token.position + 1)
        between = " ".join(t.norm for t in tokens[token.position + 1 : rest[0].position]) if rest else ""
        if rest and rest[0].segment == token.segment and _RESTATED.match(between):
            yield rest


def _day_and_month_in_range(written: re.Match[str]) -> bool:
    """Whether a date written whole has a month of 1 to 12 and a day of 1 to 31, either way round where the year
    comes last."""
    parts = [int(part) for part in re.split(r"[./-]", written.group())]
    if written.group("year_first"):
        return 1 <= parts[1] <= 12 and 1 <= parts[2] <= 31
    first, second = parts[0], parts[1]
    return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31)


def _own_dates_said(tokens: Sequence[Token]) -> Iterable[list[Token]]:
    """A date said whole, its day, month and a grown-up's birth year ("It's the 22nd of August 1990.", "February
    29th, 1996, leap year baby."), given as itself as ``_own_dates_written`` has it or said alone after a lead-in
    ("So, January 8th, 1967?"), and read back as it has it; and
    the date of someone else given with it ("Mine is 1st of Jan 2001, and my son Kabir is 2nd of May 2019")."""
    for token in tokens:
        # what was said first: a weekday ("It's Sunday, 1st of August, 1993."), or the date's start broken off ("The
        # 5th of... no sorry, the 15th of August, 1984.")
        weekday = _weekday_before(token, tokens)
        first_said = weekday or _date_begun_before(token, tokens)
        before = words_before(first_said[0] if first_said else token, tokens, _GIVEN_WORDS)
        alone = _LEAD_IN_ALONE.search(before) is not None or _name_alone_before(
            first_said[0] if first_said else token, tokens
        )
        if not alone and not _GIVEN_AS.search(before):
            continue
        found = _date_after(tokens, token.position)
        if not found or found[0] is not token or not _whole_birth_date(found):
            continue
        if alone and not _ends_segment(found[-1], tokens):
            continue
        if first_said and not weekday:
            yield first_said
        yield [*weekday, *found]
        yield from _read_back_another_way(tokens, found)
        if _answered_no(tokens, found):  # "So I've got the 3rd of August 1992?" / "No, the 8th of March."
            yield from _dates_answering(tokens, found)
        for _ in range(_MAX_DATES_IN_ONE_ANSWER):
            rest = _date_after(tokens, found[-1].position + 1)
            between = tokens[found[-1].position + 1 : rest[0].position] if rest else []
            if not rest or rest[0].segment != token.segment or not _another_persons(between):
                break
            yield rest
            found = rest


_RECORD_NAME_WORDS = range(2, 4)  # "Aoife Brennan, ", "Mary Anne Keogh, "


def _name_alone_before(first: Token, tokens: Sequence[Token]) -> bool:
    """Whether only a person's name, then a comma, is said before ``first`` in its segment, as a record is read
    out: "Aoife Brennan, 12th of July 1990." (a given name first, every word capitalised)."""
    before = [t for t in tokens[: first.position] if t.segment == first.segment]
    if len(before) not in _RECORD_NAME_WORDS:
        return False
    words = [t.text.rstrip(",") for t in before]
    return (
        before[-1].text.endswith(",")
        and all(word[:1].isupper() and word.isalpha() for word in words)
        and words[0] in person_names()
    )


def _weekday_before(token: Token, tokens: Sequence[Token]) -> list[Token]:
    """The weekday said right before ``token`` in its segment, if one was."""
    before = tokens[token.position - 1] if token.position else None
    return [before] if before is not None and before.segment == token.segment and before.norm in _WEEKDAYS else []


_MAX_BEGUN_WORDS = 4  # "The 5th of..."


def _date_begun_before(token: Token, tokens: Sequence[Token]) -> list[Token]:
    """The start of a date broken off and given up right before ``token``, where the date is said again from its
    start ("The 5th of... no sorry, the 15th of August"), or a month put right ("May, no, sorry, March 2032"); none
    if it was not."""
    position = token.position - 1
    while position >= 0 and tokens[position].segment == token.segment and GIVEN_UP.fullmatch(tokens[position].norm):
        position -= 1
    if position in (token.position - 1, -1) or tokens[position].segment != token.segment:
        return []
    if not tokens[position].text.endswith((*ELLIPSES, ",")):
        return []
    first = position
    while (
        first > 0
        and position - first < _MAX_BEGUN_WORDS - 1
        and tokens[first - 1].segment == token.segment
        and (_is_date_word(tokens[first - 1]) or tokens[first - 1].norm in _DATE_CONNECTORS)
        and not tokens[first - 1].text.endswith((*ELLIPSES, ",", ".", "?", "!"))
    ):
        first -= 1
    begun = list(tokens[first : position + 1])
    said = [t for t in begun if t.norm not in _DATE_CONNECTORS]
    same_start = begun[0].norm == token.norm or (begun[-1].norm in MONTHS and token.norm in MONTHS)
    return begun if said and all(_is_date_word(t) for t in said) and same_start else []


def _ends_segment(last: Token, tokens: Sequence[Token]) -> bool:
    """Whether ``last`` is the last word of its segment."""
    return last.position + 1 >= len(tokens) or tokens[last.position + 1].segment != last.segment


# Someone else's date given after one's own in the same breath: "and my son Kabir is", "and his is"
_ANOTHER_PERSONS = re.compile(
    r"and ((my|his|her|our|their) )?((son|daughter|wife|husband|partner|mum|mom|dad|father|mother|child|baby|brother"
    r"|sister|she|he|\w+'s)( \w+(?:'s)?)?|(?P<name>\w+)) (is|'s)|and (his|hers|theirs) is|and (she|he)'s"
)


def _another_persons(between: Sequence[Token]) -> bool:
    """Whether the words between two dates give the second as someone else's: "and my wife Brenda's is", "and Keisha
    is", "and hers is"; not "and the appointment is"."""
    said = _ANOTHER_PERSONS.fullmatch(" ".join(t.norm for t in between))
    if said is None:
        return False
    name = said.group("name")
    return name is None or any(t.norm == name and t.text[:1].isupper() for t in between)


def _whole_birth_date(found: Sequence[Token]) -> bool:
    """Whether a date as said names its month, has a day, and a birth year in figures or in words ("nineteen
    sixty-seven", "two thousand and one") or of two figures after an apostrophe ("4 January '63"); or gives its day of
    a month by the month's number, and a year of two figures ("Twelfth of the ninth, ninety-nine", "the 12th of the
    9th, '88")."""
    if (after_month := _after_month_by_number(found)) is not None:
        return _birth_year_said(after_month) or _two_figure_year(after_month)
    return (
        any(t.norm in MONTHS for t in found)
        and any(_is_day(t) or len(digits_of(t) or "") in (1, 2) for t in found)
        # or a year of two figures its apostrophe marks as one: "It's 4 January '63."
        and _birth_year_in(found)
    )


_MONTH_BY_ORDINAL = {word: number for number, word in enumerate(_ORDINAL_WORDS_IN_ORDER[:12], start=1)}
_MONTHS_IN_A_YEAR = 12


def _after_month_by_number(found: Sequence[Token]) -> Sequence[Token] | None:
    """What is said after a day's "of the" and a month's number ("eighteenth of the first, ..."), if it is said so."""
    for position in range(len(found) - 3):
        day, of, the, month = (token.norm for token in found[position : position + 4])
        ordinal = ORDINAL_DIGITS.fullmatch(month)
        number = _MONTH_BY_ORDINAL.get(month) or (int(ordinal[1]) if ordinal else 0)
        day_said = day in _ORDINAL_WORDS or ORDINAL_DIGITS.fullmatch(day) is not None
        if day_said and (of, the) == ("of", "the") and 1 <= number <= _MONTHS_IN_A_YEAR:
            return found[position + 4 :]
    return None


def _two_figure_year(said: Sequence[Token]) -> bool:
    """Whether ``said`` is a grown-up's birth year of two figures, 30 to 99, in digits or in words ("88", "'88",
    "eighty-eight")."""
    words = " ".join(t.norm.replace("-", " ") for t in said)
    year = re.fullmatch(r"'?(\d{2})", alpha2digit(words, "en", threshold=0).replace(" ", ""))
    return year is not None and int(year[1]) >= _FIRST_TWO_FIGURE_YEAR


def _birth_year_said(found: Sequence[Token]) -> bool:
    """Whether a date as said has a grown-up's birth year in figures or in words."""
    return any(int(d) in _BIRTH_YEARS for t in found if len(d := digits_of(t) or "") == 4) or any(
        year in _BIRTH_YEARS for year in _years_in_words(found)
    )


def _years_in_words(said: Sequence[Token]) -> set[int]:
    """The years a date says in words: "two thousand and one", and "nineteen sixty-seven", which text2num reads as
    two numbers, 19 and 67."""
    words = " ".join(t.norm.replace("-", " ") for t in said if not re.search(r"\d", t.norm))
    read = alpha2digit(words, "en", threshold=0)
    years = {int(year) for year in re.findall(r"\b\d{4}\b", read)}
    return years | {int(century) * 100 + int(rest) for century, rest in re.findall(r"\b(1[89]) (\d{2})\b", read)}


def _dates_answering(tokens: Sequence[Token], asked: list[Token]) -> Iterable[list[Token]]:
    """The dates the other side says in the turn answering a date of birth read out to be confirmed ("is it the
    30th of April 1992?" / "No, it's the 13th. 13th of April 1992."): the same person's date, put right."""
    after = [t for t in tokens[asked[-1].position :] if t.segment == asked[-1].segment]
    # asked, though more is said after the question: "... or the 10th of May? The form's a bit smudged."
    if not any("?" in t.text for t in after):
        return
    answer_at = after[-1].position + 1
    if answer_at >= len(tokens) or tokens[answer_at].speaker == asked[-1].speaker:
        return
    segment, position = tokens[answer_at].segment, answer_at
    for _ in range(_MAX_DATES_IN_ONE_ANSWER):
        found = _date_after(tokens, position)
        if not found or found[0].segment != segment:
            return
        yield [t for t in found if t.segment == segment]
        position = found[-1].position + 1


def _answered_no(tokens: Sequence[Token], asked: list[Token]) -> bool:
    """Whether the other side's turn after the one ``asked`` is said in begins by saying it is not so: "No, ...",
    "Actually, ..."."""
    after = [t for t in tokens[asked[-1].position :] if t.segment != asked[-1].segment]
    return bool(after) and after[0].speaker != asked[-1].speaker and after[0].norm in {*_NO, "actually", "not"}


_OR_BETWEEN = 4  # words: "..., or was it the ..."
# what else a date offered both ways may be for: "Is the appointment the 5th of November or the 11th of May?"
_SOMETHING_BOOKED = re.compile(
    r"\b(appointment|booking|booked|book|delivery|deliver|visit|flight|fly|reservation|collection|collect|meeting|"
    r"session|class|lesson|start|starting|arrive|arrival|departure|leave|leaving|travel|trip|due|payment|pay|"
    r"installation|install|service|move|moving|event|wedding|party)\b"
)


def _readings_offered(tokens: Sequence[Token]) -> Iterable[list[Token]]:
    """Both readings of a date written with figures, offered back as a question: "Sorry, was that the 11th of
    February or November 2nd?", "I have it down as the 5th of November, or was it the 11th of May?": a birth date
    checked, where nothing booked is named with it."""
    for position, token in enumerate(tokens):
        if token.norm != "or":
            continue
        first = _date_before(tokens, position)
        second = [t for t in _date_after(tokens, position + 1) if t.segment == token.segment]
        if not first or not second or second[0].position - position > _OR_BETWEEN:
            continue
        said = [t for t in tokens if t.segment == token.segment]
        one, other = _day_and_month(first), _day_and_month(second)
        swapped = one is not None and other is not None and one == other[::-1] and one[0] != one[1]
        said_text = " ".join(t.norm for t in said)
        asked = any("?" in t.text for t in said if t.position >= second[-1].position)
        if not asked or _SOMETHING_BOOKED.search(said_text):
            continue
        if swapped:
            yield first
            yield second
            yield from _dates_answering(tokens, second)  # the reading picked: "November 2nd. American way."
        elif one is not None and _day_heard_alike(one[0], second):
            # "was that the 6th of September or the 16th?" / "The sixth. Sixth of September, '58.": a day that sounds
            # like another, a birth date's where the answer gives its year
            answers = list(_dates_answering(tokens, second))
            if any(_birth_year_in(found) for found in answers):
                yield first
                yield second
                yield from answers


def _day_heard_alike(day: int, other: Sequence[Token]) -> bool:
    """Whether ``other`` is a day alone that sounds like ``day`` on a phone line: "sixth" and "sixteenth",
    "thirteenth" and "thirtieth"."""
    days = [int(digits) for t in other if _is_day(t) and (digits := _day_digits(t))]
    if len(days) != 1 or any(_month_number(t) is not None for t in other):
        return False
    return {day, days[0]} in ({n, n + 10} for n in range(1, 10)) or {day, days[0]} == {13, 30}


def _birth_year_in(found: Sequence[Token]) -> bool:
    """Whether a date as said has a grown-up's birth year: "1958", "nineteen fifty-eight", or two figures after an
    apostrophe, "'58"."""
    return _birth_year_said(found) or any(
        token.text.startswith(("'", "\u2019")) and re.fullmatch(r"[3-9]\d", token.norm.lstrip("'\u2019"))
        for token in found
    )


def _date_before(tokens: Sequence[Token], position: int) -> list[Token]:
    """The date that ends right before ``position`` (a comma or "or" between), said in the same segment."""
    for begin in range(max(0, position - _DATE_LOOKAHEAD), position):
        if tokens[begin].segment != tokens[position].segment:
            continue
        found = _date_after(tokens, begin)
        if found and found[0].segment == tokens[position].segment and found[-1].position == position - 1:
            return found
    return []


def _day_and_month(said: Sequence[Token]) -> tuple[int, int] | None:
    """The day and the month a date names by an ordinal and a month's name."""
    days = [int(digits) for t in said if _is_day(t) and (digits := _day_digits(t))]
    months = [month for t in said if (month := _month_number(t)) is not None]
    if len(days) != 1 or len(months) != 1:
        return None
    return days[0], months[0]


_READ_BACK_LEAD_WORDS = 3  # "So", "Okay, so", "That's"


def _read_back_another_way(tokens: Sequence[Token], given: list[Token]) -> Iterable[list[Token]]:
    """A birth date the other side reads back in their next turn, said another way ("1, 9, 5, 4, oh, 6, 2, 3." /
    "So 23rd of June 1954?"): the same date, where its year is among the digits given; or confirmed by its day and
    month ("The date of birth I have is 22/07/1990." / "Yeah, 22nd of July, that's right.")."""
    read = _date_read_back(tokens, given)
    if read is None:
        return
    years = [d for t in read if len(d := digits_of(t) or "") == 4 and int(d) in _BIRTH_YEARS]
    here = [t for t in read if t.segment == read[0].segment]
    if (years and years[-1] in digits_said(given)) or _same_date(here, given):
        yield here
    elif _asked_by_day(tokens, read, given):
        yield from _read_back_by_day(tokens, read)
    elif _said_again_by_day(here, given) and _says_yes_first(tokens, here):
        yield here  # not a booking on the same day ("And you'd like it on the 3rd of August, right.")


def _says_yes_first(tokens: Sequence[Token], said: list[Token]) -> bool:
    """Whether the segment ``said`` is in begins with a yes: it confirms what it then names."""
    return segment_starts(tokens)[said[0].segment].norm in YES


def _date_read_back(tokens: Sequence[Token], given: list[Token]) -> list[Token] | None:
    """The date the other side says within the first words of their next turn after the date ``given``, if any."""
    after = given[-1].position + 1
    while after < len(tokens) and tokens[after].segment == given[-1].segment:
        after += 1
    if after >= len(tokens) or tokens[after].speaker == given[-1].speaker:
        return None
    for position in range(after, min(after + _READ_BACK_LEAD_WORDS + 1, len(tokens))):
        if tokens[position].segment != tokens[after].segment:
            return None
        read = _date_after(tokens, position)
        if read and read[0].segment == tokens[after].segment:
            return read if read != given else None
    return None


def _expiry_read_back(tokens: Sequence[Token], given: list[Token]) -> Iterable[list[Token]]:
    """An expiry the other side reads back in their next turn said another way ("expiry is May 27" / "Sorry, was
    that May 2027?"): the same month and year."""
    read = _date_read_back(tokens, given)
    if read is None:
        return
    here = [t for t in read if t.segment == read[0].segment]
    if len(said := _spoken_numbers(here)) == _EXPIRY_NUMBERS and said == _spoken_numbers(given):
        yield here


def _rest_given_on(tokens: Sequence[Token], given: list[Token]) -> list[Token]:
    """A birth date's day and month given by the same speaker after its year alone, the other side having said no more
    than a yes between ("I was born in 1958, I don't know if you need the full date." / "Yes please." / "The 3rd of
    March.")."""
    if len(_spoken_numbers(given)) != 1:
        return []
    after = given[-1].position + 1
    while after < len(tokens) and tokens[after].segment == given[-1].segment:
        after += 1
    while after < len(tokens) and tokens[after].speaker != given[-1].speaker:
        after += 1
    if after >= len(tokens) or gone_on_from(tokens, tokens[after]) is None:
        return []
    # the turn begins with it, a lead-in at most before: "The 3rd of March.", "Sure, it's the 3rd of March." (not
    # "The parcel came on the 3rd of March.")
    start = after
    segment = tokens[after].segment
    while start < len(tokens) and tokens[start].segment == segment and tokens[start].norm in ANSWER_LEAD_INS:
        start += 1
    rest = _date_after(tokens, start) if start < len(tokens) else []
    if rest and rest[0] is tokens[start] and _day_and_month(rest) is not None:
        return rest
    return []


def _expiry_said_again(tokens: Sequence[Token], given: list[Token]) -> list[Token]:
    """The same expiry said again another way right after it ("Expires 01/27, so January 2027.")."""
    again = _date_after(tokens, given[-1].position + 1)
    if not again or again[0].segment != given[-1].segment:
        return []
    between = " ".join(t.norm for t in tokens[given[-1].position + 1 : again[0].position])
    said = _spoken_numbers(again)
    if _RESTATED.match(between) and len(said) == _EXPIRY_NUMBERS and said == _spoken_numbers(given):
        return again
    return []


def _same_date(read: Sequence[Token], given: Sequence[Token]) -> bool:
    """Whether ``read`` names a whole date, day, month and year, by numbers all ``given`` was said with, a year's
    last two digits for it ("30/06/88." / "30th of June '88", "fourth o' the ninth, forty-one" / "4th September
    1941")."""
    said = _spoken_numbers(read)
    return len(said) >= _WHOLE_DATE_NUMBERS and said <= _spoken_numbers(given)


_WHOLE_DATE_NUMBERS = 3
_EXPIRY_NUMBERS = 2  # a month and a year


def _spoken_numbers(said: Sequence[Token]) -> set[int]:
    """The numbers a date is said with, in figures or words, a month by its number and a year by its last two digits."""
    words = alpha2digit(" ".join(token.norm.replace("-", " ") for token in said), "en", threshold=0)
    numbers = {int(number) % 100 if int(number) >= 1000 else int(number) for number in re.findall(r"\d+", words)}
    return numbers | {month for t in said if (month := _month_number(t)) is not None}


def _asked_by_day(tokens: Sequence[Token], read: list[Token], given: list[Token]) -> bool:
    """Whether ``read`` asks about the birth date just given by its day and month ("5/11/1992." / "Is that the 5th
    of November or May the 11th?", "So November 5th?"): both among the numbers given, in a question."""
    segment = [t for t in tokens if t.segment == read[0].segment]
    said = [t for t in read if t.segment == read[0].segment]
    return "?" in segment[-1].text and _said_again_by_day(said, given)


_MONTH_NUMBERS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month_number(token: Token) -> int | None:
    return _MONTH_NUMBERS.index(token.norm[:3]) + 1 if token.norm in MONTHS else None


def _days_and_months(said: Sequence[Token]) -> set[int]:
    """The days and months a date names by an ordinal and a month's name ("the 5th of November", "Seventh of
    September": 5 and 11, 7 and 9)."""
    days = {int(digits) for t in said if _is_day(t) and (digits := _day_digits(t))}
    months = {month for t in said if (month := _month_number(t)) is not None}
    return days | months if days and months else set()


def _said_again_by_day(said: Sequence[Token], given: Sequence[Token]) -> bool:
    """Whether ``said`` names by its day and month the date just ``given`` ("3/11/88. Third of November.")."""
    named = _days_and_months(said)
    return bool(named) and named <= _numbers(given)


def _day_digits(day: Token) -> str:
    """The digits of a day said as an ordinal, in figures or words ("5th", "seventh", "twenty-first")."""
    return re.sub(r"\D", "", alpha2digit(day.norm.replace("-", " "), "en", threshold=0))


def _numbers(said: Sequence[Token]) -> set[int]:
    """The numbers a date is said with, its months named too ("5/11/1992": 5, 11 and 1992)."""
    found = set()
    for token in said:
        written = token.norm if re.search(r"\d", token.norm) else digits_of(token) or ""
        found |= {int(part) for part in re.findall(r"\d+", written)}
    return found | {month for t in said if (month := _month_number(t)) is not None}


def _read_back_by_day(tokens: Sequence[Token], read: list[Token]) -> Iterable[list[Token]]:
    """The date a question about a birth date names ("So April 12th?") and the dates the answer to it gives: the
    same person's date. Where the question offers the date's readings ("the 5th of November or May the 11th?"), each
    of them: one is the birth date, the other gives it away as well."""
    segment = read[0].segment
    readings = [[t for t in read if t.segment == segment]]
    for _ in range(_MAX_DATES_IN_ONE_ANSWER):
        rest = _date_after(tokens, readings[-1][-1].position + 1)
        if not rest or rest[0].segment != segment:
            break
        readings.append([t for t in rest if t.segment == segment])
    yield from readings
    yield from _dates_answering(tokens, readings[-1])


_MAX_CORRECTIONS = 3
_DATE_KINDS = (EntityType.DATE_OF_BIRTH, EntityType.CARD_EXPIRY)
_SEVERAL_BIRTHS = re.compile(r"\b(dates of birth|birth ?dates|birthdays|dobs)\b")
_MAX_DATES_IN_ONE_ANSWER = 4
_RESTATED = re.compile(r"(is that|that's|that is|so|i mean|meaning)\b")


# Another reading offered after the first, where the caller cannot tell: "March 27, or maybe June 27."
_OR_ANOTHER = re.compile(r"(or )?(maybe|perhaps|possibly|it could be|could be|might be)|or( is it| it's)?")


def _corrected_dates(tokens: Sequence[Token], found: list[Token]) -> Iterable[list[Token]]:
    """Dates the same speaker says right after one to correct it ("February 14th, 1992, no sorry, the 4th"), or to
    offer another reading ("March 27, or maybe June 27"): of the same kind as the date they follow."""
    for _ in range(_MAX_CORRECTIONS):
        after = found[-1].position + 1
        correction = _date_after(tokens, after) or _year_put_right(tokens, after, found[-1]) or _new_ones(tokens, after)
        if not correction or any(t.speaker != found[-1].speaker for t in tokens[after : correction[-1].position + 1]):
            return
        between = " ".join(t.norm for t in tokens[after : correction[0].position])
        if not GIVEN_UP.search(between) and not _OR_ANOTHER.fullmatch(between):
            return
        other_asked = any(p.search(between) for kind, p in ASKED_CONTEXTS.items() if kind not in _DATE_KINDS)
        # (the card the new date is on may be named: "that's the old card. The new one is May 2029.")
        if other_asked and not _NEW_ONE.search(between):
            return  # "01/29. Security code, hang on, ... three, eight": the next thing asked for, not the date again
        yield correction
        found = correction


# What the date was given up for, said before its own: "Oh, sorry, no, that's the old card. The new one is May 2029."
_NEW_ONE = re.compile(r"\b((the|my) )?(new|other|right|correct|replacement|current) (one|card)('s)?\b")
_NEW_ONE_LOOKAHEAD = 16  # words: more than a date's own lookahead, to hold why the first was given up


def _new_ones(tokens: Sequence[Token], after: int) -> list[Token]:
    """The date said after the new or right one is named, further on than a date is looked for after what was given
    up; nothing if none is named."""
    date = _date_after(tokens, after, lookahead=_NEW_ONE_LOOKAHEAD)
    named = date and _NEW_ONE.search(" ".join(t.norm for t in tokens[after : date[0].position]))
    return date if named else []


_NO = {"no", "nope", "nah"}
_LEADING_NO = {*_NO, "sorry", "actually", "it's", "its", "um", "uh"}


def _put_right_in_answer(tokens: Sequence[Token], found: list[Token]) -> list[Token]:
    """The date the other side answers with, "no" first, where one was read back as a question ("So expiry 07 of
    2032?" / "No, 01 of 2032."): the same kind as the date it puts right; nothing if there is none."""
    last = found[-1]
    start = last.position + 1
    if not last.text.endswith("?") or start >= len(tokens) or tokens[start].speaker == last.speaker:
        return []
    if tokens[start].norm not in _NO:
        return []  # "So expiry 07 of 2032?" / "Yes, ...": nothing put right
    while (
        start < len(tokens)
        and tokens[start].norm in _LEADING_NO
        and tokens[start].segment == tokens[last.position + 1].segment
    ):
        start += 1
    date = _date_after(tokens, start)
    return date if date and date[0].position == start else []


_YEAR_PUT_RIGHT_WITHIN = 4  # words: "sixty-four. Oh sorry, sixty-three"
_GIVING_UP_WORDS = {"no", "sorry", "wait", "actually", "i", "mean", "oh", "um", "uh", "er", "it's", "make", "that"}


def _year_put_right(tokens: Sequence[Token], after: int, year: Token) -> list[Token]:
    """A year said alone right after a date that ended with a year said the same way ("..., sixty-four. Sorry,
    sixty-three!"): the date's year put right, if words that give the first up come between (checked by the
    caller)."""
    said = _year_said(year)
    if not re.fullmatch(r"(19|20)?\d\d", said):
        return []
    for token in tokens[after : after + _YEAR_PUT_RIGHT_WITHIN + 1]:
        if token.segment != year.segment and token.speaker != year.speaker:
            return []
        again = _year_said(token)
        if again != said and len(again) == len(said) and re.fullmatch(r"(19|20)?\d\d", again):
            return [token]
        if token.norm not in _GIVING_UP_WORDS:
            return []  # "No, we moved in 1990": another year, of something else
    return []


_MONTH_BY_NUMBER = re.compile(r"0[1-9]|1[0-2]")


def _month_put_right(tokens: Sequence[Token], found: list[Token]) -> list[Token]:
    """A month given up and put right by its number right after an expiry ("June 2028. Oh, no, sorry, it's 07, so July
    2028."): a month's number the same speaker says after words that give the first up."""
    after = found[-1].position + 1
    for token in tokens[after : after + _YEAR_PUT_RIGHT_WITHIN + 2]:
        if token.speaker != found[-1].speaker:
            return []  # "The card's expiry is 07 of 2032." / "No, 01 of 2032 was when I opened it."
        if _MONTH_BY_NUMBER.fullmatch(token.norm):
            given_up = GIVEN_UP.search(" ".join(t.norm for t in tokens[after : token.position]))
            return [token] if given_up else []
        if token.norm not in _GIVING_UP_WORDS:
            return []
    return []


_ASKED_AGAIN = re.compile(r"\b(?:and|what about|how about) (?:for )?(?:yours|your own|you)\b")
_REST_ASKED = re.compile(r"\b(?:and|what's|what is) the (?:day and (?:the )?month|month and (?:the )?day|year)\b")
_WHEN_WORDS = {"in", "on", "since", "from", "by", "until", "till", "before", "after", "last", "next", "of", "during"}


# When in its month or year a card runs out, said before the month or year: "the end of June, '28", "end of next
# year, twenty-seven".
_END_OF = re.compile(r"(the )?(end|start|beginning) of( (the|this|next) year)?|(the|this|next) year")
_END_OF_WORDS = 6


def _end_of_year_before(tokens: Sequence[Token], found: list[Token]) -> list[Token]:
    """An expiry with the words that say when in its month or year the card runs out before it."""
    first = found[0]
    before = [t for t in tokens[max(0, first.position - _END_OF_WORDS) : first.position] if t.segment == first.segment]
    for start in range(len(before)):
        if _END_OF.fullmatch(" ".join(t.norm for t in before[start:])):
            return before[start:] + found
    return found


def _year_of_expiry(tokens: Sequence[Token], position: int) -> list[Token]:
    """A card's expiry said as its year alone after the year is named ("end of next year, twenty-seven"): the year
    with the words before it."""
    for begin in range(position, min(len(tokens), position + _DATE_LOOKAHEAD)):
        said = tokens[begin]
        year = digits_of(said) or alpha2digit(said.norm.replace("-", " "), "en")
        if re.fullmatch(r"(20)?\d\d", year) and int(year[-2:]) in _EXPIRY_YEARS:
            lead = _end_of_year_before(tokens, [said])
            if len(lead) > 1 and lead[len(lead) - 2].norm == "year":
                return lead
            # or the year with when in it said right before: "the end of 2029", "start of '31"; not another thing's
            # expiry ("the offer expires at the end of 2029")
            named = " ".join(t.norm for t in tokens[max(0, position - _END_OF_WORDS) : position])
            return lead if len(lead) > 1 and not _NOT_A_CARDS.search(named) else []
        if _is_date_word(said) and said.norm not in _DATE_CONNECTORS:
            return []
    return []


def _year_in_full_after(tokens: Sequence[Token], position: int) -> list[Token]:
    """A card's expiry said as its year in full right after the expiry is named, the card named just before it: "is
    that card still expiring 2026?", "my card expires in 2027"."""
    if position < len(tokens) and tokens[position].norm == "in":
        position += 1
    year = (digits_of(tokens[position]) or "") if position < len(tokens) else ""
    if not re.fullmatch(r"20\d\d", year) or int(year[2:]) not in _EXPIRY_YEARS:
        return []
    # the card's, not an offer's on it ("The offer on my card expires in 2027")
    named = " ".join(t.norm for t in tokens[max(0, position - _END_OF_WORDS) : position])
    return [tokens[position]] if CARD_CONTEXT.search(named) and not _NOT_A_CARDS.search(named) else []


_EXPIRY_YEARS = range(15, 50)
# Things with an expiry of their own, named before it: not a card's.
_NOT_A_CARDS = re.compile(
    r"\b(offer|deal|promotion|voucher|coupon|warranty|guarantee|contract|lease|subscription|plan|passport|licen[cs]e|"
    r"visa application|permit|policy|membership|insurance|trial|quote|points|miles)\b"
)


# A month and year written as a card prints them ("03/25"), and what else prints them: "best before 08/26".
_PRINTED_MONTH_AND_YEAR = re.compile(r"(0[1-9]|1[0-2])/\d{2}")
_PRINTED_ON_OTHER_THINGS = re.compile(rf"{_NOT_A_CARDS.pattern}|\b(best before|use by|sell by|batch|parcel)\b")


def _expiries_as_printed(tokens: Sequence[Token]) -> Iterable[Token]:
    """A month and year written as a card prints them, where a card was talked about and its expiry not named: "The
    card says 03/25, but they sent a new one with 03/29.", "And it's the 07/31 one, the new one." Not a day of a month
    ("on 12/15"), nor what a warranty or a packet says."""
    for token in tokens:
        if not (_PRINTED_MONTH_AND_YEAR.fullmatch(token.norm) and plausible_expiry(token.norm.replace("/", ""))):
            continue
        if token.position and tokens[token.position - 1].norm in _WHEN_WORDS:
            continue
        same_breath = " ".join(t.norm for t in tokens[: token.position] if t.segment == token.segment)
        if card_talked_about(tokens, token.position) and not _PRINTED_ON_OTHER_THINGS.search(same_breath):
            yield token


# Documents that expire as cards do, whose expiry is no card's: "the passport expiry", "when does your licence expire"
_DOCUMENT = re.compile(r"\b(passport|licence|license|visa|permit)\b")
_DOCUMENT_AFTER = 4  # words: "the expiry on that passport?"


def _document_expiry(text: str, match: re.Match[str], starts: Sequence[int], tokens: Sequence[Token]) -> bool:
    """Whether the expiry named at ``match`` is a document's: one named just before it (in the words leading up to it)
    or right after it, and no card named there."""
    position = bisect.bisect_left(starts, match.start())
    before = " ".join(t.norm for t in tokens[max(0, position - CONTEXT_WINDOW) : position])
    after = " ".join(text[match.end() :].split()[:_DOCUMENT_AFTER])
    around = f"{before} {match.group()} {after}"
    return _DOCUMENT.search(around) is not None and CARD_CONTEXT.search(around) is None


def _may_be_expiry(found: Sequence[Token], tokens: Sequence[Token]) -> bool:
    """Whether a date said after "expiry" can be a card's: no day in it, and said in digits alone, a month and year
    ("oh four twenty nine", not "three one two") given for the expiry rather than for a code asked first
    ("security code and expiry?"). An ordinal before "month" is the month's: "the 6th month of 2027"."""
    if any(_is_day(token) and not _names_month(found, index) for index, token in enumerate(found)):
        return False
    said = [token for token in found if token.norm not in _DATE_CONNECTORS]
    if not all(len(digits_of(token) or "") == 1 for token in said):
        return True  # a month named, or numbers said as such ("two thousand thirty")
    digits = digits_said(said)
    if not plausible_expiry(digits):
        return False
    distances = context_distances(tokens, found[0].position)
    fitting = sorted(
        (distance, kind)
        for kind, distance in distances.items()
        if kind in (EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE) and len(digits) in DIGIT_LENGTHS[kind]
    )
    return len(fitting) < 2 or asked_first(fitting, tokens, found[0]) is EntityType.CARD_EXPIRY


def _names_month(found: Sequence[Token], index: int) -> bool:
    """Whether the word at ``index`` of ``found`` is followed by "month": it says which month."""
    return index + 1 < len(found) and found[index + 1].norm == "month"


_CODE_LENGTHS = (3, 4)
_MONTH_AND_YEAR = 4  # digits: "11 -29"; "11 -2029" has its year in full and no code after it


def _code_right_after(found: Sequence[Token], tokens: Sequence[Token]) -> list[Token]:
    """The security code the same speaker says as the next word after an expiry: "..., expiry 2/29, 774 on the back."
    (not a number that goes on, nor an amount: "2/29, 774 3321", "2/29, 774 dollars")."""
    said = tokens[found[-1].position + 1 : found[-1].position + 3]
    if (
        not said
        or said[0].speaker != found[-1].speaker
        or len(digits_of(said[0]) or "") not in _CODE_LENGTHS
        or (len(said) > 1 and said[1].segment == said[0].segment and (digits_of(said[1]) or said[1].norm in UNITS))
    ):
        return []
    return [said[0]]


def _code_after_expiry(found: Sequence[Token], tokens: Sequence[Token]) -> int | None:
    """Where the security code starts that ran on from an expiry given in figures, both asked for in one breath
    ("expiry and CVV?" / "11 -29 -062"): a last group of three or four digits after a month and year; None if there
    is none."""
    said = [token for token in found if token.norm not in _DATE_CONNECTORS]
    code = digits_of(said[-1]) if len(said) > 1 else None
    if code is None or len(code) not in _CODE_LENGTHS:
        return None
    expiry = [digits_of(token) or "" for token in said[:-1]]
    # or its month named, the code ending what is said: "Card, 4601 2836 5012 4172, February 2028, 317." (not "March
    # 2028, 1990 was when ...")
    month_named = (
        len(said) == 3 and said[0].norm in _DATE_MONTHS and len(expiry[1]) in (2, 4) and said[-1].text[-1:] in ".,!?"
    )
    in_figures = all(expiry) and len("".join(expiry)) <= _MONTH_AND_YEAR and plausible_expiry("".join(expiry))
    if not (month_named or in_figures):
        return None
    card_named = CARD_CONTEXT.search(" ".join(token.norm for token in tokens[: found[0].position]))
    return found.index(said[-1]) if card_named else None


def _is_day(token: Token) -> bool:
    """An ordinal ("30th", "third", "twenty-first") or a feast: a day, which a card's expiry (a month and a year) does
    not have."""
    last_word = token.norm.rsplit("-", 1)[-1]
    return last_word in _ORDINAL_WORDS or token.norm in _FEASTS or ORDINAL_DIGITS.fullmatch(token.norm) is not None


def _date_after(
    tokens: Sequence[Token], position: int, year_alone: bool = False, lookahead: int = _DATE_LOOKAHEAD
) -> list[Token]:
    """The date said within a few words (``lookahead``) after ``position``; with ``year_alone``, also a year said on
    its own ("born in '84", "born in 1984")."""
    passed_a_number = False
    for begin in range(position, min(len(tokens), position + lookahead)):
        said = tokens[begin]
        if _is_date_word(said) and said.norm not in _DATE_CONNECTORS and not _exclaimed(tokens, begin):
            # Past a number that is no date ("5590 and january 8 1983": the answer to what was asked with it),
            # only a date that names its month.
            if passed_a_number and said.norm not in _DATE_MONTHS and not _WRITTEN_WITH_SEPARATORS.search(said.norm):
                continue
            found = _date_from(tokens, begin, year_alone)
            if found:
                return found
            # a day given up ("Fifth of... sorry, fifteenth of May") is a date's, not another number; nor is a number
            # the one who asked says as they go on ("date of birth? Drivers under 25 pay a supplement."), which
            # answers nothing
            asked_on = position > 0 and said.speaker == tokens[position - 1].speaker
            passed_a_number = passed_a_number or not (_is_day(said) or asked_on)
    return []


def _date_from(tokens: Sequence[Token], begin: int, year_alone: bool) -> list[Token]:
    end = _date_end(tokens, begin)
    found = list(tokens[begin : end + 1])
    while (going_on := _date_goes_on(tokens, end)) is not None:
        end = _date_end(tokens, going_on)
        found += tokens[going_on : end + 1]
    substantive = [t for t in found if t.norm not in _DATE_CONNECTORS]
    if (
        len(substantive) > 1
        and _WRITTEN_WITH_SEPARATORS.search(substantive[0].norm)
        and not _may_be_said_date(substantive)
    ):
        # a date written whole, then another number that is no part of it: "expiry 2/29, 774 on the back"
        found, substantive = found[: found.index(substantive[0]) + 1], substantive[:1]
    has_separators = len(substantive) == 1 and _WRITTEN_WITH_SEPARATORS.search(substantive[0].norm) is not None
    year = len(substantive) == 1 and year_alone and _is_year(tokens, substantive[0])
    if not (len(substantive) >= 2 or has_separators or year):
        return []
    if not (has_separators or year) and not _may_be_said_date(substantive):
        return []
    return _month_before(tokens, begin) + _article_before_day(tokens, begin) + found


def _may_be_said_date(said: Sequence[Token]) -> bool:
    """Whether words said as digits alone can be a date (``plausible_date_digits``)."""
    if not all(digits_of(token) is not None for token in said) or any(map(_is_day, said)):
        return True  # a month or a day named: a date as said
    parts = [digits_of(token) or "" for token in said]
    if len(parts) == 3 and parts[0] == "0" and len(parts[1]) == 1 and len(parts[2]) in (2, 4):
        return parts[1] != "0"  # a month's two figures said apart, then its year: "Oh, 4, 27"
    if len(parts) == 3 and len(parts[-1]) in (2, 4) and all(len(part) <= 2 for part in parts[:2]):
        # a day, a month and a year, each said as one number: "4 of the 9, 1956"
        first, second = int(parts[0]), int(parts[1])
        return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31)
    digits = digits_said(said)
    # more digits than a day, a month and a year in full: some other number ("8 8 1 2 4 7 3 0 9, and 4/17/1955")
    return len(digits) <= _LONGEST_DATE_DIGITS and plausible_date_digits(digits)


_LONGEST_DATE_DIGITS = 8


def plausible_date_digits(digits: str) -> bool:
    """Whether six or eight digits hold a day, a month and a year in some order ("090684"); "88021473" does not,
    and is some other number. Other lengths are not judged."""
    if len(digits) not in (6, 8):
        return True
    year_first = len(digits) == 8 and 1900 <= int(digits[:4]) <= 2099
    a, b = int(digits[:2]), int(digits[2:4])
    return year_first or (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


def _exclaimed(tokens: Sequence[Token], index: int) -> bool:
    """Whether "oh" at ``index`` is said as a word ("Oh, the third of May", "oh march third"), not as a zero: a
    digit follows it in the same breath only for a zero ("oh four twenty nine"), also after a comma where one digit
    and then more follow ("Oh, 4, 27.": a month and its year)."""
    token = tokens[index]
    if token.norm not in {"oh", "o"}:
        return False
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    month_digit = (
        nxt is not None
        and after is not None
        and nxt.segment == after.segment == token.segment
        and len(digits_of(nxt) or "") == 1
        and digits_of(after) is not None
    )
    return (
        (token.text[-1] in PUNCTUATION and not month_digit)
        or nxt is None
        or nxt.segment != token.segment
        or digits_of(nxt) is None
    ) and not (nxt is not None and nxt.norm in TENS)


def _is_year(tokens: Sequence[Token], token: Token) -> bool:
    """A year of birth said alone: "'84", or "1984", "84" or "eighty-four" right after "born in" or "year of birth",
    or as the answer that starts a turn (two digits only where a year was asked for: not "12" for how many years);
    not any year said after birth came up ("the birth certificate from 2019")."""
    said = _year_said(token)
    if not re.fullmatch(r"(19|20)?\d\d", said):
        return False
    before = tokens[token.position - 1] if token.position else None
    right_after = before is not None and (before.norm == "in" or CONTEXTS[EntityType.DATE_OF_BIRTH].search(before.norm))
    answer = (
        before is not None
        and before.speaker != token.speaker
        and (len(said) == 4 or any(t.norm == "year" for t in tokens if t.segment == before.segment))
    )
    return token.text.startswith(("'", "\u2019")) or bool(right_after) or answer


def _year_said(token: Token) -> str:
    """The year a word says: "1984", "84", "eighty-four"."""
    if re.fullmatch(r"[a-z]+-[a-z]+", token.norm) and token.norm.split("-")[0] in TENS:
        return alpha2digit(token.norm.replace("-", " "), "en")
    return token.norm


def _article_before_day(tokens: Sequence[Token], begin: int) -> list[Token]:
    """The "the" a day is said with ("the ninth of May", "le 5 mai"): part of the date as said."""
    if begin and tokens[begin - 1].norm in {"the", "le", "el"} and tokens[begin - 1].segment == tokens[begin].segment:
        # French and Spanish say the day as a plain number: "le 5 mai", "el 3 de marzo"
        digits = digits_of(tokens[begin]) if tokens[begin - 1].norm != "the" else None
        plain_day = digits is not None and digits.isdigit() and 1 <= int(digits) <= 31
        # "the twenty third of July": a day said in two words
        two_words = begin + 1 < len(tokens) and tokens[begin].norm in TENS and _is_day(tokens[begin + 1])
        return [tokens[begin - 1]] if _is_day(tokens[begin]) or plain_day or two_words else []
    return []


# A day, month and year written as one word ("02.11.83", "1990/04/07"): whole, so a number said after it ("02.11.83,
# 6 Meadowbank") is something else.
WRITTEN_WHOLE_DATE = re.compile(r"\d{1,2}([./-])\d{1,2}\1(\d{2}|\d{4})|\d{4}([./-])\d{1,2}\3\d{1,2}", re.ASCII)


def _of_heard_as_on(tokens: Sequence[Token], day: int) -> bool:
    """Whether the "on" after the day at ``day`` is a date's "of" as Whisper may write it ("the second on the 11th",
    "the Fourth on March"): a month, or "the" and a month's number, follows it in the same segment."""
    if day + 2 >= len(tokens) or tokens[day + 1].norm != "on" or not _is_day(tokens[day]):
        return False
    month = tokens[day + 3] if tokens[day + 2].norm == "the" and day + 3 < len(tokens) else tokens[day + 2]
    if month.segment != tokens[day].segment:
        return False
    number = digits_of(month) if month.norm not in _DATE_MONTHS else None
    return month.norm in _DATE_MONTHS or _is_day(month) or (number is not None and 1 <= int(number[:2]) <= 12)


def _date_end(tokens: Sequence[Token], begin: int) -> int:
    """The last word of the date words said from ``begin`` on."""
    end = begin
    while (
        end + 1 < len(tokens)
        and not WRITTEN_WHOLE_DATE.fullmatch(tokens[end].norm.rstrip(".,"))
        # "Oh" said as a word after the date, not as a zero: "It expires March '28." / "Oh, sorry, ..."
        and not oh_said_as_word(tokens, tokens[end + 1])
        and (
            _is_date_word(tokens[end + 1])
            or (tokens[end + 1].norm in _FEAST_DAYS and tokens[end].norm in _FEASTS)
            or tokens[end + 1].norm in _DATE_CONNECTORS
            or (tokens[end + 1].norm == "and" and tokens[end].norm in {"thousand", "hundred"})  # "two thousand and one"
            or _of_heard_as_on(tokens, end)
        )
    ):
        end += 1
    while tokens[end].norm in _DATE_CONNECTORS or tokens[end].norm == "and":
        end -= 1
    return end


_DATE_PART_ASKED = re.compile(r"\b(year|month|day)\b")


def _date_goes_on(tokens: Sequence[Token], end: int) -> int | None:
    """Where the speaker goes on with the date after the other side's backchannel or question for the rest of it
    ("November," / "And the year?" / "Twenty thirty."), if they do."""
    speaker = tokens[end].speaker
    position = end + 1
    while position < len(tokens) and tokens[position].speaker != speaker:
        position += 1
    between = tokens[end + 1 : position]
    if not between or position == len(tokens) or len(between) > BACKCHANNEL_WORDS:
        return None
    asked = " ".join(t.norm for t in between)
    if any("?" in token.text for token in between) and not _DATE_PART_ASKED.search(asked):
        return None
    # "and the security code": asked for something else, not for the rest of the date
    if any(
        pattern.search(asked)
        for kind, pattern in ASKED_CONTEXTS.items()
        if kind not in (EntityType.DATE_OF_BIRTH, EntityType.CARD_EXPIRY)
    ):
        return None
    if pause_ms(tokens[end], tokens[position]) > MAX_PAUSE_MS:
        return None
    # "October," / "Mm-hmm." / "the ninth, ...": the date goes on after "the" or "of" said first.
    said = position
    while (
        said + 1 < len(tokens)
        and tokens[said].norm in _DATE_CONNECTORS
        and tokens[said + 1].segment == tokens[position].segment
    ):
        said += 1
    following = tokens[said]
    if following.norm in _DATE_CONNECTORS or not _is_date_word(following):
        return None
    return position


def _month_before(tokens: Sequence[Token], begin: int) -> list[Token]:
    """The month, when it is the same speaker's word right before the date: Whisper sometimes ends a speaker's
    previous segment with it ("...6789. March" / "third, 1985"), before the question that gives the context."""
    speaker = tokens[begin].speaker
    for token in reversed(tokens[:begin]):
        if token.speaker == speaker:
            return [token] if token.norm in _DATE_MONTHS else []
    return []


_FULL_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_DAY_NUMBER = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
# The days a feast or a national day falls on every year, which name a date's day and month
_FIXED_FEASTS = (
    r"(?:(?:new year'?s|christmas|boxing|valentine'?s|st\.? (?:patrick|david|george|andrew)'?s|anzac|australia|canada|"
    r"waitangi|bastille|remembrance|armistice|(?:st\.? )?paddy'?s) (?:eve|day)|hallowe'?en|hogmanay|bonfire night|"
    r"guy fawkes(?: night)?|"
    r"burns night)"
)
# The day and month said right before a year: "15 October ", "the 2nd of June, ", "June 2nd, "; or a feast's day:
# "New Year's Day, ", "Christmas Eve ", or both: "the 5th of November, Bonfire Night, "
_DAY_AND_MONTH_BEFORE = re.compile(
    rf"(?i:(?:(?:the\s+)?{_DAY_NUMBER}\s+(?:of\s+)?{_FULL_MONTH}|{_FULL_MONTH}\s+(?:the\s+)?{_DAY_NUMBER})"
    rf"(?:,?\s+{_FIXED_FEASTS})?|{_FIXED_FEASTS}),?\s+$"
)
# A feast named right before the date it falls on: "St. Patrick's Day, 17th of March, 1958"
_FEAST_BEFORE = re.compile(rf"(?i:{_FIXED_FEASTS}),?\s+(?:(?i:so)\s+)?$")


# A day told by its feast, the days from it said first: "The day after Christmas, 1979".
_DAYS_FROM_FEAST_BEFORE = re.compile(r"(?:\b(?i:the)\s+)?\b(?i:day|two days|three days|week)\s+(?i:after|before)\s+$")


# The month said right before a day: "August ", "May the ".
_MONTH_BEFORE = re.compile(rf"(?i:{_FULL_MONTH})\s+(?:the\s+)?$")


# A season said for an expiry before its month: "Expiry's the summer of 2027, July 2027", "it runs out in the autumn
# of 2028, September".
_SEASON_BEFORE = re.compile(r"(?:\b(?i:the)\s+)?\b(?i:spring|summer|autumn|fall|winter)\s+(?i:of)\s+$")


def with_season(span: TextSpan, text: str) -> TextSpan:
    """An expiry found without the season said before its year."""
    before = _SEASON_BEFORE.search(text[: span.start])
    return span if before is None else TextSpan(span.segment, before.start(), span.end)


# A feast or a national day said right after a whole birth date, naming its day and month again: "The 11th of
# November 1950, Armistice Day.", "31/10/1988, Hallowe'en." (the feast ends what is said of it)
_FEAST_AFTER = re.compile(rf"[,.]?\s+(?i:{_FIXED_FEASTS})(?=\s*(?:[.,!?]|$))")


def with_day_and_month(span: TextSpan, text: str) -> TextSpan:
    """A date of birth found without the words before it that say its day and month: a year alone ("15 October 1987"
    is all the date, not its "1987" alone), or a day and year after their month ("August 2nd, 2015"); and with a
    feast said right after it that names them again."""
    if feast := _FEAST_AFTER.match(text, span.end):
        span = TextSpan(span.segment, span.start, feast.end())
    if re.fullmatch(r"\d{4}", text[span.start : span.end]):
        before = _DAY_AND_MONTH_BEFORE.search(text[: span.start])
    elif re.match(_DAY_NUMBER + r"\b", text[span.start :]):
        before = _MONTH_BEFORE.search(text[: span.start]) or _FEAST_BEFORE.search(text[: span.start])
    elif re.match(rf"(?i:the\s+{_DAY_NUMBER}|{_FULL_MONTH})\b", text[span.start :]):
        before = _FEAST_BEFORE.search(text[: span.start])
    elif text[span.start : span.end].split(maxsplit=1)[0].lower().rstrip(",") in _FEASTS:
        before = _DAYS_FROM_FEAST_BEFORE.search(text[: span.start])
    else:
        before = None
    return span if before is None else TextSpan(span.segment, before.start(), span.end)


# An expiry said by its month and a year named from now: "next March", "August next year", "this December" (not the
# year alone, "the end of next year", which is said before the expiry itself: "..., so, uh, 12 of 26")
_RELATIVE_EXPIRY = re.compile(rf"\b(?i:(?:next|this)\s+{_FULL_MONTH}|{_FULL_MONTH}\s+(?:next|this)\s+year)\b")
_EXPIRY_NAMED_WORDS = 6  # "it expires at the end of"


def relative_expiries(segments: Sequence[Segment], tokens: Sequence[Token]) -> Iterable[TextSpan]:
    """An expiry said relative to now, where it was asked for or named just before: "My card expires next March.",
    "Expiry?" / "August next year."."""
    expiry = CONTEXTS[EntityType.CARD_EXPIRY]
    for segment, asked, _ in answers(segments, tokens):
        for match in _RELATIVE_EXPIRY.finditer(segment.text):
            said = [word.strip(PUNCTUATION) for word in segment.text[: match.start()].lower().split()]
            led_in = all(word in ANSWER_LEAD_INS for word in said)  # it starts the answer: "It's next March."
            if expiry.search(" ".join(said[-_EXPIRY_NAMED_WORDS:])) or (led_in and expiry.search(asked)):
                yield TextSpan(segment.index, match.start(), match.end())
