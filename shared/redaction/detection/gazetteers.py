"""Word lists from pinned packages, read once per process: people's names, English words, place names, languages.

Nothing is fetched: each list ships inside a wheel in requirements.txt. The packages are imported where a list is
first read, not with the module: every function of the app imports the detector, and only a stage that redacts a
transcript needs the lists (about 0.9 s and 120 MB).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re

_NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary", "last_names")


@functools.cache
def english_words() -> frozenset[str]:
    """Webster's word list in lower case, with the proper nouns left out (they are the capitalised entries)."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], alpha=True))


# Endings Webster's list leaves off its words: "kids", "shared", "sharing", "kid's"
_INFLECTIONS = ("'s", "s'", "es", "s", "ed", "d", "ing")


def an_english_word(word: str) -> bool:
    """Whether ``word`` (in lower case) is an English word, or one with an ending the list leaves off."""
    words = english_words()
    stems = [word[: -len(ending)] for ending in _INFLECTIONS if word.endswith(ending) and len(word) > len(ending) + 2]
    return word in words or any(stem in words or stem + "e" in words for stem in stems)  # "sharing": "share"


@functools.cache
def place_names() -> frozenset[str]:
    """The English names of countries and of the places phone numbers are geocoded to: "London", "Memphis"."""
    from phonenumbers.geodata import GEOCODE_DATA
    from phonenumbers.geodata.locale import LOCALE_DATA

    places = {
        part.strip()
        for areas in GEOCODE_DATA.values()
        if (described := areas.get("en"))
        for part in re.split(r"[,/]", described)
    }
    return frozenset(places | {names["aa"] for names in LOCALE_DATA.values() if "aa" in names})


# Where a caller says they or their name are from ("I'm British, day first"): the nations Faker's languages do not
# already name.
_NATIONS = (
    "American", "British", "Canadian", "Australian", "Mexican", "Brazilian", "Argentinian", "Chilean", "Colombian",
    "Peruvian", "Cuban", "Jamaican", "Nigerian", "Ghanaian", "Kenyan", "Ugandan", "Tanzanian", "Ethiopian",
    "Egyptian", "Moroccan", "Zimbabwean", "Zambian", "Indian", "Pakistani", "Bangladeshi", "Sri Lankan", "Filipino",
    "Singaporean", "Malaysian", "Scottish", "Belgian", "Swiss", "Austrian", "Israeli", "Iranian", "Iraqi", "Saudi",
    "Lebanese", "Syrian", "Kiwi",
)  # fmt: skip


@functools.cache
def nationalities() -> frozenset[str]:
    """The languages Faker names ("Polish", "Irish", "Yoruba") and the nations a caller says they are from."""
    import faker.providers.person

    return frozenset(faker.providers.person.Provider.language_names) | frozenset(_NATIONS)


@functools.cache
def person_names() -> frozenset[str]:
    """Given names and surnames of the 80-odd countries Faker writes names for, written in the Latin alphabet and at
    least three letters long, that are no English word ("Grace", "Will", "Can", "Baker")."""
    import faker.providers.person

    names: set[str] = set()
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        provider = importlib.import_module(f"{faker.providers.person.__name__}.{module.name}").Provider
        for listed in _NAME_LISTS:
            # some locales weigh their names (a dict of name to frequency), others list them; a few compute a list
            # from the others (a property), which adds no name
            found = provider.__dict__.get(listed, ())
            if isinstance(found, (dict, list, tuple, set, frozenset)):
                names.update(name for name in found if isinstance(name, str))
    words = english_words()
    return frozenset(
        name for name in names if len(name) >= 3 and _LATIN_NAME.fullmatch(name) and name.lower() not in words
    )


# Capitalised, in the Latin alphabet (with its accents), its parts joined by a hyphen or an apostrophe
_LATIN_LETTER = "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_NAME = re.compile(rf"[A-Z\u00c0-\u00d6\u00d8-\u00de][{_LATIN_LETTER}]*(?:['-][{_LATIN_LETTER}]+)*")
