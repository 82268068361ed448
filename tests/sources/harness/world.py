"""An archived site served end to end: WARCs -> pywb -> IA layer, as one object for tests."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .faults import FaultPlan
from .ia_layer import IALayer
from .pywb_server import PywbServer
from .site import ArchivedSite


@dataclass
class World:
    site: ArchivedSite
    warcs: list[Path]
    pywb: PywbServer
    workdir: Path

    @classmethod
    def start(cls, site: ArchivedSite, workdir: Path | None = None, warc_files: int = 3) -> World:
        workdir = workdir or Path(tempfile.mkdtemp(prefix="newsark-world-"))
        warcs = site.write_warcs(workdir / "warcs", files=warc_files)
        pywb = PywbServer(warcs, workdir=workdir / "pywb")
        pywb.start()
        return cls(site, warcs, pywb, workdir)

    @contextlib.contextmanager
    def layer(self, plan: FaultPlan | None = None, **kwargs: object) -> Iterator[IALayer]:
        """A fresh IA layer (own faults, own request log) in front of this world's pywb."""
        ia = IALayer(self.pywb.base_url, self.pywb.coll, self.pywb.index_path, plan=plan,
                     **kwargs)  # type: ignore[arg-type]
        ia.start()
        try:
            yield ia
        finally:
            ia.stop()

    def stop(self) -> None:
        self.pywb.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)
