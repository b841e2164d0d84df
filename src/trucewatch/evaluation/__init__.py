"""Evaluation against annotated data, and generated corpora for benchmarks."""
