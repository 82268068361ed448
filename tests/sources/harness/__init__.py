"""Test harness for rescue: WARC writing, a pywb server, an Internet-Archive-compatible layer
with fault injection and a request log, and generators of archived sites (synthetic and a
replica of the real corpus). Importable from tests and benchmarks (``tests.sources.harness``).
"""
