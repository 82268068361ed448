"""Spreading newsark's CPU-bound work over more cores and more machines.

Extraction is the part of an ingest that grows with the pages; it is a pure function of a
stored response, so it can run anywhere newsark is installed. ``workers`` opens the pool
(local processes, or a Dask cluster: an existing engine, not a home-made one); ``ahead``
sends the next stories' pages to it while the pipeline writes, in order, what comes back.
"""
