"""Fixtures for the rescue tests: archived sites served by pywb behind an IA-compatible layer.

The harness package lives beside this file (``tests/sources/harness``); it is put on
sys.path here so tests and benchmarks import it as ``harness``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import cli
from harness.faults import FaultPlan
from harness.ia_layer import IALayer
from harness.pywb_server import PywbUnavailable
from harness.ratelog import LoggedRequest
from harness.replica import CORPUS, corpus_available, corpus_replica
from harness.site import ArchivedSite
from harness.synthetic import synthetic_site
from harness.world import World

SYNTHETIC_STORIES = 520
CDX_PAGE = 300  # the layer's largest CDX page: the 1,592-row listing takes 6 pages


def _start_world(factory: Callable[[], World]) -> World:
    try:
        return factory()
    except PywbUnavailable as exc:
        pytest.skip(f"pywb cannot be started here: {exc}")


@pytest.fixture(scope="session")
def synthetic_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The synthetic site (520 stories, aliases, redirects, bad captures) served by pywb."""
    site = synthetic_site(SYNTHETIC_STORIES, seed=7)
    world = _start_world(lambda: World.start(site, tmp_path_factory.mktemp("synthetic-world")))
    yield world
    world.stop()


@pytest.fixture(scope="session")
def corpus_tarball() -> Path:
    if not corpus_available():
        pytest.skip(f"corpus not found at {CORPUS} (the replica tests need ../shared/corpora)")
    return CORPUS


REPLICA_STORIES = 300


@pytest.fixture(scope="session")
def replica_site(corpus_tarball: Path) -> ArchivedSite:
    """The hkcnews replica (300 corpus stories and their duplicate ids), built once."""
    return corpus_replica(REPLICA_STORIES, path=corpus_tarball)


@pytest.fixture
def make_layer(synthetic_world: World) -> Iterator[Callable[..., IALayer]]:
    """Start IA layers in front of the synthetic world's pywb; all stopped after the test."""
    layers: list[IALayer] = []

    def make(plan: FaultPlan | None = None, **kwargs: object) -> IALayer:
        ia = IALayer(synthetic_world.pywb.base_url, synthetic_world.pywb.coll,
                     synthetic_world.pywb.index_path, plan=plan, **kwargs)  # type: ignore[arg-type]
        layers.append(ia.start())
        return ia

    yield make
    for ia in layers:
        ia.stop()


@dataclass
class RescueRun:
    """One ``newsark rescue`` run against a layer that stays up for the whole session."""

    layer: IALayer
    archive: Path
    proc: subprocess.CompletedProcess[str]
    log: list[LoggedRequest]
    seconds: float


@pytest.fixture(scope="session")
def clean_rescue(synthetic_world: World, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RescueRun]:
    """The clean scenario's run: the synthetic site rescued with no faults, once per session.

    The layer stays up (same port, so capture URLs in files match) for the resume scenario.
    """
    layer = IALayer(synthetic_world.pywb.base_url, synthetic_world.pywb.coll,
                    synthetic_world.pywb.index_path, cdx_max_page=CDX_PAGE).start()
    archive = tmp_path_factory.mktemp("clean") / "archive"
    start = time.monotonic()
    proc = cli.run(cli.rescue_args(synthetic_world.site.host, archive, layer.base_url,
                                   (*cli.FAST, "--json")), timeout=600)
    run = RescueRun(layer, archive, proc, layer.log.items(), time.monotonic() - start)
    layer.log.clear()
    yield run
    layer.stop()
