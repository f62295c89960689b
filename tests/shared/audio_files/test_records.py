from datetime import UTC, datetime, timedelta

import pytest

from shared.audio_files.records import (
    AudioFileRecord,
    ErrorInfo,
    StageState,
    Status,
    from_entity,
    index_prefix,
    index_row_keys,
    inverted_time,
    to_entity,
)

pytestmark = pytest.mark.unit
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def make_record(**overrides: object) -> AudioFileRecord:
    values: dict[str, object] = {
        "tenant_id": "t1",
        "id": "af_01JXYZ0000000000000000000A",
        "file_name": "call.wav",
        "safe_file_name": "call.wav",
        "blob_name": "t1/af_01JXYZ0000000000000000000A/call.wav",
        "engagement_id": "eng-1",
        "campaign_id": "camp-1",
        "is_ai_call": True,
        "recorded_at": NOW,
        "created_at": NOW,
        "updated_at": NOW,
        "upload_expires_at": NOW + timedelta(hours=1),
    }
    values.update(overrides)
    return AudioFileRecord.model_validate(values)


def test_newer_recordings_sort_first() -> None:
    assert inverted_time(NOW + timedelta(milliseconds=1)) < inverted_time(NOW)
    assert len(inverted_time(datetime(1970, 1, 1, tzinfo=UTC))) == len(inverted_time(NOW)) == 13


def test_a_record_with_campaign_belongs_to_all_eight_filter_combinations() -> None:
    keys = index_row_keys(make_record())
    assert len(keys) == len(set(keys)) == 8
    for campaign in (None, "camp-1"):
        for engagement in (None, "eng-1"):
            for ai in (None, True):
                prefix = index_prefix(campaign, engagement, ai)
                assert sum(key.startswith(prefix) for key in keys) == 1


def test_a_record_without_campaign_is_not_in_campaign_indexes() -> None:
    keys = index_row_keys(make_record(campaign_id=None))
    assert len(keys) == 4
    assert not any(key.startswith(index_prefix("camp-1", None, None)) for key in keys)


def test_filter_prefixes_do_not_overlap() -> None:
    # "camp" must not match records of "camp-1": the separator closes each value.
    assert not index_prefix("camp-1", None, None).startswith(index_prefix("camp", None, None))
    assert index_prefix(None, None, False) != index_prefix(None, None, True)


def test_entity_round_trip_keeps_every_field() -> None:
    record = make_record(
        status=Status.FAILED,
        error=ErrorInfo(code="not_audio", message="nope", stage="upload"),
        stages={"transcription": StageState(status="failed", attempts=3, started_at=NOW)},
        run_stages=["transcription", "evaluation"],
        duration_ms=1234,
    )
    entity = to_entity(record)
    assert entity["PartitionKey"] == "t1" and entity["RowKey"] == record.id
    assert from_entity(entity) == record


def test_index_rows_carry_the_record_id() -> None:
    record = make_record()
    key = index_row_keys(record)[0]
    entity = to_entity(record, key)
    assert entity["RowKey"] == key
    assert from_entity(entity).id == record.id
