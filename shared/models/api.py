"""Request and response models of the HTTP API (camelCase on the wire)."""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from shared.models.base import StrictRequest, WireModel
from shared.models.redaction import RedactionOverride
from shared.pipeline.model import Stage, ordered
from shared.scorecards.model import ScorecardPin

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"
# A ULID: 26 Crockford base32 characters, the first at most 7 (128 bits; larger ones do not decode).
AUDIO_FILE_ID_PATTERN = r"^af_[0-7][0-9A-HJKMNP-TV-Z]{25}$"
ExternalId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]

# Types a recording may be declared as; the blob trigger checks the bytes themselves.
AUDIO_CONTENT_TYPES = frozenset(
    {
        "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/flac", "audio/x-flac",
        "audio/ogg", "audio/opus", "audio/mpeg", "audio/mp3", "audio/mp4", "audio/x-m4a", "audio/aac",
        "audio/webm", "application/octet-stream",
    }
)  # fmt: skip


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_RECORDED_AT_SLACK = timedelta(days=1)  # clients' clocks drift; a recording from the future does not exist


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 has no UTC equivalent; a ValueError makes it a 400, not a 500
        raise ValueError("date is out of the supported range") from None


def _parse_bool(value: object) -> object:
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        raise ValueError("must be true or false")
    return value


QueryBool = Annotated[bool, BeforeValidator(_parse_bool)]

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date_only(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if not _DATE_ONLY.match(text):  # pydantic would read "12345" or "0.5" as a Unix time
            raise ValueError("must be an ISO 8601 date or date-time")
        # A bare date stays a date, so dateTo "2024-05-01" covers that whole day (not just its first instant).
        if _DATE_ONLY.fullmatch(text):
            return date.fromisoformat(text)
        # Parsed here so strictly validated JSON bodies take date-times as strings too; pydantic reports the rest.
        with contextlib.suppress(ValueError):
            return datetime.fromisoformat(text)
    return value


QueryMoment = Annotated[datetime | date, BeforeValidator(_parse_date_only)]


def start_of(moment: datetime | date | None) -> datetime | None:
    """The first instant a date filter covers: a bare date means the start of that day, UTC."""
    if isinstance(moment, datetime):
        return _as_utc(moment)
    return datetime.combine(moment, time.min, UTC) if moment else None


def end_of(moment: datetime | date | None) -> datetime | None:
    """The last instant a date filter covers (inclusive): a bare date covers its whole day."""
    if isinstance(moment, datetime):
        return _as_utc(moment)
    return datetime.combine(moment, time.max, UTC) if moment else None


class DateRangeRequest(StrictRequest):
    """A request with a range of recording dates; a subclass may give the two fields other wire names."""

    date_from: QueryMoment | None = None
    date_to: QueryMoment | None = None

    @property
    def range_start(self) -> datetime | None:
        return start_of(self.date_from)

    @property
    def range_end(self) -> datetime | None:
        """Inclusive end: a bare date covers its whole day."""
        return end_of(self.date_to)

    @model_validator(mode="after")
    def _ordered_range(self) -> DateRangeRequest:
        start, end = self.range_start, self.range_end
        if start and end and start > end:
            fields = type(self).model_fields
            raise ValueError(f"{fields['date_from'].alias} must not be after {fields['date_to'].alias}")
        return self


class ListAudioFilesQuery(DateRangeRequest):
    page: int = Field(default=1, ge=1, le=10_000)
    page_size: int = Field(default=50, ge=1, le=100)
    campaign_id: ExternalId | None = None
    engagement_id: ExternalId | None = None
    is_ai_call: QueryBool | None = Field(default=None, alias="isAICall")
    continuation_token: Annotated[str, StringConstraints(max_length=2048)] | None = None
    code: str | None = Field(default=None, exclude=True)  # Azure Functions key, when one is used

    @model_validator(mode="after")
    def _check_paging(self) -> ListAudioFilesQuery:
        if self.continuation_token and self.page != 1:
            raise ValueError("send either page or continuationToken, not both")
        return self


def _strip_path(name: str) -> str:
    stripped = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not stripped or stripped in (".", ".."):
        raise ValueError("must name a file")
    if any(ord(char) < 32 or 0x7F <= ord(char) <= 0x9F for char in stripped):  # C0, DEL and C1 controls
        raise ValueError("must not contain control characters")
    return stripped


class UploadUrlRequest(StrictRequest):
    file_name: Annotated[str, StringConstraints(min_length=1, max_length=255), AfterValidator(_strip_path)]
    engagement_id: ExternalId
    campaign_id: ExternalId | None = None
    is_ai_call: bool = Field(default=False, alias="isAICall")
    recorded_at: datetime | None = None
    content_type: str | None = Field(default=None, max_length=100)
    size_bytes: int | None = Field(default=None, gt=0)
    auto_process: bool = False
    # This upload's redaction choices over the tenant's policy (on by default, nothing unredacted kept).
    redaction: RedactionOverride | None = None

    @field_validator("content_type")
    @classmethod
    def _audio_type(cls, value: str | None) -> str | None:
        if value is None:
            return None
        media_type = value.split(";", 1)[0].strip().lower()
        if media_type not in AUDIO_CONTENT_TYPES:
            raise ValueError("must be an audio media type such as audio/wav, audio/mpeg, audio/flac or audio/ogg")
        return media_type

    @field_validator("recorded_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        moment = _as_utc(value)
        # The listing index orders by inverted epoch milliseconds (1970 onwards), and Table storage cannot read back
        # some early dates at all (year 303 made every later listing of the tenant a 500).
        if moment < _EPOCH or moment > datetime.now(UTC) + _RECORDED_AT_SLACK:
            raise ValueError("must be between 1970-01-01 and one day from now")
        return moment


class ProcessRequest(StrictRequest):
    force: bool = False
    stages: list[Stage] | None = Field(default=None, min_length=1)
    # Evaluate with this version rather than the one assigned when the evaluation runs.
    scorecard: ScorecardPin | None = None

    @field_validator("stages")
    @classmethod
    def _ordered(cls, value: list[Stage] | None) -> list[Stage] | None:
        return None if value is None else ordered(value)

    @model_validator(mode="after")
    def _scorecard_needs_evaluation(self) -> ProcessRequest:
        if self.scorecard is not None and self.stages is not None and Stage.EVALUATION not in self.stages:
            raise ValueError("scorecard needs the evaluation stage")
        return self

    @property
    def explicit(self) -> bool:
        """Re-running a finished file is explicit: ``force``, or naming the stages to run."""
        return self.force or self.stages is not None


class TranscriptQuery(StrictRequest):
    format: Literal["json", "text", "srt", "vtt"] = "json"
    unredacted: bool = False  # the transcript before redaction: only where kept, only with audio:read-unredacted
    code: str | None = Field(default=None, exclude=True)


class DownloadUrlQuery(StrictRequest):
    unredacted: bool = False  # the original recording: only where kept, only with audio:read-unredacted


class ErrorBody(WireModel):
    code: str
    message: str
    stage: str | None = None


class StageBody(WireModel):
    status: str
    queued_at: datetime | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    attempts: int = 0
    last_error_code: str | None = None


class AudioFileBody(WireModel):
    id: str
    file_name: str
    engagement_id: str
    campaign_id: str | None = None
    is_ai_call: bool = Field(alias="isAICall")
    status: str
    recorded_at: datetime
    created_at: datetime
    updated_at: datetime
    uploaded_at: datetime | None = None
    content_type: str | None = None
    size_bytes: int | None = None
    duration_ms: int | None = None
    duration_seconds: float | None = None
    channels: int | None = None
    sample_rate: int | None = None
    has_transcript: bool = False
    has_analysis: bool = False
    error: ErrorBody | None = None


class AudioFileListBody(WireModel):
    items: list[AudioFileBody]
    page: int
    page_size: int
    total_count: int = Field(description="Recordings matching the filters, from counters kept with the index.")
    total_pages: int = Field(description="Pages of pageSize items (0 when nothing matches).")
    has_more: bool
    continuation_token: str | None = None


class UploadUrlBody(WireModel):
    audio_file_id: str
    upload_url: str
    expires_at: datetime
    method: str = "PUT"
    required_headers: dict[str, str]
    max_size_bytes: int


class DownloadUrlBody(WireModel):
    audio_file_id: str
    download_url: str
    expires_at: datetime
    file_name: str
    content_type: str | None = None
    size_bytes: int | None = None


class ProcessBody(WireModel):
    status: str
    message: str
    audio_file_id: str
    run_id: str
    stages: list[str]


class ProcessingStatusBody(WireModel):
    audio_file_id: str
    status: str
    run_id: str | None = None
    stages: dict[str, StageBody]
    error: ErrorBody | None = None
    updated_at: datetime
