"""Generate synthetic two-speaker call recordings (and some broken files) for tests and benchmarks.

Speech comes from espeak-ng (one voice per speaker) and the telephone-band variant from sox, so the output
is deterministic for a given espeak-ng/sox version and needs no network. Stereo calls carry the agent on the
left channel (0) and the customer on the right (1), silence on the other channel while one speaks.

The scripts are data: the evaluation tests build a scorecard against the exact wording of SUPPORT_CALL.

Usage: ``python -m scripts.sample_calls --out DIR [--long-minutes 30]``
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import io
import json
import logging
import math
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

logger = logging.getLogger(__name__)

# Bump when the rendering changes, so cached outputs are regenerated.
GENERATOR_VERSION = "4"

SAMPLE_RATE = 22050  # espeak-ng's native rate; the decoder must resample it
LEAD_IN_MS = 500
GAP_MS = 450
TAIL_MS = 600
SPEECH_WPM = 160
# The voices differ in pitch and timbre, like two people on a call.
VOICES: dict[str, str] = {"agent": "en-us+f3", "customer": "en-us+m3"}
SPEAKER_CHANNEL: dict[str, int] = {"agent": 0, "customer": 1}


@dataclass(frozen=True)
class Turn:
    speaker: str  # "agent" or "customer"
    text: str


@dataclass(frozen=True)
class TimedTurn:
    speaker: str
    text: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class CallScript:
    name: str
    turns: tuple[Turn, ...]

    @property
    def text(self) -> str:
        return " ".join(turn.text for turn in self.turns)


def call_script(name: str, lines: str) -> CallScript:
    turns = []
    for line in lines.strip().splitlines():
        speaker, text = line.split(":", 1)
        turns.append(Turn(speaker.strip(), text.strip()))
    return CallScript(name, tuple(turns))


SUPPORT_CALL = call_script(
    "support_call",
    """
agent: Thank you for calling Contoso support, my name is Sarah. How can I help you today?
customer: Hi, I was charged twice for my subscription this month and I want a refund.
agent: I can help with that. Can you please confirm your account number?
customer: Sure, it is four five six seven eight.
agent: Thank you. I see the duplicate charge. I will issue a refund of twenty dollars today.
customer: Great, how long will it take?
agent: The refund will arrive within five business days. Is there anything else I can help you with?
customer: No, that is all. Thanks.
agent: Thank you for calling Contoso. Have a great day.
""",
)

AI_AGENT_CALL = call_script(
    "ai_agent_call",
    """
agent: Hello, this is the Contoso virtual assistant. This call is recorded for quality purposes. How can I help you?
customer: I want to change my delivery address.
agent: I can help with that. Can you please confirm your order number?
customer: It is nine eight seven six.
agent: Thank you. I have updated your delivery address. Would you like me to transfer you to a human agent for anything else?
customer: No thanks, goodbye.
agent: Thank you for calling Contoso. Goodbye.
""",  # noqa: E501 - the script lines are data and must stay verbatim
)

# A Spanish call (espeak-ng's "es" voice): the engine must detect the language, not assume English.
SPANISH_CALL = call_script(
    "spanish_call",
    """
agent: Gracias por llamar a Contoso, le atiende Laura. ¿En qué puedo ayudarle hoy?
customer: Hola, me cobraron dos veces la suscripción este mes y quiero un reembolso.
agent: Con mucho gusto. Veo el cargo duplicado y le devolveré el dinero hoy mismo.
customer: Muchas gracias, eso es todo.
""",
)
SPANISH_VOICES: dict[str, str] = {"agent": "es+f3", "customer": "es+m3"}

SCRIPTS: tuple[CallScript, ...] = (SUPPORT_CALL, AI_AGENT_CALL, SPANISH_CALL)

BROKEN_FILES = ("empty.wav", "not_audio.wav", "truncated.wav")


@dataclass(frozen=True)
class SampleCalls:
    """Where the generated files are; file names are fixed so tests can refer to them."""

    directory: Path

    def path(self, name: str) -> Path:
        return self.directory / name

    def turns(self, call: str) -> list[TimedTurn]:
        """The timed turns of ``call`` (e.g. "support_call", "support_call_long_30min")."""
        data = json.loads((self.directory / f"{call}.script.json").read_text())
        return [TimedTurn(**turn) for turn in data["turns"]]

    @property
    def support_call(self) -> Path:
        return self.directory / "support_call.wav"

    @property
    def support_call_mono(self) -> Path:
        return self.directory / "support_call_mono.wav"

    @property
    def support_call_8k(self) -> Path:
        return self.directory / "support_call_8k.wav"

    @property
    def ai_agent_call(self) -> Path:
        return self.directory / "ai_agent_call.wav"

    @property
    def spanish_call(self) -> Path:
        return self.directory / "spanish_call.wav"

    def long_call(self, minutes: int) -> Path:
        return self.directory / f"support_call_long_{minutes}min.wav"


class SampleCallError(RuntimeError):
    """A tool (espeak-ng, sox) is missing or failed."""


def _require_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SampleCallError(f"{name} is not installed (Debian package: {name})")
    return found


def tool_version(name: str) -> str:
    # Part of the cache key: another espeak-ng version renders different audio.
    result = subprocess.run([_require_tool(name), "--version"], capture_output=True, text=True, check=False)
    return (result.stdout or result.stderr).strip().splitlines()[0] if (result.stdout or result.stderr) else ""


def synthesize(text: str, voice: str, *, words_per_minute: int = SPEECH_WPM, pitch: int | None = None) -> np.ndarray:
    """Speak ``text`` with espeak-ng; float32 mono at SAMPLE_RATE, leading/trailing silence trimmed.

    ``pitch`` is espeak-ng's 0-99 (its default, 50, when None)."""
    espeak = _require_tool("espeak-ng")
    result = subprocess.run(
        [
            espeak,
            "-v",
            voice,
            "-s",
            str(words_per_minute),
            *(["-p", str(pitch)] if pitch is not None else []),
            "--stdout",
            text,
        ],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0 or not result.stdout:
        raise SampleCallError(f"espeak-ng failed for voice {voice}: {result.stderr.decode(errors='replace')}")
    samples, rate = sf.read(io.BytesIO(result.stdout), dtype="float32")
    if rate != SAMPLE_RATE:
        raise SampleCallError(f"espeak-ng produced {rate} Hz, expected {SAMPLE_RATE}")
    # Trim so the script's turn times are the voiced span, not espeak's padding.
    voiced = np.flatnonzero(np.abs(samples) > 1e-3)
    if voiced.size == 0:
        raise SampleCallError(f"espeak-ng produced silence for {text!r}")
    return np.asarray(samples[voiced[0] : voiced[-1] + 1], dtype=np.float32)


def render_call(script: CallScript, voices: dict[str, str] = VOICES) -> tuple[np.ndarray, list[TimedTurn]]:
    """Render a script as stereo float32 (frames, 2): agent left, customer right, turns in sequence."""
    pieces: list[tuple[int, int, np.ndarray]] = []  # channel, first sample, speech
    timed: list[TimedTurn] = []
    cursor = LEAD_IN_MS * SAMPLE_RATE // 1000
    for turn in script.turns:
        speech = synthesize(turn.text, voices[turn.speaker])
        start = cursor
        end = start + speech.size
        pieces.append((SPEAKER_CHANNEL[turn.speaker], start, speech))
        timed.append(
            TimedTurn(turn.speaker, turn.text, start * 1000 // SAMPLE_RATE, math.ceil(end * 1000 / SAMPLE_RATE))
        )
        cursor = end + GAP_MS * SAMPLE_RATE // 1000
    total = cursor - GAP_MS * SAMPLE_RATE // 1000 + TAIL_MS * SAMPLE_RATE // 1000
    stereo = np.zeros((total, 2), dtype=np.float32)
    for channel, start, speech in pieces:
        stereo[start : start + speech.size, channel] = speech * 0.8
    return stereo, timed


def _write_script(path: Path, script: CallScript, turns: Sequence[TimedTurn], duration_ms: int) -> None:
    document = {
        "name": script.name,
        "duration_ms": duration_ms,
        "channels": {"agent": 0, "customer": 1},
        "turns": [asdict(turn) for turn in turns],
    }
    path.write_text(json.dumps(document, indent=2) + "\n")


def _telephone_band(source: Path, target: Path) -> None:
    """What a phone line does: 300-3400 Hz band, 8 kHz, 8-bit mu-law."""
    sox = _require_tool("sox")
    command = [sox, str(source), "-r", "8000", "-e", "u-law", "-b", "8", str(target), "sinc", "300-3400"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SampleCallError(f"sox failed: {result.stderr.strip()}")


def _write_m4a(path: Path, stereo: np.ndarray) -> None:
    """AAC in an MP4 container, as phones and browsers record; encoded with PyAV's bundled FFmpeg."""
    import av  # comes with faster-whisper

    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("aac", rate=SAMPLE_RATE, layout="stereo")
        for start in range(0, stereo.shape[0], 1024):
            planar = np.ascontiguousarray(stereo[start : start + 1024].T)
            frame = av.AudioFrame.from_ndarray(planar, format="fltp", layout="stereo")
            frame.sample_rate = SAMPLE_RATE
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def _write_broken_files(directory: Path, valid_wav: Path) -> None:
    (directory / "empty.wav").write_bytes(b"")
    (directory / "not_audio.wav").write_text("This is a text file pretending to be a recording.\n" * 20)
    # A complete header that promises more data than the file holds: an interrupted upload.
    data = valid_wav.read_bytes()
    (directory / "truncated.wav").write_bytes(data[: 44 + (len(data) - 44) // 3])


def _cache_key() -> str:
    material = {
        "generator": GENERATOR_VERSION,
        "scripts": [asdict(script) for script in SCRIPTS],
        "voices": [VOICES, SPANISH_VOICES],
        "timing": [SAMPLE_RATE, LEAD_IN_MS, GAP_MS, TAIL_MS, SPEECH_WPM],
        "tools": [tool_version("espeak-ng"), tool_version("sox")],
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


@contextlib.contextmanager
def locked_directory(directory: Path) -> Iterator[None]:
    # Several test processes may ask for the same cache directory at once.
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _write_long_call(directory: Path, minutes: int) -> list[str]:
    """Repeat the support call until it lasts ``minutes``; written block by block to keep memory flat."""
    call, rate = sf.read(directory / "support_call.wav", dtype="float32", always_2d=True)
    turns = SampleCalls(directory).turns("support_call")
    stem = f"support_call_long_{minutes}min"
    repeats = max(1, math.ceil(minutes * 60 * rate / call.shape[0]))
    long_turns: list[TimedTurn] = []
    with sf.SoundFile(directory / f".{stem}.wav", "w", rate, 2, subtype="PCM_16", format="WAV") as out:
        for repeat in range(repeats):
            out.write(call)
            offset = repeat * call.shape[0] * 1000 // rate
            long_turns.extend(TimedTurn(t.speaker, t.text, t.start_ms + offset, t.end_ms + offset) for t in turns)
    long_script = CallScript(stem, tuple(Turn(t.speaker, t.text) for t in long_turns))
    _write_script(directory / f"{stem}.script.json", long_script, long_turns, repeats * call.shape[0] * 1000 // rate)
    (directory / f".{stem}.wav").replace(directory / f"{stem}.wav")
    return [f"{stem}.wav", f"{stem}.script.json"]


def generate_sample_calls(out_dir: Path, *, long_minutes: Sequence[int] = ()) -> SampleCalls:
    """Generate the sample files into ``out_dir`` unless a previous run with the same inputs did.

    Long calls are cached separately, so asking for another length does not regenerate the rest.
    """
    out_dir = Path(out_dir)
    key = _cache_key()
    manifest_path = out_dir / "manifest.json"
    with locked_directory(out_dir):
        manifest: dict[str, Any] = {}
        if manifest_path.exists():
            manifest = json.loads(manifest_path.read_text())
        current = manifest.get("key") == key and all((out_dir / name).exists() for name in manifest["files"])
        if not current:
            manifest = {"key": key, "files": _generate(out_dir), "long": []}
            logger.info("generated %d sample files in %s", len(manifest["files"]), out_dir)
        for minutes in sorted(set(long_minutes)):
            if minutes not in manifest["long"] or not SampleCalls(out_dir).long_call(minutes).exists():
                _write_long_call(out_dir, minutes)
                manifest["long"] = sorted({*manifest["long"], minutes})
                logger.info("generated a %d-minute call in %s", minutes, out_dir)
        manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    return SampleCalls(out_dir)


def _generate(out_dir: Path) -> list[str]:
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".build-") as build:
        staging = Path(build)
        support, support_turns = render_call(SUPPORT_CALL)
        duration_ms = support.shape[0] * 1000 // SAMPLE_RATE
        sf.write(staging / "support_call.wav", support, SAMPLE_RATE, subtype="PCM_16")
        sf.write(staging / "support_call.flac", support, SAMPLE_RATE, subtype="PCM_16")
        sf.write(staging / "support_call.ogg", support, SAMPLE_RATE, format="OGG", subtype="VORBIS")
        sf.write(staging / "support_call.mp3", support, SAMPLE_RATE, format="MP3", subtype="MPEG_LAYER_III")
        _write_m4a(staging / "support_call.m4a", support)
        sf.write(staging / "support_call_mono.wav", support.sum(axis=1), SAMPLE_RATE, subtype="PCM_16")
        _write_script(staging / "support_call.script.json", SUPPORT_CALL, support_turns, duration_ms)
        _telephone_band(staging / "support_call.wav", staging / "support_call_8k.wav")

        ai_call, ai_turns = render_call(AI_AGENT_CALL)
        sf.write(staging / "ai_agent_call.wav", ai_call, SAMPLE_RATE, subtype="PCM_16")
        ai_duration_ms = ai_call.shape[0] * 1000 // SAMPLE_RATE
        _write_script(staging / "ai_agent_call.script.json", AI_AGENT_CALL, ai_turns, ai_duration_ms)

        spanish, spanish_turns = render_call(SPANISH_CALL, SPANISH_VOICES)
        sf.write(staging / "spanish_call.wav", spanish, SAMPLE_RATE, subtype="PCM_16")
        spanish_ms = spanish.shape[0] * 1000 // SAMPLE_RATE
        _write_script(staging / "spanish_call.script.json", SPANISH_CALL, spanish_turns, spanish_ms)

        _write_broken_files(staging, staging / "support_call.wav")

        files = sorted(path.name for path in staging.iterdir())
        for name in files:
            (staging / name).replace(out_dir / name)
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, required=True, help="output directory (created if missing)")
    parser.add_argument(
        "--long-minutes",
        type=int,
        action="append",
        default=[],
        help="also write support_call_long_<N>min.wav by repeating the support call (repeatable)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        calls = generate_sample_calls(args.out, long_minutes=args.long_minutes)
    except SampleCallError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in sorted(calls.directory.iterdir()):
        if not path.name.startswith("."):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
