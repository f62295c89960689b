"""The processing pipeline: transcription speed and accuracy, end-to-end time, memory and storage operations.

1. Bare engines (faster-whisper base, pocketsphinx) on the generated support call and the 1-minute call, each
   in a fresh child process (``bench.transcription_engines.measure_engine``): real-time factor, word error
   rate, peak RSS.
   And our Whisper engine (speech only) against the bare library: faster-whisper's own ``transcribe()`` on each
   full channel with word timestamps, same model, threads and beam (``compare_with_library``).
2. The transcription stage itself (``shared.pipeline.stages.run_stage``) on the same audio, uploaded to
   Azurite, with the engine's model already loaded: stage RTF and stage / bare (download, SAS, decode,
   transcript blob write, compare-and-swap and the next stage's message).
3. End to end through the local host over HTTP for the 60-second call: upload-url, PUT, wait for pending,
   POST /process, poll processing-status every 0.5 s until completed; the split from the stage times.
4. Peak RSS of transcribing the 1-minute and the 30-minute call, each in a child process. The 30-minute one
   stops ``--long-cap`` seconds after its model is loaded (unless ``--long-cap 0``) and reports the audio it
   reached, the seconds it took from the model loaded, and their ratio (RTF).
5. Storage requests per processed file, counted at azure-core's transport: with the host stopped, calling the
   app's functions one after the other (exactly the app's own requests); and during the end-to-end run by
   function, with the host's own polling shown apart.
6. Diarization and roles (``bench.diarization``) on the twelve generated two-speaker calls of
   ``scripts.mono_calls`` (overlaps, backchannels): mixed to mono, the diarization error rate of the engine's
   turns, whether the agent is named right, and the time diarization adds to transcription; as stereo with
   the agent on the wrong channel, whether it is relabelled. Then peak RSS of transcribing (and diarizing)
   1-, 5- and 10-minute mono calls, each in a child process, to show memory does not grow with length.

The "1-minute call" is the generator's: the support call repeated to at least a minute (79 s).

Usage: ``python -m bench.pipeline [--quick] [--long-cap SECONDS] [--only-diarization]``. Full mode takes
about 5-7 minutes on two cores, plus part 6 (Whisper base runs at 0.15-0.5 of real time there, depending on
what else runs). ``--quick`` skips the 1-minute call for pocketsphinx and for the stage, and caps the 30-minute
run at 30 s instead of 90 s.
``--only-diarization`` runs part 6 alone (about 8 minutes on an idle machine); ``--held-back`` scores the
four held-back mono calls (voices the diarizer was not tuned on) and nothing else.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from bench.common import (
    MONO_CALLS_CACHE,
    SAMPLE_CALLS_CACHE,
    BenchEnvironment,
    RequestCounter,
    azurite_ports,
    bench_environment,
    console,
    machine_note,
    parse_args,
    table,
    tagged,
)
from bench.diarization import (
    COLLAR_MS,
    COLUMNS,
    DiarizationMemory,
    DiarizedCall,
    diarization_memory,
    diarize_calls,
    rows,
    time_weighted_der,
)
from bench.transcription_engines import (
    EngineMeasurement,
    LibraryComparison,
    compare_with_library,
    measure_engine,
    peak_rss_mb,
    transcript_words,
    word_error_rate,
)
from scripts.mono_calls import HELD_BACK_PLANS, generate_mono_calls, long_mono_call
from scripts.sample_calls import SUPPORT_CALL, SampleCalls, generate_sample_calls
from shared.ai.transcription.base import TranscriptionEngine
from shared.ai.transcription.provision import default_model_dir, provision_model
from shared.ai.transcription.sphinx import PocketSphinxEngine
from shared.ai.transcription.whisper import WhisperEngine
from shared.models.transcript import Transcript

TERMINAL = ("completed", "failed")
LONG_MINUTES = 30
MONO_MINUTES = (1, 5, 10)


@dataclass(frozen=True)
class Audio:
    label: str
    path: Path
    reference: str


def audio_files(calls: SampleCalls) -> dict[str, Audio]:
    one_minute = calls.long_call(1)
    long_reference = " ".join(turn.text for turn in calls.turns(one_minute.stem))
    return {
        "support": Audio("support call", calls.support_call, SUPPORT_CALL.text),
        "1min": Audio("1-minute call", one_minute, long_reference),
    }


def engine_factories(model_dir: Path) -> dict[str, Callable[[], TranscriptionEngine]]:
    # Module-level callables (picklable for the spawned children), with the app's defaults.
    return {"faster-whisper": partial(WhisperEngine, model_dir), "pocketsphinx": PocketSphinxEngine}


# --- 1. bare engines -------------------------------------------------------------------------------------


def bare_engines(
    factories: dict[str, Callable[[], TranscriptionEngine]], plan: list[tuple[str, Audio]]
) -> dict[tuple[str, str], EngineMeasurement]:
    results: dict[tuple[str, str], EngineMeasurement] = {}
    for engine, audio in plan:
        results[engine, audio.label] = measure_engine(factories[engine], audio.path, reference=audio.reference)
        console.print(f"  bare {engine} on the {audio.label}: {results[engine, audio.label].wall_s:.1f} s", style="dim")
    gc.collect()  # finalize the worker pools' semaphores now, not in a race with the resource tracker at exit
    return results


# --- 2. the transcription stage ------------------------------------------------------------------------


def upload_pending(deps: Any, tenant: str, audio: Path, **fields: Any) -> str:
    """Register an upload, PUT the bytes to its SAS URL, run the upload check; returns the pending record's id."""
    from shared.audio_files.service import create_upload
    from shared.audio_files.uploads import register_upload
    from shared.models.api import UploadUrlRequest

    with tagged("upload-url (HTTP function)"):
        request = UploadUrlRequest.model_validate({"fileName": audio.name, "engagementId": "eng-1", **fields})
        created = create_upload(deps, tenant, request)
    data = audio.read_bytes()
    put = httpx.put(created.upload_url, content=data, headers=created.required_headers, timeout=120)
    put.raise_for_status()
    blob_name = urlsplit(created.upload_url).path.split("/", 3)[3]  # /{account}/audio/{blob name}
    with tagged("upload_arrived (blob trigger)"):
        outcome = register_upload(deps, f"audio/{blob_name}")
    assert outcome.status == "pending", outcome
    return created.audio_file_id


def start_run(deps: Any, tenant: str, audio_file_id: str) -> str:
    from shared.audio_files.service import request_processing
    from shared.models.api import ProcessRequest
    from shared.pipeline.run import RunTimes

    with tagged("process (HTTP function)"):
        body = request_processing(
            records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues, blobs=deps.blobs,
            times=RunTimes.of(deps.settings.stage_deadline_minutes), tenant_id=tenant, audio_file_id=audio_file_id,
            request=ProcessRequest(),
        )  # fmt: skip
    return body.run_id


@dataclass(frozen=True)
class StageRun:
    transcription_s: float
    evaluation_s: float
    wer: float


def run_stages(deps: Any, engine: TranscriptionEngine, tenant: str, audio: Audio) -> StageRun:
    """Upload ``audio``, start a run, and run every stage in pipeline order in this process."""
    from shared.ai.factory import build_evaluation_engine
    from shared.pipeline.model import Stage, StageMessage
    from shared.pipeline.run import RunTimes
    from shared.pipeline.stages import Engines, StageRunner, build_handlers, output_of
    from shared.scorecards.service import ScorecardChooser
    from shared.storage.blobs import TRANSCRIPTS_CONTAINER

    audio_file_id = upload_pending(deps, tenant, audio.path, contentType="audio/wav")
    run_id = start_run(deps, tenant, audio_file_id)
    evaluation = build_evaluation_engine(deps.settings)
    engines = Engines(transcription=lambda: engine, evaluation=lambda: evaluation)
    runner = StageRunner(
        records=deps.audio_files, deadlines=deps.deadlines, queues=deps.queues, blobs=deps.blobs,
        handlers=build_handlers(deps.blobs, engines, ScorecardChooser(deps.scorecards, deps.blobs)),
        times=RunTimes.of(deps.settings.stage_deadline_minutes),
    )  # fmt: skip
    timings: dict[str, float] = {}
    for stage in Stage:
        message = StageMessage(tenant_id=tenant, audio_file_id=audio_file_id, run_id=run_id, stage=stage)
        started = time.perf_counter()
        with tagged(f"{stage}_stage (queue trigger)"):
            outcome = runner.run(message)
        timings[stage] = time.perf_counter() - started
        assert outcome == "succeeded", f"{stage}: {outcome}"
    record = deps.audio_files.get(tenant, audio_file_id)
    document = output_of(deps.blobs, record, Stage.REDACTION, TRANSCRIPTS_CONTAINER)
    wer = word_error_rate(audio.reference, transcript_words(Transcript.model_validate(document)))
    return StageRun(timings["transcription"], timings["evaluation"], wer)


# --- 3. end to end -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EndToEnd:
    total_s: float
    upload_s: float  # upload-url request + PUT
    validated_s: float  # PUT done -> pending seen by the client
    queue_wait_s: float  # process requested -> transcription started
    transcription_s: float
    handoff_s: float  # transcription done -> evaluation started
    evaluation_s: float
    poll_lag_s: float  # evaluation done -> completed seen by the client
    audio_s: float


def _moment(value: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def end_to_end(env: BenchEnvironment, audio: Path, timeout_s: float = 600) -> EndToEnd:
    deadline = time.monotonic() + timeout_s
    with env.client("bench-e2e") as client:
        started = time.time()
        created = client.post(
            "/audio-files/upload-url",
            json={"fileName": audio.name, "engagementId": "eng-1", "contentType": "audio/wav"},
        )
        assert created.status_code == 201, created.text
        body = created.json()
        audio_file_id = body["audioFileId"]
        put = httpx.put(body["uploadUrl"], content=audio.read_bytes(), headers=body["requiredHeaders"], timeout=120)
        assert put.status_code == 201, put.text
        uploaded = time.time()
        while True:
            record = client.get(f"/audio-files/{audio_file_id}").json()
            if record["status"] != "awaiting_upload":
                break
            assert time.monotonic() < deadline, "the upload was never validated"
            time.sleep(0.1)
        assert record["status"] == "pending", record
        validated = time.time()
        queued = client.post(f"/audio-files/{audio_file_id}/process")
        assert queued.status_code == 202, queued.text
        requested = time.time()
        while True:
            status = client.get(f"/audio-files/{audio_file_id}/processing-status").json()
            if status["status"] in TERMINAL:
                break
            assert time.monotonic() < deadline, f"still {status['status']} after {timeout_s} s"
            time.sleep(0.5)
        finished = time.time()
    assert status["status"] == "completed", status
    transcription, evaluation = status["stages"]["transcription"], status["stages"]["evaluation"]
    return EndToEnd(
        total_s=finished - started,
        upload_s=uploaded - started,
        validated_s=validated - uploaded,
        queue_wait_s=_moment(transcription["startedAt"]) - requested,
        transcription_s=_moment(transcription["completedAt"]) - _moment(transcription["startedAt"]),
        handoff_s=_moment(evaluation["startedAt"]) - _moment(transcription["completedAt"]),
        evaluation_s=_moment(evaluation["completedAt"]) - _moment(evaluation["startedAt"]),
        poll_lag_s=finished - _moment(evaluation["completedAt"]),
        audio_s=(record.get("durationMs") or 0) / 1000,
    )


# --- 4. peak memory ----------------------------------------------------------------------------------------


def _transcribe_for_memory(
    model_dir: str, audio_path: str, model_loaded: Any, reached_ms: Any, reached_after_s: Any, done: Any
) -> None:
    """Child process: load Whisper, then transcribe, publishing as it goes how much audio it has reached
    (``reached_ms``) and after how many seconds of transcribing, counted from the model loaded (``reached_after_s``)."""
    engine = WhisperEngine(Path(model_dir))
    engine.load()
    loaded = time.perf_counter()
    model_loaded.value = 1
    window_call = engine._transcribe_window

    def tracked(window: Any, language: str | None) -> Any:
        result = window_call(window, language)
        if window.end_ms > reached_ms.value:
            reached_after_s.value = time.perf_counter() - loaded
            reached_ms.value = window.end_ms
        return result

    engine._transcribe_window = tracked  # type: ignore[method-assign]
    from shared.ai.transcription.base import AudioInput

    transcript = engine.transcribe(AudioInput(audio_file_id="bench-memory", path=Path(audio_path)))
    reached_after_s.value = time.perf_counter() - loaded
    reached_ms.value = transcript.duration_ms
    done.value = peak_rss_mb()


def _rss_mb(pid: int) -> tuple[float, float] | None:
    """The process's peak (VmHWM) and current (VmRSS) resident memory in MB, from one read of /proc."""
    values: dict[str, float] = {}
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in ("VmHWM", "VmRSS"):
                values[name] = int(rest.split()[0]) / 1024
    if "VmHWM" not in values or "VmRSS" not in values:
        return None  # gone, or a zombie without memory
    return values["VmHWM"], values["VmRSS"]


@dataclass(frozen=True)
class MemoryRun:
    label: str
    audio_s: float
    reached_s: float
    transcribe_s: float  # from the model loaded to the audio reached (spawn and model load excluded)
    peak_rss_mb: float
    complete: bool
    trace: tuple[tuple[float, float], ...] = ()  # (audio reached s, RSS MB) over the run

    @property
    def real_time_factor(self) -> float | None:
        return self.transcribe_s / self.reached_s if self.reached_s else None

    def summary(self) -> str:
        rtf = self.real_time_factor
        return (
            f"{self.label}: reached {self.reached_s:.0f} s of {self.audio_s:.0f} s of audio in "
            f"{self.transcribe_s:.1f} s from the model loaded (RTF {'—' if rtf is None else f'{rtf:.2f}'}), "
            f"peak RSS {self.peak_rss_mb:.0f} MB{'' if self.complete else ' (capped)'}"
        )

    def rss_by_audio(self, points: int = 5) -> str:
        """The RSS at a few evenly spaced moments of the run, by how much audio was reached."""
        if not self.trace:
            return ""
        picks = sorted({round(i * (len(self.trace) - 1) / (points - 1)) for i in range(points)})
        return ", ".join(f"{self.trace[i][0]:.0f} s: {self.trace[i][1]:.0f}" for i in picks)


_MEMORY_RUN_LIMIT_S = 3600.0  # whatever the cap, a child running longer than this is stopped


def peak_memory(model_dir: Path, label: str, audio: Path, cap_s: float | None) -> MemoryRun:
    """Peak RSS (VmHWM) of a child that loads Whisper and transcribes ``audio``, stopped ``cap_s`` seconds
    after the model is loaded."""
    from shared.ai.audio import probe_audio

    context = multiprocessing.get_context("spawn")
    # One writer each; lock=False leaves no semaphore to leak when the child is stopped.
    model_loaded = context.Value("b", 0, lock=False)
    reached = context.Value("q", 0, lock=False)
    reached_after_s = context.Value("d", 0.0, lock=False)
    done = context.Value("d", 0.0, lock=False)
    child = context.Process(
        target=_transcribe_for_memory,
        args=(str(model_dir), str(audio), model_loaded, reached, reached_after_s, done),
    )
    started = time.monotonic()
    child.start()
    loaded_at: float | None = None
    peak = 0.0
    trace: list[tuple[float, float]] = []
    while child.is_alive() and time.monotonic() - started < _MEMORY_RUN_LIMIT_S:
        if loaded_at is None and model_loaded.value:
            loaded_at = time.monotonic()
        if cap_s and loaded_at is not None and time.monotonic() - loaded_at >= cap_s:
            break
        sample = _rss_mb(child.pid or 0)
        if sample is not None:
            peak = max(peak, sample[0])
            if reached.value:
                trace.append((reached.value / 1000, sample[1]))
        time.sleep(0.25)
    last = _rss_mb(child.pid or 0)
    peak = max(peak, last[0] if last else 0.0)
    complete = not child.is_alive() and child.exitcode == 0
    if child.is_alive():
        child.terminate()
    child.join(timeout=30)
    if complete:
        peak = max(peak, float(done.value))
    return MemoryRun(
        label=label,
        audio_s=probe_audio(audio).duration_ms / 1000,
        reached_s=reached.value / 1000,
        transcribe_s=float(reached_after_s.value),
        peak_rss_mb=peak,
        complete=complete,
        trace=tuple(trace),
    )


# --- 5. storage operations ------------------------------------------------------------------------------


def operations_table(title: str, counts: Counter[tuple[str, str, str]], caption: str) -> Any:
    rows: list[list[Any]] = []
    for tag in sorted({key[0] for key in counts}):
        mine = {key: value for key, value in counts.items() if key[0] == tag}
        for index, ((_, service, operation), value) in enumerate(sorted(mine.items(), key=lambda item: item[0][1:])):
            rows.append([tag if index == 0 else "", service, operation, value])
        rows.append(["", "", f"[bold]{tag} total[/bold]", f"[bold]{sum(mine.values())}[/bold]"])
    by_service = Counter[str]()
    for (_, service, _), value in counts.items():
        by_service[service] += value
    rows.append(
        ["[bold]all[/bold]", ", ".join(f"{s} {n}" for s, n in sorted(by_service.items())), "", sum(counts.values())]
    )
    return table(title, ["function", "service", "operation", "requests"], rows, caption=caption)


# --- main ---------------------------------------------------------------------------------------------------


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--long-cap",
        type=float,
        default=None,
        help="seconds to let the 30-minute transcription run after its model is loaded, for the memory "
        "figure (0: to the end; default 90, or 30 with --quick)",
    )
    parser.add_argument("--only-diarization", action="store_true", help="run part 6 (diarization and roles) alone")
    parser.add_argument(
        "--held-back",
        action="store_true",
        help="part 6 on the held-back calls only (voices the diarizer was not tuned on), without the memory runs",
    )
    parser.add_argument(
        "--diarization-memory", action="store_true", help="only the memory diarization itself takes, by call length"
    )


@dataclass
class Results:
    plan: list[tuple[str, Audio]]
    bare: dict[tuple[str, str], EngineMeasurement]
    library: list[LibraryComparison]
    stages: dict[tuple[str, str], StageRun]
    e2e: EndToEnd
    e2e_label: str
    model_load_s: float
    memory: list[MemoryRun]
    long_cap: float
    app_counts: Counter[tuple[str, str, str]]
    app_counts_label: str
    host_counts: Counter[tuple[str, str, str]]


def main() -> None:
    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", _options)
    long_cap = args.long_cap if args.long_cap is not None else (30.0 if args.quick else 90.0)
    console.rule("[bold]bench.pipeline[/bold]: transcription, end to end, memory, storage operations")
    console.print(f"{machine_note()}; {'quick' if args.quick else 'full'} mode")
    model_dir = provision_model(default_model_dir())
    if args.diarization_memory:
        report_diarization_memory(
            [diarization_memory(f"{m}-minute mono call", long_mono_call(MONO_CALLS_CACHE, m)) for m in MONO_MINUTES]
        )
        return
    if args.held_back:
        held_back = generate_mono_calls(MONO_CALLS_CACHE, HELD_BACK_PLANS)
        report_diarization(diarize_calls(model_dir, held_back), [], which="held-back calls, scored once")
        return
    if args.only_diarization:
        report_diarization(*diarization_and_roles(model_dir))
        return
    calls = generate_sample_calls(SAMPLE_CALLS_CACHE, long_minutes=[1, LONG_MINUTES])
    audios = audio_files(calls)
    factories = engine_factories(model_dir)
    support, minute = audios["support"], audios["1min"]
    if args.quick:
        plan = [("faster-whisper", support), ("pocketsphinx", support), ("faster-whisper", minute)]
        stage_plan = [("faster-whisper", support), ("pocketsphinx", support)]
    else:
        plan = [(engine, audio) for engine in factories for audio in (support, minute)]
        stage_plan = plan

    console.print("Bare engines (one child process each)...")
    bare = bare_engines(factories, plan)
    console.print("Whisper engine against the bare library (one child process per call)...")
    library: list[LibraryComparison] = []
    for audio in [support] if args.quick else [support, minute]:
        library.append(compare_with_library(model_dir, audio.path, reference=audio.reference))
        console.print(f"  {audio.label}: engine / library {library[-1].ratio:.2f}x", style="dim")

    settings = {
        "WHISPER_MODEL_DIR": str(model_dir),
        "TRANSCRIPTION_ENGINE": "whisper",
        "DEVHOST_BLOB_POLL_SECONDS": "0.5",
        "MAX_UPLOAD_BYTES": str(512 * 1024 * 1024),
    }
    with bench_environment(settings) as env:
        from shared.ai.factory import get_transcription_engine
        from shared.dependencies import get_dependencies

        deps = get_dependencies()
        counter = RequestCounter(azurite_ports(env.azurite), tag_host_functions=True)
        with counter:
            console.print("Transcription stage in this process (host stopped)...")
            engines: dict[str, TranscriptionEngine] = {}
            for name, factory in factories.items():
                engines[name] = factory()
                getattr(engines[name], "load", lambda: None)()  # the bare figures exclude loading too
            stages: dict[tuple[str, str], StageRun] = {}
            app_counts: Counter[tuple[str, str, str]] = Counter()
            for engine_name, audio in stage_plan:
                counter.reset()
                stage = stages[engine_name, audio.label] = run_stages(deps, engines[engine_name], "bench-stage", audio)
                if not app_counts:  # the first file; the benchmark's own reads are left untagged
                    app_counts = Counter({k: v for k, v in counter.snapshot().items() if k[0] != "untagged"})
                console.print(f"  stage {engine_name} on the {audio.label}: {stage.transcription_s:.1f} s", style="dim")
            engines.clear()

            console.print(f"End to end through the local host ({minute.label})...")
            env.start_host()
            load_started = time.perf_counter()
            get_transcription_engine().load()  # type: ignore[attr-defined]
            model_load_s = time.perf_counter() - load_started
            time.sleep(1.0)  # let the pollers settle
            counter.reset()
            e2e = end_to_end(env, minute.path)
            host_counts = counter.snapshot()
            env.stop_host()

    console.print(f"Peak memory of the {LONG_MINUTES}-minute call (child process)...")
    one_minute = bare["faster-whisper", minute.label]  # measured in its own child process above
    long_run = peak_memory(model_dir, f"{LONG_MINUTES}-minute call", calls.long_call(LONG_MINUTES), long_cap or None)
    console.print(f"  {long_run.summary()}", style="dim")
    memory = [
        MemoryRun(
            minute.label, one_minute.audio_s, one_minute.audio_s, one_minute.wall_s, one_minute.peak_rss_mb, True
        ),
        long_run,
    ]
    report(
        Results(
            plan,
            bare,
            library,
            stages,
            e2e,
            minute.label,
            model_load_s,
            memory,
            long_cap,
            app_counts,
            stage_plan[0][1].label,
            host_counts,
        )
    )
    report_diarization(*diarization_and_roles(model_dir))


# --- 6. diarization and roles ----------------------------------------------------------------------------


def diarization_and_roles(model_dir: Path) -> tuple[list[DiarizedCall], list[MemoryRun]]:
    calls = generate_mono_calls(MONO_CALLS_CACHE)
    console.print(f"Diarization and roles on {len(calls)} generated calls, mono and swapped stereo (one child)...")
    diarized = diarize_calls(model_dir, calls)
    memory: list[MemoryRun] = []
    for minutes in MONO_MINUTES:
        console.print(f"Peak memory of a {minutes}-minute mono call (child process)...")
        audio = long_mono_call(MONO_CALLS_CACHE, minutes)
        memory.append(peak_memory(model_dir, f"{minutes}-minute mono call", audio, None))
        console.print(f"  {memory[-1].summary()}", style="dim")
    return diarized, memory


def report_diarization(
    calls: list[DiarizedCall], memory: list[MemoryRun], which: str = "the calls it was tuned on"
) -> None:
    mono_right = sum(call.mono_role_right for call in calls)
    stereo_right = sum(call.stereo_role_right and call.stereo_swapped_flag for call in calls)
    transcribe = sum(call.transcribe_s - call.diarize_s for call in calls)
    diarize = sum(call.diarize_s for call in calls)
    total = [
        "[bold]all[/bold]", sum(c.audio_s for c in calls), sum(c.turns for c in calls),
        f"[bold]{time_weighted_der(calls):.1%}[/bold]", f"{time_weighted_der(calls, collar=False):.1%}",
        "", f"[bold]{mono_right}/{len(calls)}[/bold]", "", sum(c.transcribe_s for c in calls), diarize,
        f"[bold]{diarize / transcribe:.1%}[/bold]", f"[bold]{stereo_right}/{len(calls)}[/bold]",
    ]  # fmt: skip
    memory_rows = [
        [m.label, m.audio_s, m.reached_s, m.transcribe_s, m.real_time_factor, m.peak_rss_mb,
         "yes" if m.complete else "no (capped)", m.rss_by_audio()]
        for m in memory
    ]  # fmt: skip
    console.print(
        table(
            f"Diarization and roles on generated two-speaker calls, {which} (our Whisper engine, app defaults)",
            COLUMNS,
            [*rows(calls), total],
            caption=f"DER = (missed + false alarm + confused speaker time) / true speech time, on a 10 ms grid, "
            f"collar {COLLAR_MS} ms around every true turn's edges (NIST's usual) and none; overlapped speech "
            "counts once per speaker, so a one-voice-at-a-time diarizer misses the quieter side of every "
            "overlap. 'all' weighs each call by its length. Agent right: the words named 'agent' were mostly said "
            "by the true agent (a call left as 'speaker 1/2' counts as wrong). Diarization time: its two passes "
            "(block statistics while transcribing, turns on a second read of the recording) against the rest "
            "of the transcription. Stereo: the same call with the agent on channel 1; right = relabelled and "
            "swapped: true. Calls: espeak-ng voices, pitches and speeds differ per call (scripts/mono_calls.py).",
        )
    )
    if not memory:
        return
    console.print(
        table(
            "Peak memory of transcribing and diarizing mono calls (faster-whisper, child process, model included)",
            MEMORY_COLUMNS,
            memory_rows,
            caption="The generated mono calls one after another. Peak = VmHWM of the child; the last column samples "
            "its RSS as the audio advances (seconds of audio: MB).",
        )
    )


def report_diarization_memory(runs: list[DiarizationMemory]) -> None:
    console.print(
        table(
            "Memory diarization itself takes, by call length (child processes, no Whisper)",
            ["call", "peak RSS: read + find speech, MB", "peak RSS: the same + diarize, MB", "diarization adds, MB"],
            [[run.label, run.speech_regions_mb, run.diarized_mb, run.added_mb] for run in runs],
            caption="Each figure from a fresh child: decoding the call in windows and running Silero VAD on them "
            "(which transcription does anyway), then the same plus both diarization passes (scipy loaded, blocks, "
            "clustering, turns). Peak = ru_maxrss.",
        )
    )


def _percent(value: float | None) -> str | None:
    return None if value is None else f"{value:.1%}"


TRANSCRIPTION_COLUMNS = [
    "engine", "audio", "audio s", "bare s", "bare RTF", "bare WER", "bare peak MB",
    "stage s", "stage RTF", "stage WER", "stage / bare",
]  # fmt: skip
MEMORY_COLUMNS = [
    "call", "audio s", "audio reached s", "transcribe s", "RTF", "peak RSS MB", "complete", "RSS MB by audio reached",
]  # fmt: skip
E2E_COLUMNS = [
    "upload-to-completed s", "upload-url + PUT", "until pending", "queue wait", "transcription", "handoff",
    "evaluation", "poll lag",
]  # fmt: skip


def report(results: Results) -> None:
    rows: list[list[Any]] = []
    for engine_name, audio in results.plan:
        bare = results.bare[engine_name, audio.label]
        stage = results.stages.get((engine_name, audio.label))
        rows.append(
            [engine_name, audio.label, bare.audio_s, bare.wall_s, bare.real_time_factor, _percent(bare.wer),
             bare.peak_rss_mb]
            + ([stage.transcription_s, stage.transcription_s / bare.audio_s, _percent(stage.wer),
                f"{stage.transcription_s / bare.wall_s:.2f}x"] if stage else [None] * 4)
        )  # fmt: skip
    console.print(
        table(
            "Whisper engine (speech only) vs the bare library (faster-whisper transcribe() per full channel)",
            ["call", "audio s", "engine s", "library s", "engine / library", "engine WER", "library WER"],
            [
                [
                    c.file,
                    c.audio_s,
                    c.engine_s,
                    c.library_s,
                    f"{c.ratio:.2f}x",
                    _percent(c.engine_wer),
                    _percent(c.library_wer),
                ]
                for c in results.library
            ],
            caption="Stereo calls. Same model, compute type, threads, beam and language; the library with "
            "word_timestamps=True and its other defaults. Both in one child process, model loaded once, "
            "alternated twice; best time of each.",
        )
    )
    evaluation_ms = ", ".join(f"{stage.evaluation_s * 1000:.0f}" for stage in results.stages.values())
    console.print(
        table(
            "Transcription: bare engine vs the pipeline's transcription stage",
            TRANSCRIPTION_COLUMNS,
            rows,
            caption="RTF = processing time / audio duration, model load excluded in both. Bare: a fresh child "
            "process per run. Stage: run_stage() in this process against Azurite (download, SAS, decode, "
            "transcribe, transcript blob, CAS, next message). One run each: on a busy machine differences of "
            "a few tens of percent either way are noise. WER after normalizing numbers and punctuation. "
            f"The evaluation stage (rules) took {evaluation_ms} ms on the same files.",
        )
    )
    e2e = results.e2e
    console.print(
        table(
            f"End to end through the local host: {results.e2e_label} ({e2e.audio_s:.0f} s of audio), faster-whisper",
            E2E_COLUMNS,
            [
                [
                    e2e.total_s,
                    e2e.upload_s,
                    e2e.validated_s,
                    e2e.queue_wait_s,
                    e2e.transcription_s,
                    e2e.handoff_s,
                    e2e.evaluation_s,
                    e2e.poll_lag_s,
                ]
            ],
            caption="Seconds. Blob poll 0.5 s (DEVHOST_BLOB_POLL_SECONDS), queue maxPollingInterval 2 s (host.json), "
            f"client polls every 0.5 s. The model was loaded in this process before the upload "
            f"({results.model_load_s:.1f} s, not included). Stage times from processing-status.",
        )
    )
    capped = [m for m in results.memory if not m.complete]
    console.print(
        table(
            "Peak memory of transcribing (faster-whisper, child process, model included)",
            MEMORY_COLUMNS,
            [
                [
                    m.label,
                    m.audio_s,
                    m.reached_s,
                    m.transcribe_s,
                    m.real_time_factor,
                    m.peak_rss_mb,
                    "yes" if m.complete else "no (capped)",
                    m.rss_by_audio() or "(from the bare run)",
                ]
                for m in results.memory
            ],
            caption="Peak = VmHWM / ru_maxrss of the child. 'transcribe s' runs from the model loaded in the child "
            "to the last audio reached (spawn and model load excluded), and RTF = transcribe s / audio reached s, "
            "as in the first table. The last column samples the child's current RSS as the audio advances "
            "(seconds of audio: MB): flat means memory does not grow with the call's length."
            + (
                f" The {capped[0].label} run was stopped {results.long_cap:.0f} s after its model was loaded "
                "(--long-cap); --long-cap 0 runs the whole call."
                if capped
                else ""
            ),
        )
    )
    console.print(
        operations_table(
            f"Storage requests for one processed file: the app's functions only ({results.app_counts_label})",
            results.app_counts,
            caption="Host stopped; each function's body called directly, in order. Not included: the client's PUT "
            "(1 blob request to the SAS URL), and what the Functions host does per file (blob trigger: scan, "
            "receipt, download; queue trigger: receive, delete per message).",
        )
    )
    console.print(
        operations_table(
            f"Storage requests during the end-to-end run ({e2e.total_s:.0f} s), by function",
            results.host_counts,
            caption="'fn <name>' = inside that function's invocation; 'untagged' = the local host itself (queue and "
            "blob polling, receipts, trigger downloads, message deletes) over the whole run, which grows with "
            "elapsed time, not with the file. The HTTP functions' reads come from the client's polling.",
        )
    )


if __name__ == "__main__":
    main()
