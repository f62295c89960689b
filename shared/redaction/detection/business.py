"""A business's own phone number, e-mail or address is no one's personal data: what tells it apart."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection.context import AGENT, CALLER, EMAIL_CONTEXT, answers, nearest_match, said_since_own_turn
from shared.redaction.detection.emails import ROLE_MAILBOXES
from shared.redaction.detection.spoken import Entity, Token

# Said before a phone number, e-mail or street address: whose it is. "Call us at ...", "our claims line is ...",
# "our office at ..." give the business's own; "your mobile", "my work one" a person's. A household's "our
# number", "our address" is a person's: only a business's kind of place or line counts.
_BUSINESS_PLACES = (
    r"clinic|hotel|lab|laboratory|pharmacy|hospital|practice|surgery|showroom|depot|warehouse|shop|restaurant|"
    r"venue|dealership|garage|gym|salon|library|school|station|terminal|centre|center|facility"
)
_BUSINESS_CUE = re.compile(
    r"\b(?:(?:call|ring|text|phone|email|e-mail|contact|reach|write to|message|whatsapp) us\b(?! back)"
    # told to come to the business: "Visit us at ...", "you can find us at ..." (not "my sister can visit us at")
    r"|(?:(?:^|[.!?]\s+)(?:please )?|\byou can |\byou'll |\byou will )(?:visit|find|come (?:and )?see) us\b"
    r"|our (?:\w+ ){0,2}(?:office|team|desk|helpline|hotline|department|store|branch|headquarters|website|"
    rf"{_BUSINESS_PLACES})"
    # where a business's place is: "the branch is at 200 Main Street", "the hotel's on Harbor Boulevard"
    # (not "the office is at ...": one's own place of work); "the store at ... is open until 9"
    # or the place named by whose it is: "The vet's surgery is at 3 Church Lane"
    rf"|the (?:\w+'s )?(?:{_BUSINESS_PLACES}|branch|store)(?: is|'s)? (?:at|on|located at)\b"
    # a business's place's own line: "call the pharmacy's main number, ..."
    rf"|the (?:{_BUSINESS_PLACES}|branch|store|office)'s (?:main |own |direct )?(?:number|line|phone number)"
    # or a place to ring on it: "For lost property ring the station office on 020 ..."
    rf"|\b(?:call|ring|phone|contact|try) the (?:\w+ )?(?:{_BUSINESS_PLACES}|branch|store|office)(?: directly)? "
    r"(?:on|at)\b"
    # its switchboard or reception: "or the switchboard on 0161 ...", "Ring reception on 020 ..."
    r"|\b(?:the |our )?(?:switchboard|reception|front desk)(?: is| number is)? (?:on|at)\b|\bthe switchboard is\b"
    # told how to call it from abroad: "If you're calling from outside Ireland the number is ..."
    r"|\bif you(?:'re| are) (?:calling|ringing|phoning|dialling|dialing) from (?:abroad|overseas|outside)\b"
    # its line from another country, given beside it: "..., and from abroad it's +1 302 555 0147" (not "I'm calling
    # from abroad")
    r"|(?<!calling )(?<!ringing )\bfrom (?:abroad|overseas|outside the (?:us|uk|country))(?: it's| it is| dial| call|,)"
    # a business telling where it is: "We're located at ...", "we are based at ..."
    r"|\bwe(?:'re| are) (?:located|based) (?:at|on)\b"
    # what the business published of its own: "Your website says call ...", "your letter gives ..."
    r"|\byour (?:website|web site|site|app|letter|leaflet|brochure|advert|ad|listing) (?:says|said|lists|listed|gives|"
    r"gave|has|had)\b"
    r"|our (?:billing|claims|support|sales|returns|service|customer service|help|reservations|bookings?|whatsapp|"
    r"customer|enquiries|enquiry|international|emergency|out of hours|after hours) (?:line|number|address|email|inbox)"
    # the address a business has things sent to: "Our postal address for returns is ..."
    r"|our (?:\w+ )?address for (?:returns|refunds|repairs|correspondence|complaints|payments|cheques|checks)\b)"
)
# A business's place named by its address: "the 14 High Street store", "your 200 Main Street branch".
_PLACE_AFTER = re.compile(rf"\s+(?:{_BUSINESS_PLACES}|branch|store|office|location|site)\b", re.IGNORECASE)
# Said right after an address, whose it is: "..., that's our returns depot."
_OURS_AFTER = re.compile(
    rf"[,.]?\s+(?:that's|that is|it's|which is)\s+our\s+(?:\w+\s+){{0,2}}(?:office|store|branch|headquarters|"
    rf"{_BUSINESS_PLACES})\b",
    re.IGNORECASE,
)
# ... and after a phone number, its line: "..., that's our customer line.", "..., that's our international desk."
_OUR_LINE_AFTER = re.compile(
    r"[,.]?\s+(?:that's|that is|it's|which is)\s+our\s+(?:[\w-]+\s+){0,2}(?:line|number|desk|helpline|hotline|"
    r"switchboard)\b",
    re.IGNORECASE,
)
# ... or its opening hours told in the same sentence: "We're at 9 Harbour Street, next to the post office, and we're
# open till 6 tonight."
_OPEN_AFTER = re.compile(r"[^.!?]*\bwe(?:'re| are) open\b", re.IGNORECASE)
# The agent telling where "we" are gives the business's place, which a caller saying it gives as their home: "We're
# at 200 Harbour Street, Unit 4, right next to the bus station."
_WHERE_WE_ARE = re.compile(r"\bwe(?:'re| are) (?:at|on)\s+(?:\d+[a-z]?,?\s+)?$")
_PERSONAL_CUE = re.compile(r"\b(?:your|my|his|her|their)\b")
_CUE_CHARACTERS = 80
# Said before an address that signs in to an account ("I've got the login as hello@..."): the account holder's,
# whatever its mailbox is called.
_SIGNS_IN_WITH = re.compile(
    r"\b(login|log-in|username|user name|sign-in)( (on|for) (the|your|my|this) account)?( is| as|:)?,?\s*$"
)


def business_contact(
    entity: Entity, texts: dict[int, str], own_mailbox: bool = False, *, agent_said: bool = False
) -> bool:
    """A phone number, e-mail or street address given as a business's own, or a role mailbox ("claims at ..."),
    unless said as someone's ("your", "my") or given as the caller's own (``own_mailbox``); an address the agent
    (``agent_said``) gives as where "we" are."""
    if entity.type not in (EntityType.PHONE_NUMBER, EntityType.EMAIL, EntityType.ADDRESS):
        return False
    span = entity.spans[0]
    text = texts[span.segment]
    before = text[max(0, span.start - _CUE_CHARACTERS) : span.start].lower()
    if entity.type is EntityType.ADDRESS and agent_said and _WHERE_WE_ARE.search(before):
        return True
    business = nearest_match(_BUSINESS_CUE, before)
    personal = nearest_match(_PERSONAL_CUE, before)
    if business is not None and (personal is None or business < personal):
        return True
    after = any(pattern.match(text, span.end) for pattern in (_PLACE_AFTER, _OURS_AFTER, _OPEN_AFTER))
    if entity.type is EntityType.ADDRESS and len(entity.spans) == 1 and after:
        return True
    if entity.type is EntityType.PHONE_NUMBER and _OUR_LINE_AFTER.match(text, entity.spans[-1].end):
        return True
    # the whole local part, as said: "info hyphen oconnor at ..." is a person's, "info at ..." a role's
    local_part = re.match(r"(.+?)(?:\s*@|\s+at\s)", text[span.start : span.end].lower())
    return (
        entity.type is EntityType.EMAIL
        and personal is None
        and local_part is not None
        and local_part.group(1).strip() in ROLE_MAILBOXES
        and _SIGNS_IN_WITH.search(before) is None
        and not own_mailbox
    )


# Said right before an e-mail address given to be reached at: "You can use billing at ...", "send it to ..."
_OFFERED = re.compile(
    r"\b(?:use|send (?:it|them|that|the \w+) to|(?:reach|contact|email) (?:me|us) (?:at|on))\s+[\w.-]+\s*(?:@|\bat\b)",
    re.IGNORECASE,
)


def agent_segments(segments: Sequence[Segment]) -> set[int]:
    """The segments the agent said, where the transcript names roles."""
    return {segment.index for segment in segments if segment.speaker == AGENT}


def own_mailboxes(segments: Sequence[Segment], tokens: Sequence[Token]) -> set[int]:
    """The caller's segments that answer a question for an e-mail address ("Email please?") or offer one to be
    reached at ("You can use ..."): a role mailbox given there is their own business's ("info at kapa-design dot co
    dot nz"), not the one called."""
    return {
        segment.index
        for segment, asked, _ in answers(segments, tokens)
        if segment.speaker == CALLER and (EMAIL_CONTEXT.search(asked) or _OFFERED.search(segment.text))
    }


# Asked for the business's own place or line ("What's your head office address?", "where's your nearest branch?"):
# the other side's answer gives the business's, not a person's.
_BUSINESS_ASKED = re.compile(
    # not "your office number": a person's own line at work is theirs
    r"\b(?:your|the) (?:\w+ )?(?:head office|headquarters|branch|store|shop|showroom|depot|warehouse|"
    r"company|business)('s)? (?:address|number|phone number|email)\b"
    # "what's the fax for the lab?"
    # "the address for the Sandton store?": a place may be named by where it is
    rf"|\b(?:number|fax|phone|line|address|email) (?:for|of) (?:the|your) (?:\w+ )?"
    rf"(?:{_BUSINESS_PLACES}|branch|office|store)\b"
    # asked whether the business has one: "Is there a postal address?" (not "is there a number for you?", "... I
    # can call you back on?": the caller's)
    r"|\bis there (?:a|an) (?:postal |mailing |head office |office )?(?:address|number|phone number|helpline|email)\b"
    r"(?![^?]*\byou)"
    r"|\bwhere (?:is|are) your (?:\w+ )?(?:head office|branch|store|shop|headquarters) (?:based|located)\b"
)
# "Where are you based?" asks the business where it is, unless the one answering is the caller, asked by the agent.
_WHERE_YOU_ARE_ASKED = re.compile(r"\bwhere are you(?: guys)? (?:based|located)\b")


def business_asked_for(entity: Entity, tokens: Sequence[Token]) -> bool:
    """A phone number, e-mail or address that answers a question for the business's own."""
    if entity.type not in (EntityType.PHONE_NUMBER, EntityType.EMAIL, EntityType.ADDRESS):
        return False
    span = entity.spans[0]
    first = next((t for t in tokens if t.segment == span.segment), None)
    if first is None:
        return False
    asked = said_since_own_turn(tokens, first)
    return _BUSINESS_ASKED.search(asked) is not None or (
        first.speaker != CALLER and _WHERE_YOU_ARE_ASKED.search(asked) is not None
    )


_MIN_SAID_AGAIN = 8  # letters and digits: "200 Victoria Street", not a "12" said again


def said_again(entity: Entity, business: Sequence[Entity], texts: dict[int, str]) -> bool:
    """A phone number, e-mail or address repeated after the business's own was given ("Please send it to our
    head office, 200 Victoria Street, Toronto." / "200 Victoria Street, okay."): the business's too, though the
    caller's words after it were taken with it."""
    said = _compact(entity, texts)
    return any(
        other.type is entity.type
        and other.spans[0].segment < entity.spans[0].segment
        and _said_from_start(said, _compact(other, texts))
        for other in business
    )


def _said_from_start(said: str, given: str) -> bool:
    """Whether ``said`` is the start of ``given`` said again: from its start, in most of its characters ("14 Canal
    Street, got it" of "14 Canal Street, Manchester")."""
    common = next((index for index, (a, b) in enumerate(zip(said, given, strict=False)) if a != b), len(said))
    common = min(common, len(given))
    return common >= _MIN_SAID_AGAIN and 2 * common > len(said)


def _compact(entity: Entity, texts: dict[int, str]) -> str:
    """The letters and digits of what ``entity`` covers, in lower case."""
    said = " ".join(texts[span.segment][span.start : span.end] for span in entity.spans)
    return re.sub(r"[\W_]", "", said.lower())
