"""The one bilingual text type, below everything: every user-facing sentence is said in Chinese and English.

The rule language, the questionnaire, the checker, the letters and the fixed notices all hold their
wording as `T`; `pick` chooses between two inline strings the same way, so "which language" is decided in
one place (zh unless the user asked for en).
"""

from __future__ import annotations

from dataclasses import dataclass


def pick(lang: str, zh: str, en: str) -> str:
    """The text in the user's language: English only when asked for, Chinese otherwise."""
    return en if lang == "en" else zh


def code(lang: str) -> str:
    """The language code a text is given in ("en" or "zh"), decided as `pick` decides it."""
    return pick(lang, "zh", "en")


@dataclass(frozen=True)
class T:
    """A user-facing text in Chinese and English."""

    zh: str
    en: str

    def __call__(self, lang: str = "zh") -> str:
        return pick(lang, self.zh, self.en)
