"""The benches' memory figure is the measured process's own peak, not its parent's."""

from __future__ import annotations

import multiprocessing

import pytest

from bench.transcription_engines import peak_rss_mb

pytestmark = pytest.mark.unit

PARENT_MB = 300


def test_a_spawned_child_reports_its_own_peak_not_its_parents() -> None:
    held = bytearray(PARENT_MB * 2**20)
    held[::4096] = b"\x01" * len(held[::4096])  # touched, so resident
    assert peak_rss_mb() > PARENT_MB
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        child_peak = pool.apply(peak_rss_mb)
    assert child_peak < PARENT_MB / 2  # a bare interpreter; ru_maxrss would say more than the parent's 300 MB
    del held
