"""Generate two-speaker calls mixed to mono, with overlaps and backchannels, and their true turns.

For diarization tests and ``bench.pipeline``: each call is a script spoken by two espeak-ng voices that differ
in voice, pitch and speed; a few turns start before the previous one ends (overlap), and the listener says
"mm-hm", "okay" or "right" while the other talks (backchannels). The true turns, backchannels included, are
written beside each call, so diarization error can be measured. Each call is also written as stereo with the
agent on the right channel (1), the wrong way round for the default ``CHANNEL_SPEAKERS``.

Output is deterministic for a given espeak-ng version and cached: ``generate_mono_calls(directory)``.
Usage: ``python -m scripts.mono_calls --out DIR``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from scripts.sample_calls import (
    AI_AGENT_CALL,
    SAMPLE_RATE,
    SUPPORT_CALL,
    CallScript,
    TimedTurn,
    call_script,
    locked_directory,
    synthesize,
    tool_version,
)

GENERATOR_VERSION = "1"
LEAD_IN_MS = 400
TAIL_MS = 500
BACKCHANNELS = ("mm-hm", "okay", "right", "yes", "I see")


@dataclass(frozen=True)
class Voice:
    name: str  # espeak-ng voice and variant
    pitch: int  # espeak-ng -p, 0-99
    words_per_minute: int


@dataclass(frozen=True)
class CallPlan:
    name: str
    script: CallScript
    agent: Voice
    customer: Voice
    seed: int  # gaps, overlaps and backchannel places


BANK_CALL = call_script(
    "bank_call",
    """
agent: Good morning, thank you for calling First Harbor Bank, this is Daniel. How may I help you?
customer: Hello, my card was declined at the grocery store this morning and I do not know why.
agent: I am sorry to hear that. Can you confirm the last four digits of the card?
customer: Yes, it is two two one nine.
agent: Thank you. I see a fraud alert on the card. Did you make a purchase online last night?
customer: No, that was not me.
agent: Then I will block this card and send you a new one within three days.
customer: Okay, thank you very much.
agent: Is there anything else I can help you with today?
customer: No, that is everything.
""",
)

INTERNET_CALL = call_script(
    "internet_call",
    """
customer: Hi, is this the internet support line?
agent: Yes, welcome to Skyline Fiber technical support, my name is Priya. How can I help you today?
customer: My internet has been down since yesterday evening and I work from home.
agent: I understand. Let me check your line. Can you tell me the postcode of the address?
customer: It is nine zero two one zero.
agent: Thank you. There is an outage in your area and our engineers are repairing it now.
customer: How long will it take?
agent: It should be fixed by six o'clock tonight. I will add a credit to your account for the lost day.
customer: That is fair, thanks.
""",
)

PHARMACY_CALL = call_script(
    "pharmacy_call",
    """
agent: Thank you for calling Green Cross Pharmacy, this is Mark speaking. How can I help?
customer: Hi, I would like to refill my blood pressure prescription.
agent: Of course. May I have your date of birth, please?
customer: March third, nineteen eighty five.
agent: Thank you. Your refill will be ready for pick up tomorrow after ten in the morning.
customer: Can I get it delivered instead?
agent: Yes, delivery is free for refills. It will arrive on Thursday.
customer: Perfect, thank you.
""",
)

HOTEL_CALL = call_script(
    "hotel_call",
    """
agent: Thank you for calling the Lakeside Hotel reservations desk, my name is Emma. How may I assist you?
customer: Hello, I want to book a double room for two nights next weekend.
agent: Certainly. We have a double room with a lake view for one hundred and twenty dollars a night.
customer: That sounds good. Is breakfast included?
agent: Yes, breakfast is included, and parking is free for our guests.
customer: Great, please book it under the name Johnson.
agent: Done. You will receive a confirmation email shortly. Anything else I can do for you?
customer: No, that is all, thank you.
""",
)

INSURANCE_CALL = call_script(
    "insurance_call",
    """
agent: Hello, this is the Northstar Insurance claims line, you are speaking with Oliver. How can I help you?
customer: Hi, I need to report a car accident from this afternoon.
agent: I am sorry to hear that. Is everybody safe?
customer: Yes, nobody was hurt, but the rear bumper is damaged.
agent: Good. I have opened a claim for you, and an adjuster will call you tomorrow to arrange an inspection.
customer: Do I need to send any photos?
agent: Yes, please upload photos of the damage in our app today.
customer: All right, I will do that. Thanks.
""",
)

SCRIPTS: tuple[CallScript, ...] = (SUPPORT_CALL, AI_AGENT_CALL, BANK_CALL, INTERNET_CALL, PHARMACY_CALL, HOTEL_CALL)
_PAIRS: tuple[tuple[Voice, Voice], ...] = (
    (Voice("en-us+f3", 55, 165), Voice("en-us+m3", 40, 150)),
    (Voice("en+m1", 35, 155), Voice("en-gb+f4", 60, 175)),
    (Voice("en-us+f5", 70, 180), Voice("en+m7", 30, 145)),
    (Voice("en-gb+m2", 45, 160), Voice("en-us+f2", 65, 170)),
    (Voice("en+f4", 50, 150), Voice("en-us+m4", 50, 185)),
    (Voice("en-us+m6", 40, 170), Voice("en+f1", 55, 160)),
)
# Two calls per script, with different voice pairs: twelve calls, on which the diarizer was tuned.
PLANS: tuple[CallPlan, ...] = tuple(
    CallPlan(f"{script.name}_{round_}", script, *_PAIRS[(index + round_ * 3) % len(_PAIRS)], seed=index * 10 + round_)
    for index, script in enumerate(SCRIPTS)
    for round_ in range(2)
)
# Held back: voices none of the tuned calls has, new gaps and overlaps; scored once, at the end.
_HELD_BACK_PAIRS: tuple[tuple[Voice, Voice], ...] = (
    (Voice("en-us+Alicia", 55, 170), Voice("en+m5", 45, 150)),
    (Voice("en+m8", 40, 160), Voice("en-us+Annie", 60, 165)),
    (Voice("en-gb+steph", 50, 175), Voice("en-us+paul", 35, 155)),
    (Voice("en-us+robert", 45, 145), Voice("en+linda", 55, 180)),
)
HELD_BACK_PLANS: tuple[CallPlan, ...] = tuple(
    CallPlan(f"held_back_{script.name}", script, *pair, seed=1000 + index)
    for index, (script, pair) in enumerate(
        zip((BANK_CALL, HOTEL_CALL, INTERNET_CALL, SUPPORT_CALL), _HELD_BACK_PAIRS, strict=True)
    )
)


def render_mono_call(plan: CallPlan) -> tuple[np.ndarray, list[TimedTurn]]:
    """The call as (frames, 2) float32, agent left, and its true turns (backchannels included), in time order.

    Most turns follow a gap of 250-800 ms; about one in four starts 200-600 ms before the previous one ends.
    During long turns the listener backchannels once, about halfway through (overlapping the speaker).
    """
    rng = np.random.default_rng(plan.seed)
    voices = {"agent": plan.agent, "customer": plan.customer}
    placed: list[tuple[TimedTurn, np.ndarray]] = []
    rate = SAMPLE_RATE
    cursor = LEAD_IN_MS * rate // 1000
    for position, turn in enumerate(plan.script.turns):
        voice = voices[turn.speaker]
        speech = synthesize(turn.text, voice.name, words_per_minute=voice.words_per_minute, pitch=voice.pitch)
        if position and rng.random() < 0.25:
            cursor -= int(rng.uniform(0.2, 0.6) * rate)  # starts before the other has finished
        start = max(cursor, placed[-1][0].start_ms * rate // 1000 + rate // 2 if placed else 0)
        placed.append((_timed(turn.speaker, turn.text, start, speech.size), speech))
        if speech.size > 3 * rate and rng.random() < 0.6:
            listener = "customer" if turn.speaker == "agent" else "agent"
            other = voices[listener]
            word = str(rng.choice(BACKCHANNELS))
            back = synthesize(word, other.name, words_per_minute=other.words_per_minute, pitch=other.pitch)
            at = start + int(rng.uniform(0.4, 0.6) * speech.size)
            placed.append((_timed(listener, word, at, back.size), back))
        cursor = start + speech.size + int(rng.uniform(0.25, 0.8) * rate)
    total = max(turn.end_ms for turn, _ in placed) * rate // 1000 + TAIL_MS * rate // 1000
    stereo = np.zeros((total, 2), dtype=np.float32)
    for turn, speech in placed:
        first = turn.start_ms * rate // 1000
        stereo[first : first + speech.size, 0 if turn.speaker == "agent" else 1] += speech * 0.6
    return stereo, sorted((turn for turn, _ in placed), key=lambda t: t.start_ms)


def _timed(speaker: str, text: str, first_sample: int, size: int) -> TimedTurn:
    return TimedTurn(speaker, text, first_sample * 1000 // SAMPLE_RATE, (first_sample + size) * 1000 // SAMPLE_RATE)


@dataclass(frozen=True)
class MonoCall:
    name: str
    mono: Path  # both voices mixed into one channel
    swapped_stereo: Path  # agent on the right channel (1), customer on the left
    turns: tuple[TimedTurn, ...]  # the truth, backchannels included
    reference: str  # the script's words (no backchannels), for WER

    @property
    def duration_s(self) -> float:
        return float(sf.info(str(self.mono)).duration)


def _cache_key(plans: Sequence[CallPlan]) -> str:
    material = {
        "generator": GENERATOR_VERSION,
        "plans": [asdict(plan) for plan in plans],
        "timing": [SAMPLE_RATE, LEAD_IN_MS, TAIL_MS, BACKCHANNELS],
        "espeak": tool_version("espeak-ng"),
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


def _load(directory: Path, plan: CallPlan) -> MonoCall:
    data = json.loads((directory / f"{plan.name}.turns.json").read_text())
    return MonoCall(
        plan.name,
        directory / f"{plan.name}_mono.wav",
        directory / f"{plan.name}_swapped.wav",
        tuple(TimedTurn(**turn) for turn in data["turns"]),
        plan.script.text,
    )


def generate_mono_calls(directory: Path, plans: Sequence[CallPlan] = PLANS) -> list[MonoCall]:
    """Render ``plans`` into ``directory`` unless a previous run with the same inputs did; the calls."""
    directory = Path(directory)
    with locked_directory(directory):
        manifest_path = directory / "manifest.json"
        done: dict[str, str] = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
        for plan in plans:
            key = _cache_key([plan])
            if done.get(plan.name) == key and (directory / f"{plan.name}.turns.json").exists():
                continue
            stereo, turns = render_mono_call(plan)
            sf.write(directory / f"{plan.name}_mono.wav", stereo.sum(axis=1), SAMPLE_RATE, subtype="PCM_16")
            sf.write(directory / f"{plan.name}_swapped.wav", stereo[:, ::-1], SAMPLE_RATE, subtype="PCM_16")
            document = {"name": plan.name, "turns": [asdict(turn) for turn in turns]}
            (directory / f"{plan.name}.turns.json").write_text(json.dumps(document, indent=2) + "\n")
            done[plan.name] = key
            manifest_path.write_text(json.dumps(done, indent=2) + "\n")
    return [_load(directory, plan) for plan in plans]


def long_mono_call(directory: Path, minutes: int) -> Path:
    """The mono calls one after another, round and round, until ``minutes`` long (cached); written block by
    block, so memory stays flat however long."""
    calls = generate_mono_calls(directory)
    target = directory / f"mono_long_{minutes}min_{_cache_key(PLANS)[:12]}.wav"  # a new rendering, a new file
    with locked_directory(directory):
        if target.exists():
            return target
        staging = directory / f".{target.name}"
        frames, needed = 0, minutes * 60 * SAMPLE_RATE
        with sf.SoundFile(staging, "w", SAMPLE_RATE, 1, subtype="PCM_16", format="WAV") as out:
            while frames < needed:
                for call in calls:
                    samples, _ = sf.read(call.mono, dtype="float32")
                    out.write(samples[: needed - frames])
                    frames += min(samples.size, needed - frames)
                    if frames >= needed:
                        break
        staging.replace(target)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, required=True, help="output directory (created if missing)")
    args = parser.parse_args(argv)
    for call in generate_mono_calls(args.out, [*PLANS, *HELD_BACK_PLANS]):
        print(call.mono, f"{call.duration_s:.1f} s, {len(call.turns)} turns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
