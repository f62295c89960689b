"""Calls in the languages contact centres switch into: Spanish, Portuguese and French, and Hindi/Urdu, Tagalog and
Swahili as written in Latin script. The default cards carry their wording, so a call held wholly in one of them is
judged like one in English, with the same negations, refusals and blame."""

from __future__ import annotations

import pytest

from shared.ai.evaluation.base import EvaluationContext
from shared.ai.evaluation.rules import RuleBasedEngine
from shared.ai.evaluation.scorecards import default_scorecard
from tests.shared.ai.evaluation.call_scripts import Script, build_transcript
from tests.shared.ai.evaluation.short_calls import ENGINES, INTENT_ENGINE, judged, kinds

pytestmark = pytest.mark.unit

HUMAN_CRITERIA = [criterion.id for criterion in default_scorecard("human").criteria]
AI_CRITERIA = [criterion.id for criterion in default_scorecard("ai_agent").criteria]

SPANISH_HUMAN: Script = (
    ("agent", "Buenas tardes, Ferretería El Clavo, le atiende Rosario. Le informo que esta llamada es grabada."),
    ("customer", "Hola, compré un taladro la semana pasada y no enciende."),
    ("agent", "Lamento mucho la molestia. ¿Me puede dar su número de ticket, por favor?"),
    ("customer", "Es el cuatro cinco dos uno."),
    ("agent", "Gracias. Ya quedó registrado el cambio; el taladro nuevo le llega el jueves por la mañana."),
    ("customer", "Perfecto."),
    ("agent", "¿Hay algo más en que le pueda ayudar?"),
    ("customer", "No, eso es todo."),
    ("agent", "Gracias por llamar, que tenga un buen día."),
)
HINDI_HUMAN: Script = (
    ("agent", "Namaste, Sharma Electronics, main Anjali bol rahi hoon. Yeh call quality ke liye record ki ja rahi hai"),
    ("customer", "Namaste, mera fridge do din se thanda nahi kar raha."),
    ("agent", "Maaf kijiye, aapko itni pareshani hui. Apna order number bata dijiye."),
    ("customer", "Order number saat teen do."),
    ("agent", "Dhanyavaad. Technician kal subah das baje aa jayega, aur repair free hoga."),
    ("customer", "Theek hai."),
    ("agent", "Aur koi madad chahiye aapko?"),
    ("customer", "Nahi, bas."),
    ("agent", "Shukriya, aapka din shubh ho."),
)
TAGALOG_HUMAN: Script = (
    ("agent", "Magandang umaga po, Bituin Courier, si Marites po ito. Naka-record po ang tawag para sa quality."),
    ("customer", "Hello po, hindi pa dumating yung package ko."),
    ("agent", "Pasensya na po sa abala. Pakibigay po ang tracking number ninyo."),
    ("customer", "B C siyam walo pito."),
    ("agent", "Salamat po. Darating po ang package ninyo bukas ng hapon."),
    ("customer", "Sige po."),
    ("agent", "May iba pa po ba akong maitutulong?"),
    ("customer", "Wala na po."),
    ("agent", "Maraming salamat po, ingat po kayo."),
)
SWAHILI_AI: Script = (
    ("agent", "Habari, karibu Maji Safi. Mimi ni msaidizi wa kompyuta, sio mtu. Simu hii inarekodiwa kwa ubora."),
    ("customer", "Habari. Bili yangu ya maji ni kubwa sana mwezi huu."),
    ("agent", "Tafadhali nipe namba ya akaunti yako."),
    ("customer", "Ni tatu nne tano sita."),
    ("agent", "Asante. Ukitaka kuongea na mtu, bonyeza sifuri, au nitakuunganisha na mhudumu sasa hivi."),
    ("customer", "Sawa, niunganishe."),
    ("agent", "Asante kwa kupiga simu. Kwaheri."),
)
SPANISH_AI: Script = (
    ("agent", "Hola, soy Clara, la asistente virtual de Banco Sol. Esta llamada puede ser grabada."),
    ("customer", "Hola, quiero bloquear mi tarjeta."),
    ("agent", "Con gusto. Dígame su fecha de nacimiento y los últimos cuatro dígitos de la tarjeta."),
    ("customer", "Doce de marzo de mil novecientos ochenta, y siete siete uno dos."),
    ("agent", "Listo, su tarjeta quedó bloqueada. Si prefiere hablar con un asesor, marque el dos."),
    ("customer", "No, gracias."),
    ("agent", "Gracias por llamar. Hasta luego."),
)


@ENGINES
@pytest.mark.parametrize("script", [SPANISH_HUMAN, HINDI_HUMAN, TAGALOG_HUMAN], ids=["spanish", "hindi", "tagalog"])
def test_a_good_human_call_in_another_language_passes_every_criterion(engine: RuleBasedEngine, script: Script) -> None:
    results = {c: judged(engine, script, c).verdict for c in HUMAN_CRITERIA}
    assert {c: v for c, v in results.items() if v != "pass"} == {}


@ENGINES
@pytest.mark.parametrize("script", [SPANISH_AI, SWAHILI_AI], ids=["spanish", "swahili"])
def test_a_good_ai_call_in_another_language_passes_every_criterion(engine: RuleBasedEngine, script: Script) -> None:
    results = {c: judged(engine, script, c, is_ai_call=True).verdict for c in AI_CRITERIA}
    assert {c: v for c, v in results.items() if v != "pass"} == {}


def _with(script: Script, index: int, line: str) -> Script:
    return tuple((speaker, line if i == index else text) for i, (speaker, text) in enumerate(script))


@ENGINES
@pytest.mark.parametrize(
    ("script", "index", "line", "criterion"),
    [
        # Said in the negative, in each language's own way.
        (SPANISH_HUMAN, 0, "Buenas tardes, Ferretería El Clavo, le atiende Rosario. Esta llamada no se graba.",
         "recording_disclosure"),
        (HINDI_HUMAN, 0, "Namaste, Sharma Electronics, main Anjali bol rahi hoon. Yeh call record nahi ho rahi.",
         "recording_disclosure"),
        (TAGALOG_HUMAN, 0, "Magandang umaga po, Bituin Courier, si Marites po ito. Hindi po naka-record ang tawag.",
         "recording_disclosure"),
        # An apology taken back by blaming the customer.
        (SPANISH_HUMAN, 2, "Lo siento, pero es su culpa por no leer el manual. ¿Su número de ticket?", "empathy"),
        (HINDI_HUMAN, 2, "Sorry, lekin yeh aap ki apni galti hai. Order number bata dijiye.", "empathy"),
        # The same rude words fail the conduct criterion.
        (SPANISH_HUMAN, 4, "Hasta un niño sabe usar un taladro. Le llega el jueves.", "no_prohibited_language"),
        (HINDI_HUMAN, 4, "Aap bewakoof ho kya? Technician kal subah aa jayega.", "no_prohibited_language"),
        (TAGALOG_HUMAN, 4, "Kasalanan mo yan. Darating po bukas ng hapon.", "no_prohibited_language"),
        (SPANISH_HUMAN, 4, "Se lo garantizo que el seguro le paga todo, el jueves.", "no_prohibited_language"),
    ],
    ids=["es-not-recorded", "hi-not-recorded", "tl-not-recorded", "es-sorry-but", "hi-sorry-but", "es-child",
         "hi-insult", "tl-blame", "es-guarantee"],
)  # fmt: skip
def test_negations_refusals_and_blame_in_another_language_fail(
    engine: RuleBasedEngine, script: Script, index: int, line: str, criterion: str
) -> None:
    assert judged(engine, _with(script, index, line), criterion).verdict in ("fail", "needs_review")


@ENGINES
@pytest.mark.parametrize(
    "line",
    [
        "No hay nadie a quien pueda transferirle en este momento.",
        "Lo siento, no le puedo pasar con un asesor.",
    ],
)
def test_a_refused_transfer_in_spanish_offers_no_escalation(engine: RuleBasedEngine, line: str) -> None:
    assert judged(engine, _with(SPANISH_AI, 4, line), "escalation_offer", is_ai_call=True).verdict == "fail"


@ENGINES
@pytest.mark.parametrize(
    ("script", "index", "line", "criterion"),
    [
        # Set phrases with a negator that deny nothing: "no problem", "don't worry", "you're welcome".
        (HINDI_HUMAN, 2, "Koi baat nahi, apna order number bata dijiye.", "identity_verification"),
        (SPANISH_HUMAN, 2, "No se preocupe, lamento la molestia. ¿Me da su número de ticket?", "empathy"),
        (SPANISH_HUMAN, 8, "De nada, que tenga un buen día.", "closing"),
        # "Aur" (and) opens a new clause: the "nahi" before it does not reach the recording notice.
        (HINDI_HUMAN, 0, "Namaste, Sharma Electronics, koi robot nahi, main Anjali bol rahi hoon aur yeh call quality"
         " ke liye record ki ja rahi hai.", "recording_disclosure"),
        # The agent's own fault is no blame.
        (HINDI_HUMAN, 4, "Yeh hamari apni galti thi. Technician kal subah aa jayega.", "no_prohibited_language"),
        # Refusing to guarantee is fine.
        (SPANISH_HUMAN, 4, "No le garantizo que el seguro pague, pero el taladro le llega el jueves.",
         "no_prohibited_language"),
    ],
)  # fmt: skip
def test_innocent_wording_in_another_language_passes(
    engine: RuleBasedEngine, script: Script, index: int, line: str, criterion: str
) -> None:
    assert judged(engine, _with(script, index, line), criterion).verdict == "pass"


@pytest.mark.parametrize(
    "sentence",
    [
        "Press two for Spanish, and nada más is needed from you.",
        "Kal from our Leeds branch is the engineer.",
        "The Hindi menu is option three.",
    ],
)
def test_english_look_alikes_of_those_words_are_not_rude(sentence: str) -> None:
    assert kinds(sentence) == []


def test_a_call_transcribed_as_spanish_is_judged_by_the_default_cards() -> None:
    """The default cards are worded in English and Spanish, so speech recognition naming the call Spanish leaves every
    criterion judged; a language they hold no wording in is not applicable (``test_intent_cases``)."""
    transcript = build_transcript(SPANISH_HUMAN).model_copy(update={"language": "es"})
    analysis = INTENT_ENGINE.evaluate(transcript, EvaluationContext("af", "eng", None, False))
    assert {item.verdict for item in analysis.criteria} == {"pass"}
    assert default_scorecard("human").languages == default_scorecard("ai_agent").languages == ["en", "es"]
