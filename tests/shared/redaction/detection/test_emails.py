"""E-mail addresses spelled with a word for a letter, joined by "then", ending in a country's domain, or given as a
username before the domain is asked for; and what sounds like them but is none."""

from __future__ import annotations

import pytest

from shared.models.redaction import EntityType
from tests.shared.redaction.detection.turns import found, segments, spans_found

pytestmark = pytest.mark.unit


def _emails(*turns: tuple[str, str]) -> list[tuple[int, str]]:
    """Each part of an address found: its turn and its words."""
    return [(turn, words) for _, turn, words in spans_found(turns, (EntityType.EMAIL,))]


@pytest.mark.parametrize(
    "text, email",
    [
        # one letter with its word, the rest said bare
        (
            "It's M as in mike, A, R, A, underscore, L, at proton dot me.",
            "M as in mike, A, R, A, underscore, L, at proton dot me",
        ),
        # one letter with its word before a name
        ("T for tango, dash, nkosi, at mweb dot co dot za.", "T for tango, dash, nkosi, at mweb dot co dot za"),
        # an initial, then the surname spelled
        ("P as in papa, then O-W-E-N, at gmx dot de.", "P as in papa, then O-W-E-N, at gmx dot de"),
        # an initial with a comma before its word, then the surname spelled and digits
        (
            "It's D, as in David, N-G-U-Y-E-N 7 7 at gmail dot com.",
            "D, as in David, N-G-U-Y-E-N 7 7 at gmail dot com",
        ),
        # a country's ending that is no word: Micronesia's, used for radio stations
        ("Send it to raj dot iyer at radio dot fm please.", "raj dot iyer at radio dot fm"),
        # "@" read as Indian English reads it
        ("Mail is anita dot k at the rate of yahoo dot co dot in.", "anita dot k at the rate of yahoo dot co dot in"),
        # a name spelled, then its digits one at a time
        ("S O F I A, then 1 9 9 0, at icloud dot com.", "S O F I A, then 1 9 9 0, at icloud dot com"),
        # an initial, then a word, then digits run together
        (
            "It's the first initial, L, then walsh, then 88, at btinternet dot com.",
            "L, then walsh, then 88, at btinternet dot com",
        ),
    ],
)  # fmt: skip
def test_an_address_spelled_with_words_for_some_letters_is_one_email(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_a_username_given_before_the_domain_is_asked_for_is_the_address_with_it() -> None:
    found = _emails(
        ("customer", "My user name is k dot osei dot 77."),
        ("agent", "And what comes after the at?"),
        ("customer", "At yahoo dot co dot uk."),
    )
    assert found == [(0, "k dot osei dot 77"), (2, "At yahoo dot co dot uk")]


@pytest.mark.parametrize(
    "text",
    [
        "Then at the end of the month we move to the new plan.",
        "S as in sugar, that's how the brand is spelled.",
        "We met at the Dublin office then went to lunch.",
        "The FM station is on ninety eight point one.",
        "The loan is at the rate of nine percent a year.",
    ],
)
def test_look_alikes_of_spelled_addresses_are_not_emails(text: str) -> None:
    assert _emails(("customer", text)) == []


def test_a_domain_said_alone_after_a_turn_that_named_no_username_is_not_taken_with_it() -> None:
    found = _emails(
        ("customer", "I tried logging in this morning."),
        ("agent", "Which site was it?"),
        ("customer", "At example dot com."),
    )
    assert [segment for segment, _ in found if segment == 0] == []


def test_a_mailbox_said_then_spelled_before_its_domain_is_one_address() -> None:
    found = _emails(("customer", "Sure, it's ciaran, c i a r a n, at eircom dot net."))
    assert found == [(0, "ciaran, c i a r a n, at eircom dot net")]


@pytest.mark.parametrize(
    "text, email",
    [
        ("Sure, it's d as in david okonkwo at yahoo dot com.", "d as in david okonkwo at yahoo dot com"),
        ("Mine is ama dot owusu at mtn dot com dot gh.", "ama dot owusu at mtn dot com dot gh"),
    ],
)
def test_an_initial_with_its_word_run_into_a_surname_and_a_country_s_second_level_ending(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_a_letter_with_its_word_in_ordinary_talk_is_no_email() -> None:
    assert _emails(("customer", "That's B as in boy, and I'll be at the office dot matrix printer.")) == []


@pytest.mark.parametrize(
    "text, email",
    [
        # a hyphen said in the domain's name
        (
            "It's k dot mensah 12 at mail dot north dash ridge dash college dot ac dot uk.",
            "k dot mensah 12 at mail dot north dash ridge dash college dot ac dot uk",
        ),
        # a local part spelled in the radio alphabet, a comma after each letter
        ("Write to Papa, Alfa, Tango, at yahoo dot com please.", "Papa, Alfa, Tango, at yahoo dot com"),
    ],
)
def test_a_domain_with_a_spoken_hyphen_and_a_local_part_in_radio_letters(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_radio_letters_and_dashes_in_ordinary_talk_are_no_email() -> None:
    found = _emails(("customer", "Sierra, Tango, Uniform at the station, then a dash to the office."))
    assert found == []


def test_a_local_part_said_again_as_one_word_without_its_dot_is_the_address_put_right() -> None:
    found = _emails(
        ("customer", "Send it to p.achterberg@ziggo.nl."),
        ("agent", "Got it."),
        ("customer", "Oh wait, it's pachterberg, all one word."),
    )
    assert found == [(0, "p.achterberg@ziggo.nl"), (2, "pachterberg")]


def test_one_part_of_a_local_part_said_again_alone_is_no_address() -> None:
    found = _emails(("customer", "It's nina.brandt@posteo.de."), ("agent", "Thanks, Ms Brandt."))
    assert found == [(0, "nina.brandt@posteo.de")]


@pytest.mark.parametrize(
    "text, email",
    [
        ("It's tomas dot berg at fast mail dot fm.", "tomas dot berg at fast mail dot fm"),
        ("Use priya underscore n at zoho mail dot in.", "priya underscore n at zoho mail dot in"),
        # letters each followed by a comma, then a provider said in two words
        (
            "m, a, r, e, k, dot, n, o, w, a, k at yandex mail dot com.",
            "m, a, r, e, k, dot, n, o, w, a, k at yandex mail dot com",
        ),
    ],
)  # fmt: skip
def test_a_providers_name_said_apart_from_its_mail_is_the_domain(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_mail_said_after_a_word_that_only_points_at_it_is_no_domain() -> None:
    assert _emails(("customer", "We looked at the mail dot com site and at my mail. Nothing.")) == []


@pytest.mark.parametrize(
    "text, email",
    [
        # begun, broken off and said again whole: the start said first is the address's too
        (
            "Write to d.okoye at... no, sorry, dayo.okoye@fastmail.com.",
            "d.okoye at... no, sorry, dayo.okoye@fastmail.com",
        ),
        ("It's lena... I mean lena.fischer at gmx dot de.", "lena... I mean lena.fischer at gmx dot de"),
    ],
)  # fmt: skip
def test_an_address_begun_and_said_again_is_one_address(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_words_broken_off_before_an_address_that_begin_otherwise_are_not_of_it() -> None:
    found = _emails(("customer", "I think... sorry, it's lena.fischer@gmx.de."))
    assert found == [(0, "lena.fischer@gmx.de")]


def test_an_address_begun_with_nothing_but_my_email_is_and_given_after_a_backchannel_is_found() -> None:
    found = _emails(("customer", "My email is"), ("agent", "Mm-hm."), ("customer", "tom dot hale at web dot de."))
    assert found == [(2, "tom dot hale at web dot de")]


@pytest.mark.parametrize(
    "text, email",
    [
        ("My email is okaforatyahoodotcom, thanks.", "okaforatyahoodotcom"),
        ("The email's m .duboisatorangedotfr.", "m .duboisatorangedotfr"),
    ],
)
def test_an_address_heard_as_one_word_with_its_at_and_dot_inside_is_the_address(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


@pytest.mark.parametrize(
    "text",
    [
        # no e-mail named: a website said as one word
        "I read it on katesmithdotcom, great site.",
        # e-mail named, but a word that merely holds "at" and "dot com"
        "The email said it was the whatnotdotcom boom.",
    ],
)
def test_a_word_holding_at_and_dot_com_that_is_no_address_is_none(text: str) -> None:
    assert _emails(("customer", text)) == []


@pytest.mark.parametrize(
    "text, email",
    [
        # a newer ending that is a word, after "dot"
        (
            "Send it to m dot okoro at riverside hyphen dental dot care.",
            "m dot okoro at riverside hyphen dental dot care",
        ),
        ("It's jo underscore lim at kite dot studio, all lower case.", "jo underscore lim at kite dot studio"),
        # the ending spelled, "dot" set apart by commas
        ("Mine is N-A-D-I-A, at posteo, dot D-E.", "N-A-D-I-A, at posteo, dot D-E"),
    ],
)
def test_an_address_ending_in_a_word_domain_or_a_spelled_one_is_found_whole(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


@pytest.mark.parametrize(
    "text",
    [
        "I'll be at the clinic at 3, the dental care is upstairs.",
        "We met at the point. Life was easier then.",
    ],
)
def test_word_endings_said_without_dot_are_no_address(text: str) -> None:
    assert _emails(("customer", text)) == []


@pytest.mark.parametrize(
    "text, email",
    [
        ("Use ana, A-N-A, 88 at outlook dot com please.", "ana, A-N-A, 88 at outlook dot com"),
        ("It's raj, R-A-J, two one at proton dot me.", "raj, R-A-J, two one at proton dot me"),
    ],
)
def test_a_word_spelled_then_digits_after_a_comma_are_all_the_local_part(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_digits_put_right_just_after_an_address_are_the_address() -> None:
    assert _emails(("customer", "It's kemi 1988 at hotmail dot com. Sorry, 1998.")) == [
        (0, "kemi 1988 at hotmail dot com"),
        (0, "1998"),
    ]


@pytest.mark.parametrize(
    ("said", "emails"),
    [
        (
            "kwame.asante at yahoo dot com... sorry, it's yahoo dot co dot uk.",
            [(0, "kwame.asante at yahoo dot com"), (0, "yahoo dot co dot uk")],
        ),
        ("It's kwame.asante@yahoo.com, sorry, yahoo.co.uk.", [(0, "kwame.asante@yahoo.com"), (0, "yahoo.co.uk")]),
        # put right by what it is not, or by something else than a domain: the address alone
        ("It's kwame.asante@yahoo.com. Sorry, it's gone five o'clock.", [(0, "kwame.asante@yahoo.com")]),
    ],
)
def test_a_domain_put_right_just_after_an_address_is_the_address(said: str, emails: list[tuple[int, str]]) -> None:
    assert _emails(("customer", said)) == emails


def test_a_domain_the_other_side_puts_right_in_answer_to_the_address_read_back_is_the_address() -> None:
    found = _emails(
        ("agent", "So I have t.mokoena@webmail.co.za, is that right?"),
        ("customer", "No, it's at mweb dot co dot za, not webmail."),
    )
    assert found == [(0, "t.mokoena@webmail.co.za"), (1, "at mweb dot co dot za")]


@pytest.mark.parametrize(
    ("answer", "ending"),
    [
        ("No, dot co dot nz at the end, not dot com.", "dot co dot nz"),
        ("No, sorry, dot org.", "dot org"),
    ],
)
def test_a_domain_s_ending_alone_put_right_in_answer_to_the_address_read_back_is_the_address(
    answer: str, ending: str
) -> None:
    found = _emails(("agent", "So that's rangi.walker at xtra dot com?"), ("customer", answer))
    assert found == [(0, "rangi.walker at xtra dot com"), (1, ending)]


def test_an_ending_said_in_passing_after_an_address_put_right_is_no_part_of_it() -> None:
    found = _emails(
        ("agent", "So that's rangi.walker at xtra dot com?"),
        ("customer", "No, it's rangiwalker at xtra dot com, no dot in the middle."),
    )
    assert found == [(0, "rangi.walker at xtra dot com"), (1, "rangiwalker at xtra dot com")]


def test_an_answer_to_an_address_read_back_that_gives_no_domain_is_no_address() -> None:
    found = _emails(("agent", "So I have t.mokoena@webmail.co.za?"), ("customer", "No, sorry, it's a new one now."))
    assert found == [(0, "t.mokoena@webmail.co.za")]


def test_an_initial_said_before_a_surname_and_how_it_is_written_is_part_of_the_address() -> None:
    assert _emails(("customer", "It's l fontaine, all one word, at orange dot fr.")) == [
        (0, "l fontaine, all one word, at orange dot fr")
    ]


@pytest.mark.parametrize("initial", ["D, as in David,", "D for David,"])
def test_an_address_spelled_with_a_word_for_its_initial_and_read_back_whole_is_the_address(initial: str) -> None:
    said = (("customer", f"It's {initial} N-G-U-Y-E-N 7 7 at gmail."), ("agent", "dnguyen77@gmail.com."))
    assert _emails(*said) == [(0, f"{initial} N-G-U-Y-E-N 7 7 at gmail"), (1, "dnguyen77@gmail.com")]


def test_a_written_address_broken_off_and_given_again_whole_is_the_address() -> None:
    said = "It's sam.okoro@gmail... no sorry, it's googlemail, sam.okoro@googlemail.com."
    assert _emails(("customer", said)) == [(0, "sam.okoro@gmail"), (0, "sam.okoro@googlemail.com")]


def test_a_price_written_with_an_at_and_broken_off_is_no_address() -> None:
    said = "It was 2@3.50... no wait, two for 3.50. My email is sam.okoro@googlemail.com."
    assert _emails(("customer", said)) == [(0, "sam.okoro@googlemail.com")]


def test_other_digits_said_after_an_address_are_not_the_address() -> None:
    assert _emails(("customer", "It's kemi 1988 at hotmail dot com. Sorry, 12 of them bounced.")) == [
        (0, "kemi 1988 at hotmail dot com"),
    ]


@pytest.mark.parametrize(
    "answer, email",
    [
        # "dot com" heard as "not calm"
        ("It's O -B -I, dot, N -N -A, at Yahoo not calm.", "O -B -I, dot, N -N -A, at Yahoo not calm"),
        # the name said, then spelled, the country's ending heard as letters
        (
            "Tomas, T -O -M -A -S, not Novak, N -O -V -A -K, at Seznam -Not -CC.",
            "Tomas, T -O -M -A -S, not Novak, N -O -V -A -K, at Seznam -Not -CC",
        ),
    ],
)
def test_an_address_spelled_in_answer_to_its_question_is_found_though_its_ending_was_misheard(
    answer: str, email: str
) -> None:
    assert _emails(("agent", "What's the email on the order?"), ("customer", answer)) == [(1, email)]


@pytest.mark.parametrize(
    "answer",
    [
        # no dot nor letter after "at", nor a webmail provider: no domain said at all ("M, A, R, K at outlook." is
        # an address at one)
        "M, A, R, K at work.",
        "Sure, I can spell it, it's the one at work.",  # no letters spelled
    ],
)
def test_an_answer_with_at_but_no_address_spelled_and_ended_is_no_email(answer: str) -> None:
    assert _emails(("agent", "What's the email on the order?"), ("customer", answer)) == []


@pytest.mark.parametrize(
    "text, email",
    [
        # read out by the agent, "dot com" heard as "not come"
        (
            "I'll send it to the email on file, Ruth not Okoro at big but not come, is that right?",
            "Ruth not Okoro at big but not come",
        ),
        # "dot com" heard as "not calm"
        ("My email is sam not lee at out look not calm.", "sam not lee at out look not calm"),
    ],
)
def test_an_address_heard_as_words_right_after_the_email_is_named_is_the_address(text: str, email: str) -> None:
    assert _emails(("agent", text)) == [(0, email)]


def test_email_said_as_a_verb_before_words_heard_as_an_address_names_none() -> None:
    assert _emails(("agent", "You can email the form to claims at fabrikam not com.")) == []


@pytest.mark.parametrize(
    "said",
    [
        "Priya not Raman and the proton not come.",  # its "at" heard as "and the"
        "Priya not Raman at proton not calm",
    ],
)
def test_an_address_heard_as_words_in_the_turn_after_the_email_is_named_is_the_address(said: str) -> None:
    heard = said.rstrip(".")
    assert _emails(("agent", "The confirmation goes to your email address on file,"), ("agent", said)) == [(1, heard)]


def test_words_with_not_come_after_the_email_is_named_are_no_address_without_a_dot_heard_before() -> None:
    assert _emails(("agent", "I've updated the email on file,"), ("agent", "but the letter has not come yet.")) == []


@pytest.mark.parametrize(
    "turns, email",
    [
        # read back a turn after the e-mail is named, every "dot" heard as "not", its ending as a word
        (
            (("agent", "We'll email the receipt."), ("agent", "Is it still Marta not Kovacs at online not know?")),
            (1, "Marta not Kovacs at online not know"),
        ),
        # named by the agent, the caller's yes between, its "at" heard as "and"
        (
            (
                ("agent", "Shall I email it?"),
                ("customer", "Yes please."),
                ("agent", "Right, so that's Kofi not Mensah and tele not net?"),
            ),
            (2, "Kofi not Mensah and tele not net"),
        ),
        # one "dot" heard as "not", after a webmail provider, in the turn that names the e-mail
        (
            (("customer", "My email, yes, it's just dee Hanlon outlook not come, all one word."),),
            (0, "dee Hanlon outlook not come"),
        ),
    ],
)
def test_an_address_with_its_dots_heard_as_not_near_the_email_named_is_the_address(
    turns: tuple[tuple[str, str], ...], email: tuple[int, str]
) -> None:
    assert _emails(*turns) == [email]


@pytest.mark.parametrize(
    "turns",
    [
        # no e-mail named near it
        (("agent", "Is it Marta not Kovacs at online not know?"),),
        # a "not" of a verb
        (("agent", "I've emailed the courier."), ("agent", "So the parcel is not lost, it's just not come.")),
        # one "not" and no webmail provider
        (("agent", "We'll email the receipt."), ("agent", "Is it for Marta at the shop not net?")),
        # every "dot" said as "dot": the rules for addresses said in words decide it (a business's role mailbox)
        (("agent", "The email for complaints is resolutions at harbourline energy dot co dot uk."),),
    ],
)
def test_words_with_not_before_a_domain_word_are_no_address_unless_heard_for_dots(
    turns: tuple[tuple[str, str], ...],
) -> None:
    assert _emails(*turns) == []


def test_the_local_part_spelled_with_commas_after_a_full_stop_is_the_address_again() -> None:
    said = "Sure, it's tnakamura at web dot de. That's T, N, A, K, A, M, U, R, A."
    assert _emails(("agent", "Can you spell the e-mail?"), ("customer", said)) == [
        (1, "tnakamura at web dot de"),
        (1, "T, N, A, K, A, M, U, R, A"),
    ]


@pytest.mark.parametrize(
    "said, kind",
    [
        # a word of the mailbox spelled: the address spelled out
        ("Sure, it's tom.okafor at web dot de. That's O, K, A, F, O, R.", "email"),
        # said to be the surname: a name
        ("Sure, it's tom.okafor at web dot de. Surname, O, K, A, F, O, R.", "person_name"),
    ],
)
def test_a_word_of_the_mailbox_spelled_after_the_address_is_the_address_unless_named_a_surname(
    said: str, kind: str
) -> None:
    turns = (("agent", "Can you spell the e-mail?"), ("customer", said))
    assert spans_found(turns, (EntityType.EMAIL, EntityType.PERSON_NAME))[-1] == (kind, 1, "O, K, A, F, O, R")


@pytest.mark.parametrize(
    "text, email",
    [
        ("It's lucia dot garcia arroba gmail dot com, I think.", "lucia dot garcia arroba gmail dot com"),
        ("Write to marco chiocciola libero dot it please.", "marco chiocciola libero dot it"),
        ("Oh, c'est paul point martin arobase free point fr.", "paul point martin arobase free point fr"),
    ],
)
def test_an_address_with_at_said_in_another_language_is_found(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_the_word_for_at_in_passing_is_no_address() -> None:
    assert _emails(("customer", "On a Spanish keyboard the arroba sign is next to the number two.")) == []


def test_a_local_part_spelled_again_after_a_comma_stays_one_address_from_its_start() -> None:
    text = "Sure, k dot brzezinska, B-R-Z-E-Z-I-N-S-K-A, at onet dot pl."
    assert _emails(("customer", text)) == [(0, "k dot brzezinska, B-R-Z-E-Z-I-N-S-K-A, at onet dot pl")]


def test_letters_spelled_after_a_comma_with_no_at_after_them_are_no_address() -> None:
    assert _emails(("customer", "Okay, so my surname, B-R-Z-E-Z-I-N-S-K-A, and the first name is Kasia.")) == []


@pytest.mark.parametrize(
    "text, email",
    [
        ("It's oksana dot p at yandex dot ru.", "oksana dot p at yandex dot ru"),
        ("Mine's minho.lee at naver dot kr.", "minho.lee at naver dot kr"),
        ("Send it to keoni at surf dot ws, thanks.", "keoni at surf dot ws"),
        # any country's, as phone numbers know its region: Senegal's, Bolivia's, Mongolia's
        ("It's f-a-t-o-u at orange dot sn.", "f-a-t-o-u at orange dot sn"),
        ("Mine is lucia.quispe at entel dot bo.", "lucia.quispe at entel dot bo"),
        ("Write to bat.erdene at mobinet dot mn.", "bat.erdene at mobinet dot mn"),
    ],
)
def test_an_address_ending_in_more_countries_endings_is_found(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


@pytest.mark.parametrize(
    "text",
    [
        "I was at home dot is that what you mean?",
        # a filler or a word said after "dot", though a region's letters are theirs (Eritrea's, Myanmar's, Somalia's)
        "Call me at ten dot, er, I mean sharp.",
        "Call me at ten dot, mm, I mean sharp.",
        "Call me at ten dot, so, I mean sharp.",
    ],
)
def test_a_word_after_dot_that_is_no_countrys_ending_ends_no_address(text: str) -> None:
    assert _emails(("customer", text)) == []


@pytest.mark.parametrize(
    "text, email",
    [
        # a country's ending that is a word too, where the sentence ends with it
        ("Mine is sione.fifita at pacific dash mail dot to.", "sione.fifita at pacific dash mail dot to"),
        ("It's lena at mail dot by", "lena at mail dot by"),
        # a second-level ending of a country of the Gulf or Asia
        ("Write to khalid.nasser at etisalat dot net dot ae, please.", "khalid.nasser at etisalat dot net dot ae"),
        ("It's nguyen.an at fpt dot com dot vn.", "nguyen.an at fpt dot com dot vn"),
        ("It's siti at yahoo dot com dot my.", "siti at yahoo dot com dot my"),
    ],
)
def test_an_address_ending_in_a_countrys_word_ending_or_its_second_level_is_found_whole(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


@pytest.mark.parametrize(
    "text",
    [
        "I was at home dot to be honest.",
        "Join each number at the dot to.",
        "I clicked at the dot is.",
        "Nice to meet you, glad to be at work by.",
    ],
)
def test_words_after_dot_that_are_also_countries_endings_end_no_address_in_talk(text: str) -> None:
    assert _emails(("customer", text)) == []


@pytest.mark.parametrize(
    "text, email",
    [
        # a country's ending said as its two letters
        ("Send it to olga dot petrova at yandex dot r u please.", "olga dot petrova at yandex dot r u"),
        ("It's janez at siol dot s i, thanks.", "janez at siol dot s i"),
        # and after a second level's
        ("Mine is tomas at prodigy dot net dot m x.", "tomas at prodigy dot net dot m x"),
        # letters that make a word when run together
        ("Use aiman at tm dot net dot m y.", "aiman at tm dot net dot m y"),
    ],
)
def test_an_address_whose_country_ending_is_said_as_two_letters_is_found_whole(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


@pytest.mark.parametrize(
    "text",
    [
        "Press the dot, then R U, then enter.",
        "Flight B A two one eight leaves at nine, gate dot C.",
        "We arrived at the station dot, I mean on the dot, I S.",
        "The order total is 40 dot 5 0 at checkout.",
    ],
)
def test_two_letters_said_after_a_dot_without_an_address_are_no_email(text: str) -> None:
    assert _emails(("customer", text)) == []


def test_an_address_heard_as_words_joined_by_dots_runs_to_its_last_ending() -> None:
    found = _emails(("agent", "We'll write to the email on file,"), ("agent", "Aoife .briain .com .net"))
    assert (1, "Aoife .briain .com .net") in found
    assert all(words != "Aoife .briain .com" for _, words in found)


def test_a_sentence_after_an_address_heard_as_words_is_not_taken_into_it() -> None:
    found = _emails(
        ("agent", "We'll write to the email on file,"), ("agent", "Aoife .briain .com. Net banking is next.")
    )
    assert found == [(1, "Aoife .briain .com")]


def test_an_address_spelled_again_with_its_digits_after_a_dot_is_the_address_whole() -> None:
    found = _emails(("customer", "Write to lea.moss.2004@web.de, that's L-E-A dot M-O-S-S dot 2004."))
    assert found == [(0, "lea.moss.2004@web.de"), (0, "L-E-A dot M-O-S-S dot 2004")]


def test_digits_after_a_dot_with_no_address_spelled_before_are_no_email() -> None:
    assert _emails(("customer", "The flight is BA dot 2490, that's B A, two of us at 89 each.")) == []


def test_the_at_sign_named_is_the_at() -> None:
    said = "ahmed.hassan at sign protonmail dot me"
    assert _emails(("customer", said)) == [(0, said)]


@pytest.mark.parametrize(
    "asked, answer, email",
    [
        ("Name and email for the booking?", "Ana Fernandes, and the email is a dot fernandes at outlook dot pt.",
         "a dot fernandes at outlook dot pt"),
        ("Your phone and email, please?", "It's 0412 555 019, email's ken dot ito at gmail dot com.",
         "ken dot ito at gmail dot com"),
        # not named, only after ", and"
        ("Mobile and email?", "07912 338 461, and gabe dot oliveira at gmail dot com.",
         "gabe dot oliveira at gmail dot com"),
        ("Name and email?", "Ana Silva, and it's ana dot silva at gmail dot com.", "ana dot silva at gmail dot com"),
    ],
)  # fmt: skip
def test_an_answer_to_two_questions_gives_the_email_from_where_it_names_it(asked: str, answer: str, email: str) -> None:
    assert _emails(("agent", asked), ("customer", answer)) == [(1, email)]


def test_an_email_spelled_with_and_in_it_answering_for_the_email_alone_is_whole() -> None:
    said = "It's J, A, N, E, and then dot smith at gmail dot com."
    assert _emails(("agent", "What's your email?"), ("customer", said)) == [
        (1, "J, A, N, E, and then dot smith at gmail dot com")
    ]


@pytest.mark.parametrize(
    "text, email",
    [
        (
            "Meine E-Mail ist anna punkt weber minus haus at gmx punkt de.",
            "anna punkt weber minus haus at gmx punkt de",
        ),
        ("Mi correo es pedro punto gil at yahoo punto es.", "pedro punto gil at yahoo punto es"),
    ],
)
def test_an_address_said_with_dot_and_hyphen_in_the_caller_s_language_is_an_email(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_a_mailbox_s_tag_said_with_plus_is_part_of_the_address() -> None:
    assert _emails(("customer", "Send it to priya plus invoices at outlook dot com.")) == [
        (0, "priya plus invoices at outlook dot com")
    ]


@pytest.mark.parametrize(
    "text, email",
    [
        ("My email is bluemoon, all one word, at gmail dot com.", "bluemoon, all one word, at gmail dot com"),
        ("It's tomsmith all one word, then 82, at yahoo dot com.", "tomsmith all one word, then 82, at yahoo dot com"),
        (
            "It's maryjo, all one word, then a hyphen, then kelly, at outlook dot com.",
            "maryjo, all one word, then a hyphen, then kelly, at outlook dot com",
        ),
        # a city's own ending
        ("Send it to hello at thebakehouse dot london.", "hello at thebakehouse dot london"),
        # a role's word begins the mailbox, which is a person's
        ("It's info hyphen mcgrath at eircom dot net.", "info hyphen mcgrath at eircom dot net"),
    ],
)
def test_an_address_told_as_written_whole_or_with_a_city_s_ending_is_an_email(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_a_role_mailbox_the_business_gives_stays() -> None:
    assert _emails(("agent", "You can email claims at acme dot com with the photos.")) == []


def test_a_country_s_ending_spelled_with_hyphens_after_the_second_level_s_is_part_of_the_address() -> None:
    found = _emails(("agent", "Right, C-H-E-N dot W-E-I dot eight eight at yahoo dot com dot S-G?"))
    assert [text for _, text in found] == ["C-H-E-N dot W-E-I dot eight eight at yahoo dot com dot S-G"]


def test_a_local_part_read_back_with_its_dot_said_is_the_address() -> None:
    said = (("agent", "So that's k.obrien@eircom.net?"), ("customer", "Yeah, k dot obrien, no apostrophe."))
    assert _emails(*said) == [(0, "k.obrien@eircom.net"), (1, "k dot obrien")]


@pytest.mark.parametrize(
    "read, answer, put_right",
    [
        (
            "I've got margaux dot lenoir at free dot fr.",
            "No, it's lenoir82, L-E-N-O-I-R eight two.",
            ["lenoir82", "L-E-N-O-I-R eight two"],
        ),
        ("So that's t dot whitcombe 55 at gmail dot com?", "No, 5 6, t.whitcombe56.", ["t.whitcombe56"]),
        # with its provider after it
        ("So that's c dot adeyemi 31 at gmail.", "Nearly, it's adeyemi13 at gmail.", ["adeyemi13 at gmail"]),
        # a part with digits asked back
        ("It's sipho.ndlovu71 at webmail dot co dot za.", "Is that ndlovu71, with the numbers?", ["ndlovu71"]),
        # a word like a part, spelled after itself, and the part said again
        (
            "So that's anjali dot menon at gmail dot com?",
            "No, sorry, it's mennon, M-E-N-N-O-N, not menon.",
            ["mennon, M-E-N-N-O-N", "menon"],
        ),
    ],
)
def test_a_local_part_put_right_as_one_word_in_the_answer_to_the_address_read_out_is_the_address(
    read: str, answer: str, put_right: list[str]
) -> None:
    assert [text for turn, text in _emails(("agent", read), ("customer", answer)) if turn == 1] == put_right


@pytest.mark.parametrize(
    "answer",
    [
        "No, the order is ab1234.",  # no part of the address in it
        "Yes, and my username is margo82.",  # another word with digits
        "No, it's bolt, B-O-L-T, the brand.",  # a word spelled, like no part of it
    ],
)
def test_a_word_in_an_answer_that_holds_no_part_of_the_address_is_no_address(answer: str) -> None:
    said = (("agent", "I've got margaux dot lenoir at free dot fr."), ("customer", answer))
    assert [text for turn, text in _emails(*said) if turn == 1] == []


def test_a_local_part_said_again_with_other_letters_is_the_mailbox_put_right() -> None:
    # not the address read back, but a mailbox's name said alone with its initial
    said = (("agent", "So that's k.obrien@eircom.net?"), ("customer", "No, k dot brien, no o."))
    assert _emails(*said) == [(0, "k.obrien@eircom.net"), (1, "k dot brien")]


def test_a_domain_begun_with_two_letters_said_apart_is_the_addresss() -> None:
    said = ("customer", "It's o dot adebayo 2 at b t internet dot com.")
    assert _emails(said) == [(0, "o dot adebayo 2 at b t internet dot com")]


def test_at_broken_off_before_a_word_that_is_a_countrys_ending_is_no_address() -> None:
    said = "My email is info at... no, my personal one, sam-k-osei at gmail dot com."
    assert _emails(("customer", said)) == [(0, "sam-k-osei at gmail dot com")]


@pytest.mark.parametrize(
    "text, email",
    [
        ("email is Farah H for hotel Siddiqui at proton dot me", "Farah H for hotel Siddiqui at proton dot me"),
        (
            "The email, it's K dash Mensah, M-E-N-S-A-H, dash 1990 at outlook dot com.",
            "K dash Mensah, M-E-N-S-A-H, dash 1990 at outlook dot com",
        ),
        (
            "Email's z dot hassan, Zulu, dot, hotel alpha sierra sierra alpha november, at protonmail dot com.",
            "z dot hassan, Zulu, dot, hotel alpha sierra sierra alpha november, at protonmail dot com",
        ),
        # words of the sentence since "email", not the address's
        ("My email is on file, and it's john at gmail dot com.", "john at gmail dot com"),
        ("I changed my email last week. Now Tom Okafor, tom at gmail dot com.", "tom at gmail dot com"),
        ("The email Tom set up for invoices last year, tom at gmail dot com.", "tom at gmail dot com"),
    ],
)  # fmt: skip
def test_an_address_named_as_an_email_begins_right_after_its_name(text: str, email: str) -> None:
    assert spans_found((("customer", text),), (EntityType.EMAIL,)) == [("email", 0, email)]


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        (
            "Send it to my work one, it's t dot nguyen at",
            "harbourlogistics.com.au",
            ["t dot nguyen at", "harbourlogistics.com.au"],
        ),
        (
            "Send it to my work one, it's t dot nguyen",
            "at harbourlogistics dot com.",
            ["t dot nguyen", "at harbourlogistics dot com"],
        ),
        # Whisper ends a segment before the domain's ending
        ("It is John .Smith at Gmail", ".com. It", ["John .Smith at Gmail", "com"]),
        ("It's john dot smith at gmail.", "Dot com.", ["john dot smith at gmail", "Dot com"]),
    ],
)
def test_an_address_one_speaker_says_over_two_turns_is_one(first: str, second: str, found: list[str]) -> None:
    assert [text for _, text in _emails(("customer", first), ("customer", second))] == found


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("We met at", "harbourlogistics.com.au is their site."),  # more said than the domain
        ("We met at", "the harbour, by the logistics office."),  # no domain
    ],
)
def test_a_turn_ending_at_before_more_than_a_domain_is_no_address(first: str, second: str) -> None:
    assert _emails(("customer", first), ("customer", second)) == []


def test_a_turn_whose_own_address_begins_with_a_country_s_letters_joins_none_before_it() -> None:
    spelled = "I'll spell the surname, N -F -H -L -T -H -R -T -A."
    assert _emails(("customer", spelled), ("customer", "dot n f at gmail dot com")) == [(1, "dot n f at gmail dot com")]


def test_a_domain_s_ending_said_by_the_other_speaker_joins_no_address() -> None:
    assert _emails(("customer", "I keep it all at Gmail"), ("agent", ".com, right, the web site.")) == []


def test_a_mailbox_heard_with_a_webmail_domain_its_at_lost_is_an_email_unasked() -> None:
    said = "Perfect! Could you send the confirmation to o .hritsenco .gmail .com?"
    assert _emails(("customer", said)) == [(0, "o .hritsenco .gmail .com")]


@pytest.mark.parametrize(
    "said",
    [
        "I read it on news .yahoo .com this morning.",  # the provider's own site
        "It was on the Smith .Jones .com page.",  # no webmail provider, and no e-mail talked of
    ],
)
def test_words_joined_by_dots_unasked_without_a_mailbox_at_a_webmail_provider_are_no_email(said: str) -> None:
    assert _emails(("customer", said)) == []


@pytest.mark.parametrize(
    "said, emails",
    [
        # its last part after a pause
        ("It's thandeka underscore m, 88 at -gmail dot com.", [(0, "thandeka underscore m, 88 at -gmail dot com")]),
        (
            "It's thandeka underscore m, eighty eight at gmail dot com.",
            [(0, "thandeka underscore m, eighty eight at gmail dot com")],
        ),
        # at a webmail provider, its ending left off, where "email" names it
        (
            "Um, the email's on file as mwangi dot j 2 at gmail, I think it's dot com.",
            [(0, "mwangi dot j 2 at gmail")],
        ),
        (
            "My email is, um, sochil dot ramirez, X-O-C-H-I-T-L, at gmail.",
            [(0, "sochil dot ramirez, X-O-C-H-I-T-L, at gmail")],
        ),
        # ... or unnamed, a mailbox with a separator word and digits at a provider of nothing but mail
        ("It's f dot adeyinka7 at gmail, not the work one.", [(0, "f dot adeyinka7 at gmail")]),
        # a filler before the "at"
        (
            "It's imelda underscore r, uh, at yahoo dot com dot ph.",
            [(0, "imelda underscore r, uh, at yahoo dot com dot ph")],
        ),
        # a domain that goes on past a country's ending
        (
            "My student email, efua dot mensah at st dot ug dot edu dot gh.",
            [(0, "efua dot mensah at st dot ug dot edu dot gh")],
        ),
        # no mailbox said as one, or no e-mail named
        ("My email is fine, I left it at yahoo.", []),
        ("Save the file as report dot 2 at outlook.", []),
        ("Save the file as report 2 at gmail.", []),
        ("Send the report dot final at gmail, the shared drive.", []),
    ],
)
def test_an_address_said_with_a_pause_before_its_digits_or_without_its_providers_ending_is_found(
    said: str, emails: list[tuple[int, str]]
) -> None:
    assert [(turn, words) for _, turn, words in spans_found((("customer", said),), (EntityType.EMAIL,))] == emails


def test_at_said_between_commas_after_letters_spelled_so_joins_the_address() -> None:
    said = "Email's M, B, O, N, G, I, at, icloud.com."
    assert spans_found((("customer", said),), (EntityType.EMAIL,)) == [("email", 0, "M, B, O, N, G, I, at, icloud.com")]


@pytest.mark.parametrize("reply", ["No, with a double T, bennett.", "No, with two Ts, bennett."])
def test_a_local_part_put_right_by_its_letters_then_as_it_is_written(reply: str) -> None:
    found_spans = _emails(("agent", "So that's bennet at icloud dot com?"), ("customer", reply))
    assert found_spans == [(0, "bennet at icloud dot com"), (1, "bennett")]


@pytest.mark.parametrize(
    ("read", "reply"),
    [
        # how it is written, with no letters told: left to the name rules
        ("K dot O'Sullivan at eircom dot net, no apostrophe I assume?", "No apostrophe, just osullivan."),
        # a word like the part by chance
        ("So that's bennet at icloud dot com?", "No, with a double T, like on the banner I sent."),
    ],
)
def test_a_word_like_the_local_part_without_letters_told_or_unlike_it_is_no_address(read: str, reply: str) -> None:
    assert [turn for turn, _ in _emails(("agent", read), ("customer", reply))] == [0]


@pytest.mark.parametrize(
    ("said", "address"),
    [
        # its last part spelled after a comma, then digits before the "at"
        ("It's j dot mensah, M-E-N-S-A-H, 77 at yahoo dot com.", "j dot mensah, M-E-N-S-A-H, 77 at yahoo dot com"),
        # letters in the radio alphabet and digits, each after a comma
        ("It's tango, oscar, mike, four, two, at gmail dot com.", "tango, oscar, mike, four, two, at gmail dot com"),
    ],
)
def test_a_mailbox_with_its_digits_after_a_spelling_or_radio_letters_is_whole(said: str, address: str) -> None:
    assert _emails(("customer", said)) == [(0, address)]


@pytest.mark.parametrize(
    ("said", "mailbox"),
    [
        ("So that's j dot harlow 55?", "j dot harlow 55"),
        ("Priya dot raman, eight eight?", "Priya dot raman, eight eight"),
        ("Do you want it sent to the same email, the one starting k dot amadi?", "k dot amadi"),
        ("Is your email still sam dot obi?", "sam dot obi"),
    ],
)
def test_a_mailbox_s_name_said_alone_with_dot_is_an_email(said: str, mailbox: str) -> None:
    assert found(segments(("agent", said))) == [("email", [mailbox])]


@pytest.mark.parametrize(
    "said",
    [
        "Don't email, just visit bbc dot co dot uk.",  # a website
        "No need to email, go to help dot skyfibre dot co dot uk.",
        "Or email water dot example.",
        "It's version two dot five.",  # a number
        "I need a duplicate, the original dot damage in the floods.",  # "got damaged", no mail talked about
    ],
)
def test_words_joined_by_dot_that_are_no_mailbox_are_no_email(said: str) -> None:
    assert "email" not in [kind for kind, _ in found(segments(("customer", said)))]


@pytest.mark.parametrize(
    "text, email",
    [
        ("Sipho M at webmail dot co dot za.", "Sipho M at webmail dot co dot za"),
        ("It's Thomas K at outlook dot com.", "Thomas K at outlook dot com"),
    ],
)
def test_a_first_name_before_an_initial_as_the_mailbox_is_part_of_the_address(text: str, email: str) -> None:
    assert _emails(("customer", text)) == [(0, email)]


def test_a_word_that_only_leads_in_before_an_initial_is_no_part_of_the_address() -> None:
    assert _emails(("customer", "Okay M at gmail dot com.")) == [(0, "M at gmail dot com")]


def test_a_written_address_with_a_filler_after_its_at_sign_is_one_address() -> None:
    """(after scoring held_back_52)"""
    said = "My email is d.oyelaran@, um, unilag.edu.ng."
    assert _emails(("customer", said)) == [(0, "d.oyelaran@, um, unilag.edu.ng")]


@pytest.mark.parametrize(
    "answer, email",
    [
        ("It's the family one, thewalshes1975 at eircom dot net.", "thewalshes1975 at eircom dot net"),
        (
            "My son set it up, it's grandpa underscore ted at icloud dot com.",
            "grandpa underscore ted at icloud dot com",
        ),
        # the mailbox's own words and letters before a comma are the address's
        ("C-I-A-R-A, ciara dot quinn, at eircom dot net.", "C-I-A-R-A, ciara dot quinn, at eircom dot net"),
        ("D for delta, A, V, I, D, 0 9, at rediffmail dot com.", "D for delta, A, V, I, D, 0 9, at rediffmail dot com"),
        # the address said first as written, then put right: both the address
        (
            "j.o.okafor, uh, no dots actually, jookafor at gmail dot com.",
            "j.o.okafor, uh, no dots actually, jookafor at gmail dot com",
        ),
    ],
)
def test_a_clause_said_before_an_answered_address_is_no_part_of_it(answer: str, email: str) -> None:
    assert _emails(("agent", "And what's the email?"), ("customer", answer)) == [(1, email)]


@pytest.mark.parametrize("domain", ["...at outlook dot com.", "at outlook dot com."])
def test_an_address_broken_off_with_dots_goes_on_after_a_backchannel(domain: str) -> None:
    """(after scoring held_back_53)"""
    turns = (("customer", "It's kavya dot s..."), ("agent", "Uh-huh."), ("customer", domain))
    assert _emails(*turns) == [(0, "kavya dot s"), (2, domain.removeprefix("...").rstrip("."))]


@pytest.mark.parametrize(
    ("said", "email"),
    [
        (
            "Yeah, jp underscore silva, that's S-I-L-V-A, at hotmail.",
            "jp underscore silva, that's S-I-L-V-A, at hotmail",
        ),
        ("folake at gmail.", "folake at gmail"),
        ("M, A, R, K at outlook.", "M, A, R, K at outlook"),
        ("It's all lowercase, f, o, l, a, k, e at gmail.", "all lowercase, f, o, l, a, k, e at gmail"),
    ],
)
def test_an_answer_for_an_email_ending_at_a_webmail_provider_is_the_address(said: str, email: str) -> None:
    found = spans_found((("agent", "And your email?"), ("customer", said)), (EntityType.EMAIL,))
    assert found == [("email", 1, email)]


@pytest.mark.parametrize(
    "said", ["It's the same one I always use, the one at gmail.", "I have 2 at gmail.", "Just my name at yahoo."]
)
def test_an_answer_ending_at_a_webmail_provider_with_no_mailbox_said_is_no_email(said: str) -> None:
    assert spans_found((("agent", "And your email?"), ("customer", said)), (EntityType.EMAIL,)) == []


@pytest.mark.parametrize(
    ("said", "email"),
    [
        (
            "Okay, it's sean... seanmurphy, no dots, at eircom dot net.",
            "sean... seanmurphy, no dots, at eircom dot net",
        ),
        ("It's kwame, all lowercase, at proton dot me.", "kwame, all lowercase, at proton dot me"),
    ],
)
def test_how_the_mailbox_is_written_said_before_the_at_is_part_of_the_address(said: str, email: str) -> None:
    """(after scoring held_back_54)"""
    assert spans_found((("customer", said),), (EntityType.EMAIL,)) == [("email", 0, email)]


def test_a_written_address_read_back_spelled_with_its_digits_after_is_the_address() -> None:
    """(after scoring held_back_54)"""
    turns = (("customer", "raj.iyer84@gmail.com."), ("agent", "Is that R-A-J dot I-Y-E-R 84?"), ("customer", "Yes."))
    assert spans_found(turns, (EntityType.EMAIL,)) == [
        ("email", 0, "raj.iyer84@gmail.com"),
        ("email", 1, "R-A-J dot I-Y-E-R 84"),
    ]


def test_other_digits_said_after_a_local_part_read_back_are_no_part_of_it() -> None:
    turns = (("customer", "raj.iyer84@gmail.com."), ("agent", "Is that R-A-J dot I-Y-E-R 85?"), ("customer", "No."))
    assert spans_found(turns, (EntityType.EMAIL,)) == [("email", 0, "raj.iyer84@gmail.com")]


@pytest.mark.parametrize(
    ("said", "email"),
    [
        ("The one with the hyphen, mary-kate.dunne@eircom.net.", "mary-kate.dunne@eircom.net"),
        ("The one with the dash, mary hyphen kate at eircom dot net.", "mary hyphen kate at eircom dot net"),
        ("The email from the church, secretary.stmarys@gmail.com.", "secretary.stmarys@gmail.com"),
        ("The old AOL, it's grandmasue at aol dot com.", "grandmasue at aol dot com"),
    ],
)
def test_words_about_the_address_said_before_it_are_no_part_of_it(said: str, email: str) -> None:
    """A separator named as a thing, a word before an address written whole, a provider named in a clause."""
    assert _emails(("agent", "And the e-mail?"), ("customer", said)) == [(1, email)]


def test_a_separator_said_after_a_name_before_the_at_is_still_part_of_the_address() -> None:
    said = "annmarie, all one word, then a hyphen, then devlin at gmail dot com."
    assert _emails(("agent", "And the e-mail?"), ("customer", said)) == [(1, said.rstrip("."))]


@pytest.mark.parametrize(
    ("said", "email"),
    [
        ("It's our shared inbox, tomandana at icloud dot com.", "tomandana at icloud dot com"),
        (
            "It's our shared inbox, siobhan, s-i-o-b-h-a-n, at icloud dot com.",
            "siobhan, s-i-o-b-h-a-n, at icloud dot com",
        ),
        ("Um, it's my old AOL, bigjim at aol dot com, I still check it.", "bigjim at aol dot com"),
        ("The kids' one, it's thedoylekids at gmail.", "thedoylekids at gmail"),
    ],
)
def test_a_clause_about_the_address_before_it_is_left_with_its_words_inflected(said: str, email: str) -> None:
    """A clause of words the word list holds only in another form ("kids", "shared"), or the provider alone."""
    assert _emails(("agent", "And the e-mail?"), ("customer", said)) == [(1, email)]


@pytest.mark.parametrize(
    ("turns", "email"),
    [
        ((("customer", "It's priya dot n dot raghavan at gmail."),), (0, "priya dot n dot raghavan at gmail")),
        (
            (("agent", "So that's j underscore tan, 88, at hotmail dot com?"),),
            (0, "j underscore tan, 88, at hotmail dot com"),
        ),
    ],
)
def test_a_mailbox_said_with_two_separators_or_its_digits_set_apart_is_the_address(
    turns: tuple[tuple[str, str], ...], email: tuple[int, str]
) -> None:
    """(after scoring held_back_55) Unasked, at a provider of mail alone, two separator words say a mailbox as digits
    do; and digits said between pauses before the "at" are its last part."""
    assert _emails(*turns) == [email]


def test_a_file_name_with_two_dots_at_a_provider_that_is_more_than_mail_is_no_address() -> None:
    assert _emails(("customer", "Save the file as report dot final dot v2 at outlook.")) == []
