"""Arrival of uploads (what the blob trigger runs), against a real Azurite and real SAS PUTs."""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx
import pytest

from shared.audio_files import service
from shared.audio_files.uploads import register_upload
from shared.auth import Principal
from shared.dependencies import Dependencies
from shared.errors import Conflict
from shared.models.api import DownloadUrlBody, DownloadUrlQuery, ProcessRequest, UploadUrlRequest
from shared.pipeline.run import RunTimes
from shared.storage.blobs import AUDIO_CONTAINER, BlobStore
from shared.storage.queues import WEBHOOKS_QUEUE
from tests.audio_samples import crafted_wav, tone_wav
from tests.queues import take_messages

pytestmark = pytest.mark.integration


def reader(tenant: str, *scopes: str) -> Principal:
    return Principal(tenant_id=tenant, subject="reader", scopes=frozenset(("audio:read", "audio:download", *scopes)))


def download_url(deps: Dependencies, tenant: str, audio_file_id: str, **query: object) -> DownloadUrlBody:
    return service.download_url(deps, reader(tenant), audio_file_id, DownloadUrlQuery.model_validate(query))


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
    stored = deps.blobs.properties(AUDIO_CONTAINER, record.blob_name)
    assert stored and stored.size == len(data)  # what the trigger fires on is what the test uploaded
    return register_upload(deps, f"{AUDIO_CONTAINER}/{record.blob_name}").status


def failure(deps: Dependencies, tenant: str, audio_file_id: str) -> str:
    """The failed record's error code, once its refused bytes are gone from storage."""
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status.value == "failed" and record.error and record.error.stage == "upload"
    assert deps.blobs.properties(AUDIO_CONTAINER, record.blob_name) is None
    return record.error.code


def test_valid_audio_becomes_pending_with_its_facts(deps: Dependencies, tenant: str) -> None:
    data = tone_wav(seconds=1.5, channels=2)
    audio_file_id = upload(deps, tenant, data, contentType="audio/wav")
    assert arrive(deps, tenant, audio_file_id, data) == "pending"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.status.value == "pending"
    assert (record.duration_ms, record.channels, record.sample_rate) == (1500, 2, 16000)
    assert record.size_bytes == len(data) and record.content_type == "audio/wav"


def test_the_blob_name_carries_ids_only_and_the_file_name_goes_to_the_download(deps: Dependencies, tenant: str) -> None:
    data = tone_wav()
    audio_file_id = upload(deps, tenant, data, fileName="Jane Doe 555-0100.wav")
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.blob_name == f"{tenant}/{audio_file_id}/recording"
    assert arrive(deps, tenant, audio_file_id, data) == "pending"
    download = download_url(deps, tenant, audio_file_id)
    response = httpx.get(download.download_url)
    assert response.status_code == 200 and response.content == data
    assert response.headers["content-disposition"] == 'attachment; filename="Jane_Doe_555-0100.wav"'


def test_audio_sent_with_another_content_type_is_served_as_what_it_is(deps: Dependencies, tenant: str) -> None:
    data = tone_wav()
    body = service.create_upload(deps, tenant, UploadUrlRequest(file_name="call.wav", engagement_id="e1"))
    put = httpx.put(body.upload_url, content=data, headers={"x-ms-blob-type": "BlockBlob", "Content-Type": "text/html"})
    assert put.status_code == 201
    assert arrive(deps, tenant, body.audio_file_id, data) == "pending"
    record = deps.audio_files.get(tenant, body.audio_file_id)
    assert record and record.content_type == "audio/wav"


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
    assert failure(deps, tenant, audio_file_id) == code


@pytest.mark.parametrize(
    ("data", "code"),
    [
        # 20 KB at 1 Hz: 10,000 s of "audio" that would keep a core busy resampling for minutes.
        (crafted_wav(sample_rate=1), "sample_rate_too_low"),
        # 8-bit mono at 8 kHz whose header claims 0xFFFFFFF0 frames (149 hours) in a 20 KB file.
        (crafted_wav(sample_rate=8000, bits=8, claimed_data_bytes=0xFFFFFFF0), "audio_too_long"),
    ],
)
def test_crafted_headers_fail_with_a_clear_code(deps: Dependencies, tenant: str, data: bytes, code: str) -> None:
    audio_file_id = upload(deps, tenant, data)
    assert arrive(deps, tenant, audio_file_id, data) == "failed"
    assert failure(deps, tenant, audio_file_id) == code


def test_a_refused_upload_cannot_be_processed(deps: Dependencies, tenant: str) -> None:
    data = crafted_wav(sample_rate=1)
    audio_file_id = upload(deps, tenant, data)
    assert arrive(deps, tenant, audio_file_id, data) == "failed"
    with pytest.raises(Conflict) as refused:
        service.request_processing(
            records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues, blobs=deps.blobs,
            times=RunTimes.of(deps.settings.stage_deadline_minutes), tenant_id=tenant, audio_file_id=audio_file_id,
            request=ProcessRequest(),
        )  # fmt: skip
    assert refused.value.code == "invalid_upload"


def test_audio_longer_than_max_audio_minutes_fails(deps: Dependencies, tenant: str) -> None:
    data = tone_wav(seconds=2, channels=1, sample_rate=8000)
    audio_file_id = upload(deps, tenant, data)
    one_second = dataclasses.replace(deps, settings=deps.settings.model_copy(update={"max_audio_minutes": 1 / 60}))
    assert arrive(one_second, tenant, audio_file_id, data) == "failed"
    assert failure(deps, tenant, audio_file_id) == "audio_too_long"


class _ReadsCounted:
    """The real blob store, counting downloads: an oversize upload must be refused without one."""

    def __init__(self, blobs: BlobStore) -> None:
        self._blobs = blobs
        self.downloads = 0

    def download_to_file(self, *args: Any) -> None:
        self.downloads += 1
        self._blobs.download_to_file(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._blobs, name)


def test_too_large_uploads_fail_unread_and_are_not_kept(deps: Dependencies, tenant: str) -> None:
    data = tone_wav(seconds=170, channels=1)  # ~5.4 MB, over the tests' 5 MiB limit
    assert len(data) > deps.settings.max_upload_bytes
    audio_file_id = upload(deps, tenant, data)
    counted = _ReadsCounted(deps.blobs)
    counting = dataclasses.replace(deps, blobs=counted)  # type: ignore[arg-type]  # the store's interface
    assert arrive(counting, tenant, audio_file_id, data) == "failed"
    assert counted.downloads == 0
    assert failure(deps, tenant, audio_file_id) == "file_too_large"


@pytest.mark.parametrize(
    ("declared", "code"),
    [({"sizeBytes": 1000}, "size_mismatch"), ({"contentType": "audio/mpeg"}, "content_type_mismatch")],
)
def test_what_the_upload_url_was_asked_for_is_binding(
    deps: Dependencies, tenant: str, declared: dict[str, object], code: str
) -> None:
    data = tone_wav()
    body = service.create_upload(
        deps, tenant, UploadUrlRequest.model_validate({"fileName": "call.wav", "engagementId": "e1", **declared})
    )
    headers = {"x-ms-blob-type": "BlockBlob", "Content-Type": "audio/wav"}
    assert httpx.put(body.upload_url, content=data, headers=headers).status_code == 201
    assert arrive(deps, tenant, body.audio_file_id, data) == "failed"
    assert failure(deps, tenant, body.audio_file_id) == code


def test_a_refused_upload_whose_deletion_was_interrupted_is_deleted_by_the_retry(
    deps: Dependencies, tenant: str
) -> None:
    data = b"not audio at all\n" * 40
    audio_file_id = upload(deps, tenant, data)
    assert arrive(deps, tenant, audio_file_id, data) == "failed"
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record
    # As if the host died between the record's update and the delete: the bytes are back, the trigger fires again.
    deps.storage.blob.get_blob_client(AUDIO_CONTAINER, record.blob_name).upload_blob(data)
    assert register_upload(deps, f"{AUDIO_CONTAINER}/{record.blob_name}").status == "ignored"
    assert failure(deps, tenant, audio_file_id) == "not_audio"


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
    other_blob = body.upload_url.replace("/recording?", "/other?")
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
    name = f"{tenant}/af_01JXYZ0000000000000000000A/recording"
    deps.storage.blob.get_blob_client(AUDIO_CONTAINER, name).upload_blob(tone_wav())
    assert register_upload(deps, f"{AUDIO_CONTAINER}/{name}").status == "ignored"
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


def test_a_rejected_upload_whose_event_was_not_sent_sends_it_when_the_trigger_fires_again(
    deps: Dependencies, tenant: str
) -> None:
    class EventSendFails:
        """The queues, refusing the run's event once (or the host dies there, after the record said failed)."""

        def __init__(self) -> None:
            self.refused = False

        def send(self, queue: str, message: dict[str, Any], *, visibility_timeout: int | None = None) -> None:
            if queue == WEBHOOKS_QUEUE and not self.refused:
                self.refused = True
                raise OSError("queue unavailable")
            deps.queues.send(queue, message, visibility_timeout=visibility_timeout)

    data = b"not audio at all\n" * 40
    audio_file_id = upload(deps, tenant, data, autoProcess=True)
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record
    flaky = dataclasses.replace(deps, queues=EventSendFails())  # type: ignore[arg-type]  # the sender's interface
    with pytest.raises(OSError):
        register_upload(flaky, f"{AUDIO_CONTAINER}/{record.blob_name}")
    refused = deps.audio_files.get(tenant, audio_file_id)
    assert refused and refused.status.value == "failed"
    # The bytes are still there, so the trigger fires again for the failed invocation (a deleted blob would not).
    assert deps.blobs.properties(AUDIO_CONTAINER, record.blob_name) is not None
    assert register_upload(flaky, f"{AUDIO_CONTAINER}/{record.blob_name}").status == "ignored"
    assert failure(deps, tenant, audio_file_id) == "not_audio"
    mine = take_messages(
        deps, WEBHOOKS_QUEUE, lambda body: body.get("event", {}).get("data", {}).get("audioFileId") == audio_file_id
    )
    assert [message.body["event"]["type"] for message in mine] == ["processing.failed"]
