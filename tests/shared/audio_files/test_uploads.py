"""Arrival of uploads (what the blob trigger runs), against a real Azurite and real SAS PUTs."""

from __future__ import annotations

import httpx
import pytest

from shared.audio_files import service
from shared.audio_files.uploads import register_upload
from shared.dependencies import Dependencies
from shared.models.api import UploadUrlRequest
from shared.storage.blobs import AUDIO_CONTAINER
from shared.storage.queues import WEBHOOKS_QUEUE
from tests.audio_samples import tone_wav
from tests.queues import take_messages

pytestmark = pytest.mark.integration


def upload(deps: Dependencies, tenant: str, data: bytes, **request: object) -> str:
    body = service.create_upload(
        deps,
        tenant,
        UploadUrlRequest.model_validate({"fileName": "call.wav", "engagementId": "e1", **request}),
    )
    response = httpx.put(body.upload_url, content=data, headers=body.required_headers)
    assert response.status_code == 201
    return body.audio_file_id


def arrive(deps: Dependencies, tenant: str, audio_file_id: str, data: bytes) -> str:
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record
    return register_upload(deps, f"{AUDIO_CONTAINER}/{record.blob_name}", data).status


def test_valid_audio_becomes_pending_with_its_facts(deps: Dependencies, tenant: str) -> None:
    data = tone_wav(seconds=1.5, channels=2)
    audio_file_id = upload(deps, tenant, data, contentType="audio/wav")
    assert arrive(deps, tenant, audio_file_id, data) == "pending"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status.value == "pending"
    assert (record.duration_ms, record.channels, record.sample_rate) == (1500, 2, 16000)
    assert record.size_bytes == len(data) and record.content_type == "audio/wav"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"hello, this is a text file and not a recording\n" * 20, "not_audio"),
        (tone_wav(seconds=2)[:3000], "not_audio"),  # header promises more samples than arrived
    ],
)
def test_unusable_uploads_fail_with_a_clear_code(deps: Dependencies, tenant: str, data: bytes, code: str) -> None:
    audio_file_id = upload(deps, tenant, data)
    assert arrive(deps, tenant, audio_file_id, data) == "failed"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.error and record.error.code == code and record.error.stage == "upload"


def test_too_large_uploads_fail_and_are_not_kept(deps: Dependencies, tenant: str) -> None:
    data = tone_wav(seconds=170, channels=1)  # ~5.4 MB, over the tests' 5 MiB limit
    assert len(data) > deps.settings.max_upload_bytes
    audio_file_id = upload(deps, tenant, data)
    assert arrive(deps, tenant, audio_file_id, data) == "failed"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.error and record.error.code == "file_too_large"
    assert deps.blobs.properties(AUDIO_CONTAINER, record.blob_name) is None


def test_a_second_trigger_for_the_same_blob_changes_nothing(deps: Dependencies, tenant: str) -> None:
    data = tone_wav()
    audio_file_id = upload(deps, tenant, data)
    assert arrive(deps, tenant, audio_file_id, data) == "pending"
    before = deps.audio_files.get(tenant, audio_file_id)
    assert arrive(deps, tenant, audio_file_id, data) == "ignored"
    after = deps.audio_files.get(tenant, audio_file_id)
    assert before and after and before.etag == after.etag


def test_the_upload_url_cannot_overwrite_or_read(deps: Dependencies, tenant: str) -> None:
    body = service.create_upload(deps, tenant, UploadUrlRequest(file_name="a.wav", engagement_id="e1"))
    first = httpx.put(body.upload_url, content=tone_wav(), headers=body.required_headers)
    assert first.status_code == 201
    again = httpx.put(body.upload_url, content=b"other bytes", headers=body.required_headers)
    assert again.status_code == 403
    assert httpx.get(body.upload_url).status_code == 403
    other_blob = body.upload_url.replace("/a.wav?", "/b.wav?")
    assert httpx.put(other_blob, content=b"x", headers=body.required_headers).status_code == 403


def test_a_put_without_the_blob_type_header_is_refused_by_storage(deps: Dependencies, tenant: str) -> None:
    body = service.create_upload(deps, tenant, UploadUrlRequest(file_name="a.wav", engagement_id="e1"))
    response = httpx.put(body.upload_url, content=tone_wav(), headers={"Content-Type": "audio/wav"})
    assert response.status_code == 400


def test_auto_process_queues_the_first_stage_on_arrival(deps: Dependencies, tenant: str) -> None:
    data = tone_wav()
    audio_file_id = upload(deps, tenant, data, autoProcess=True)
    assert arrive(deps, tenant, audio_file_id, data) == "pending"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.run_id and record.stages["transcription"].status == "queued"


def test_a_blob_without_a_record_is_deleted(deps: Dependencies, tenant: str) -> None:
    name = f"{tenant}/af_01JXYZ0000000000000000000A/call.wav"
    deps.storage.blob.get_blob_client(AUDIO_CONTAINER, name).upload_blob(tone_wav())
    assert register_upload(deps, f"{AUDIO_CONTAINER}/{name}", tone_wav()).status == "ignored"
    assert deps.blobs.properties(AUDIO_CONTAINER, name) is None


def test_a_rejected_upload_that_asked_for_processing_publishes_processing_failed(
    deps: Dependencies, tenant: str
) -> None:
    data = b"not audio at all\n" * 40
    audio_file_id = upload(deps, tenant, data, autoProcess=True)
    assert arrive(deps, tenant, audio_file_id, data) == "failed"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.run_id and record.error and record.error.code == "not_audio"
    mine = take_messages(
        deps, WEBHOOKS_QUEUE, lambda body: body.get("event", {}).get("data", {}).get("audioFileId") == audio_file_id
    )
    assert [message.body["event"]["type"] for message in mine] == ["processing.failed"]
