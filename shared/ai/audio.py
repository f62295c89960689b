"""Audio probing and decoding for the offline transcription engines.

``probe_audio`` reads headers (plus one short seek near the end) to check that an upload is real, complete
audio and to learn its duration and channels; the upload validator uses it. ``iter_windows`` decodes a
recording block by block, resamples each channel to 16 kHz mono with soxr's streaming resampler and yields
bounded windows cut at quiet points, so memory stays flat however long the call is.

WAV, FLAC, OGG (Vorbis/Opus) and MP3 go through soundfile (libsndfile); M4A/MP4 and ADTS AAC through PyAV.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Protocol

import numpy as np
import soundfile as sf
import soxr

from shared.ai.errors import EngineError
from shared.models.transcript import UNATTRIBUTED_SPEAKER

logger = logging.getLogger(__name__)

TARGET_SAMPLE_RATE = 16_000
DEFAULT_MAX_WINDOW_S = 30.0  # Whisper's context length: one window is one decoder pass
DEFAULT_MIN_WINDOW_S = 20.0  # the cut is placed at the quietest point between min and max
MAX_CHANNELS = 8
_READ_BLOCK_S = 4.0
_QUIET_SPAN_S = 0.2  # length of the sliding window used to find the quietest cut point

# soundfile's major format -> the name we report. Anything else libsndfile recognises is refused: callers
# accept a short list of call-recording formats, not every format libsndfile happens to parse.
_SOUNDFILE_FORMATS = {
    "WAV": "wav",
    "WAVEX": "wav",
    "RF64": "wav",
    "W64": "wav",
    "FLAC": "flac",
    "OGG": "ogg",
    "MP3": "mp3",
}
# PyAV container names we accept (M4A and raw AAC); PyAV would open many more.
_AV_FORMATS = {"mov,mp4,m4a,3gp,3g2,mj2": "m4a", "aac": "aac"}
# A WAV writer that streams (espeak-ng, sox to a pipe, some recorders) cannot know the data size up front and
# writes one of these placeholders; such a header does not mean the file was cut. Any other size is a claim.
_WAV_STREAMING_PLACEHOLDERS = frozenset({0x7FFFF000, 0x7FFFFFFF, 0xFFFFFFFF})
MIN_SAMPLE_RATE = 8_000  # narrowband telephony; below it there is no speech to transcribe

AudioSource = str | os.PathLike[str] | BinaryIO


class AudioError(EngineError):
    """The input is not audio we can decode (never retryable); ``reason`` refines ``code`` for logs."""

    def __init__(self, reason: str, message: str):
        super().__init__("unsupported_audio", message, retryable=False)
        # "empty", "not_audio", "truncated", "unsupported_format", "corrupt", "missing", "sample_rate_too_low",
        # "too_long"
        self.reason = reason


@dataclass(frozen=True)
class AudioLimits:
    """What an accepted recording may be: checked from the header, then again from the decoded length."""

    max_duration_s: float
    min_sample_rate: int = MIN_SAMPLE_RATE


@dataclass(frozen=True)
class AudioFacts:
    duration_ms: int
    channels: int
    sample_rate: int
    format: str  # "wav", "flac", "ogg", "mp3", "m4a", "aac"
    codec: str | None = None  # e.g. "PCM_16", "ULAW", "VORBIS", "MPEG_LAYER_III", "aac"


@dataclass(frozen=True)
class AudioWindow:
    """A stretch of one channel, 16 kHz mono float32, placed on the recording's timeline."""

    channel: int
    start_sample: int  # at ``sample_rate``, from the start of the recording
    samples: np.ndarray
    sample_rate: int = TARGET_SAMPLE_RATE

    @property
    def start_ms(self) -> int:
        return self.start_sample * 1000 // self.sample_rate

    @property
    def end_ms(self) -> int:
        return (self.start_sample + self.samples.size) * 1000 // self.sample_rate

    @property
    def duration_s(self) -> float:
        return self.samples.size / self.sample_rate

    def is_silent(self, threshold: float = 1e-3) -> bool:
        """True when nothing in the window rises above ``threshold`` (about -60 dBFS)."""
        return self.samples.size == 0 or float(np.max(np.abs(self.samples))) < threshold


# ---------------------------------------------------------------------------------------------------------
# Probing


def probe_audio(source: AudioSource, limits: AudioLimits | None = None) -> AudioFacts:
    """Return what the headers say about ``source``, or raise ``AudioError`` if it is not usable audio.

    Accepts a path or a seekable binary file object (its position is restored). Refuses empty files, files
    that are not audio, files in formats outside the accepted list and files cut short (a WAV whose header
    promises more data than it holds; a FLAC or MP3 whose end cannot be read). With ``limits``, also refuses
    a sample rate below the minimum and a header announcing more than the longest duration, before any decoding.
    """
    with _opened(source) as stream:
        head = stream.read(64)
        if not head:
            raise AudioError("empty", "the file is empty")
        size = stream.seek(0, io.SEEK_END)
        stream.seek(0)
        if head[:4] in (b"RIFF", b"RF64") and head[8:12] == b"WAVE":
            _check_wav_header(stream, size, limits)
            stream.seek(0)
        try:
            facts = _probe_soundfile(stream)
        except sf.LibsndfileError:
            stream.seek(0)
            facts = _probe_av(stream, head)
    if facts.channels < 1 or facts.channels > MAX_CHANNELS:
        raise AudioError("unsupported_format", f"{facts.channels} channels; at most {MAX_CHANNELS} are supported")
    if facts.duration_ms == 0:
        raise AudioError("empty", "the file holds no audio samples")
    if limits is not None:
        _check_rate(facts.sample_rate, limits)
        _check_duration(facts.duration_ms / 1000, limits)
    return facts


def _check_rate(sample_rate: int, limits: AudioLimits) -> None:
    if sample_rate < limits.min_sample_rate:
        raise AudioError(
            "sample_rate_too_low",
            f"the sample rate is {sample_rate} Hz; at least {limits.min_sample_rate} Hz is needed",
        )


def _check_duration(seconds: float, limits: AudioLimits) -> None:
    if seconds > limits.max_duration_s:
        raise AudioError(
            "too_long", f"the recording lasts over {limits.max_duration_s / 60:.0f} minutes, the longest accepted"
        )


def decoded_duration_ms(source: AudioSource, facts: AudioFacts, limits: AudioLimits) -> int:
    """Decode ``source`` block by block (memory stays flat) and return its true length.

    Headers can lie about the length; decoding cannot. Stops and raises ``AudioError("too_long")`` as soon as
    the decoded audio passes ``limits.max_duration_s``, so a crafted file costs at most that much decoding.
    """
    reader = _open_reader(source, facts)
    try:
        _check_rate(reader.sample_rate, limits)
        most_frames = int(limits.max_duration_s * reader.sample_rate)
        frames = 0
        for block in reader.blocks(int(_READ_BLOCK_S * reader.sample_rate)):
            frames += block.shape[0]
            if frames > most_frames:
                _check_duration(frames / reader.sample_rate, limits)
    finally:
        reader.close()
    if frames == 0:
        raise AudioError("empty", "the file holds no audio samples")
    return frames * 1000 // reader.sample_rate


class _opened:
    """Context manager giving a seekable binary stream for a path or file object; restores the position."""

    def __init__(self, source: AudioSource):
        self._source = source
        self._owned: BinaryIO | None = None
        self._position = 0

    def __enter__(self) -> BinaryIO:
        if isinstance(self._source, str | os.PathLike):
            try:
                self._owned = open(self._source, "rb")  # closed in __exit__
            except FileNotFoundError as error:
                raise AudioError("missing", "the file does not exist") from error
            except IsADirectoryError as error:
                raise AudioError("not_audio", "the path is a directory") from error
            return self._owned
        if not self._source.seekable():
            raise ValueError("probe_audio needs a seekable file object")
        self._position = self._source.tell()
        self._source.seek(0)
        return self._source

    def __exit__(self, *exc_info: object) -> None:
        if self._owned is not None:
            self._owned.close()
        else:
            self._source.seek(self._position)  # type: ignore[union-attr]


def _check_wav_header(stream: BinaryIO, size: int, limits: AudioLimits | None) -> None:
    """Walk the RIFF chunks up to ``data``: the length the header announces must fit ``limits`` and the file."""
    offset = 12
    byte_rate = 0
    while offset + 8 <= size:
        stream.seek(offset)
        chunk_id, chunk_size = struct.unpack("<4sI", stream.read(8))
        if chunk_id == b"fmt " and chunk_size >= 16:
            _, _, sample_rate, byte_rate = struct.unpack("<HHII", stream.read(12))
            if limits is not None:
                _check_rate(sample_rate, limits)
        if chunk_id == b"data":
            available = size - offset - 8
            if chunk_size in _WAV_STREAMING_PLACEHOLDERS:
                return  # the length is unknown until decoded
            if limits is not None and byte_rate > 0:
                _check_duration(chunk_size / byte_rate, limits)
            if chunk_size > available:
                raise AudioError(
                    "truncated",
                    f"the WAV file is cut short: its header announces {chunk_size} bytes of audio, "
                    f"the file holds {available}",
                )
            return
        offset += 8 + chunk_size + (chunk_size & 1)  # chunks are padded to an even size
    raise AudioError("truncated", "the WAV file has no audio data chunk")


def _probe_soundfile(stream: BinaryIO) -> AudioFacts:
    with sf.SoundFile(stream) as audio:
        name = _SOUNDFILE_FORMATS.get(audio.format)
        if name is None:
            raise AudioError("unsupported_format", f"{audio.format} audio is not accepted")
        frames, rate = audio.frames, audio.samplerate
        if name in ("flac", "mp3") and frames > 0:
            # Their headers state the length; a cut file fails or comes up short when read near the end.
            tail = min(frames, rate)  # the last second
            try:
                audio.seek(frames - tail)
                complete = audio.read(tail, dtype="int16").shape[0] > 0
            except (sf.LibsndfileError, RuntimeError):
                complete = False
            if not complete:
                raise AudioError("truncated", f"the {name.upper()} file is cut short")
        return AudioFacts(
            duration_ms=frames * 1000 // rate,
            channels=audio.channels,
            sample_rate=rate,
            format=name,
            codec=audio.subtype,
        )


def _looks_like_av_audio(head: bytes) -> bool:
    is_mp4 = head[4:8] == b"ftyp"
    is_adts = len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xF6) == 0xF0  # AAC sync word, layer 0
    return is_mp4 or is_adts


def _probe_av(stream: BinaryIO, head: bytes) -> AudioFacts:
    if not _looks_like_av_audio(head):
        raise AudioError("not_audio", "the file is not audio in a supported format")
    try:
        import av  # optional: only M4A/AAC need it
    except ImportError as error:  # pragma: no cover - av comes with faster-whisper
        raise AudioError("unsupported_format", "M4A/AAC audio is not supported here") from error
    try:
        with av.open(stream, mode="r") as container:
            name = _AV_FORMATS.get(container.format.name)
            if name is None or not container.streams.audio:
                raise AudioError("unsupported_format", "the container holds no supported audio stream")
            audio = container.streams.audio[0]
            seconds = _av_duration_s(container, audio)
            return AudioFacts(
                duration_ms=int(seconds * 1000),
                channels=audio.codec_context.channels,
                sample_rate=audio.codec_context.sample_rate,
                format=name,
                codec=audio.codec_context.name,
            )
    except av.error.FFmpegError as error:
        raise AudioError("not_audio", "the file is not readable audio") from error


def _av_duration_s(container: object, stream: object) -> float:
    duration = getattr(stream, "duration", None)
    time_base = getattr(stream, "time_base", None)
    if duration is not None and time_base is not None:
        return float(duration * time_base)
    container_duration = getattr(container, "duration", None)  # in microseconds
    return float(container_duration) / 1_000_000 if container_duration else 0.0


# ---------------------------------------------------------------------------------------------------------
# Decoding


class _BlockReader(Protocol):
    sample_rate: int
    channels: int

    def blocks(self, frames: int) -> Iterator[np.ndarray]: ...  # float32 (n, channels)

    def close(self) -> None: ...


class _SoundFileReader:
    def __init__(self, source: AudioSource):
        self._file = sf.SoundFile(source)
        self.sample_rate = self._file.samplerate
        self.channels = self._file.channels

    def blocks(self, frames: int) -> Iterator[np.ndarray]:
        try:
            yield from self._file.blocks(frames, dtype="float32", always_2d=True)
        except sf.LibsndfileError as error:
            raise AudioError("corrupt", "the audio could not be decoded to the end") from error

    def close(self) -> None:
        self._file.close()


class _AvReader:
    def __init__(self, source: AudioSource):
        import av  # optional: only M4A/AAC need it

        self._av = av
        target = os.fspath(source) if isinstance(source, str | os.PathLike) else source
        self._container = av.open(target, mode="r")
        self._stream = self._container.streams.audio[0]
        self.sample_rate = self._stream.codec_context.sample_rate
        self.channels = self._stream.codec_context.channels
        # Packed float32 at the native rate and layout; soxr does the resampling.
        self._resampler = av.AudioResampler(format="flt", layout=self._stream.layout, rate=self.sample_rate)

    def blocks(self, frames: int) -> Iterator[np.ndarray]:
        pending: list[np.ndarray] = []
        count = 0
        try:
            for frame in self._container.decode(self._stream):
                for converted in self._resampler.resample(frame):
                    pcm = converted.to_ndarray().reshape(-1, self.channels)
                    pending.append(pcm)
                    count += pcm.shape[0]
                if count >= frames:
                    yield np.concatenate(pending)
                    pending, count = [], 0
        except self._av.error.FFmpegError as error:
            raise AudioError("corrupt", "the audio could not be decoded to the end") from error
        if pending:
            yield np.concatenate(pending)

    def close(self) -> None:
        self._container.close()


def _open_reader(source: AudioSource, facts: AudioFacts) -> _BlockReader:
    if facts.format in _AV_FORMATS.values():
        return _AvReader(source)
    return _SoundFileReader(source)


def iter_windows(
    source: AudioSource,
    *,
    facts: AudioFacts | None = None,
    mixdown: bool = False,
    sample_rate: int = TARGET_SAMPLE_RATE,
    max_window_s: float = DEFAULT_MAX_WINDOW_S,
    min_window_s: float = DEFAULT_MIN_WINDOW_S,
) -> Iterator[AudioWindow]:
    """Decode ``source`` and yield windows of at most ``max_window_s`` per channel, in time order per channel.

    Each channel is resampled to ``sample_rate`` mono on its own (``mixdown`` averages the channels into one,
    reported as channel 0). A window ends at the quietest 200 ms between ``min_window_s`` and
    ``max_window_s``, so words are rarely split between windows and no audio is repeated. Windows of different
    channels are interleaved; memory stays bounded by about one window per channel.
    """
    if not 0 < min_window_s <= max_window_s:
        raise ValueError("need 0 < min_window_s <= max_window_s")
    if facts is None:
        facts = probe_audio(source)
    reader = _open_reader(source, facts)
    try:
        out_channels = 1 if mixdown else reader.channels
        resampler = soxr.ResampleStream(reader.sample_rate, sample_rate, out_channels, dtype="float32", quality="HQ")
        windowers = [
            _ChannelWindower(channel, int(max_window_s * sample_rate), int(min_window_s * sample_rate), sample_rate)
            for channel in range(out_channels)
        ]
        block_frames = int(_READ_BLOCK_S * reader.sample_rate)
        for block in reader.blocks(block_frames):
            if mixdown:
                block = block.mean(axis=1, keepdims=True)
            resampled = resampler.resample_chunk(np.ascontiguousarray(block, dtype=np.float32))
            for windower in windowers:
                yield from windower.push(resampled[:, windower.channel])
        tail = resampler.resample_chunk(np.zeros((0, out_channels), dtype=np.float32), last=True)
        for windower in windowers:
            yield from windower.push(tail[:, windower.channel])
            yield from windower.finish()
    finally:
        reader.close()


class _ChannelWindower:
    """Buffers one channel and cuts it into windows at quiet points."""

    def __init__(self, channel: int, max_samples: int, min_samples: int, sample_rate: int):
        self.channel = channel
        self._max = max_samples
        self._min = min_samples
        self._rate = sample_rate
        self._quiet_span = max(1, int(_QUIET_SPAN_S * sample_rate))
        self._chunks: list[np.ndarray] = []
        self._buffered = 0
        self._start = 0  # first buffered sample on the recording's timeline

    def push(self, samples: np.ndarray) -> Iterator[AudioWindow]:
        if samples.size:
            self._chunks.append(np.array(samples, dtype=np.float32))  # copy: the caller's block is reused
            self._buffered += samples.size
        while self._buffered >= self._max:
            buffer = np.concatenate(self._chunks)
            cut = self._quietest_cut(buffer)
            yield AudioWindow(self.channel, self._start, buffer[:cut], self._rate)
            rest = buffer[cut:]
            self._chunks, self._buffered, self._start = [rest], rest.size, self._start + cut

    def finish(self) -> Iterator[AudioWindow]:
        if self._buffered:
            yield AudioWindow(self.channel, self._start, np.concatenate(self._chunks), self._rate)
        self._chunks, self._buffered = [], 0

    def _quietest_cut(self, buffer: np.ndarray) -> int:
        """Index in [min, max] at the centre of the quietest span (the first one, among equally quiet)."""
        span = self._quiet_span
        lo, hi = self._min, self._max
        region = buffer[max(0, lo - span // 2) : hi + span // 2]
        if region.size <= span:
            return hi
        energy = np.concatenate(([0.0], np.cumsum(np.square(region, dtype=np.float64))))
        sliding = energy[span:] - energy[:-span]
        best = int(np.argmin(np.round(sliding, 9)))  # rounding makes digital silence tie exactly
        cut = max(0, lo - span // 2) + best + span // 2
        return min(max(cut, lo), hi)


def channels_are_duplicates(source: AudioSource, *, facts: AudioFacts | None = None, seconds: float = 60) -> bool:
    """True when a multi-channel recording carries the same signal on every channel (a mono call in stereo).

    Compares the first ``seconds`` of audio; transcribing both copies would attribute every word twice.
    """
    if facts is None:
        facts = probe_audio(source)
    if facts.channels < 2:
        return False
    reader = _open_reader(source, facts)
    try:
        signal = 0.0
        difference = 0.0
        remaining = int(seconds * reader.sample_rate)
        for block in reader.blocks(min(remaining, int(_READ_BLOCK_S * reader.sample_rate))):
            block = block[:remaining]
            reference = block[:, :1]
            signal += float(np.sum(np.square(reference, dtype=np.float64)))
            difference += float(np.sum(np.square(block - reference, dtype=np.float64)))
            remaining -= block.shape[0]
            if remaining <= 0:
                break
    finally:
        reader.close()
    # Lossy joint-stereo coding leaves a small difference between identical channels: allow 1% of the energy.
    return signal > 1e-6 and difference <= 0.01 * signal * (facts.channels - 1)


def speaker_names(channels: int, speakers: Sequence[str]) -> list[str]:
    """The speaker for each channel: unattributed for one channel, else ``speakers`` in channel order."""
    if channels == 1:
        return [UNATTRIBUTED_SPEAKER]
    return [speakers[index] if index < len(speakers) else f"channel_{index}" for index in range(channels)]


@contextlib.contextmanager
def native_blocks(source: AudioSource, *, frames: int) -> Iterator[tuple[int, int, Iterator[np.ndarray]]]:
    """``(sample_rate, channels, blocks)``: the recording at its own rate and layout, float32 (n, channels)."""
    reader = _open_reader(source, probe_audio(source))
    try:
        yield reader.sample_rate, reader.channels, reader.blocks(frames)
    finally:
        reader.close()


def read_all(source: AudioSource, *, sample_rate: int = TARGET_SAMPLE_RATE) -> tuple[np.ndarray, int]:
    """Decode a whole (short) file to float32 (channels, n) at ``sample_rate``; for tests and tools only."""
    per_channel: dict[int, list[np.ndarray]] = {}
    for window in iter_windows(source, sample_rate=sample_rate):
        per_channel.setdefault(window.channel, []).append(window.samples)
    channels = [np.concatenate(per_channel[channel]) for channel in sorted(per_channel)]
    length = min(channel.size for channel in channels)
    return np.stack([channel[:length] for channel in channels]), sample_rate


__all__ = [
    "DEFAULT_MAX_WINDOW_S",
    "DEFAULT_MIN_WINDOW_S",
    "MIN_SAMPLE_RATE",
    "TARGET_SAMPLE_RATE",
    "AudioError",
    "AudioFacts",
    "AudioLimits",
    "AudioSource",
    "AudioWindow",
    "channels_are_duplicates",
    "decoded_duration_ms",
    "iter_windows",
    "native_blocks",
    "probe_audio",
    "read_all",
    "speaker_names",
]
