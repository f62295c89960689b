"""Talk metrics computed from segment timings alone, shared by every evaluation engine."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from shared.models.analysis import SpeakerTalk, TalkMetrics
from shared.models.transcript import Segment, Transcript

Interval = tuple[int, int]
# A pause longer than this ends a monologue even if the same speaker talks next.
MONOLOGUE_MAX_PAUSE_MS = 2_000
# Silence between two stretches of speech counts as call time up to this long; the rest of a hold or of
# dead air (and any silence before the first or after the last words) does not move a criterion's window.
COUNTED_PAUSE_MS = 3_000
# Short acknowledgements said while the other person talks: listening, not interrupting.
BACKCHANNELS = frozenset(
    {"mm", "hmm", "mhm", "mm-hmm", "uh-huh", "yeah", "yes", "yep", "okay", "ok", "right", "sure", "i see", "got it"}
)
MAX_BACKCHANNEL_WORDS = 3


def is_backchannel(segment: Segment) -> bool:
    words = [word.strip(".,!?;:").lower() for word in segment.text.split()]
    if not words or len(words) > MAX_BACKCHANNEL_WORDS:
        return False
    return " ".join(words) in BACKCHANNELS or all(word in BACKCHANNELS for word in words)


class SpeechClock:
    """Time measured on speech: how far into the talking a moment is, and how much talking is left.

    Windows such as "in the first 30 s" or "in the last 20 s" mean seconds of conversation, so a
    hold, trailing silence after the goodbye or a queue before the agent answers must not count.
    """

    def __init__(self, segments: Sequence[Segment]) -> None:
        speech = merge_intervals([(s.start_ms, s.end_ms) for s in segments if s.end_ms > s.start_ms])
        # Each stretch with the counted time at its start (pauses capped at COUNTED_PAUSE_MS).
        self._stretches: list[tuple[int, int, int]] = []
        counted = 0
        for position, (start, end) in enumerate(speech):
            if position:
                counted += min(start - speech[position - 1][1], COUNTED_PAUSE_MS)
            self._stretches.append((start, end, counted))
            counted += end - start
        self.total_ms = counted

    def elapsed(self, at_ms: int) -> int:
        """Counted speech time from the first words to ``at_ms``."""
        elapsed = 0  # counted time at the end of the previous stretch
        previous_end: int | None = None
        for start, end, counted in self._stretches:
            if at_ms < start:
                if previous_end is None:
                    return 0
                return min(elapsed + at_ms - previous_end, counted)
            if at_ms <= end:
                return counted + at_ms - start
            elapsed, previous_end = counted + end - start, end
        return elapsed

    def remaining(self, at_ms: int) -> int:
        """Counted speech time from ``at_ms`` to the last words."""
        return max(0, self.total_ms - self.elapsed(at_ms))


def merge_intervals(intervals: Sequence[Interval]) -> list[Interval]:
    """Union of time intervals, sorted and non-overlapping (touching intervals are joined)."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _total(intervals: Sequence[Interval]) -> int:
    return sum(end - start for start, end in intervals)


def _multi_speaker_ms(per_speaker: dict[str, list[Interval]]) -> int:
    """Time during which two or more speakers talk at once (a sweep over start/end events)."""
    events: list[tuple[int, int]] = []
    for intervals in per_speaker.values():
        for start, end in intervals:
            events.append((start, 1))
            events.append((end, -1))
    # Ends sort before starts at the same instant, so back-to-back turns do not count as overlap.
    events.sort(key=lambda event: (event[0], event[1]))
    active, overlap, previous = 0, 0, 0
    for time, change in events:
        if active >= 2:
            overlap += time - previous
        active += change
        previous = time
    return overlap


def _word_count(segment: Segment) -> int:
    return len(segment.words) if segment.words else len(segment.text.split())


def call_duration_ms(transcript: Transcript) -> int:
    """The call's length: the recording's duration, or the end of a segment that runs past it."""
    return max([transcript.duration_ms, *(segment.end_ms for segment in transcript.segments)])


def compute_talk_metrics(transcript: Transcript) -> TalkMetrics:
    segments = sorted(
        (segment for segment in transcript.segments if segment.end_ms > segment.start_ms),
        key=lambda segment: (segment.start_ms, segment.index),
    )
    duration = call_duration_ms(transcript)
    speech = merge_intervals([(segment.start_ms, segment.end_ms) for segment in segments])
    speech_ms = _total(speech)
    gaps = [next_start - end for (_, end), (next_start, _) in pairwise(speech)]

    speakers = list(dict.fromkeys(segment.speaker for segment in segments))
    per_speaker = {
        speaker: merge_intervals([(s.start_ms, s.end_ms) for s in segments if s.speaker == speaker])
        for speaker in speakers
    }

    # Overlaps between segments of different speakers; the one who started later interrupted.
    overlap_count = 0
    interruptions = dict.fromkeys(speakers, 0)
    for position, earlier in enumerate(segments):
        for later in segments[position + 1 :]:
            if later.start_ms >= earlier.end_ms:
                break
            if later.speaker == earlier.speaker:
                continue
            overlap_count += 1
            if later.start_ms > earlier.start_ms and not is_backchannel(later):
                interruptions[later.speaker] += 1

    # Turns are runs of consecutive segments by one speaker; a monologue is such a run without long pauses.
    longest_ms, longest_speaker = 0, None
    turns = dict.fromkeys(speakers, 0)
    run_start = 0
    for position, segment in enumerate(segments):
        previous = segments[position - 1] if position else None
        if previous is None or previous.speaker != segment.speaker:
            run_start = position
            turns[segment.speaker] += 1
        elif segment.start_ms - previous.end_ms > MONOLOGUE_MAX_PAUSE_MS:
            run_start = position
        run_ms = segment.end_ms - segments[run_start].start_ms
        if run_ms > longest_ms:
            longest_ms, longest_speaker = run_ms, segment.speaker

    talk_total = sum(_total(intervals) for intervals in per_speaker.values())
    speaker_talk = []
    for speaker in speakers:
        talk_ms = _total(per_speaker[speaker])
        words = sum(_word_count(segment) for segment in segments if segment.speaker == speaker)
        speaker_talk.append(
            SpeakerTalk(
                speaker=speaker,
                talk_ms=talk_ms,
                talk_ratio=round(talk_ms / talk_total, 4) if talk_total else 0.0,
                words=words,
                words_per_minute=round(words * 60_000 / talk_ms, 1) if talk_ms else 0.0,
                turns=turns[speaker],
                interruptions=interruptions[speaker],
            )
        )

    silence_ms = max(0, duration - speech_ms)
    return TalkMetrics(
        duration_ms=duration,
        speech_ms=speech_ms,
        silence_ms=silence_ms,
        silence_ratio=round(silence_ms / duration, 4) if duration else 0.0,
        longest_silence_ms=max(gaps, default=0),
        overlap_count=overlap_count,
        overlap_ms=_multi_speaker_ms(per_speaker),
        longest_monologue_ms=longest_ms,
        longest_monologue_speaker=longest_speaker,
        speakers=speaker_talk,
    )
