"""Assessments of an agreement: status (``status.py``), stance (``stance.py``), contradictions
(``contradictions.py``); every view reads them through ``views.py``, which stores them."""
