"""Transcript renderings: plain text, SubRip and WebVTT, checked character for character."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from shared.audio_files.transcript_formats import render_transcript, to_srt, to_text, to_vtt
from shared.models.transcript import EngineInfo, Segment, Transcript

pytestmark = pytest.mark.unit


def segment(index: int, speaker: str, start_ms: int, end_ms: int, text: str) -> Segment:
    return Segment(index=index, speaker=speaker, start_ms=start_ms, end_ms=end_ms, text=text)


def transcript(*segments: Segment) -> Transcript:
    return Transcript(
        audio_file_id="af_01HZY3N5V4M9ZQ0K1T2R3S4W5X",
        language="en-US",
        duration_ms=max((s.end_ms for s in segments), default=0),
        speakers=sorted({s.speaker for s in segments}),
        segments=list(segments),
        text="\n".join(f"{s.speaker}: {s.text}" for s in segments),
        engine=EngineInfo(name="fake", model="fake-model", version="0"),
        created_at="2024-05-01T00:00:00Z",
    )


CALL = transcript(
    segment(0, "agent", 0, 1_500, "Thank you for calling."),
    segment(1, "customer", 1_750, 4_020, "Hi, I have a question."),
    segment(2, "agent", 61_005, 3_723_456, "Sure."),
)


def test_text() -> None:
    assert to_text(CALL) == (
        "[00:00:00.000] agent: Thank you for calling.\n"
        "[00:00:01.750] customer: Hi, I have a question.\n"
        "[00:01:01.005] agent: Sure.\n"
    )


def test_srt_numbering_and_times() -> None:
    assert to_srt(CALL) == (
        "1\n"
        "00:00:00,000 --> 00:00:01,500\n"
        "agent: Thank you for calling.\n"
        "\n"
        "2\n"
        "00:00:01,750 --> 00:00:04,020\n"
        "customer: Hi, I have a question.\n"
        "\n"
        "3\n"
        "00:01:01,005 --> 01:02:03,456\n"
        "agent: Sure.\n"
    )


def test_vtt_header_voices_and_times() -> None:
    assert to_vtt(CALL) == (
        "WEBVTT\n"
        "\n"
        "00:00:00.000 --> 00:00:01.500\n"
        "<v agent>Thank you for calling.\n"
        "\n"
        "00:00:01.750 --> 00:00:04.020\n"
        "<v customer>Hi, I have a question.\n"
        "\n"
        "00:01:01.005 --> 01:02:03.456\n"
        "<v agent>Sure.\n"
    )


def test_vtt_escapes_markup_in_text_and_speaker() -> None:
    vtt = to_vtt(transcript(segment(0, "agent <1>", 0, 1000, "Tom & Jerry <b>loud</b> --> done")))
    cue_text = vtt.splitlines()[3]
    assert cue_text == "<v agent &lt;1&gt;>Tom &amp; Jerry &lt;b&gt;loud&lt;/b&gt; --&gt; done"
    assert "-->" not in cue_text


def test_srt_does_not_escape() -> None:
    assert "customer: Tom & Jerry <3\n" in to_srt(transcript(segment(0, "customer", 0, 10, "Tom & Jerry <3")))


@pytest.mark.parametrize(
    ("ms", "srt", "vtt"),
    [
        (0, "00:00:00,000", "00:00:00.000"),
        (999, "00:00:00,999", "00:00:00.999"),
        (59_999, "00:00:59,999", "00:00:59.999"),
        (3_599_999, "00:59:59,999", "00:59:59.999"),
        (3_600_000, "01:00:00,000", "01:00:00.000"),
        (2 * 3_600_000 + 5 * 60_000 + 7_008, "02:05:07,008", "02:05:07.008"),
        (36_000_000, "10:00:00,000", "10:00:00.000"),
    ],
)
def test_clock_values(ms: int, srt: str, vtt: str) -> None:
    single = transcript(segment(0, "agent", ms, ms + 1, "x"))
    assert to_srt(single).splitlines()[1].startswith(f"{srt} --> ")
    assert to_vtt(single).splitlines()[2].startswith(f"{vtt} --> ")


def test_line_breaks_in_text_do_not_break_cues() -> None:
    call = transcript(
        segment(0, "agent", 0, 1000, "first line\n\nsecond line"), segment(1, "customer", 1000, 2000, "ok")
    )
    srt_cues = to_srt(call).split("\n\n")
    assert [cue.splitlines()[0] for cue in srt_cues] == ["1", "2"]
    assert srt_cues[0].splitlines()[2] == "agent: first line  second line"
    vtt_blocks = to_vtt(call).split("\n\n")
    assert vtt_blocks[0] == "WEBVTT"
    assert len(vtt_blocks) == 3
    assert vtt_blocks[1].splitlines()[1] == "<v agent>first line  second line"


def test_empty_transcript() -> None:
    empty = transcript()
    assert to_text(empty) == ""
    assert to_srt(empty) == ""
    assert to_vtt(empty) == "WEBVTT\n\n"


@pytest.mark.parametrize(
    ("format_name", "mimetype", "start"),
    [
        ("text", "text/plain", "[00:00:00.000] agent: "),
        ("srt", "application/x-subrip", "1\n00:00:00,000 --> "),
        ("vtt", "text/vtt", "WEBVTT\n\n00:00:00.000 --> "),
    ],
)
def test_render_stored_document(format_name: str, mimetype: str, start: str) -> None:
    document: dict[str, Any] = CALL.to_wire()
    assert "startMs" in document["segments"][0]  # stored documents are camelCase
    body, media_type = render_transcript(document, format_name)
    assert media_type == mimetype
    assert body.startswith(start)
    assert body == {"text": to_text, "srt": to_srt, "vtt": to_vtt}[format_name](CALL)


def test_render_unknown_format() -> None:
    with pytest.raises(KeyError):
        render_transcript(CALL.to_wire(), "docx")


def test_render_invalid_document() -> None:
    with pytest.raises(ValidationError):
        render_transcript({"segments": []}, "srt")
