"""Runs every kind's rules and keeps one entity where several overlap: the kind checked first, then the longest."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection.accounts import (
    alphanumeric_ids,
    codes_said_apart,
    cpfs,
    ghana_cards,
    ibans,
    ids_begun_as_told,
    ids_named_as_heading,
    ids_said_again,
    spelled_characters,
    spelled_ids,
    spoken_ibans,
    with_check_digit_after,
    with_letters_after,
    with_letters_before,
)
from shared.redaction.detection.addresses import (
    PO_BOX,
    address_parts_said_again,
    addresses_begun_before,
    addresses_going_on,
    answered_addresses,
    answers_as_addresses,
    towns_after_aside,
    units_before_postcode_asked,
)
from shared.redaction.detection.answers import answered_values, names_unheard
from shared.redaction.detection.business import (
    agent_segments,
    business_asked_for,
    business_contact,
    own_mailboxes,
    said_again,
)
from shared.redaction.detection.dates import dates, relative_expiries, with_day_and_month, with_season
from shared.redaction.detection.emails import (
    answered_emails,
    digits_put_right,
    domains_put_right,
    emails_broken_off,
    emails_over_two_turns,
    local_parts_alone,
    local_parts_put_right,
    local_parts_said_again,
    read_back_emails,
    run_together_emails,
)
from shared.redaction.detection.names import (
    answered_names,
    confirmed_names,
    names_addressed_after_anything_else,
    names_after_kin_and,
    names_after_spoken_title,
    names_after_title_ending_segment,
    names_and_another,
    names_announced_however_heard,
    names_announced_in_greeting,
    names_as_said,
    names_asked_and_put_right,
    names_asked_as_one_of_two,
    names_before_details,
    names_before_emails,
    names_confirmed_as_heard,
    names_confirmed_by_another,
    names_in_apposition,
    names_introduced_unheard,
    names_known_from_lists,
    names_of_kin_named_together,
    names_opening_told_by_parts,
    names_put_right,
    names_said_after_spelling,
    names_said_again,
    names_said_back,
    names_said_on_leaving,
    names_something_is_for,
    names_spelled_after_email,
    names_spelled_again,
    names_spelled_as_promised,
    names_spelled_beside_them,
    names_spelled_in_pieces,
    names_spelled_when_asked,
    names_thanked_as_heard,
    names_thanked_unsure,
    names_then_kin,
    names_told_how_written,
    names_with_me,
    shop_names,
    short_names_offered,
    with_title,
)
from shared.redaction.detection.numbers import answered_numbers, numbers
from shared.redaction.detection.patterns import patterns
from shared.redaction.detection.phones import business_line
from shared.redaction.detection.spoken import (
    HESITATIONS,
    SENTENCE_MARKS,
    Entity,
    TextSpan,
    in_time_order,
    read_segments,
    tokenise,
)

# Checked in this order; a later detection that overlaps an earlier one is dropped.
_PRIORITY = (
    EntityType.CARD_NUMBER,
    EntityType.SSN,
    EntityType.EMAIL,
    EntityType.CARD_EXPIRY,
    EntityType.CARD_SECURITY_CODE,
    EntityType.DATE_OF_BIRTH,
    EntityType.PHONE_NUMBER,
    EntityType.ADDRESS,
    EntityType.ACCOUNT_NUMBER,
    EntityType.PERSON_NAME,
)


# What a record read out gives after the name it is whose: "Eleni Georgiou, mobile 694 521 8307."
_DETAILS_AFTER_NAME = (EntityType.PHONE_NUMBER, EntityType.DATE_OF_BIRTH)


def detect(segments: Sequence[Segment], types: Iterable[EntityType] = tuple(EntityType)) -> list[Entity]:
    """The personal data in ``segments`` of the kinds in ``types``, no two entities overlapping."""
    tokens = tokenise(segments)
    candidates: list[Entity] = []
    texts = {segment.index: segment.text for segment in segments}
    spoken = list(spoken_ibans(tokens))
    found_dates = list(dates(tokens))
    dated = {token.position for _, found in found_dates for token in found}
    found_in_tokens = [
        *found_dates,
        *numbers(tokens),
        *answered_numbers(tokens, dated),
        *run_together_emails(tokens),
        *alphanumeric_ids(tokens),
        *spelled_ids(tokens),
        *spoken,
    ]
    ids = [found for entity_type, found in found_in_tokens if entity_type is EntityType.ACCOUNT_NUMBER]
    found_in_tokens += [(EntityType.ACCOUNT_NUMBER, found) for found in ids_said_again(ids, tokens)]
    for entity_type, found in found_in_tokens:
        spans = _merge_spans(t.span for t in found)
        if entity_type is EntityType.DATE_OF_BIRTH:
            spans = tuple(with_day_and_month(span, texts[span.segment]) for span in spans)
        if entity_type is EntityType.CARD_EXPIRY:
            spans = tuple(with_season(span, texts[span.segment]) for span in spans)
        if entity_type is EntityType.ACCOUNT_NUMBER:
            spans = tuple(
                with_check_digit_after(
                    with_letters_after(with_letters_before(span, texts[span.segment]), texts[span.segment]),
                    texts[span.segment],
                )
                for span in spans
            )
        candidates.append(Entity(entity_type, tuple(_trimmed(span, texts) for span in spans)))
    read = read_segments(segments, tokens)
    found_by_pattern = list(patterns(read))
    found_by_pattern += [(EntityType.ACCOUNT_NUMBER, span) for span in ids_begun_as_told(read)]
    found_by_pattern += [(EntityType.ACCOUNT_NUMBER, span) for span in ids_named_as_heading(read)]
    found_by_pattern += [(EntityType.ADDRESS, span) for span in answered_addresses(read, tokens)]
    found_by_pattern += [(EntityType.ADDRESS, span) for span in units_before_postcode_asked(read)]
    found_by_pattern += [(EntityType.ADDRESS, span) for span in answers_as_addresses(read, tokens)]
    addresses_said = [span for entity_type, span in found_by_pattern if entity_type is EntityType.ADDRESS]
    found_by_pattern += [(EntityType.ADDRESS, span) for span in addresses_going_on(read, addresses_said)]
    found_by_pattern += [(EntityType.ADDRESS, span) for span in addresses_begun_before(read, addresses_said)]
    found_by_pattern += [(EntityType.ADDRESS, span) for span in towns_after_aside(read, addresses_said)]
    addresses_said = [span for entity_type, span in found_by_pattern if entity_type is EntityType.ADDRESS]
    found_by_pattern += [(EntityType.ADDRESS, span) for span in address_parts_said_again(read, addresses_said)]
    answered = list(answered_names(read, tokens))
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in answered]
    found_by_pattern += [(EntityType.EMAIL, span) for span in answered_emails(read, tokens)]
    found_by_pattern += [(EntityType.CARD_EXPIRY, span) for span in relative_expiries(read, tokens)]
    found_by_pattern += [(EntityType.EMAIL, span) for span in emails_over_two_turns(read, tokens)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in confirmed_names(read)]
    for found_names in (
        names_after_title_ending_segment,
        names_in_apposition,
        names_after_spoken_title,
        names_announced_in_greeting,
        names_announced_however_heard,
        names_said_on_leaving,
        names_thanked_as_heard,
        names_addressed_after_anything_else,
        names_after_kin_and,
        names_of_kin_named_together,
        names_something_is_for,
        names_then_kin,
        names_with_me,
        names_opening_told_by_parts,
        names_told_how_written,
        names_asked_as_one_of_two,
        names_spelled_as_promised,
    ):
        found_by_pattern += [(EntityType.PERSON_NAME, span) for span in found_names(read)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_spelled_when_asked(read, tokens)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_thanked_unsure(segments)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_introduced_unheard(segments)]
    details = [span for entity_type, span in found_by_pattern if entity_type is EntityType.ADDRESS]
    details += [span for c in candidates if c.type in _DETAILS_AFTER_NAME for span in c.spans]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_before_details(read, details)]
    found_so_far = [span for _, span in found_by_pattern] + [span for c in candidates for span in c.spans]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_known_from_lists(read, found_so_far)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_spelled_beside_them(read, found_so_far)]
    names = [span for entity_type, span in found_by_pattern if entity_type is EntityType.PERSON_NAME]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_and_another(read, names)]
    emails = [span for entity_type, span in found_by_pattern if entity_type is EntityType.EMAIL]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_before_emails(read, emails)]
    names = [span for entity_type, span in found_by_pattern if entity_type is EntityType.PERSON_NAME]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_said_again(read, names, emails)]
    names = [span for entity_type, span in found_by_pattern if entity_type is EntityType.PERSON_NAME]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_as_said(read, names)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in short_names_offered(read, names)]
    found_by_pattern += [(EntityType.EMAIL, span) for span in read_back_emails(read, emails)]
    found_by_pattern += [(EntityType.EMAIL, span) for span in local_parts_alone(read)]
    found_by_pattern += [(EntityType.EMAIL, span) for span in local_parts_said_again(read, emails)]
    found_by_pattern += [(EntityType.EMAIL, span) for span in local_parts_put_right(read, emails)]
    found_by_pattern += [(EntityType.EMAIL, span) for span in digits_put_right(read, emails)]
    found_by_pattern += [(EntityType.EMAIL, span) for span in domains_put_right(read, emails)]
    found_by_pattern += [(EntityType.EMAIL, span) for span in emails_broken_off(read, emails)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_spelled_again(read, names, emails)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_said_after_spelling(read, names)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_spelled_after_email(read, emails)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_confirmed_by_another(read, names)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_said_back(read, answered)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_confirmed_as_heard(read)]
    names = [span for entity_type, span in found_by_pattern if entity_type is EntityType.PERSON_NAME]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_spelled_in_pieces(read, names)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_put_right(read, names)]
    found_by_pattern += [(EntityType.PERSON_NAME, span) for span in names_asked_and_put_right(read, names)]
    shops = shop_names(read)
    for entity_type, span in found_by_pattern:
        if entity_type is EntityType.PERSON_NAME:
            if texts[span.segment][span.start : span.end] in shops:
                continue  # "the Rimi store" / "Okay, Rimi, got it.": a shop, not a person
            span = with_title(span, texts[span.segment])
        candidates.append(Entity(entity_type, (_trimmed(span, texts),)))
    addresses = [span for entity_type, span in found_by_pattern if entity_type is EntityType.ADDRESS]
    candidates = [left for c in candidates if (left := _without_address_parts(c, addresses)) is not None]
    # An IBAN's digits pass no other check by chance: "DE44 5001 0517 ..." holds no card read after "DE44", written
    # or read out.
    written_ibans = [TextSpan(s.index, start, end) for s in read for start, end in ibans(s.text)]
    written_ibans += [span for _, said in spoken for span in _merge_spans(t.span for t in said)]
    written_ibans += [TextSpan(s.index, start, end) for s in read for start, end in cpfs(s.text)]
    # nor a national id's after its country's letters: "GHA dash 728401936 dash 2" holds no phone number
    written_ibans += [TextSpan(s.index, start, end) for s in read for start, end in ghana_cards(s.text)]
    candidates = [c for c in candidates if c.type is EntityType.ACCOUNT_NUMBER or not _inside(c, written_ibans)]
    # A box's number with its post office's code is no phone number: "P.O. Box 52431-00100".
    boxes = [TextSpan(s.index, *match.span()) for s in read for match in PO_BOX.finditer(s.text)]
    candidates = [c for c in candidates if c.type is not EntityType.PHONE_NUMBER or not _inside(c, boxes)]
    own = own_mailboxes(read, tokens)
    agents = agent_segments(read)
    business = [
        c
        for c in candidates
        if business_contact(c, texts, c.spans[0].segment in own, agent_said=c.spans[0].segment in agents)
        or business_asked_for(c, tokens)
    ]
    business_ids = {id(c) for c in business}
    candidates = [c for c in candidates if id(c) not in business_ids and not said_again(c, business, texts)]
    # Last: what answers a question for a kind, where no rule of any kind read it.
    candidates += [
        answer
        for answer in answered_values(segments, tokens, candidates)
        if not business_contact(
            answer, texts, answer.spans[0].segment in own, agent_said=answer.spans[0].segment in agents
        )
    ]
    candidates += names_unheard(segments, tokens, candidates)
    found_spans = [span for c in candidates for span in c.spans]
    candidates += [Entity(EntityType.ACCOUNT_NUMBER, (span,)) for span in codes_said_apart(segments, found_spans)]
    # A business's freephone number read back by the caller ("1800 250 250, okay."), however it was found.
    candidates = [c for c in candidates if c.type is not EntityType.PHONE_NUMBER or not _business_line(c, texts)]
    # By kind, then the longest first: "March 3, 1985" wins over the "3, 1985" read as a number.
    candidates.sort(key=lambda e: (_PRIORITY.index(e.type), -sum(span.end - span.start for span in e.spans)))
    kept: list[Entity] = []
    taken: dict[int, list[TextSpan]] = {}  # kept spans by segment, so each check looks at one segment
    for candidate in candidates:
        if not any(
            span.start < other.end and other.start < span.end
            for span in candidate.spans
            for other in taken.get(span.segment, ())
        ):
            kept.append(candidate)
            for span in candidate.spans:
                taken.setdefault(span.segment, []).append(span)
        else:
            _widen_address(candidate, kept, taken)
    kept = _read_back_as_given(kept, segments, texts)
    kept += _read_back_written_whole(kept, segments, texts, taken)
    kept = _joined_across_hesitations(kept, texts)
    wanted = set(types)
    return sorted((e for e in kept if e.type in wanted), key=lambda e: e.spans[0])


def _widen_address(candidate: Entity, kept: list[Entity], taken: dict[int, list[TextSpan]]) -> None:
    """An address read from another start that overlaps only one kept address, in one span, widens that span over it:
    "Lot 12, Jalan Bunga Raya 3" read as the answer's start and "12, Jalan ..., 40400 Shah Alam" as an address are one
    address from "Lot" to "Alam". (A name and its spelling stay two: the words between them are no name.)"""
    if candidate.type is not EntityType.ADDRESS or len(candidate.spans) != 1:
        return
    span = candidate.spans[0]
    overlapping = [other for other in taken.get(span.segment, ()) if span.start < other.end and other.start < span.end]
    owners = [(index, entity) for index, entity in enumerate(kept) if any(o in entity.spans for o in overlapping)]
    if len(overlapping) != 1 or len(owners) != 1 or owners[0][1].type is not candidate.type:
        return
    index, owner = owners[0]
    other = overlapping[0]
    wider = TextSpan(span.segment, min(span.start, other.start), max(span.end, other.end))
    kept[index] = Entity(owner.type, tuple(wider if s is other else s for s in owner.spans))
    taken[span.segment] = [wider if o is other else o for o in taken[span.segment]]


# Only a hesitation between two values of one kind: "233 hmm 233-90-5547" is one social begun and begun again.
_ONLY_HESITATION = re.compile(rf"[\s,.…-]*(?:(?i:{'|'.join(sorted(HESITATIONS))})\b[\s,.…-]*)+")


def _joined_across_hesitations(kept: Sequence[Entity], texts: dict[int, str]) -> list[Entity]:
    """``kept`` with each value that follows another of its kind in its turn, a hesitation alone between them, made
    one with it, so the hesitation goes with them."""
    joined: list[Entity] = []
    for entity in sorted(kept, key=lambda e: e.spans[0]):
        first = entity.spans[0]
        before = next(
            (
                index
                for index, other in enumerate(joined)
                if other.type is entity.type
                and (last := other.spans[-1]).segment == first.segment
                and last.end <= first.start
                and _ONLY_HESITATION.fullmatch(texts[first.segment][last.end : first.start])
            ),
            None,
        )
        if before is None:
            joined.append(entity)
            continue
        other = joined[before]
        last = other.spans[-1]
        span = TextSpan(first.segment, last.start, first.end)
        joined[before] = Entity(entity.type, (*other.spans[:-1], span, *entity.spans[1:]))
    return joined


# Numbers an address is made of: a house number, a PO box, a ZIP code read after a date of birth, a card's
# security code or a social security number was asked for are the address's, not those.
_ADDRESS_NUMBER_MISTAKEN_FOR = (
    EntityType.DATE_OF_BIRTH,
    EntityType.CARD_SECURITY_CODE,
    EntityType.CARD_EXPIRY,
    EntityType.SSN,
)


def _without_address_parts(entity: Entity, addresses: Sequence[TextSpan]) -> Entity | None:
    """``entity`` without its spans inside an address, if it is of a kind an address's number is mistaken for:
    a date of birth joined on to an address's house number in a later turn keeps its own turn's span."""
    if entity.type not in _ADDRESS_NUMBER_MISTAKEN_FOR:
        return entity
    spans = tuple(
        span
        for span in entity.spans
        if not any(a.segment == span.segment and a.start <= span.start and span.end <= a.end for a in addresses)
    )
    if not spans:
        return None
    return entity if len(spans) == len(entity.spans) else Entity(entity.type, spans)


def _business_line(entity: Entity, texts: dict[int, str]) -> bool:
    said = " ".join(texts[span.segment][span.start : span.end] for span in entity.spans)
    digits = re.sub(r"\D", "", said)
    return bool(digits) and business_line(digits, with_country_code=said.lstrip().startswith("+"))


def _inside(entity: Entity, spans: Sequence[TextSpan]) -> bool:
    """Whether every span of ``entity`` lies within one of ``spans``."""
    return all(
        any(s.segment == span.segment and s.start <= span.start and span.end <= s.end for s in spans)
        for span in entity.spans
    )


def _trimmed(span: TextSpan, texts: dict[int, str]) -> TextSpan:
    """``span`` without the punctuation and spaces at its ends (the sentence keeps its full stop), with an area
    code's opening parenthesis."""
    text = texts[span.segment]
    start, end = span.start, span.end
    while end > start and (text[end - 1] in SENTENCE_MARKS or text[end - 1].isspace()):
        end -= 1
    while start < end and (text[start] in SENTENCE_MARKS or text[start].isspace()):
        start += 1
    if start and text[start - 1] == "(" and ")" in text[start:end]:  # "(415) 555-0199"
        start -= 1
    return TextSpan(span.segment, start, end) if end > start else span


def _merge_spans(spans: Iterable[TextSpan]) -> tuple[TextSpan, ...]:
    """One span per segment, from the first to the last character found in it."""
    by_segment: dict[int, TextSpan] = {}
    for span in spans:
        known = by_segment.get(span.segment)
        by_segment[span.segment] = (
            span if known is None else TextSpan(span.segment, min(known.start, span.start), max(known.end, span.end))
        )
    return tuple(by_segment.values())


# A value the other side reads back in the same figures is of the kind it was given as, whatever was named between:
# "My line is 0803 456 7712, and my BVN is ..." / "Okay, I've got 0803 456 7712." is the line, not the BVN's
# account; "his birthday's August 2nd, 2015." / "Got it, Mateo, August 2nd, 2015." is the birthday, not the policy's
# number.
_READ_BACK_TURNS = 2
_MIN_READ_BACK_FIGURES = 5
_MIN_CODE_FIGURES = 3


def _read_back_as_given(kept: Sequence[Entity], segments: Sequence[Segment], texts: dict[int, str]) -> list[Entity]:
    place = _time_order(segments)
    reads_back = _reading_back(segments)
    retyped = []
    for entity in kept:
        said = _figures(entity, texts)
        given = [
            other
            for other in kept
            if other.type is not entity.type
            and reads_back(entity.spans[0].segment, other.spans[-1].segment)
            and _figures(other, texts) == said
        ]
        kind = max(given, key=lambda other: place[other.spans[-1].segment]).type if given else None  # the nearest
        # a card's code read back after its expiry, or the other way round: "..., expiry 07/30, and 417."
        card_detail = len(said) >= _MIN_CODE_FIGURES and {entity.type, kind} == {
            EntityType.CARD_EXPIRY,
            EntityType.CARD_SECURITY_CODE,
        }
        if kind is not None and (len(said) >= _MIN_READ_BACK_FIGURES or card_detail):
            spans = entity.spans
            if kind is EntityType.DATE_OF_BIRTH:  # "August 2nd, 2015": the month said before the figures
                spans = tuple(with_day_and_month(span, texts[span.segment]) for span in spans)
            if kind is EntityType.ACCOUNT_NUMBER:  # "CLM 2024 883 017, okay.": an id's letters before its figures
                spans = tuple(with_letters_before(span, texts[span.segment]) for span in spans)
            entity = Entity(kind, spans)
        retyped.append(entity)
    return retyped


# ... and one written as one word that no rule read: "they gave me ticket INC 0 0 4 4 8 7 1." / "INC0044871, I see it.",
# "K612437(3)." with its check digit
_WRITTEN_WORD = re.compile(r"[\w/.-]*\d[\w/.-]*(?:\(\w\))?")


def _read_back_written_whole(
    kept: Sequence[Entity], segments: Sequence[Segment], texts: dict[int, str], taken: dict[int, list[TextSpan]]
) -> list[Entity]:
    reads_back = _reading_back(segments)
    found = []
    for entity in kept:
        said = _figures(entity, texts)
        # an id's letters and digits, its letters said in the radio alphabet: "Kilo Lima 4 4 7 Zulu" / "KL447Z"
        characters = (
            spelled_characters(" ".join(texts[s.segment][s.start : s.end] for s in entity.spans))
            if entity.type is EntityType.ACCOUNT_NUMBER
            else None
        )
        if len(said) < _MIN_READ_BACK_FIGURES and not (characters and len(characters) >= _MIN_READ_BACK_FIGURES):
            continue
        for segment in segments:
            if not reads_back(segment.index, entity.spans[-1].segment):
                continue
            for word in _WRITTEN_WORD.finditer(segment.text):
                span = TextSpan(segment.index, word.start(), word.start() + len(word.group().rstrip(".-/")))
                spans = taken.setdefault(segment.index, [])
                written = word.group()
                same = (len(said) >= _MIN_READ_BACK_FIGURES and re.sub(r"\D", "", written) == said) or (
                    characters is not None and re.sub(r"[^A-Z0-9]", "", written.upper()) == characters
                )
                if same and not any(span.start < other.end and other.start < span.end for other in spans):
                    found.append(Entity(entity.type, (span,)))
                    spans.append(span)
    return found


def _reading_back(segments: Sequence[Segment]) -> Callable[[int, int], bool]:
    """Whether a segment is the other speaker's within ``_READ_BACK_TURNS`` segments after another, in time order."""
    place = _time_order(segments)
    speakers = {segment.index: segment.speaker for segment in segments}

    def reads_back(later: int, given: int) -> bool:
        return 0 < place[later] - place[given] <= _READ_BACK_TURNS and speakers[later] != speakers[given]

    return reads_back


def _time_order(segments: Sequence[Segment]) -> dict[int, int]:
    ordered = in_time_order(segments)
    return {segment.index: position for position, segment in enumerate(ordered)}


def _figures(entity: Entity, texts: dict[int, str]) -> str:
    return "".join(re.findall(r"\d", " ".join(texts[s.segment][s.start : s.end] for s in entity.spans)))
