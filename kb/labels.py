"""The labels of the case file's closed vocabularies (kb/vocab.yaml), zh and en.

Here, below the engine, so that the rule base can name the values of a vocabulary (the demands the
§2a table speaks of) without importing the engine's enums.
"""

from __future__ import annotations

from functools import cache

from kb.packaged import load_yaml


@cache
def labels() -> dict[str, dict[str, dict[str, str]]]:
    """{vocabulary: {value: {"zh": …, "en": …}}}, read once per process."""
    return load_yaml("vocab.yaml")
