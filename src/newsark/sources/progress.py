"""Progress bars for rescue (rich): listing, then stories with fetched/written/failed and ETA,
and a line for each pause the archive imposes (shown with --quiet too: a run that waits an
hour in silence looks hung)."""

from __future__ import annotations

import datetime as dt
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RProgress

from newsark.sources.pipeline import Tally
from newsark.sources.rescue import Progress


class RichProgress:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.bars = RProgress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[info]}"), TimeRemainingColumn(),
            console=Console(stderr=True), disable=not enabled, transient=False,
        )
        self.listing: TaskID | None = None
        self.stories: TaskID | None = None
        self.rows = 0

    def __enter__(self) -> RichProgress:  # noqa: PYI034
        self.bars.__enter__()
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.bars.__exit__(et, e, tb)

    def callbacks(self) -> Progress:
        return Progress(listed=self._listed, stories=self._stories, story_done=self._done,
                        paused=self._paused)

    def _paused(self, why: str, seconds: float) -> None:
        self.bars.console.print(pause_notice(why, seconds), highlight=False, markup=False,
                                soft_wrap=True)

    def _listed(self, n: int) -> None:
        self.rows += n
        if self.listing is None:
            self.listing = self.bars.add_task("listing", total=None, info="")
        self.bars.update(self.listing, completed=self.rows, info=f"{self.rows} captures")

    def _stories(self, total: int) -> None:
        self.stories = self.bars.add_task("stories", total=total, info="")

    def _done(self, t: Tally) -> None:
        if self.stories is None:
            return
        done = t.written + t.aliased + t.failed + t.skipped
        info = (f"fetched {t.fetches} written {t.written} aliased {t.aliased} "
                f"failed {t.failed} skipped {t.skipped}")
        self.bars.update(self.stories, completed=done, info=info)


_WHY = {
    "429": "the archive answered 429 Too Many Requests; every request waits (the pause "
           "doubles while 429s go on)",
    "refused": "the archive refused the connection, as the Wayback Machine does for about an "
               "hour after too many requests (so does a wrong --wayback address); waiting it "
               "out, the pause doubling on repeats",
}


def pause_notice(why: str, seconds: float, now: dt.datetime | None = None) -> str:
    """One line on a pause: how long, until when (local time), why, and that stopping is safe."""
    now = now or dt.datetime.now()
    until = now + dt.timedelta(seconds=seconds)
    span = f"{seconds / 60:.0f} min" if seconds >= 120 else f"{seconds:g} s"
    return (f"paused {span}, until {until:%H:%M:%S}: {_WHY.get(why, why)}. Stopping is safe: "
            f"the same command resumes where it stopped.")
