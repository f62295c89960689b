"""Service functions against a real Azurite: processing requests, downloads, documents, delete, isolation."""

from __future__ import annotations

import contextlib
from typing import Any

import httpx
import pytest
from azure.core.exceptions import ResourceExistsError

from shared.audio_files import service
from shared.audio_files.records import Status
from shared.dependencies import Dependencies
from shared.errors import Conflict, NotFound, PayloadTooLarge
from shared.models.api import ListAudioFilesQuery, ProcessBody, ProcessRequest, TranscriptQuery, UploadUrlRequest
from shared.models.redaction import EntityType, RedactionOverride
from shared.pipeline.model import StageStatus
from shared.pipeline.run import RunTimes
from shared.scorecards.model import ScorecardPin
from shared.storage.queues import TRANSCRIPTION_QUEUE
from tests.audio_samples import tone_wav
from tests.queues import take_messages
from tests.shared.audio_files.test_uploads import arrive, download_url, reader, upload
from tests.storage_scan import blobs_naming, rows_naming

pytestmark = pytest.mark.integration


def uploaded(deps: Dependencies, tenant: str, **request: object) -> str:
    data = tone_wav()
    audio_file_id = upload(deps, tenant, data, **request)
    assert arrive(deps, tenant, audio_file_id, data) == "pending"
    return audio_file_id


def process(deps: Dependencies, tenant: str, audio_file_id: str, request: ProcessRequest) -> ProcessBody:
    return service.request_processing(
        records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues, blobs=deps.blobs,
        times=RunTimes.of(deps.settings.stage_deadline_minutes), tenant_id=tenant, audio_file_id=audio_file_id,
        request=request,
    )  # fmt: skip


def transcript(deps: Dependencies, tenant: str, audio_file_id: str, *scopes: str, **query: object) -> dict[str, object]:
    return service.get_transcript_document(
        deps, reader(tenant, *scopes), audio_file_id, TranscriptQuery.model_validate(query)
    )


def delete(deps: Dependencies, tenant: str, audio_file_id: str) -> None:
    service.delete_audio_file(records=deps.audio_files, deadlines=deps.deadlines, blobs=deps.blobs,
                              reviews=deps.reviews, tenant_id=tenant, audio_file_id=audio_file_id)  # fmt: skip


def queued_messages(deps: Dependencies, audio_file_id: str) -> list[dict[str, Any]]:
    """The file's transcription messages, taken off the queue (other tests' messages stay)."""
    taken = take_messages(deps, TRANSCRIPTION_QUEUE, lambda body: body.get("audioFileId") == audio_file_id)
    return [message.body for message in taken]


def test_process_asked_again_while_queued_resends_the_same_run(deps: Dependencies, tenant: str) -> None:
    audio_file_id = uploaded(deps, tenant)
    first = process(deps, tenant, audio_file_id, ProcessRequest())
    second = process(deps, tenant, audio_file_id, ProcessRequest())
    assert (first.status, first.message) == ("pending", "Processing queued successfully")
    assert second.message == "Processing was already queued; its message was sent again"
    assert (second.status, second.run_id, second.stages) == (first.status, first.run_id, first.stages)
    # The first request may have died before sending: the retry sends the same run's message again.
    message = {"tenantId": tenant, "audioFileId": audio_file_id, "runId": first.run_id, "stage": "transcription"}
    assert queued_messages(deps, audio_file_id) == [message, message]


def test_process_asked_while_running_sends_nothing(deps: Dependencies, tenant: str) -> None:
    audio_file_id = uploaded(deps, tenant)
    first = process(deps, tenant, audio_file_id, ProcessRequest())
    queued_messages(deps, audio_file_id)

    def running(record):  # what a worker that began the stage has written
        record.stages["transcription"].status = StageStatus.RUNNING
        record.status = Status.PROCESSING
        return record

    deps.audio_files.mutate(tenant, audio_file_id, running)
    again = process(deps, tenant, audio_file_id, ProcessRequest())
    assert (again.status, again.message, again.run_id) == ("processing", "Processing is already running", first.run_id)
    assert queued_messages(deps, audio_file_id) == []


def test_process_before_upload_is_a_conflict(deps: Dependencies, tenant: str) -> None:
    body = service.create_upload(deps, tenant, UploadUrlRequest(file_name="a.wav", engagement_id="e1"))
    with pytest.raises(Conflict) as raised:
        process(deps, tenant, body.audio_file_id, ProcessRequest())
    assert raised.value.code == "audio_not_uploaded"


def test_completed_files_rerun_only_when_asked_explicitly(deps: Dependencies, tenant: str) -> None:
    audio_file_id = uploaded(deps, tenant)
    first = process(deps, tenant, audio_file_id, ProcessRequest())

    def complete(record):  # what the pipeline does at the end of a run
        record.status = Status.COMPLETED
        record.outputs = {stage: record.run_id for stage in ("transcription", "redaction", "evaluation")}
        return record

    deps.audio_files.mutate(tenant, audio_file_id, complete)
    with pytest.raises(Conflict) as raised:
        process(deps, tenant, audio_file_id, ProcessRequest())
    assert raised.value.code == "already_processed"
    # Naming the stages is explicit enough: re-evaluation needs no force, and may pin a scorecard version.
    pin = ScorecardPin(id="default-human", version="2.8")
    rerun = process(deps, tenant, audio_file_id, ProcessRequest(stages=["evaluation"], scorecard=pin))
    assert rerun.run_id != first.run_id and rerun.stages == ["evaluation"]
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record and record.has_transcript and not record.has_analysis
    assert record.run_scorecard == pin
    assert record.stages["transcription"].status == "skipped"
    assert record.stages["evaluation"].status == "queued"


def test_evaluation_alone_needs_a_transcript(deps: Dependencies, tenant: str) -> None:
    audio_file_id = uploaded(deps, tenant)
    with pytest.raises(Conflict) as raised:
        process(deps, tenant, audio_file_id, ProcessRequest(stages=["evaluation"]))
    assert raised.value.code == "transcript_not_found"


def test_documents_are_404_before_processing_and_409_while_queued(deps: Dependencies, tenant: str) -> None:
    audio_file_id = uploaded(deps, tenant)
    with pytest.raises(NotFound) as missing:
        transcript(deps, tenant, audio_file_id)
    assert missing.value.code == "transcript_not_found"
    process(deps, tenant, audio_file_id, ProcessRequest())
    with pytest.raises(Conflict) as waiting:
        service.get_analysis(deps, tenant, audio_file_id)[1]
    assert waiting.value.code == "analysis_not_ready"


def test_download_url_reads_exactly_the_uploaded_bytes(deps: Dependencies, tenant: str) -> None:
    data = tone_wav(seconds=0.5)
    audio_file_id = upload(deps, tenant, data, fileName="Sales call #12 (final).wav")
    arrive(deps, tenant, audio_file_id, data)
    body = download_url(deps, tenant, audio_file_id)
    response = httpx.get(body.download_url)
    assert response.status_code == 200 and response.content == data
    assert response.headers["content-disposition"] == 'attachment; filename="Sales_call_12_final.wav"'
    assert httpx.put(body.download_url, content=b"x", headers={"x-ms-blob-type": "BlockBlob"}).status_code == 403
    tampered = body.download_url.replace("sp=r", "sp=rw")
    assert httpx.get(tampered).status_code == 403


def test_download_before_upload_is_a_conflict(deps: Dependencies, tenant: str) -> None:
    body = service.create_upload(deps, tenant, UploadUrlRequest(file_name="a.wav", engagement_id="e1"))
    with pytest.raises(Conflict):
        download_url(deps, tenant, body.audio_file_id)


def test_another_tenants_file_does_not_exist(deps: Dependencies, tenant: str) -> None:
    audio_file_id = uploaded(deps, tenant)
    for call in (
        service.get_record,
        download_url,
        service.processing_status,
        delete,
    ):
        with pytest.raises(NotFound):
            call(deps, "t-someone-else", audio_file_id)
    with pytest.raises(NotFound):
        process(deps, "t-someone-else", audio_file_id, ProcessRequest())
    assert service.list_audio_files(deps, "t-someone-else", ListAudioFilesQuery()).items == []


def test_delete_removes_the_recording_and_what_came_from_it(deps: Dependencies, tenant: str) -> None:
    audio_file_id = uploaded(deps, tenant)
    record = deps.audio_files.get(tenant, audio_file_id)
    assert record
    process(deps, tenant, audio_file_id, ProcessRequest())  # a queued stage: its deadline row exists
    deps.blobs.write_json("transcripts", f"{tenant}/{audio_file_id}/run-1.json", {"x": 1})
    delete(deps, tenant, audio_file_id)
    assert deps.audio_files.get(tenant, audio_file_id) is None
    assert deps.blobs.properties("audio", record.blob_name) is None
    assert deps.blobs.list_names("transcripts", f"{tenant}/{audio_file_id}") == []
    assert rows_naming(deps.storage.table, audio_file_id) == []
    with pytest.raises(NotFound):
        service.get_record(deps, tenant, audio_file_id)


def test_delete_while_the_host_still_holds_the_uploads_trigger_receipt_removes_it(
    deps: Dependencies, tenant: str
) -> None:
    audio_file_id = uploaded(deps, tenant)
    record = deps.audio_files.get(tenant, audio_file_id)
    audio = deps.blobs.properties("audio", record.blob_name) if record else None
    assert record and audio
    # What a host completing the upload's blob trigger holds: the receipt for this version, leased.
    hosts = deps.storage.blob.get_container_client("azure-webjobs-hosts")
    with contextlib.suppress(ResourceExistsError):
        hosts.create_container()
    name = f"blobreceipts/a-host/Host.Functions.upload_arrived/{audio.etag}/audio/{record.blob_name}"
    receipt = hosts.upload_blob(name, b"", metadata={"Incomplete": "true"})
    receipt.acquire_lease(lease_duration=60)
    delete(deps, tenant, audio_file_id)
    assert not receipt.exists()
    assert blobs_naming(deps.storage.blob, audio_file_id) == []


def test_declared_oversize_is_refused_before_anything_is_created(deps: Dependencies, tenant: str) -> None:
    with pytest.raises(PayloadTooLarge):
        service.create_upload(deps, tenant, UploadUrlRequest(file_name="a.wav", engagement_id="e1", size_bytes=10**12))
    assert service.list_audio_files(deps, tenant, ListAudioFilesQuery()).items == []


def test_list_pages_with_tokens_and_numbers_agree(deps: Dependencies, tenant: str) -> None:
    ids = [upload(deps, tenant, tone_wav(seconds=0.1)) for _ in range(5)]
    first = service.list_audio_files(deps, tenant, ListAudioFilesQuery(page_size=2))
    assert [item.id for item in first.items] == ids[::-1][:2] and first.has_more
    second = service.list_audio_files(
        deps, tenant, ListAudioFilesQuery(page_size=2, continuation_token=first.continuation_token)
    )
    numbered = service.list_audio_files(deps, tenant, ListAudioFilesQuery(page_size=2, page=2))
    assert [i.id for i in second.items] == [i.id for i in numbered.items] == ids[::-1][2:4]
    assert second.page == numbered.page == 2
    last = service.list_audio_files(deps, tenant, ListAudioFilesQuery(page_size=2, page=3))
    assert [i.id for i in last.items] == ids[:1] and not last.has_more and last.continuation_token is None


def test_an_uploads_redaction_choices_are_kept_on_its_record(deps: Dependencies, tenant: str) -> None:
    override = RedactionOverride(entity_types=[EntityType.CARD_NUMBER], keep_unredacted=True)
    body = service.create_upload(
        deps, tenant, UploadUrlRequest(file_name="a.wav", engagement_id="e1", redaction=override)
    )
    record = deps.audio_files.get(tenant, body.audio_file_id)
    assert record is not None and record.redaction == override
    plain = service.create_upload(deps, tenant, UploadUrlRequest(file_name="a.wav", engagement_id="e1"))
    plain_record = deps.audio_files.get(tenant, plain.audio_file_id)
    assert plain_record is not None and plain_record.redaction is None
