"""Request models of the HTTP API: what a client may send, and what is refused."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from shared.models.api import (
    AUDIO_FILE_ID_PATTERN,
    AudioFileBody,
    ListAudioFilesQuery,
    ProcessRequest,
    TranscriptQuery,
    UploadUrlRequest,
)

pytestmark = pytest.mark.unit


def query(**params: str) -> ListAudioFilesQuery:
    return ListAudioFilesQuery.model_validate(params)


def upload(**fields: Any) -> UploadUrlRequest:
    body: dict[str, Any] = {"fileName": "call.wav", "engagementId": "eng-1"}
    body.update(fields)
    return UploadUrlRequest.model_validate({key: value for key, value in body.items() if value is not None})


def refused_fields(excinfo: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [".".join(str(part) for part in error["loc"]) for error in excinfo.value.errors()]


class TestListAudioFilesQuery:
    def test_defaults(self) -> None:
        q = query()
        assert (q.page, q.page_size) == (1, 50)
        assert q.is_ai_call is None and q.campaign_id is None and q.continuation_token is None
        assert q.range_start is None and q.range_end is None

    @pytest.mark.parametrize(("page", "size"), [("1", "1"), ("10000", "100"), ("7", "25")])
    def test_page_bounds_accepted(self, page: str, size: str) -> None:
        q = query(page=page, pageSize=size)
        assert (q.page, q.page_size) == (int(page), int(size))

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"page": "0"}, "page"),
            ({"page": "10001"}, "page"),
            ({"page": "-1"}, "page"),
            ({"page": "two"}, "page"),
            ({"pageSize": "0"}, "pageSize"),
            ({"pageSize": "101"}, "pageSize"),
            ({"pageSize": "1.5"}, "pageSize"),
        ],
    )
    def test_page_bounds_refused(self, params: dict[str, str], field: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            query(**params)
        assert refused_fields(excinfo) == [field]

    @pytest.mark.parametrize(
        ("raw", "expected"), [("true", True), ("false", False), ("TRUE", True), (" False ", False)]
    )
    def test_is_ai_call(self, raw: str, expected: bool) -> None:
        assert query(isAICall=raw).is_ai_call is expected

    @pytest.mark.parametrize("raw", ["1", "0", "yes", "no", "", "on", "t"])
    def test_is_ai_call_accepts_only_true_or_false(self, raw: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            query(isAICall=raw)
        assert refused_fields(excinfo) == ["isAICall"]
        assert "must be true or false" in str(excinfo.value)

    def test_is_ai_call_has_its_exact_casing(self) -> None:
        with pytest.raises(ValidationError) as excinfo:
            query(isAiCall="true")
        assert refused_fields(excinfo) == ["isAiCall"]

    def test_ids(self) -> None:
        q = query(campaignId="camp-2024.Q1", engagementId="eng:42_a")
        assert (q.campaign_id, q.engagement_id) == ("camp-2024.Q1", "eng:42_a")

    @pytest.mark.parametrize("bad", ["", "-leading", "has space", "a/b", "x" * 129, "eng\n", "é"])
    def test_bad_ids(self, bad: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            query(engagementId=bad)
        assert refused_fields(excinfo) == ["engagementId"]

    def test_date_only_range_covers_whole_days(self) -> None:
        q = query(dateFrom="2024-05-01", dateTo="2024-05-01")
        assert q.date_from == date(2024, 5, 1) and q.date_to == date(2024, 5, 1)
        assert q.range_start == datetime(2024, 5, 1, tzinfo=UTC)
        assert q.range_end == datetime(2024, 5, 1, 23, 59, 59, 999999, tzinfo=UTC)
        late_that_day = datetime(2024, 5, 1, 23, 59, 30, tzinfo=UTC)
        assert q.range_start <= late_that_day <= q.range_end

    def test_date_to_alone_covers_its_whole_day(self) -> None:
        q = query(dateTo="2024-12-31")
        assert q.range_start is None
        assert q.range_end == datetime(2024, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)

    def test_datetimes_are_kept_exactly(self) -> None:
        q = query(dateFrom="2024-05-01T00:00:00Z", dateTo="2024-05-01T08:30:00Z")
        assert q.range_start == datetime(2024, 5, 1, 0, 0, tzinfo=UTC)
        assert q.range_end == datetime(2024, 5, 1, 8, 30, tzinfo=UTC)  # a moment is not widened to its day
        assert query(dateTo="2024-05-01T00:00:00Z").range_end == datetime(2024, 5, 1, tzinfo=UTC)

    def test_naive_datetimes_are_utc(self) -> None:
        q = query(dateFrom="2024-05-01T08:30:00", dateTo="2024-05-02T10:00")
        assert q.range_start == datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
        assert q.range_end == datetime(2024, 5, 2, 10, 0, tzinfo=UTC)
        assert q.range_start is not None and q.range_start.utcoffset() == timedelta(0)

    def test_offsets_are_converted_to_utc(self) -> None:
        q = query(dateFrom="2024-05-01T08:30:00+02:00")
        assert q.range_start == datetime(2024, 5, 1, 6, 30, tzinfo=UTC)
        assert q.range_start is not None and q.range_start.tzinfo is UTC

    @pytest.mark.parametrize(
        ("date_from", "date_to"),
        [
            ("2024-05-02", "2024-05-01"),
            ("2024-05-01T08:30:00Z", "2024-05-01T00:00:00Z"),
            ("2024-05-02T00:00:00Z", "2024-05-01"),
            ("2024-05-01T10:00:00+02:00", "2024-05-01T07:59:59Z"),
        ],
    )
    def test_date_from_after_date_to_is_refused(self, date_from: str, date_to: str) -> None:
        with pytest.raises(ValidationError, match="dateFrom must not be after dateTo"):
            query(dateFrom=date_from, dateTo=date_to)

    @pytest.mark.parametrize(
        ("date_from", "date_to"),
        [
            ("2024-05-01", "2024-05-01"),
            ("2024-05-01T23:00:00Z", "2024-05-01"),
            ("2024-05-01T10:00:00+02:00", "2024-05-01T08:00:00Z"),
        ],
    )
    def test_date_from_up_to_date_to_is_accepted(self, date_from: str, date_to: str) -> None:
        q = query(dateFrom=date_from, dateTo=date_to)
        assert q.range_start is not None and q.range_end is not None and q.range_start <= q.range_end

    @pytest.mark.parametrize("bad", ["2024-02-30", "yesterday", "2024/05/01", "1714550400x", "1714550400", "0.5"])
    def test_invalid_dates(self, bad: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            query(dateTo=bad)
        assert refused_fields(excinfo)[0].startswith("dateTo")

    def test_continuation_token(self) -> None:
        assert query(continuationToken="abc123").continuation_token == "abc123"

    def test_continuation_token_length(self) -> None:
        assert query(continuationToken="t" * 2048).continuation_token
        with pytest.raises(ValidationError):
            query(continuationToken="t" * 2049)

    def test_page_and_continuation_token_together_are_refused(self) -> None:
        with pytest.raises(ValidationError, match="either page or continuationToken"):
            query(page="2", continuationToken="abc123")

    @pytest.mark.parametrize("unknown", ["sort", "page_number", "tenantId", "pagesize"])
    def test_unknown_parameters_are_refused(self, unknown: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            query(**{unknown: "x"})
        assert refused_fields(excinfo) == [unknown]
        assert excinfo.value.errors()[0]["type"] == "extra_forbidden"

    def test_function_key_is_allowed_and_not_serialized(self) -> None:
        q = query(code="function-key-value", page="3")
        assert q.code == "function-key-value"
        assert "code" not in q.to_wire()
        assert "function-key-value" not in q.model_dump_json()

    def test_transcript_query(self) -> None:
        assert TranscriptQuery.model_validate({}).format == "json"
        assert TranscriptQuery.model_validate({"format": "vtt", "code": "k"}).format == "vtt"
        with pytest.raises(ValidationError):
            TranscriptQuery.model_validate({"format": "docx"})


class TestUploadUrlRequest:
    def test_minimal(self) -> None:
        request = upload()
        assert request.file_name == "call.wav"
        assert request.engagement_id == "eng-1"
        assert request.is_ai_call is False and request.auto_process is False
        assert request.campaign_id is None and request.content_type is None and request.size_bytes is None

    def test_all_fields_in_camel_case(self) -> None:
        request = upload(
            campaignId="camp-1",
            isAICall=True,
            recordedAt="2024-05-01T10:00:00+02:00",
            contentType="audio/wav",
            sizeBytes=1024,
            autoProcess=True,
        )
        assert request.campaign_id == "camp-1"
        assert request.is_ai_call is True
        assert request.recorded_at == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
        assert request.content_type == "audio/wav"
        assert request.size_bytes == 1024
        assert request.auto_process is True

    def test_naive_recorded_at_is_utc(self) -> None:
        assert upload(recordedAt="2024-05-01T10:00:00").recorded_at == datetime(2024, 5, 1, 10, tzinfo=UTC)

    def test_recorded_at_keeps_the_instant(self) -> None:
        moment = datetime(2024, 5, 1, 10, tzinfo=timezone(timedelta(hours=-5)))
        assert upload(recordedAt=moment).recorded_at == moment

    @pytest.mark.parametrize("left_out", ["fileName", "engagementId"])
    def test_required_fields(self, left_out: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            upload(**{left_out: None})
        assert refused_fields(excinfo) == [left_out]
        assert excinfo.value.errors()[0]["type"] == "missing"

    @pytest.mark.parametrize(
        ("sent", "kept"),
        [
            ("../../etc/passwd", "passwd"),
            ("C:\\calls\\a.wav", "a.wav"),
            ("/var/tmp/rec 01.mp3", "rec 01.mp3"),
            ("  spaced.wav  ", "spaced.wav"),
            ("dir\\..\\x.flac", "x.flac"),
            ("Zoë (call 2).ogg", "Zoë (call 2).ogg"),
            ("x" * 255, "x" * 255),
        ],
    )
    def test_file_name_path_parts_are_stripped(self, sent: str, kept: str) -> None:
        assert upload(fileName=sent).file_name == kept

    @pytest.mark.parametrize(
        "bad",
        [
            "",
            "   ",
            "..",
            ".",
            "../..",
            "calls/",
            "C:\\calls\\",
            "x" * 256,
            "a\x00b.wav",
            "a\nb.wav",
            "a\tb.wav",
            "a\x7fb.wav",
            "a\x85b.wav",
        ],
    )
    def test_bad_file_names(self, bad: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            upload(fileName=bad)
        assert refused_fields(excinfo) == ["fileName"]

    def test_control_character_message(self) -> None:
        with pytest.raises(ValidationError, match="must not contain control characters"):
            upload(fileName="bell\x07.wav")

    @pytest.mark.parametrize("good", ["eng-1", "A", "x" * 128, "crm:4711", "ENG_2024.05"])
    def test_engagement_id_pattern(self, good: str) -> None:
        assert upload(engagementId=good).engagement_id == good

    @pytest.mark.parametrize("bad", ["", "_eng", "eng 1", "eng/1", "x" * 129, "eng\n", "<script>", 42])
    def test_bad_engagement_ids(self, bad: object) -> None:
        with pytest.raises(ValidationError) as excinfo:
            upload(engagementId=bad)
        assert refused_fields(excinfo) == ["engagementId"]

    @pytest.mark.parametrize(
        ("sent", "kept"),
        [
            ("audio/wav", "audio/wav"),
            ("Audio/MPEG", "audio/mpeg"),
            ("audio/ogg; codecs=opus", "audio/ogg"),
            ("application/octet-stream", "application/octet-stream"),
        ],
    )
    def test_audio_content_types(self, sent: str, kept: str) -> None:
        assert upload(contentType=sent).content_type == kept

    @pytest.mark.parametrize("bad", ["text/plain", "video/mp4", "audio/", "image/png", "audio/wav-but-not", "a" * 101])
    def test_non_audio_content_types(self, bad: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            upload(contentType=bad)
        assert refused_fields(excinfo) == ["contentType"]

    @pytest.mark.parametrize("bad", [0, -1, "many", 1.5])
    def test_size_bytes_must_be_positive(self, bad: object) -> None:
        with pytest.raises(ValidationError) as excinfo:
            upload(sizeBytes=bad)
        assert refused_fields(excinfo) == ["sizeBytes"]

    def test_size_bytes(self) -> None:
        assert upload(sizeBytes=1).size_bytes == 1

    @pytest.mark.parametrize("unknown", ["isAiCall", "tenantId", "blobName", "filename"])
    def test_unknown_fields_are_refused(self, unknown: str) -> None:
        with pytest.raises(ValidationError) as excinfo:
            upload(**{unknown: "x"})
        assert refused_fields(excinfo) == [unknown]
        assert excinfo.value.errors()[0]["type"] == "extra_forbidden"

    def test_is_ai_call_wire_name(self) -> None:
        assert upload(isAICall=True).is_ai_call is True
        assert "isAICall" in UploadUrlRequest.model_json_schema()["properties"]

    def test_is_ai_call_must_be_a_boolean(self) -> None:
        with pytest.raises(ValidationError):
            upload(isAICall="sometimes")


class TestProcessRequest:
    def test_defaults(self) -> None:
        request = ProcessRequest.model_validate({})
        assert request.force is False and request.stages is None

    @pytest.mark.parametrize(
        ("sent", "kept"),
        [
            (["transcription"], ["transcription"]),
            (["evaluation"], ["evaluation"]),
            (["evaluation", "transcription"], ["transcription", "evaluation"]),
            (["evaluation", "transcription", "evaluation"], ["transcription", "evaluation"]),
        ],
    )
    def test_stages_are_a_subset_in_pipeline_order(self, sent: list[str], kept: list[str]) -> None:
        assert ProcessRequest.model_validate({"stages": sent}).stages == kept

    @pytest.mark.parametrize("stages", [["publishing"], ["transcription", "Evaluation"], ["*"]])
    def test_unknown_stage_is_refused(self, stages: list[str]) -> None:
        with pytest.raises(ValidationError) as excinfo:
            ProcessRequest.model_validate({"stages": stages})
        assert all(field.startswith("stages.") for field in refused_fields(excinfo))

    def test_empty_stage_list_is_refused(self) -> None:
        with pytest.raises(ValidationError) as excinfo:
            ProcessRequest.model_validate({"stages": []})
        assert refused_fields(excinfo) == ["stages"]

    def test_stages_must_be_a_list(self) -> None:
        with pytest.raises(ValidationError):
            ProcessRequest.model_validate({"stages": "transcription"})

    def test_force_and_unknown_fields(self) -> None:
        assert ProcessRequest.model_validate({"force": True}).force is True
        with pytest.raises(ValidationError) as excinfo:
            ProcessRequest.model_validate({"force": True, "priority": "high"})
        assert refused_fields(excinfo) == ["priority"]


def test_response_bodies_use_camel_case_and_is_ai_call() -> None:
    now = datetime(2024, 5, 1, tzinfo=UTC)
    body = AudioFileBody(
        id="af_01HZY3N5V4M9ZQ0K1T2R3S4W5X",
        file_name="call.wav",
        engagement_id="eng-1",
        is_ai_call=True,
        status="uploaded",
        recorded_at=now,
        created_at=now,
        updated_at=now,
    )
    wire = body.to_wire()
    assert wire["isAICall"] is True
    assert wire["fileName"] == "call.wav"
    assert wire["recordedAt"] == "2024-05-01T00:00:00Z"
    assert "campaignId" not in wire and "error" not in wire


class TestFuzzFindings:
    """Inputs the API fuzzing turned up; each once gave a 500 or a silently wrong answer."""

    @pytest.mark.parametrize("moment", ["0303-04-22T10:00:00Z", "1969-12-31T23:59:59Z", "2999-01-01T00:00:00Z"])
    def test_recorded_at_outside_the_indexable_range_is_refused(self, moment: str) -> None:
        with pytest.raises(ValidationError):
            UploadUrlRequest.model_validate({"fileName": "a.wav", "engagementId": "e1", "recordedAt": moment})

    def test_a_date_with_no_utc_equivalent_is_a_validation_error(self) -> None:
        with pytest.raises(ValidationError):
            ListAudioFilesQuery.model_validate({"dateFrom": "0001-01-01T00:00:00+01:00"})

    def test_inverted_time_keys_keep_13_digits_at_the_extremes(self) -> None:
        from shared.audio_files.records import inverted_time

        early = inverted_time(datetime(1, 1, 2, tzinfo=UTC))
        late = inverted_time(datetime(9999, 12, 31, tzinfo=UTC))
        assert len(early) == len(late) == 13 and late < early

    @pytest.mark.parametrize(("value", "valid"), [("af_7" + "Z" * 25, True), ("af_8" + "0" * 25, False)])
    def test_audio_file_ids_are_ulids_that_fit_128_bits(self, value: str, valid: bool) -> None:
        assert (re.fullmatch(AUDIO_FILE_ID_PATTERN, value) is not None) is valid
