"""Patterns on each segment's text: IBANs, e-mail and street addresses, names. One pass per segment, as the order
its candidates come in decides between those of the same kind and length."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection.accounts import (
    cpfs,
    driving_licences,
    ghana_cards,
    ibans,
    named_references,
    national_insurance_numbers,
    pans,
)
from shared.redaction.detection.addresses import (
    ADDRESS,
    BARANGAY_ADDRESS,
    CONTINENTAL_ADDRESS,
    CONTINENTAL_ADDRESS_WITHOUT_CODE,
    CONTINENTAL_CODE_LAST_ADDRESS,
    DIRECTIONAL_STREET_ADDRESS,
    DUTCH_POSTCODE_ADDRESS,
    EIRCODE_ADDRESS,
    FLAT_IN_NAMED_HOUSE_ADDRESS,
    FLAT_PIN_ADDRESS,
    GAELIC_OR_WELSH_ADDRESS,
    HOUSE_LAST_ADDRESS,
    HOUSE_SET_APART_ADDRESS,
    HOUSE_WORDS,
    JAPANESE_ADDRESS,
    LOWER_CASE_ADDRESS,
    LOWER_CASE_EVERYDAY_STREET,
    LOWER_CASE_POSTCODE_ADDRESS,
    MALAYSIAN_ADDRESS,
    MEXICAN_ADDRESS,
    MISHEARD_STREET_BEFORE_POSTCODE,
    NAMED_HOUSE_ADDRESS,
    NAMED_POSTCODE,
    NUMBER_SET_APART_ADDRESS,
    NUMBERED_ROADS_ADDRESS,
    PO_BOX,
    POSTCODE_ADDRESS,
    POSTCODE_AND_HOUSE_NUMBER,
    REGION_ADDRESS,
    RURAL_HOUSE_ADDRESS,
    SINGAPORE_ADDRESS,
    TOWER_FLAT_ADDRESS,
    TOWN_AND_COUNTY_ADDRESS,
    UNIT_ADDRESS,
    VIETNAMESE_ADDRESS,
    corrected_house_number,
    homes_in_complexes,
    homes_on_streets,
    houses_in_cities_with_zip,
    mistaken_house_number,
    pin_codes_named,
    pitches_in_parks,
    postcode_ends_put_right,
    road_off_after,
    spelled_after_address,
    town_after_spelling,
    town_and_code_after,
    unit_said_before,
)
from shared.redaction.detection.context import CARD_NETWORKS
from shared.redaction.detection.emails import (
    EMAIL,
    SPELLED_AFTER_EMAIL,
    SPELLED_RIGHT_AFTER_EMAIL,
    WRITTEN_EMAIL,
    email_start,
    emails_at_provider,
    is_web_address,
    spelled_after_email,
    start_since_named,
)
from shared.redaction.detection.gazetteers import english_words, nationalities, person_names, place_names
from shared.redaction.detection.names import (
    AFTER_BOOKED_NAME,
    AFTER_NAME,
    BUSINESS_WORDS,
    GREETED,
    GREETED_GROUPS,
    HELD_UNDER,
    KIN_NAMED_IN_CAPITALS,
    LOWER_CASE_NAME,
    LOWER_CASE_NAME_GROUPS,
    LOWER_CASE_TITLED_NAME,
    NAME_BEFORE_TOLD,
    NAME_CUES,
    NAME_ORDER_TOLD,
    NAME_OWNING_DETAILS,
    NAMED_WITH_AGE,
    NOT_NAMES,
    SPELLED_AFTER_NAME,
    SPELLED_NAME,
    SURNAMES_TOO,
    THIRD_PERSON_CUE,
    TITLES,
    WEAK_CUES,
    names_spelled_after_themselves,
)
from shared.redaction.detection.spoken import MONTHS, TextSpan, begun_again_from

# What a caller holds in someone's name: "The account is my husband's, Rafferty" names the holder; "The van is my
# dad's, Bessie" may name the van.
_HELD_IN_A_NAME = re.compile(
    r"\b(?i:account|card|policy|phone|mobile|number|booking|order|subscription|contract|loan|mortgage|plan|line"
    r"|membership|reservation|ticket|licen[cs]e|lease|bill)(?:'s| is| was)\s+$"
)


# A name had before the one said now: "Formerly Jessica Holt, now Jessica Amankwah", "née Kavanagh, now Ryan"
_NAME_BEFORE = re.compile(r"\b(?i:formerly|n[ée]e|maiden name|used to be)\b")
# Another name one goes by, or had: a person's where the sentence is of a person or starts with it ("Known as Mac,
# but ...", "My nickname's Bunmi, it's short for Olubunmi"), not a place's or a thing's ("The estate, formerly
# Kilimani Gardens", "It's short for Extra Large")
_GONE_BY = re.compile(r"(?i:formerly|known as|short for)")
_SAID_OF_A_PERSON = re.compile(
    r"\b(?i:i|i'm|i am|me|he|she|he's|she's|his|her|my|they|everyone|everybody|friends|name|nickname|n[ée]e)\b"
)


def _only_a_word(word: str) -> bool:
    """Whether ``word`` is an English word ("Patient", "And"): the names of the gazetteer are none."""
    return word.lower() in english_words()


def _sentence_before(text: str, end: int) -> str:
    """What was said before ``end`` in its sentence."""
    return re.split(r"[.!?]\s", text[:end])[-1]


_LOWER_CASE_ADDRESS_LEAD = re.compile(r"\b(?i:at|that's|that is|it's|it is)\s+$")
_CLAUSE_ENDS = re.compile(r"\s*(?:[.,!?]|$)")


# A card's last digits after "ending" that Whisper wrote as a price: "The visa ending $954.", "the card ending $8
# .142." (no card ends in dollars)
_CARD_ENDING_AS_PRICE = re.compile(
    rf"\b(?i:card|{CARD_NETWORKS})\s+(?i:ending|ends)(?:\s+(?i:in|with))?\s+(?P<digits>\$\d[\d,]*(?:\s?\.\d+)?)\b"
)


def patterns(segments: Sequence[Segment]) -> Iterable[tuple[EntityType, TextSpan]]:
    for segment in segments:
        text = segment.text
        for match in _CARD_ENDING_AS_PRICE.finditer(text):
            yield EntityType.CARD_NUMBER, TextSpan(segment.index, match.start("digits"), match.end("digits"))
        for start, end in [
            *ibans(text),
            *driving_licences(text),
            *cpfs(text),
            *named_references(text),
            *national_insurance_numbers(text),
            *ghana_cards(text),
            *pans(text),
        ]:
            yield EntityType.ACCOUNT_NUMBER, TextSpan(segment.index, start, end)
        for match in EMAIL.finditer(text):
            if is_web_address(text, match):
                continue
            start = email_start(text, match)
            if WRITTEN_EMAIL.fullmatch(text, start, match.end()) is None:  # words before one written whole are not it
                start = start_since_named(text, start)
            start = begun_again_from(text, start)
            yield EntityType.EMAIL, TextSpan(segment.index, start, match.end())
            yield from _spelled_after(segment.index, text, match)
        for start, end in emails_at_provider(text):
            yield EntityType.EMAIL, TextSpan(segment.index, begun_again_from(text, start), end)
        for match in WRITTEN_EMAIL.finditer(text):
            if not is_web_address(text, match):
                yield EntityType.EMAIL, TextSpan(segment.index, begun_again_from(text, match.start()), match.end())
                yield from _spelled_after(segment.index, text, match)
        patterns = [ADDRESS, PO_BOX, POSTCODE_ADDRESS, CONTINENTAL_ADDRESS, CONTINENTAL_ADDRESS_WITHOUT_CODE]
        patterns += [FLAT_PIN_ADDRESS, NUMBERED_ROADS_ADDRESS, MALAYSIAN_ADDRESS]
        patterns += [MISHEARD_STREET_BEFORE_POSTCODE]
        patterns += [RURAL_HOUSE_ADDRESS, TOWER_FLAT_ADDRESS, UNIT_ADDRESS, REGION_ADDRESS, SINGAPORE_ADDRESS]
        patterns += [MEXICAN_ADDRESS, JAPANESE_ADDRESS, VIETNAMESE_ADDRESS, EIRCODE_ADDRESS, DUTCH_POSTCODE_ADDRESS]
        patterns += [GAELIC_OR_WELSH_ADDRESS, HOUSE_LAST_ADDRESS, HOUSE_SET_APART_ADDRESS, NUMBER_SET_APART_ADDRESS]
        patterns += [TOWN_AND_COUNTY_ADDRESS, FLAT_IN_NAMED_HOUSE_ADDRESS, BARANGAY_ADDRESS, POSTCODE_AND_HOUSE_NUMBER]
        patterns += [DIRECTIONAL_STREET_ADDRESS, CONTINENTAL_CODE_LAST_ADDRESS]
        for start, end in [*homes_on_streets(text), *houses_in_cities_with_zip(text)]:
            yield EntityType.ADDRESS, TextSpan(segment.index, start, end)
        for start, end in [*pitches_in_parks(text), *pin_codes_named(text), *postcode_ends_put_right(text)]:
            yield EntityType.ADDRESS, TextSpan(segment.index, start, end)
        for start, end in homes_in_complexes(text):
            yield EntityType.ADDRESS, TextSpan(segment.index, start, end)
            for after in (town_and_code_after(text, end), road_off_after(text, end)):
                if after:
                    yield EntityType.ADDRESS, TextSpan(segment.index, *after)
        for match in NAMED_HOUSE_ADDRESS.finditer(text):
            house = match.group("house").split()
            # "The Granary", "Ivy Cottage", a townland in a county; not "Paris, Main Street, ..."
            if house[0] == "The" or house[-1] in HOUSE_WORDS or match.group("county"):
                # a room said before it: "Room B214, Carrington Hall, Mill Lane, Nottingham"
                yield EntityType.ADDRESS, TextSpan(segment.index, unit_said_before(text, match.start()), match.end())
        for match in NAMED_POSTCODE.finditer(text):
            code = "code" if match.group("code") else "gps"
            yield (
                EntityType.ADDRESS,
                TextSpan(segment.index, match.start("begun" if match.group("begun") else code), match.end(code)),
            )
        if text == text.lower():
            patterns += [LOWER_CASE_ADDRESS, LOWER_CASE_EVERYDAY_STREET, LOWER_CASE_POSTCODE_ADDRESS]
            for match in LOWER_CASE_NAME.finditer(text):
                group = next(group for group in LOWER_CASE_NAME_GROUPS if match.group(group))
                if not BUSINESS_WORDS.intersection(word.capitalize() for word in match.group(group).split()):
                    yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start(group), match.end(group))
        else:
            # a street heard in lower case in a sentence that is not, right after "at" or "that's" and ending the
            # clause: "Just to confirm, that's 14 carry road, Raylin." (14 Kauri Road, Grey Lynn)
            for match in LOWER_CASE_ADDRESS.finditer(text):
                if _LOWER_CASE_ADDRESS_LEAD.search(text, 0, match.start()) and _CLAUSE_ENDS.match(text, match.end()):
                    yield EntityType.ADDRESS, TextSpan(segment.index, match.start(), match.end())
        for match in LOWER_CASE_TITLED_NAME.finditer(text):
            yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start("name"), match.end("name"))
        for pattern in patterns:
            for match in pattern.finditer(text):
                start = begun_again_from(text, unit_said_before(text, match.start()))
                yield EntityType.ADDRESS, TextSpan(segment.index, start, match.end())
                if town_and_code := town_and_code_after(text, match.end()):
                    yield EntityType.ADDRESS, TextSpan(segment.index, *town_and_code)
                if road_off := road_off_after(text, match.end()):
                    yield EntityType.ADDRESS, TextSpan(segment.index, *road_off)
                corrected = corrected_house_number(text, match.end())
                if corrected:
                    yield EntityType.ADDRESS, TextSpan(segment.index, *corrected)
                spelled_street = spelled_after_address(text, start, match.end())
                if spelled_street:
                    yield EntityType.ADDRESS, TextSpan(segment.index, *spelled_street)
                    town_and_code = town_and_code_after(text, spelled_street[1]) or town_after_spelling(
                        text, spelled_street[1]
                    )
                    if town_and_code:
                        yield EntityType.ADDRESS, TextSpan(segment.index, *town_and_code)
                mistaken = mistaken_house_number(text, match.start())
                if mistaken:
                    yield EntityType.ADDRESS, TextSpan(segment.index, *mistaken)
        for match in NAME_CUES.finditer(text):
            words = match.group("name").split()
            while words and words[-1] in NOT_NAMES and words[-1] not in SURNAMES_TOO:
                words.pop()
            if not words or words[0] in NOT_NAMES or BUSINESS_WORDS.intersection(words):
                continue
            if len(words) == 1 and words[0].lower() in MONTHS:
                continue  # "the booking's for March": when, not whom
            if len(words) == 1 and words[0] in nationalities():
                continue  # "W-O-J-C-I-K, it's Polish, ...", "I'm British, day first": where from, not whom
            start = match.start("name")
            end = start + len(" ".join(words))
            cue = text[match.start() : match.start("initials") if match.group("initials") else start]
            if re.search(r"\b(?:a|an)\s+$", cue) and words[0].lower() in english_words():
                continue  # "I spoke to a Manager": someone by their role, not by name ("spoke to a Deborah")
            if cue.strip().lower() == "it was" and " ".join(words) in place_names():
                continue  # "It was London in the end.": where, not who
            if cue.strip() == "now" and not _NAME_BEFORE.search(text, 0, match.start()):
                continue  # "OK, now Windows will restart": no name had before it
            before = _sentence_before(text, match.start())
            if _GONE_BY.search(cue) and before.strip() and not _SAID_OF_A_PERSON.search(before):
                continue  # "The road is also known as Marine Parade": a place's other name
            if cue.strip() == "under" and not HELD_UNDER.search(text[: match.start()]):
                continue  # "We met by the river, under London Bridge": where, not whose
            booked_on = len(words) > 1 and re.search(r"(?i:booking|reservation|ticket)", cue) is not None
            if (
                WEAK_CUES.search(cue)
                and not AFTER_NAME.match(text, end)
                and not (booked_on and AFTER_BOOKED_NAME.match(text, end))
            ):
                continue
            # "he's Canadian, ...": only a full name; but "the account is my husband's, Rafferty" names its holder
            held = cue.rstrip().endswith("'s,") and _HELD_IN_A_NAME.search(text, 0, match.start())
            if THIRD_PERSON_CUE.search(cue) and len(words) < 2 and not held:
                continue
            # "I spoke to McDonald's": whose something is, not whom one spoke to; but "Dr. Okafor's patient"
            if text.startswith("'s", end) and not re.search(rf"(?:{TITLES}\.?|Doctor)\s+$", cue):
                continue
            spelled = SPELLED_AFTER_NAME.match(text, end)
            yield EntityType.PERSON_NAME, TextSpan(segment.index, start, spelled.end() if spelled else end)
        for match in NAME_BEFORE_TOLD.finditer(text):
            words = match.group("name").split()
            if match.group("apart") and len(words) == 1 and words[0].lower() in english_words():
                continue  # "Correct, that's my name."
            if not any(word in NOT_NAMES or word in BUSINESS_WORDS for word in words):
                yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start("name"), match.end("name"))
        for match in NAME_OWNING_DETAILS.finditer(text):
            words = match.group("name").split()
            if _only_a_word(words[0]):
                words = words[1:]  # "And Lachlan's date of birth?", "Patient's date of birth"
            if not words or _only_a_word(words[0]):
                continue
            if any(word in NOT_NAMES or word in BUSINESS_WORDS for word in words):
                continue  # "Saturday's number", "Tesco's number"
            name = " ".join(words)
            place = name in place_names() or words[0] in place_names()
            if place and (match.group("where") or words[0] not in person_names()):
                continue  # "Sydney's postcode", "Cardiff's number" (but "Tyler's date of birth")
            yield EntityType.PERSON_NAME, TextSpan(segment.index, match.end("name") - len(name), match.end("name"))
        for match in KIN_NAMED_IN_CAPITALS.finditer(text):
            yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start("name"), match.end("name"))
        for match in NAMED_WITH_AGE.finditer(text):
            if not any(word in NOT_NAMES or word in BUSINESS_WORDS for word in match.group("name").split()):
                yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start("name"), match.end("name"))
        for match in NAME_ORDER_TOLD.finditer(text):
            if not any(word in NOT_NAMES or word in BUSINESS_WORDS for word in match.group("name").split()):
                yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start("name"), match.end("name"))
        for match in GREETED.finditer(text):
            group = next(group for group in GREETED_GROUPS if match.group(group))
            words = match.group(group).split()
            if words[0] not in NOT_NAMES and not BUSINESS_WORDS.intersection(words):
                yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start(group), match.end(group))
        for start, end in names_spelled_after_themselves(text):
            yield EntityType.PERSON_NAME, TextSpan(segment.index, start, end)
        for match in SPELLED_NAME.finditer(text):
            yield EntityType.PERSON_NAME, TextSpan(segment.index, match.start("name"), match.end("name"))


def _spelled_after(index: int, text: str, email: re.Match[str]) -> Iterable[tuple[EntityType, TextSpan]]:
    """Letters spelled right after an e-mail address, of the address or of a name ("priyanka.iyer at outlook.com,
    that's I-Y-E-R")."""
    spelled = SPELLED_AFTER_EMAIL.match(text, email.end()) or SPELLED_RIGHT_AFTER_EMAIL.match(text, email.end())
    if spelled:
        yield spelled_after_email(text, email, spelled), TextSpan(index, spelled.start("name"), spelled.end("name"))
