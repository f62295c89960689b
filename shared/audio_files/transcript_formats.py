"""Transcript renderings for people and players: plain text, SubRip (SRT) and WebVTT."""

from __future__ import annotations

from typing import Any

from shared.models.transcript import Transcript


def _clock(ms: int, separator: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _one_line(text: str) -> str:
    # A line break in cue text, a blank line above all, would end the cue early and corrupt the SRT or WebVTT file.
    return " ".join(text.splitlines())


def to_text(transcript: Transcript) -> str:
    return "".join(
        f"[{_clock(segment.start_ms, '.')}] {segment.speaker}: {segment.text}\n" for segment in transcript.segments
    )


def to_srt(transcript: Transcript) -> str:
    cues = [
        f"{number}\n{_clock(s.start_ms, ',')} --> {_clock(s.end_ms, ',')}\n{s.speaker}: {_one_line(s.text)}\n"
        for number, s in enumerate(transcript.segments, start=1)
    ]
    return "\n".join(cues)


def to_vtt(transcript: Transcript) -> str:
    # WebVTT voice spans carry the speaker; '<' and '&' in text must be escaped.
    def escape(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    cues = [
        f"{_clock(s.start_ms, '.')} --> {_clock(s.end_ms, '.')}\n<v {escape(s.speaker)}>{escape(_one_line(s.text))}\n"
        for s in transcript.segments
    ]
    return "WEBVTT\n\n" + "\n".join(cues)


_RENDERERS = {
    "text": (to_text, "text/plain"),
    "srt": (to_srt, "application/x-subrip"),
    "vtt": (to_vtt, "text/vtt"),
}


def render_transcript(document: dict[str, Any], format_name: str) -> tuple[str, str]:
    render, mimetype = _RENDERERS[format_name]
    return render(Transcript.model_validate(document)), mimetype
