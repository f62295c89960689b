"""E-mail addresses as said ("john dot smith at gmail dot com"), heard as one word, or given over two turns."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Sequence, Set

from phonenumbers import SUPPORTED_REGIONS

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection.context import CONTEXT_WINDOW, EMAIL_CONTEXT, answers, window_before
from shared.redaction.detection.gazetteers import an_english_word, english_words
from shared.redaction.detection.spoken import (
    ELLIPSES,
    MISHEARD_LETTERS,
    NUMBER_WORD,
    PUNCTUATION,
    RADIO_LETTER,
    SPELLED_LETTERS,
    TextSpan,
    Token,
    in_time_order,
    segment_starts,
)

_TLDS = r"(?:com|net|org|edu|gov|io|co|us|uk|ca|info|biz|me|de|fr|ai|app|dev)"
# Countries' endings ("seznam dot cz", "orange dot sn"): every region phonenumbers knows, and the EU. Some are words
# ("it", "in", "at", "no"), so only after "dot" or a written dot, never after "point" or "period" ("at the point in
# time"). Left out are the words and fillers said after "dot" as well ("is", "my", "by", "to", "id", "er", "mm").
_SAID_AFTER_DOT = frozenset(
    ["ad", "am", "as", "by", "do", "eh", "er", "id", "is", "me", "mm", "my", "re", "sh", "so", "st", "ta", "to", "us"]
)
_COUNTRY_TLDS = (
    "(?:" + "|".join(sorted({region.lower() for region in SUPPORTED_REGIONS} - _SAID_AFTER_DOT | {"eu"})) + ")"
)
# A country's ending said as its two letters, after "dot" ("mail dot r u", "live dot com dot m x"), also one whose
# letters make a word, said apart they are no word: "dot m y", "dot i s". Not those read as times ("dot a m").
_SPELLED_COUNTRIES = sorted({region.lower() for region in SUPPORTED_REGIONS} - {"am", "pm"} | {"uk", "eu"})
_SPELLED_COUNTRY_TLD = (
    r"(?<![\w'])(?:" + "|".join(rf"{code[0]}\s+{code[1]}" for code in _SPELLED_COUNTRIES) + r")(?![\w'])"
)

# "dot" and "hyphen" in the caller's own language: "j punkt mueller minus bau at web punkt de", "jl punto ramirez at
# gmail punto com".
_DOT_ABROAD = "punkt|punto|ponto|kropka"
_HYPHEN_ABROAD = "minus|guion|tiret|bindestrich|trattino"
# Every word said for a mark between an address's parts, which is none of its letters.
SEPARATOR_WORDS = frozenset(
    [
        "dot",
        "period",
        "point",
        "underscore",
        "dash",
        "hyphen",
        "plus",
        *_DOT_ABROAD.split("|"),
        *_HYPHEN_ABROAD.split("|"),
    ]
)
_SEPARATOR_WORD = "|".join(sorted(SEPARATOR_WORDS, key=len, reverse=True))

# A local part: a word, spelled letters, or a first and last name said for "first.last" ("Daniel Wright at ...").
# Spelled letters may have digits said among them or before a word after them: "J T nine nine K", "P J nine two
# harper".
# A digit said as a word: "one six three dot com", "echo, three, three, at ..."
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_UNIT = (
    r"(?:(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)|[a-z0-9]+(?:[._+-][a-z0-9]+)*"
    # letters and digits said one at a time, each followed by a comma: "d, a, v, e, 9, 0, at ..."
    r"|(?<![\w'])[a-z0-9](?:,\s*[a-z0-9]\b){2,30}"
    rf"|(?<![\w'])[a-z](?:\s+(?:{NUMBER_WORD}\s+)*[a-z]\b){{1,20}}(?:(?:\s+{NUMBER_WORD})+\s+[a-z]{{2,}})?"
    # letters with a word for one or each: "d for delta, a for apple", "J as in juliet, O, S, H", "D, as in David"
    r"|(?<![\w'])[a-z],?\s+(?:for|as in)\s+[a-z]+(?:,?\s+[a-z](?:,?\s+(?:for|as in)\s+[a-z]+)?\b){0,30}"
    # and a word run on after the letter's: "b as in bravo smith at ..."
    rf"(?:\s+(?!(?:at|dot|underscore|dash|hyphen|then|period|point|{_DOT_ABROAD}|{_HYPHEN_ABROAD})\b)[a-z]{{2,}}(?=\s+at\b))?"
    # a name with an apostrophe after its first letter: "o'brien", "d'souza" (not "it's")
    r"|(?<![\w'])[a-z]'[a-z]{2,}"
    # letters in the radio alphabet, also each followed by a comma: "Lima, Oscar, Kilo, at ..."
    # ... and digits said one at a time with them: "echo, mike, mike, alpha, three, three, at ..."
    rf"|(?<![\w']){RADIO_LETTER}(?:,?\s+(?:{RADIO_LETTER}|{_DIGIT_WORD}\b)){{1,30}})"
)
# Said between the parts of a local part: "dot" (also between commas: "F-I-O-N-A, dot, M-C"), digits run on without
# one ("okafor seventy seven" for "okafor77"), a word after a spelled capital ("S K eight E R dan"), or "that's"
# before the same part spelled again ("lars dot ek, that's L-A-R-S dot E-K"; not "my email, that's kim at ...").
_LOCAL_SEPARATOR = (
    # "plus": a mailbox's tag, "ellie plus orders at ..."
    rf"(?:\s*[._+-]\s*|,?\s+(?:{_SEPARATOR_WORD}),?\s+"
    # "then" before letters or digits spelled: "K for kilo, then C-H-E-N", "S O F I A, then 1 9 9 0, at ..."
    r"|,?\s+then,?\s+(?=[a-z](?:\b|-)|\d)"
    # or a word after an initial: "the first initial, L, then walsh, then 88, at ..."
    r"|(?<=(?<![\w'])[a-z]),\s+then,?\s+(?=[a-z]{2})"
    # a part told to be written whole, then the next: "bigdave all one word, then 1974", "annmarie, all one word,
    # then a hyphen, then devlin"
    r"|,?\s+all one word,\s+then,?\s+(?:a\s+(?:hyphen|dash|dot|underscore|full stop),?\s+then,?\s+)?"
    # digits run on, also after letters spelled and a comma: "T-O-M, 1974 at ..."
    rf"|\s+(?=(?:{NUMBER_WORD}|\d+)\b)|(?<=\b[A-Za-z]-[A-Za-z]),\s+(?=(?:{NUMBER_WORD}|\d+)\b)"
    # or after a pause, the last part before the "at": "thandeka underscore m, 88 at gmail dot com", "j underscore
    # tan, 88, at hotmail dot com"
    rf"|,\s+(?=(?:\d+|{NUMBER_WORD}(?:\s+{NUMBER_WORD}){{0,5}}),?\s+at\b)"
    r"|(?<=(?<![\w'])(?-i:[A-Z]))\s+(?=[a-z]{2})"
    r"|,?\s+(?:that's|that is|spelled|spelt)\s+(?=[a-z][\s-][a-z]\b)"
    # or with a comma alone before the part spelled with hyphens: "t dot wisniewski, W-I-S-N-I-E-W-S-K-I, at ..."
    # ... and digits after it: "k dot osei, O-S-E-I, 12 at ..."
    rf"|,\s+(?=(?-i:[A-Z])(?:-(?-i:[A-Z])){{2,}},?\s+(?:(?:\d+|{NUMBER_WORD})\s+)?(?:at|@)))"
)
# "dot" may be said apart, between commas: "at fastmail, dot, com"
_DOT = rf"(?:\s*\.\s*|,?\s+(?:dot|period|point|{_DOT_ABROAD}),?\s+)"
# Newer endings, many of them words ("dot health", "dot online"): only after "dot" or a written dot, as a country's.
_WORD_TLDS = (
    r"(?:health|online|shop|store|tech|site|xyz|email|live|life|cloud|club|agency|studio|design|digital|media|law|"
    r"travel|name|pro|mobi|ltd|care|clinic|dental|coach|solutions|services|"
    # a city's or a region's own: "hello at greenleafbakery dot london"
    r"london|nyc|paris|berlin|tokyo|amsterdam|wales|scot|bayern|vegas|miami|melbourne|sydney|quebec)"
)
# An ending spelled out: "dot F-M", "dot C-O-M".
_SPELLED_TLD = r"(?-i:[A-Za-z])-[a-z](?:-[a-z])?\b"
# A written dot with a space after it ends a sentence before a country's ending: "she does all that. It's ..."
# Countries' endings that are words too ("dot to" for Tonga, "dot my" for Malaysia): only where the sentence ends with
# them, never before more words ("at home dot is that what you mean"), nor after a dot that is a thing pointed at
# ("join the numbers at the dot to.").
_WORD_COUNTRY_TLDS = (
    r"(?<!\bthe dot )(?<!\ba dot )(?<!\bthat dot )(?<!\bthis dot )(?<!\beach dot )"
    r"(?:to|my|id|is|by)(?=\s*(?:[.!?]|$))"
)
_DOMAIN_ENDING = (
    rf"(?:{_DOT}(?:{_TLDS}|{_SPELLED_TLD})"
    rf"|(?:\s*\.(?!\s)|,?\s+(?:dot|{_DOT_ABROAD}),?\s+)(?:{_COUNTRY_TLDS}|{_WORD_TLDS}|{_WORD_COUNTRY_TLDS})"
    rf"|,?\s+dot,?\s+{_SPELLED_COUNTRY_TLD})"
)
# A letter or two said before the rest of a label: "g mail", "e -mail" (read "e  mail"), "b t internet".
# A domain of digits said one by one: "one six three dot com".
# A hyphen in a label may be said: "north dash ridge".
# A provider's name is said apart from the "mail" it ends with: "proton mail dot com", "rediff mail", "fast mail".
# Not after a word that only points at some mail: "looked at the mail dot com site", "at your e mail".
_MAIL_SAID_APART = (
    r"(?:(?<!\bthe)(?<!\bmy)(?<!\byour)(?<!\bour)(?<!\bhis)(?<!\bher)(?<!\btheir)(?<!\bthis)(?<!\bthat)"
    rf"(?<!\be)(?<!\bvoice)(?<!\bjunk)(?<!\bspam)\s+mail(?=\s+(?:dot|period|point|{_DOT_ABROAD})\b|\s*\.))?"
)
_DOMAIN_LABEL = (
    rf"(?:(?:[a-z]\s+){{0,2}}[a-z0-9]+{_MAIL_SAID_APART}(?:(?:-|\s+(?:dash|hyphen|{_HYPHEN_ABROAD})\s+)[a-z0-9]+){{0,4}}"
    rf"|{_DIGIT_WORD}(?:\s+{_DIGIT_WORD}){{1,5}})"
)
# "at" said in the caller's own language: French "arobase", Spanish and Portuguese "arroba", Italian "chiocciola";
# and as Indian English reads "@": "at the rate of", "at the rate"; or the sign named: "at sign", "at symbol".
_AT_SAID = r"(?:at the rate(?: of)?|at (?:sign|symbol)|at|arobase|arroba|chiocciola)"
# Countries whose addresses end "co dot uk", "com dot au".
# and more of them, of the Gulf, Asia, the Americas and the Pacific ("net dot ae", "com dot vn", "co dot fj"), and
# those that are words too where the sentence ends with them ("com dot my.")
_SECOND_LEVEL_COUNTRIES = (
    r"(?:uk|au|nz|za|in|jp|br|gh|ng|ke|ug|tz|zw|ph|sg|pk|bd|lk|hk|tw|mx|ar|tr|eg|il|"
    rf"ae|sa|qa|om|kw|bh|jo|lb|cn|kr|vn|th|np|pe|co|ve|ec|uy|cy|mt|jm|fj|pg|ws|na|bw|zm|rw|et|ma|{_WORD_COUNTRY_TLDS})"
)
# "co dot uk" or "com dot m x": the country's ending after the second level's, also spelled with hyphens: "com dot
# S-G"
_SECOND_LEVEL_ENDING = rf"(?:{_DOT}(?:{_SECOND_LEVEL_COUNTRIES}|{_SPELLED_TLD})|,?\s+dot,?\s+{_SPELLED_COUNTRY_TLD})?"
# How the mailbox is written, said right after it: "bigdave all one word", "seanmurphy, no dots, at ..."
_HOW_WRITTEN = r"(?:all one word|no dots|no spaces|no gaps|all lower ?case|all small letters)"
EMAIL = re.compile(
    # Bounded repeats: a long run of "dot"s must not cost quadratic time.
    # "at" said between commas after letters spelled so: "M, B, O, N, G, I, at, icloud.com"
    # a filler may come before the "at": "rosario underscore q, uh, at yahoo dot com dot ph"
    rf"(?<![\w'])(?:{_UNIT})(?:{_LOCAL_SEPARATOR}{_UNIT}){{0,6}}(?:,?\s+{_HOW_WRITTEN})?"
    rf"(?:\s*@\s*|,?\s+(?:(?:uh|um|er|erm),?\s+)?{_AT_SAID},?\s+)"
    rf"{_DOMAIN_LABEL}(?:{_DOT}{_DOMAIN_LABEL}){{0,3}}?{_DOMAIN_ENDING}{_SECOND_LEVEL_ENDING}\b"
    # not where the domain goes on: "at st dot ug dot edu dot gh" does not end at "ug"
    r"(?!,?\s+dot\s+\w)",
    re.IGNORECASE,
)
# An address at a webmail provider with its ending left off ("the email's on file as mwangi dot j 2 at gmail, I think
# ..."): one only where "email" names it earlier in the segment (see ``emails_at_provider``).
# Providers whose names are nothing but mail, and those that name something else too ("outlook", a program)
_MAIL_ONLY_PROVIDERS = r"(?:gmail|googlemail|yahoo|hotmail|icloud|aol|protonmail|gmx)"
_WEBMAIL_PROVIDERS = rf"(?:{_MAIL_ONLY_PROVIDERS}|outlook|zoho|yandex)"
_WEBMAIL_PROVIDER = re.compile(_WEBMAIL_PROVIDERS, re.IGNORECASE)
_EMAIL_AT_PROVIDER = re.compile(
    rf"(?<![\w'])(?:{_UNIT})(?:{_LOCAL_SEPARATOR}{_UNIT}){{0,6}}(?:,?\s+all one word)?,?\s+at\s+"
    rf"{_WEBMAIL_PROVIDERS}\b(?!\s*(?:\.\w|@|(?i:dot)\b))",
    re.IGNORECASE,
)
# A mailbox said as one, with a separator word, digits or a spelling: no sentence is
_SAID_AS_MAILBOX = re.compile(rf"\b(?:{_SEPARATOR_WORD})\b|\d|(?<![\w'])[A-Z](?:-[A-Z]){{2,}}", re.IGNORECASE)


_SEPARATOR_SAID = re.compile(rf"\b(?:{_SEPARATOR_WORD})\b", re.IGNORECASE)
_MAIL_ONLY_PROVIDER = re.compile(rf"\bat\s+{_MAIL_ONLY_PROVIDERS}$", re.IGNORECASE)


def emails_at_provider(text: str) -> Iterable[tuple[int, int]]:
    """Where an address at a webmail provider said without its ending is, after "email" names one in ``text``:
    "My email is, um, so cheel dot ramirez, X-O-C-H-I-T-L, at gmail."; its mailbox said with a separator or digits,
    as no sentence is ("My email is fine, I left it at yahoo."). Unnamed, where its mailbox has both and the provider
    is one of mail alone."""
    for match in _EMAIL_AT_PROVIDER.finditer(text):
        if not _SAID_AS_MAILBOX.search(match.group()):
            continue
        # unnamed, a mailbox with both a separator word and digits, or two separator words, at a provider that is
        # nothing but mail: "It's d dot oyelaran2 at gmail, not the old one", "It's priya dot n dot raghavan at gmail."
        # (not "Save the file as report dot 2 at outlook.")
        separators = len(_SEPARATOR_SAID.findall(match.group()))
        said_so = (
            separators
            and (re.search(r"\d", match.group()) or separators >= 2)
            and _MAIL_ONLY_PROVIDER.search(match.group())
        )
        if said_so or _EMAIL_NAMED_LAST.search(text, 0, match.start()):
            yield email_start(text, match), match.end()


# Written with its "@", an address is one whatever its ending: "r.osei@kumasi-mail.com.gh", "li@post.museum".
# (a filler may come after the "@", as said: "d.oyelaran@, um, unilag.edu.ng")
WRITTEN_EMAIL = re.compile(
    r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@(?:,?\s+(?:um|uh|er|erm),?\s+)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE
)

# "john dot smith at gmail dot com" heard as one word: "on.smithatemail.com"
# or the "at" lost in it ("bracercaferadoutlook .com"): after "email", a domain said is the address.
# Or with its "at" and "dot" heard inside the word too: "s.trembleatviltrondotca" for "s dot tremblay at videotron
# dot ca".
_RUN_TOGETHER_EMAIL = re.compile(
    # a domain's name heard as an ending before the real one: "Shimon .nibbriina .com .net" ("... at eircom dot net")
    rf"[a-z0-9._-]+\.(?:{_TLDS}|{_COUNTRY_TLDS})(?:\.(?:[a-z]{{2}}|{_TLDS}))?"
    rf"|[a-z0-9._-]{{2,}}[a-z0-9]at[a-z0-9-]{{3,}}dot(?:{_TLDS}|{_COUNTRY_TLDS})"
)


_EMAIL_JOINERS = ".@"
_MAX_EMAIL_TOKENS = 6


def run_together_emails(tokens: Sequence[Token]) -> Iterable[tuple[EntityType, list[Token]]]:
    """After "email": an address heard as one word, or as words joined by dots ("Priya .Kanatiyahu .com")."""
    for first in range(len(tokens)):
        joined = tokens[first].text
        longest = None  # ".com .net": the address ends at its last ending
        for last in range(first, min(len(tokens), first + _MAX_EMAIL_TOKENS)):
            if last > first:
                previous, token = tokens[last - 1], tokens[last]
                # a full stop before a capital ends a sentence: "with my daughter. It should be fine."
                sentence_ends = previous.text.endswith(".") and token.text[0].isupper()
                # "info at... no, my personal one": a word broken off, not a dot of the address
                broken_off = previous.text.rstrip(",").endswith(ELLIPSES)
                if (
                    token.segment != previous.segment
                    or broken_off
                    or not (
                        token.text[0] in _EMAIL_JOINERS
                        # a comma Whisper wrote on its own ("two , five") is no joiner, and ends nothing
                        or (previous.text.rstrip(",").endswith(tuple(_EMAIL_JOINERS)) and not sentence_ends)
                        or token.hyphen_led  # a group Whisper started, here of the address: "John .smithat -gmail .com"
                    )
                ):
                    break
                joined += token.text
            if _RUN_TOGETHER_EMAIL.fullmatch(joined.strip(PUNCTUATION).lower()):
                longest = last
        if longest is None:
            continue
        heard = "".join(token.text for token in tokens[first : longest + 1]).lower()
        if _MAIL_SAID.search(window_before(tokens, tokens[first].position)) or _WEBMAIL_HEARD.match(heard):
            yield EntityType.EMAIL, list(tokens[first : longest + 1])


# "email" as Whisper may hear it before an address run together, "mail" ("And what you like it by mail as well?" /
# "Yes please mage .oci6 to earnoutlook .com."): the address's shape is the stronger sign.
_MAIL_SAID = re.compile(rf"{EMAIL_CONTEXT.pattern}|\bmail\b")


# A mailbox's name and a webmail provider's domain, the "at" lost between: "o .hritsenco .gmail .com" is an address
# unasked; not a provider's own site ("news .yahoo .com").
_WEBMAIL_HEARD = re.compile(
    r"(?!(?:www|news|mail|finance|sports|login|support|help|accounts|maps|drive|docs)\.)"
    rf"[a-z0-9._-]*[a-z0-9]\.{_WEBMAIL_PROVIDERS}\."
)


# Words said before an address that are not part of it.
_NOT_LOCAL_PARTS = {
    "it's", "its", "it", "is", "was", "my", "me", "to", "at", "the", "a", "an", "sure", "yes", "yeah", "um", "uh",
    "email", "e-mail", "mail", "address", "and", "so", "ok", "okay", "that's", "send", "use", "try", "or", "new",
    "old", "work", "personal", "one", "under", "on", "with", "from", "write", "just", "please", "thats", "oh", "as",
    "inbox", "mailbox",
    # and in the caller's own language: "mi correo es jl punto ...", "die ist j punkt ...", "c'est ..."
    "es", "ist", "est", "c'est", "é", "è", "die", "das", "mi", "mon", "mein", "meine", "correo", "courriel",
    "adresse", "lautet", "mijn", "het", "sono",
}  # fmt: skip


# A word said, then spelled right before an address's spelled start: "rowan, r o w a n, at ..."
_SAID_BEFORE_SPELLING = re.compile(r"(?<![\w'])([a-z]+),\s+$", re.IGNORECASE)


# A separator named as a thing before an address, not said in it: "The one with the hyphen, mary-kate.dunne@eircom.net",
# "The one with the dash, mary hyphen kate at ..."
_SEPARATOR_NAMED = rf"\b(?:the|a)\s+(?:{_SEPARATOR_WORD}),\s+"
_SEPARATOR_NAMED_FIRST = re.compile(_SEPARATOR_NAMED, re.IGNORECASE)
_SEPARATOR_NAMED_BEFORE = re.compile(_SEPARATOR_NAMED + "$", re.IGNORECASE)


def email_start(text: str, match: re.Match[str]) -> int:
    """Where an address starts: a first name said before a one-word local part is part of it ("maria lopez at"),
    and so is the word said before the address spells it ("rowan, r o w a n, at"); a separator named as a thing is
    not ("the hyphen, mary-kate...")."""
    if separator := _SEPARATOR_NAMED_FIRST.match(match.group()):
        return match.start() + separator.end()
    spelled = SPELLED_LETTERS.match(match.group())
    said = _SAID_BEFORE_SPELLING.search(text[: match.start()])
    if spelled and said and re.sub(r"[^a-z]", "", spelled.group().lower()) == said.group(1).lower():
        return said.start(1)
    local = match.group().split()[0].rstrip(",")  # "fontaine, all one word, at ..."
    if re.fullmatch(r"[A-Z]", local):
        # an initial after a first name, both as a name is written: "Sipho M at webmail dot co dot za"
        before = re.search(r"(?<![\w'])([A-Z][a-z]+)\s+$", text[: match.start()])
        named = before is not None and before.group(1).lower() not in _NOT_LOCAL_PARTS
        return before.start(1) if before is not None and named else match.start()
    if not re.fullmatch(r"[a-z]+", local):
        return match.start()
    before = re.search(r"(?<![\w'])([a-z]+)\s+$", text[: match.start()])
    if before is None or before.group(1) in _NOT_LOCAL_PARTS:
        return match.start()
    return before.start(1)


_MAX_WORDS_SINCE_NAMED = 6  # "Tomasz, T-O-M-A-S-Z, dot Wójcik, W-O-J-C-I-K, at ...": a name, its spelling and a dot


def start_since_named(text: str, start: int) -> int:
    """Where an address found at ``start`` begins when "email" names it earlier in its sentence: at the first of the
    few words said since (after "it's" and the like), where none of them is a word of the sentence ("email is Farah
    H for hotel Siddiqui at ...", "The email, it's K dash Mensah, M-E-N-S-A-H, dash 1990 at ...")."""
    sentence_start = max((mark.end() for mark in _SENTENCE_END.finditer(text, 0, start)), default=0)
    words = _words_since_named(text, sentence_start, start)
    said = [_plain(word) for word in words]
    if not said or len(said) > _MAX_WORDS_SINCE_NAMED or any(word in _NOT_LOCAL_PARTS for word in said):
        return start
    return words[0].start()


# Its letters said apart with spaces, hyphens or commas ("That's L, B, E, R, G"), after a comma or a full stop.
SPELLED_AFTER_EMAIL = re.compile(
    r"[,.]?\s+(?i:so\s+)?(?i:that's|that is|spelled|spelt|surname|last name)[:,]?\s+"
    # digits too, after a separator: "that's A-N-H dot T-R-A-N dot 1988"
    r"(?P<name>[A-Z](?:[\s.,-]+[A-Z]\b|,?\s+(?i:dot|underscore|dash|hyphen|period),?\s+(?:[A-Z]|\d+)\b){1,30})"
)
# ... or joined by hyphens with nothing before them: "t dot kowalczyk at wp dot pl, K-O-W-A-L-C-Z-Y-K."
SPELLED_RIGHT_AFTER_EMAIL = re.compile(r"[,.]\s+(?P<name>[A-Z](?:-[A-Z]){2,})(?![\w-])")
_SPELLED_SEPARATOR = re.compile(rf"\b(?i:{_SEPARATOR_WORD})\b")
# Said as a name's part, not as the address's: "..., surname S-H-E-V-C-H-E-N-K-O"
_NAME_PART_SPELLED = re.compile(r"\b(?i:surname|last name)\b")


def spelled_after_email(text: str, email: re.Match[str], spelled: re.Match[str]) -> EntityType:
    """What letters spelled after an e-mail address are: the address's own, spelling a word of its mailbox ("...,
    that's I-Y-E-R"), its part with its separators ("..., that's T O M dot W") or all its letters; or a name where
    they are said to be one ("..., surname S-H-E-V-C-H-E-N-K-O")."""
    letters = re.sub(r"[^a-z]", "", _SPELLED_SEPARATOR.sub("", spelled.group("name")).lower())
    local_part = re.split(r"@|\s+at\s+", email.group(), maxsplit=1)[0]
    local_letters = re.sub(r"[^a-z]", "", _SPELLED_SEPARATOR.sub("", local_part).lower())
    if _SPELLED_SEPARATOR.search(spelled.group("name")) or (len(letters) > 1 and letters == local_letters):
        return EntityType.EMAIL
    named = _NAME_PART_SPELLED.search(text, spelled.start(), spelled.start("name"))
    if not named and letters in local_letters:
        return EntityType.EMAIL
    return EntityType.PERSON_NAME


# "the status page at fibreway dot com slash status", "visit us at contoso dot com": a web address, not a mailbox.
_WEB_LOCAL_PARTS = {"page", "site", "website", "online", "portal", "web", "us", "visit", "app", "pages"}
_WEB_PATH = re.compile(r"\s*(?:/|(?i:slash)\b)")


def is_web_address(text: str, match: re.Match[str]) -> bool:
    local = match.group().split()[0].lower()
    return local in _WEB_LOCAL_PARTS or _WEB_PATH.match(text, match.end()) is not None


# Asked for an e-mail address, the answer up to its domain's ending is the address, however it was heard:
# "Now you underscore for now to look dot com" for "Nadia underscore fern at outlook dot com".
_EMAIL_ENDING = re.compile(rf"{_DOMAIN_ENDING}{_SECOND_LEVEL_ENDING}\b", re.IGNORECASE)
_MAX_ANSWERED_EMAIL_WORDS = 12
_AT_PROVIDER_ENDING = re.compile(rf",?\s+at\s+(?P<provider>{_WEBMAIL_PROVIDERS})\s*[.!]?\s*$", re.IGNORECASE)


def answered_emails(segments: Sequence[Segment], tokens: Sequence[Token]) -> Iterable[TextSpan]:
    """An answer to "what's your email?" from its first word that is not a lead-in ("sure, it's") to ".com"; or,
    where the answer's domain was given after a backchannel ("It's sanna dot virtanen," / "Okay." / "at elisa dot
    fi."), the part before it and the domain."""
    texts = {segment.index: segment.text for segment in segments}
    first_tokens = segment_starts(tokens)
    for segment, asked, gone_on_from in answers(segments, tokens, going_on=True):
        ending = _EMAIL_ENDING.search(segment.text)
        at_provider = _AT_PROVIDER_ENDING.search(segment.text)
        if ending is None and at_provider and gone_on_from is None and EMAIL_CONTEXT.search(asked):
            # its ending left off at a webmail provider, the answer ending there: "jp underscore silva, that's
            # S-I-L-V-A, at hotmail."
            # said as a mailbox is: a separator word, letters spelled apart, or a last word that is neither an English
            # word nor a number alone ("folake at gmail"); not "I don't have one at gmail.", "I have 2 at gmail."
            mailbox_said = segment.text[: at_provider.start()]
            last = mailbox_said.split()[-1].strip(PUNCTUATION).lower() if mailbox_said.split() else ""
            mailbox = (
                _SEPARATOR_SAID.search(mailbox_said)
                or _SPELLED_APART.search(mailbox_said)
                or (last and not last.isdigit() and last not in english_words())
            )
            start = _after_lead_in(segment.text, at_provider.start())
            if start is not None:  # "The kids' one, it's thedoylekids at gmail."
                start = _past_clause(segment.text, start, at_provider.start())
            if start is not None and mailbox:
                yield TextSpan(segment.index, start, at_provider.end("provider"))
        if ending is None or WRITTEN_EMAIL.search(segment.text):
            continue  # written with its "@", the address is read as written: "mark@plumbing.co.uk"
        domain_first = _DOMAIN_FIRST.match(segment.text)
        if gone_on_from is not None and domain_first:
            local_part = texts[gone_on_from]
            start = _after_lead_in(local_part, len(local_part))
            # the "at" is said with one part or the other: "marta dot kowal at," / "wp dot pl."
            at_said = domain_first.group("at") or _AT_LAST.search(local_part)
            if (
                start is not None
                and at_said
                and (EMAIL_CONTEXT.search(asked) or EMAIL_CONTEXT.search(local_part.lower()))
            ):
                yield TextSpan(gone_on_from, start, len(local_part))
                yield TextSpan(segment.index, domain_first.start("domain"), domain_first.end())
            elif (handle := _HANDLE_LAST.search(local_part) or _LOCAL_PART_NAMED_LAST.search(local_part)) and (
                _domain_alone(segment.text, domain_first)
            ):
                # unasked, a turn of "at" and a domain alone finishes the handle the turn before ended with:
                # "it's my name and my birth year, so nguyen1990" / "Okay." / "at yahoo dot com"
                yield TextSpan(gone_on_from, handle.start(), handle.end())
                yield TextSpan(segment.index, domain_first.start("domain"), domain_first.end())
            continue
        before = _own_turn_before(tokens, first_tokens.get(segment.index))
        if (
            gone_on_from is None
            and domain_first
            and _domain_alone(segment.text, domain_first)
            and before is not None
            and (named := _LOCAL_PART_NAMED_LAST.search(texts[before]))
        ):
            # "The username is a dot nair dot 1990." / "And the domain?" / "At gmail dot com."
            yield TextSpan(before, named.start("local"), named.end("local"))
            yield TextSpan(segment.index, domain_first.start("domain"), domain_first.end())
            continue
        begun = _local_part_begun(texts[gone_on_from]) if gone_on_from is not None else None
        start = _after_lead_in(segment.text, ending.start())
        if gone_on_from is not None and begun is not None and start is not None:
            # "my email is j p" / "uh-huh" / "okafor at web dot de": the address was begun before the backchannel
            yield TextSpan(gone_on_from, begun, len(texts[gone_on_from]))
            yield TextSpan(segment.index, start, ending.end())
            continue
        if start is not None and gone_on_from is None and EMAIL_CONTEXT.search(asked):
            # asked with something else ("Name and email?"): what is said before the e-mail is named, or before ", and"
            # ("07912 338 461, and gabe dot oliveira at gmail dot com"), is that
            named_at = [m.end() for m in _EMAIL_NAMED_LAST.finditer(segment.text, start, ending.start())]
            if _ASKED_AFTER_ANOTHER.search(asked):
                named_at += [m.end() for m in _AND_THEN.finditer(segment.text, start, ending.start())]
            start = max(named_at, default=start)
            # a clause said before an address heard whole is no part of it: "It's the family one, thewalshes1975 at
            # eircom dot net", "My son set it up, it's grandpa underscore ted at ..."
            whole = next((m for m in EMAIL.finditer(segment.text, start) if m.end() == ending.end()), None)
            begins = email_start(segment.text, whole) if whole is not None else start
            start = _past_clause(segment.text, start, begins)
            yield TextSpan(segment.index, start, ending.end())
    yield from _spelled_emails_ending_misheard(segments, tokens)
    yield from _named_emails_heard_as_words(segments)
    yield from _emails_heard_with_not_for_dot(segments)


# An address spelled out, answering "what's your email?", whose ending Whisper heard as no domain's: "It's Leo, L -E
# -N -A, not Calcic, K -O -W -L -C -C -Y -K, at W -B -Not -BL." ("lena, L E N A, dot kowalczyk, ..., at wp dot pl").
# Letters said apart before its "at", a few words after it to the end, among them a letter or a "dot" however heard.
_SPELLED_APART = re.compile(r"(?<![\w'])[A-Za-z](?:[\s,]+-?[A-Za-z](?![\w'])){2,}")
_AT_THEN_DOMAIN = re.compile(r",?\s+at\s+(?P<domain>(?:[\w'-]+[\s,]+){0,3}[\w'-]+)\s*[.?!]?\s*$", re.IGNORECASE)
_MAX_SPELLED_EMAIL_WORDS = 30  # a letter is a word: "K -O -W -A -L -S -K -A" is eight
_DOT_HEARD = re.compile(r"(?<![\w'])(?:-?[A-Za-z]|dot|not|point)(?![\w'])", re.IGNORECASE)


# An address said right after the e-mail is named ("the email on file,", "my email is"), heard as words, its "dot
# com" as "not come" or "not calm" too: "to the email on file, Jack not hardly at big but not come" ("jack dot
# hartley at bigpond dot com").
_EMAIL_NAMED_FOR_WORDS = (
    r"\b(?:the|my|your|his|her|our|their) (?:e-?mail|e mail)(?: address)?(?: on (?:file|the account|record))?"
)
_EMAIL_HEARD_AS_WORDS = (
    r"(?:[\w'-]+\s+){0,3}[\w'-]+\s+at\s+(?:[\w'-]+\s+){0,2}(?:not\s+(?:com|come|calm)|dot\s+(?:come|calm))\b"
)
_NAMED_EMAIL_HEARD_AS_WORDS = re.compile(
    rf"{_EMAIL_NAMED_FOR_WORDS}(?:'s|,| is,?)\s+(?P<email>{_EMAIL_HEARD_AS_WORDS})", re.IGNORECASE
)
# The same, named at the end of one segment and said in the speaker's next, its "at" heard as any word or two
# ("the email on file," / "Chloe not much and the outlook not come." for "chloe dot marchetti at outlook dot com"):
# a "dot" heard as "not" in its local part and its ending make it an address.
_EMAIL_NAMED_AT_END = re.compile(rf"{_EMAIL_NAMED_FOR_WORDS}(?:'s|,| is)?[,:]?\s*$", re.IGNORECASE)
_EMAIL_HEARD_AS_WORDS_ALONE = re.compile(
    r"(?P<email>[\w'-]+\s+(?:not|dot)\s+(?:[\w'-]+\s+){1,4}(?:not\s+(?:com|come|calm)|dot\s+(?:come|calm)))\b"
    r"\s*[.?!]?\s*$",
    re.IGNORECASE,
)


def _named_emails_heard_as_words(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    ordered = in_time_order(segments)
    for position, segment in enumerate(ordered):
        for match in _NAMED_EMAIL_HEARD_AS_WORDS.finditer(segment.text):
            yield TextSpan(segment.index, match.start("email"), match.end("email"))
        nxt = ordered[position + 1] if position + 1 < len(ordered) else None
        if nxt is not None and nxt.speaker == segment.speaker and _EMAIL_NAMED_AT_END.search(segment.text):
            said = _EMAIL_HEARD_AS_WORDS_ALONE.match(nxt.text)
            if said:
                yield TextSpan(nxt.index, said.start("email"), said.end("email"))


# An address said near the e-mail's mention with its "dot"s heard as "not" and its ending as a word: "Is it still
# Marta not Kovacs at online not know?" ("marta dot kovacs at online dot no"), "that's Kofi not Mensah and tele not
# net?". Whisper hears an address read back so when its words are no English ones.
_ENDING_HEARD_AFTER_NOT = re.compile(
    r"(?<![\w'])-?(?i:not|dot)\s+-?(?i:com|come|calm|net|org|uk|co|see|know|mz|nz|au|za|ie|de|ca)(?![\w'])"
    r"(?=\s*(?:[?.!,]|$))"
)
# "I do not know", "we can not see", "it's just not come": a "not" of a verb
_VERB_BEFORE_NOT = re.compile(
    r"\b(?i:do|does|did|can|could|will|would|should|is|are|was|were|am|have|has|had|may|might|must|\w+'s|\w+'re|"
    r"just|still|really|yet|probably|already)\s+$"
)
_DOT_AS_NOT = re.compile(r"(?<![\w'])-?(?i:not|dot)(?![\w'])")
_NAMED_SEGMENTS_BEFORE = 3
_MAX_HEARD_EMAIL_WORDS = 14
# Words said before an address read back: "Is it still ...?", "Right, so that's ...", "Do we have ...?"
_READ_BACK_LEAD = _NOT_LOCAL_PARTS | {
    "", "still", "that", "this", "have", "we", "do", "send", "i'll", "right", "just", "file", "record", "account",
}  # fmt: skip


def _emails_heard_with_not_for_dot(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """An address ending in a domain word after "not", in a segment that names the e-mail or comes a few after one
    that does, from the first word after its lead-in; with a second "not" or a webmail provider in it."""
    ordered = in_time_order(segments)
    for position, segment in enumerate(ordered):
        text = segment.text
        ending = _ENDING_HEARD_AFTER_NOT.search(text)
        if ending is None:
            continue
        named_here = [m.end() for m in EMAIL_CONTEXT.finditer(text.lower(), 0, ending.start())]
        named_before = any(
            EMAIL_CONTEXT.search(before.text.lower())
            for before in ordered[max(0, position - _NAMED_SEGMENTS_BEFORE) : position]
        )
        if not named_here and not named_before:
            continue
        start = _after_lead_in(
            text, ending.end(), _MAX_HEARD_EMAIL_WORDS, begin=max(named_here, default=0), lead_words=_READ_BACK_LEAD
        )
        if start is None:
            continue
        dots = list(_DOT_AS_NOT.finditer(text, start, ending.end()))
        if "not" not in {m.group().lstrip("-").lower() for m in dots}:
            continue  # every "dot" heard as said is the other rules' to find
        if any(_VERB_BEFORE_NOT.search(text, start, m.start()) for m in dots if m.start() > start):
            continue  # "the parcel is not lost, it's just not come"
        if len(dots) >= 2 or re.search(_WEBMAIL_PROVIDERS, text[start : ending.end()], re.IGNORECASE):
            yield TextSpan(segment.index, start, ending.end())


def _past_clause(text: str, start: int, begins: int) -> int:
    """Where an answer's address starts, from ``start``, where the address heard whole ``begins``: past what is said
    of it before, a clause ("It's the family one, thewalshes1975 at ...") or its first part alone ("It's our shared
    inbox, siobhan, s-i-o-b-h-a-n, at ..."), and the lead-in after ("The kids' one, it's ...")."""
    if _a_clause_before(text[start:begins]) or _SEPARATOR_NAMED_BEFORE.search(text, 0, begins):
        return begins
    for comma in reversed(list(re.finditer(r",\s+", text[start:begins]))):
        if _a_clause_before(text[start : start + comma.end()]):
            after = _after_lead_in(text, begins, begin=start + comma.end())
            return after if after is not None else start + comma.end()
    return start


def _a_clause_before(said: str) -> bool:
    """Whether ``said``, before an address, is a clause of English words with a comma, not its mailbox's words or
    letters spelled ("the family one, ", not "Eoin, E-O-I-N, dot Mac, "); the provider may be named in it ("The old
    AOL, it's ...")."""
    words = [word.strip(PUNCTUATION).lower() for word in said.split()]
    return (
        "," in said
        and (len(words) > 1 or (len(words) == 1 and _WEBMAIL_PROVIDER.fullmatch(words[0]) is not None))
        and all(
            len(word) > 1
            and word not in SEPARATOR_WORDS
            and (an_english_word(word) or word in _NOT_LOCAL_PARTS or _WEBMAIL_PROVIDER.fullmatch(word))
            for word in words
        )
    )


def _spelled_emails_ending_misheard(segments: Sequence[Segment], tokens: Sequence[Token]) -> Iterable[TextSpan]:
    for segment, asked, gone_on_from in answers(segments, tokens):
        text = segment.text
        at = _AT_THEN_DOMAIN.search(text)
        if gone_on_from is not None or at is None or not EMAIL_CONTEXT.search(asked) or _EMAIL_ENDING.search(text):
            continue
        start = _after_lead_in(text, at.start(), _MAX_SPELLED_EMAIL_WORDS)
        if start is None or not _SPELLED_APART.search(text, start, at.start()):
            continue
        if _DOT_HEARD.search(at.group("domain")):
            yield TextSpan(segment.index, start, at.end("domain"))


_MAX_BEGUN_LOCAL_WORDS = 4
_LOCAL_PART_JOINERS = {"dot", "underscore", "dash", "hyphen", "period", "at"}
# the e-mail asked for after something else ("Mobile and email?"), not spelled ("J, A, N, E, and then dot smith")
_ASKED_AFTER_ANOTHER = re.compile(r"\band (your |the |an )?(e-?mail|e mail)\b")
_AND_THEN = re.compile(r",\s+and\s+(?:(?:it's|it is)\s+)?", re.IGNORECASE)
_EMAIL_NAMED_LAST = re.compile(r"\b(?:e-?mail|e mail)(?:'s| is| address is| address's)?[:,]?\s+", re.IGNORECASE)


def _words_since_named(text: str, begin: int, end: int) -> list[re.Match[str]]:
    """The words said between ``begin`` and ``end`` after "email" last names an address there, past the lead-in
    ("it's" and the like); none if it is not named."""
    named = None
    for named in _EMAIL_NAMED_LAST.finditer(text, begin, end):  # noqa: B007 - the last one names the address
        pass
    if named is None:
        return []
    words = list(re.compile(r"\S+").finditer(text, named.end(), end))
    return list(itertools.dropwhile(lambda word: _plain(word) in _NOT_LOCAL_PARTS, words))


def _plain(word: re.Match[str]) -> str:
    return word.group().strip(PUNCTUATION).lower()


def _local_part_begun(text: str) -> int | None:
    """Where the start of an e-mail address said at the end of ``text`` begins: a few words after "email" or "my
    email is" that end it ("my email is j p")."""
    words = _words_since_named(text, 0, len(text))
    said = [_plain(word) for word in words]
    # spelled letters ("j p"), or a part that a separator says goes on ("maria dot")
    spelled = all(len(word) <= MISHEARD_LETTERS for word in said) or (said and said[-1] in _LOCAL_PART_JOINERS)
    return words[0].start() if words and spelled and len(words) <= _MAX_BEGUN_LOCAL_WORDS else None


# The domain said first, its local part in the speaker's turn before: "at elisa dot fi."
_DOMAIN_FIRST = re.compile(
    # (after a pause, with its dots: "...at rediffmail dot com.")
    rf"\s*(?:\.\.\.|\u2026)?(?P<domain>(?P<at>at\b|@)?\s*{_DOMAIN_LABEL}(?:{_DOT}{_DOMAIN_LABEL}){{0,3}}?{_DOMAIN_ENDING}"
    rf"{_SECOND_LEVEL_ENDING})\b",
    re.IGNORECASE,
)
_AT_LAST = re.compile(r"(?:\bat|@)[,.]?\s*$", re.IGNORECASE)
# Or the domain's ending alone, its name ending the turn before: "It is John .Smith at Gmail" / ".com."
_ENDING_FIRST = re.compile(rf"{_DOMAIN_ENDING}{_SECOND_LEVEL_ENDING}\b", re.IGNORECASE)
# A mailbox's name as a word of its own: letters with digits or joined by dots or underscores ("okafor1986",
# "j.tan", "mo_ali"), ending a turn.
_HANDLE_LAST = re.compile(
    r"(?<![\w'.-])(?=[\w.-]*[a-z])(?=[a-z]*[\d._])[a-z][a-z\d]*(?:[._-]?[a-z\d]+)*(?=[,.]?\s*$)", re.IGNORECASE
)


# A mailbox's name given as such, ending a turn, before its domain is asked for: "The username is a dot nair dot 1990."
_LOCAL_PART_NAMED_LAST = re.compile(
    rf"\b(?:user ?name|e-?mail|e mail|mailbox|inbox)(?:'s| is)?[:,]?\s+(?:it's\s+)?"
    rf"(?P<local>(?:{_UNIT})(?:{_LOCAL_SEPARATOR}{_UNIT}){{0,6}})[,.]?\s*$",
    re.IGNORECASE,
)


def emails_over_two_turns(segments: Sequence[Segment], tokens: Sequence[Token]) -> Iterable[TextSpan]:
    """An address one speaker says over two turns, asked for or not: broken at its "at" ("Send it to my work one,
    it's t dot nguyen at" / "harbourlogistics.com.au"), or before its domain's ending, where Whisper may end a
    segment ("It is John .Smith at Gmail" / ".com. It"); the two parts of the address as it reads joined."""
    texts = {segment.index: segment.text for segment in segments}
    first_tokens = segment_starts(tokens)
    for segment in segments:
        before = _own_turn_before(tokens, first_tokens.get(segment.index))
        if before is None:
            continue
        # (a pause written as dots between the parts: "It's nandini dot r..." / "Uh-huh." / "...at rediffmail dot com.")
        said = texts[before].rstrip()
        for dots in ELLIPSES:
            said = said.removesuffix(dots)
        at_last = _AT_LAST.search(said) is not None
        domain = _DOMAIN_FIRST.match(segment.text)
        # the domain alone, the turn's all: not "harbourlogistics.com.au is their site"
        if domain and (domain.group("at") or at_last) and not segment.text[domain.end() :].strip(PUNCTUATION + " "):
            domain_start = domain.start("domain")
        # "dot" is a word after a space; not a turn whose own address begins with a country's letters ("dot n f at
        # gmail dot com")
        elif _ENDING_FIRST.match(f" {segment.text}") and not EMAIL.search(segment.text):
            said, domain_start = said.rstrip("."), 0  # "at Gmail." / ".com": one dot between them
        else:
            continue
        joined = f"{said} {segment.text[domain_start:]}"
        for match in EMAIL.finditer(joined):
            # a turn not ending in "at" gives more than its last word ("t dot nguyen", not "I was at the shop")
            local_part = said[match.start() :].split()
            crossing = match.start() < len(said) < match.end() and not is_web_address(joined, match)
            if crossing and (at_last or len(local_part) > 1):
                yield TextSpan(before, start_since_named(joined, email_start(joined, match)), len(said))
                yield TextSpan(segment.index, domain_start, domain_start + match.end() - len(said) - 1)


def _own_turn_before(tokens: Sequence[Token], first: Token | None) -> int | None:
    """The segment ``first``'s speaker said last before it, within the context window."""
    if first is None:
        return None
    for token in reversed(tokens[max(0, first.position - CONTEXT_WINDOW) : first.position]):
        if token.speaker == first.speaker:
            return token.segment
    return None


def _domain_alone(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` is a domain said with its "at" and all that is said in ``text`` but for punctuation."""
    rest = text[: match.start("domain")] + text[match.end() :]
    return bool(match.group("at")) and not rest.strip(PUNCTUATION + " ")


def _after_lead_in(
    text: str,
    end: int,
    most: int = _MAX_ANSWERED_EMAIL_WORDS,
    begin: int = 0,
    lead_words: Set[str] = _NOT_LOCAL_PARTS,
) -> int | None:
    """Where the words of an address before ``end`` start, after a lead-in of ``lead_words`` ("sure, it's"), if
    there are a few: in the sentence it ends ("Use my partner's, she does all that. It's fi dot ..."), and not before
    ``begin``."""
    start = max(begin, max((mark.end() for mark in _SENTENCE_END.finditer(text, 0, end)), default=0))
    words = list(re.finditer(r"\S+", text[start:end]))
    lead = 0
    while lead < len(words) and words[lead].group().strip(PUNCTUATION).lower() in lead_words:
        lead += 1
    if words[lead:] and len(words) - lead <= most:
        return start + words[lead].start()
    return None


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")


# An address read back up to its domain's name, its ending left off: "R dot F-E-R-R-E-I-R-A, eight one, at gmail?".
# Digits may be said apart, between commas.
_READ_BACK_SEPARATOR = rf"(?:{_LOCAL_SEPARATOR}|,\s+(?=(?:{NUMBER_WORD}|\d+)\b))"
_EMAIL_WITHOUT_ENDING = re.compile(
    rf"(?<![\w'])(?:{_UNIT})(?:{_READ_BACK_SEPARATOR}{_UNIT}){{0,6}}(?:\s*@\s*|,?\s+at\s+)(?P<label>[a-z0-9-]+)\b",
    re.IGNORECASE,
)
_AT = re.compile(r"\s*@\s*|,?\s+at\s+", re.IGNORECASE)
_READ_BACK_SEGMENTS = 3  # a read-back comes within a few turns of the address
_SAME_START = 3  # characters of the local part: "R dot F-E-R-R" of "r dot ferreira", not "that" of it


def read_back_emails(segments: Sequence[Segment], emails: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """An e-mail address read back up to its domain's name ("..., at gmail?") where an address at that domain,
    beginning the same, was given just before, or is said whole just after."""
    texts = {segment.index: segment.text for segment in segments}
    given_in: dict[int, list[tuple[str, str]]] = {}
    for email in emails:
        given_in.setdefault(email.segment, []).append(_local_and_domain(texts[email.segment][email.start : email.end]))
    for segment in segments:
        given = [
            email
            # or given up to its domain's name first, then said whole: "... at gmail" / "dot com" / "so ...@gmail.com"
            for near in range(segment.index - _READ_BACK_SEGMENTS, segment.index + _READ_BACK_SEGMENTS + 1)
            if near != segment.index
            for email in given_in.get(near, ())
        ]
        if not given:
            continue
        for match in _EMAIL_WITHOUT_ENDING.finditer(segment.text):
            local, domain = _local_and_domain(match.group())
            if any(
                domain == given_domain and local[:_SAME_START] == given_local[:_SAME_START]
                for given_local, given_domain in given
            ):
                yield TextSpan(segment.index, match.start(), match.end())


_MIN_LOCAL_SAID_AGAIN = 4  # letters and digits: more than initials
# A local part said as one word ("dmokoena") or with its separators spoken ("k dot obrien").
# A mailbox's name said alone, without its domain, its parts joined by "dot" as only a mailbox's are: "So that's j dot
# whitlock 77?", "the one starting h dot okonjo?", "Priya dot raman, eight eight?". Not a website's name ("bbc dot co
# dot uk"), a number ("two dot five"), nor a part of an address said whole, which the other readings take.
_NUMBER_SAID = rf"(?:\d+|{NUMBER_WORD}(?:-{NUMBER_WORD})?|double|triple)"
_UNIT_WORD = r"[a-z][a-z'-]*\d*\b"  # "whitlock", "raman88"
_NUMBER_WORDS = frozenset(re.findall(r"[a-z]+", _NUMBER_SAID))
_LOCAL_PART_ALONE = re.compile(
    r"(?<![\w@.'-])(?!(?i:www|no|not|version|dot)\b)(?![A-Z][a-z]*\s+dot\s+[A-Z])"
    rf"[A-Za-z][a-z]*(?:\s+dot\s+(?!{_NUMBER_SAID}\b){_UNIT_WORD}){{1,2}}"
    rf"(?:,?\s+{_NUMBER_SAID}\b){{0,4}}"
    # not said on to its domain
    r"(?!\s*,?\s*(?:@|(?i:at|dot)\b|\.\w))"
)
# ... nor a domain's own words: "bbc dot co dot uk", "water dot example"
_DOMAIN_WORD = re.compile(rf"(?:{_TLDS}|{_COUNTRY_TLDS}|{_WORD_TLDS}|example)")


def local_parts_alone(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """A mailbox's name said alone (read back, or named to say which address), its parts joined by "dot": with an
    initial or digits, or where a mail is talked about in the turn or the one before (not "the original dot damage",
    as Whisper may hear "got damaged")."""
    before = ""
    for segment in in_time_order(segments):
        for match in _LOCAL_PART_ALONE.finditer(segment.text):
            words = [word for word in re.findall(r"[a-z'-]+", match.group().lower()) if word != "dot"]
            if any(_DOMAIN_WORD.fullmatch(word) for word in words[1:]):
                continue
            numbered = re.search(r"\d", match.group()) or any(word in _NUMBER_WORDS for word in words[1:])
            mailbox_shaped = len(words[0]) == 1 or numbered
            if mailbox_shaped or _MAIL_SAID.search(f"{before} {segment.text}".lower()):
                yield TextSpan(segment.index, match.start(), match.end())
        before = segment.text


# ... its digits may be said apart after it: "Is that R-A-J dot I-Y-E-R 84?"
_LOCAL_PART_SAID = re.compile(r"[\w.-]+(?:\s+(?i:dot|underscore|dash|hyphen)\s+[\w.-]+)*(?:\s+\d+)*")


def local_parts_said_again(segments: Sequence[Segment], emails: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """An address's local part said again alone, as one word or its separators spoken, in the turn that gave it or
    the next ones ("d.mokoena@webmail.co.za. No, sorry, dmokoena, no dot.", "So that's k.obrien@eircom.net?" /
    "Yeah, k dot obrien, no apostrophe."): the address put right or confirmed. Only a local part
    that had separators, so the word joins its parts and is no name said again."""
    texts = {segment.index: segment.text for segment in segments}
    given: list[tuple[TextSpan, str]] = []
    for email in emails:
        said = texts[email.segment][email.start : email.end]
        local_said = _AT.split(said.lower(), maxsplit=1)[0]
        local, _ = _local_and_domain(said)
        if len(local) >= _MIN_LOCAL_SAID_AGAIN and re.search(r"[._-]|\bdot\b|\bunderscore\b", local_said):
            given.append((email, local))
    for segment in segments:
        for word in _LOCAL_PART_SAID.finditer(segment.text):
            start, end = word.start(), word.end()
            letters = re.sub(r"[\W_]", "", _SPELLED_SEPARATOR.sub("", word.group().lower()))
            for email, local in given:
                inside = email.segment == segment.index and email.start <= start < email.end
                near = 0 <= segment.index - email.segment <= _READ_BACK_SEGMENTS
                if near and not inside and letters == local:
                    yield TextSpan(segment.index, start, end)
                    break


# A written address broken off before its ending: "sam.okoro@gmail... no sorry, ..."
_BROKEN_OFF_EMAIL = re.compile(r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)*(?=\.\.\.|\u2026)")


def emails_broken_off(segments: Sequence[Segment], emails: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """A written address broken off and given again whole, in that turn or the next ones ("It's sam.okoro@gmail...
    no sorry, it's googlemail, sam.okoro@googlemail.com."): the same local part, put right after the @."""
    texts = {segment.index: segment.text for segment in segments}
    given = [(email.segment, _local_and_domain(texts[email.segment][email.start : email.end])[0]) for email in emails]
    for segment in segments:
        for begun in _BROKEN_OFF_EMAIL.finditer(segment.text):
            local, _ = _local_and_domain(begun.group())
            if any(0 <= index - segment.index <= _READ_BACK_SEGMENTS and local == whole for index, whole in given):
                yield TextSpan(segment.index, begun.start(), begun.end())


# A letter and the word that tells it, "d, as in david": the letter.
_LETTER_NAMED = re.compile(r"(?<![\w'])(?P<letter>[a-z]),?\s+(?:for|as in)\s+[a-z]+")


def _local_and_domain(email: str) -> tuple[str, str]:
    """An address's local part's letters and digits, without the words for its separators, and its domain's
    first name: ("rferreira81", "gmail") of "r dot ferreira 81 at gmail dot com"."""
    parts = _AT.split(email.lower(), maxsplit=1)
    local = re.sub(r"[\W_]", "", _SPELLED_SEPARATOR.sub("", _LETTER_NAMED.sub(r"\g<letter>", parts[0])))
    domain = re.split(r"[^a-z0-9-]", parts[1].strip())[0] if len(parts) > 1 else ""
    return local, domain


# Mailboxes of a business's functions, not of a person.
ROLE_MAILBOXES = {
    "support", "help", "info", "claims", "billing", "sales", "service", "services", "customerservice", "contact",
    "enquiries", "inquiries", "admin", "office", "team", "hello", "orders", "returns", "accounts", "reservations",
    "bookings", "careers", "jobs", "press", "media", "privacy", "noreply", "no-reply", "feedback", "complaints",
    "hr", "legal", "marketing", "payments", "refunds", "care",
}  # fmt: skip


# Right after an address, a word that gives part of it up and digits as many as its local part's: "..., no sorry,
# 1947." ("1974 at ..."), "... dot com. Wait, 82, not 28."
_PUT_RIGHT = (
    r"[.,!?]?\s+(?i:no|sorry|wait|actually|oops|i mean)(?:[\s,]+(?i:no|sorry|wait|actually|i mean|it's|its))*[,.]?\s+"
)
_DIGITS_PUT_RIGHT = re.compile(rf"{_PUT_RIGHT}(?P<digits>\d+)\b")
# ... or its domain, maybe after a pause: "kwame.asante at yahoo dot com... sorry, it's yahoo dot co dot uk."; or
# its ending alone: "No, dot co dot nz at the end, not dot com."
_DOMAIN_PUT_RIGHT = re.compile(
    rf"(?:\.\.\.|\u2026)?{_PUT_RIGHT}(?P<domain>(?:at\s+|@)?{_DOMAIN_LABEL}(?:{_DOT}{_DOMAIN_LABEL}){{0,3}}?"
    rf"{_DOMAIN_ENDING}{_SECOND_LEVEL_ENDING}"
    # (ending what is said: not "no dot in the middle")
    rf"|dot\s+(?:{_TLDS}|{_COUNTRY_TLDS})(?:{_DOT}{_SECOND_LEVEL_COUNTRIES})?(?=[.,!?]|\s+at the end\b|\s*$))\b",
    re.IGNORECASE,
)


def digits_put_right(segments: Sequence[Segment], emails: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """Digits a speaker puts right just after giving an address in the same turn ("tom 1974 at yahoo dot com. No
    sorry, 1947."): as many as a run of digits in its local part, they are the address's."""
    texts = {segment.index: segment.text for segment in segments}
    for email in emails:
        text = texts[email.segment]
        put_right = _DIGITS_PUT_RIGHT.match(text, email.end)
        if put_right is None:
            continue
        local = _AT.split(text[email.start : email.end], maxsplit=1)[0]
        digits = put_right.group("digits")
        if any(len(run) == len(digits) and run != digits for run in re.findall(r"\d+", local)):
            yield TextSpan(email.segment, put_right.start("digits"), put_right.end("digits"))


# A local part written as one word with digits in it, or its parts joined by a dot or underscore ("fabre69",
# "j.whitlock71"), and its spelling after it, with the digits in words ("F-A-B-R-E six nine").
_LOCAL_PART_WRITTEN = re.compile(r"(?<![\w.@-])[a-z][a-z0-9]*(?:(?<=[a-z])\d+|[._][a-z0-9]+)[a-z0-9._]*(?![\w@-])")
_SPELLING_AFTER = re.compile(
    rf",?\s+(?P<spelled>[A-Za-z](?:-[A-Za-z]){{2,}}(?:\s+(?:{NUMBER_WORD}|\d+))*)(?![\w-])", re.IGNORECASE
)
# A word said, then spelled: "kapur, K-A-P-U-R"
_WORD_THEN_SPELLED = re.compile(r"(?<![\w'-])(?P<word>[a-z]{3,}),?\s+(?P<letters>[A-Za-z](?:-[A-Za-z]){2,})(?![\w-])")
_PROVIDER_AFTER = re.compile(rf"\s+at\s+{_WEBMAIL_PROVIDERS}\b", re.IGNORECASE)
_SAID_NO = re.compile(r"^\W*(?i:no|nope|sorry|actually)\b")
_MIN_PART_SHARED = 4  # letters: a name in the local part, not initials
_LIKE_A_PART = 0.7  # how alike a word put right and a part of the local part are: "kapur" for "kapoor"
_WRITTEN_OTHERWISE = 0.8  # how alike, said alone: "bennett" for "bennet", not "better"
_LOWER_CASE_WORD = re.compile(r"(?<![\w.@'-])[a-z]{4,}(?![\w@'-])")
_LETTERS_TOLD = re.compile(r"\b(?i:with|without)\s+(?:(?i:a|an|the|two|double)\s+){1,2}[A-Za-z](?:'?s)?\b")


def local_parts_put_right(segments: Sequence[Segment], emails: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """A local part said again or put right in the segment after an address, the answer to it read out or the
    speaker's own correction: a word written with digits or a dot that holds a part of the one read, and its spelling
    after it ("I've got aurelien dot fabre at orange dot fr." / "No, it's fabre69, F-A-B-R-E six nine.", "Is that
    dlamini88, with the numbers?"); where the segment begins by saying no, a word spelled after itself that is like
    a part, the part said again ("No, sorry, it's kapur, K-A-P-U-R, not kapoor."), and a word nearly the part, as it
    should be written ("No, with a double T, bennett.")."""
    texts = {segment.index: segment.text for segment in segments}
    following = {before.index: after for before, after in itertools.pairwise(in_time_order(segments))}
    for email in emails:
        reply = following.get(email.segment)
        if reply is None:
            continue
        local_said = _AT.split(texts[email.segment][email.start : email.end].lower(), maxsplit=1)[0]
        parts = {
            part for part in re.split(r"[\W_\d]+|\bdot\b|\bunderscore\b", local_said) if len(part) >= _MIN_PART_SHARED
        }
        for word in _LOCAL_PART_WRITTEN.finditer(reply.text):
            if not any(part in word.group().lower() for part in parts):
                continue
            # with its provider after it: "Nearly, it's okonkwo12 at gmail."
            provider = _PROVIDER_AFTER.match(reply.text, word.end())
            yield TextSpan(reply.index, word.start(), provider.end() if provider else word.end())
            if spelled := _SPELLING_AFTER.match(reply.text, word.end()):
                yield TextSpan(reply.index, spelled.start("spelled"), spelled.end("spelled"))
        if not _SAID_NO.match(reply.text):
            continue  # a word of the mailbox said again to tell how it is written is left to the name rules
        for spelled in _WORD_THEN_SPELLED.finditer(reply.text):
            said_word = spelled.group("word")
            if re.sub(r"[^a-z]", "", spelled.group("letters").lower()) == said_word and any(
                difflib.SequenceMatcher(None, said_word, part).ratio() >= _LIKE_A_PART for part in parts
            ):
                yield TextSpan(reply.index, spelled.start(), spelled.end())
        for part in parts:
            for said in re.finditer(rf"(?<![\w.@-]){re.escape(part)}(?![\w@-])", reply.text):
                yield TextSpan(reply.index, said.start(), said.end())
        # the part as it should be written, nearly as read, after which letters: "No, with a double T, bennett."
        for word in _LOWER_CASE_WORD.finditer(reply.text) if _LETTERS_TOLD.search(reply.text) else ():
            if any(
                word.group() != part and difflib.SequenceMatcher(None, word.group(), part).ratio() >= _WRITTEN_OTHERWISE
                for part in parts
            ):
                yield TextSpan(reply.index, word.start(), word.end())


def domains_put_right(segments: Sequence[Segment], emails: Sequence[TextSpan]) -> Iterable[TextSpan]:
    """A domain a speaker puts right just after giving an address in the same turn ("kwame.asante at yahoo dot
    com... sorry, it's yahoo dot co dot uk."), or in the segment right after it, the other side's answer to the
    address read to them too ("So I have t.mokoena@webmail.co.za?" / "No, it's at mweb dot co dot za."): the
    address's."""
    texts = {segment.index: segment.text for segment in segments}
    ordered = in_time_order(segments)
    following = {before.index: after for before, after in itertools.pairwise(ordered)}
    for email in emails:
        put_right = _DOMAIN_PUT_RIGHT.match(texts[email.segment], email.end)
        if put_right is not None:
            yield TextSpan(email.segment, put_right.start("domain"), put_right.end("domain"))
        reply = following.get(email.segment)
        # (its words must start after a space: the segment begins with one put before it)
        if reply is not None:
            answer = _DOMAIN_PUT_RIGHT.match(f" {reply.text}")
            if answer is not None:
                yield TextSpan(reply.index, answer.start("domain") - 1, answer.end("domain") - 1)
