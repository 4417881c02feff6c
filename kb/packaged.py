"""Reading the YAML data that ships inside kb/ (statutes, names, vocabularies, topics, questions).

One loader for all of it: libyaml's safe loader where it is installed (ten times faster at start, which
every command pays), the pure-Python safe loader otherwise. These files are ours and verified by tests,
so the case-file defences of engine/io.py (depth, duplicate keys, aliases) are not needed here.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(*parts: str) -> Any:  # noqa: ANN401 - whatever the file holds
    """The parsed file kb/<parts…>."""
    text = resources.files("kb").joinpath(*parts).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
