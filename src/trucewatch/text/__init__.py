"""Text primitives every stage shares, one of each: sentences, dates, numbers, language.

Their word lists are per-language data files under ``data/lang/<code>/`` read through
:func:`trucewatch.lang.lexicon`.
"""
