"""The questionnaire's definition (kb/questions.yaml) read into typed objects, and checked on load.

The questions are knowledge kept as data; this module only gives them a shape the machinery can rely
on. It refuses a definition that names a field the case model does not have, a vocabulary that does
not exist or an unknown key, because a typo in the data would otherwise silently drop a question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from engine.vocab import VOCABULARIES
from kb.bilingual import T as Text  # the project's one bilingual text type
from kb.packaged import load_yaml

TYPES = ("date", "month", "integer", "number", "ratio", "yesno", "choice", "multi", "text")
ASK = ("always", "relevant", "letter")
_Q_KEYS = {"id", "type", "vocab", "choices", "ask", "letter", "required", "when", "auto", "assume", "probes",
           "default", "min", "max", "min_value", "max_value", "text", "help", "format", "labels", "choice_when"}
_LOOP_KEYS = {"loop", "ask", "item", "start", "more", "help", "questions", "when", "more_ask"}


@dataclass(frozen=True)
class Question:
    id: str  # field path; `interactions[].kind` inside a loop
    type: str
    text: Text
    help: Text
    ask: str = "relevant"
    vocab: str | None = None
    choices: tuple[str, ...] = ()
    letter: bool = False
    required: bool = False
    when: Any = None
    auto: dict[str, Any] | None = None
    assume: Any = None
    probes: tuple[Any, ...] = ()
    default: Any = None
    min: str | None = None
    max: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    loop: str | None = None  # the loop this question belongs to
    format: str | None = None  # for text: `phone` checks a phone number
    labels: dict[str, Text] = field(default_factory=dict)  # choice labels for this question (else the vocabulary's)
    choice_when: dict[str, Any] = field(default_factory=dict)  # a choice offered only when its condition holds

    def label(self, value: str, lang: str) -> str:
        """A choice as this question words it: its own label, else the vocabulary's."""
        if value in self.labels:
            return self.labels[value](lang)
        from engine.vocab import label

        return label(self.vocab, value, lang)

    @property
    def in_item(self) -> bool:
        """Whether the field is the loop item's own (`interactions[].date`) rather than an absolute one."""
        return "[]" in self.id

    def options(self) -> tuple[str, ...]:
        """The allowed values of a choice or multi-choice question, in display order."""
        if self.choices:
            return self.choices
        return tuple(m.value for m in VOCABULARIES[self.vocab]) if self.vocab else ()


@dataclass(frozen=True)
class Loop:
    """A list in the case file (interactions, comparators) filled one item at a time."""

    name: str
    item: Text
    start: Text
    more: Text
    help: Text
    questions: tuple[Question, ...]
    ask: str = "relevant"
    when: Any = None  # the loop is offered only when this holds (losses: after a refusal or a harm)
    more_ask: str | None = None  # `always`: "another one?" is asked whenever there is one already


@dataclass(frozen=True)
class Questionnaire:
    nodes: tuple[Question | Loop, ...]
    by_id: dict[str, Question] = field(default_factory=dict)
    loops: dict[str, Loop] = field(default_factory=dict)


def _text(raw: Any, where: str) -> Text:
    if not isinstance(raw, dict) or set(raw) != {"zh", "en"}:
        raise ValueError(f"{where}: needs zh and en")
    return Text(str(raw["zh"]), str(raw["en"]))


def _question(raw: dict[str, Any], loop: str | None) -> Question:
    qid = raw.get("id", "?")
    unknown = set(raw) - _Q_KEYS
    if unknown:
        raise ValueError(f"question {qid}: unknown keys {sorted(unknown)}")
    if raw.get("type") not in TYPES:
        raise ValueError(f"question {qid}: type must be one of {TYPES}")
    if raw.get("ask", "relevant") not in ASK:
        raise ValueError(f"question {qid}: ask must be one of {ASK}")
    if raw["type"] in ("choice", "multi") and raw.get("vocab") not in VOCABULARIES:
        raise ValueError(f"question {qid}: vocab must be one of {sorted(VOCABULARIES)}")
    if "[]" in qid and (loop is None or not qid.startswith(loop + "[].")):
        raise ValueError(f"question {qid}: an item field outside its loop")
    q = Question(
        id=qid, type=raw["type"], text=_text(raw.get("text"), f"{qid}.text"), help=_text(raw.get("help"), f"{qid}.help"),
        ask=raw.get("ask", "relevant"), vocab=raw.get("vocab"), choices=tuple(raw.get("choices") or ()),
        letter=bool(raw.get("letter", False)), required=bool(raw.get("required", False)), when=raw.get("when"),
        auto=raw.get("auto"), assume=raw.get("assume"), probes=tuple(raw.get("probes") or ()),
        default=raw.get("default"), min=raw.get("min"), max=raw.get("max"),
        min_value=raw.get("min_value"), max_value=raw.get("max_value"), loop=loop, format=raw.get("format"),
        labels={k: _text(v, f"{qid}.labels.{k}") for k, v in (raw.get("labels") or {}).items()},
        choice_when=dict(raw.get("choice_when") or {}),
    )
    if q.format not in (None, "phone"):
        raise ValueError(f"question {qid}: format must be phone")
    bad = [c for c in [*q.choices, *q.labels, *q.choice_when] if c not in q.options()] if q.vocab else []
    if bad:
        raise ValueError(f"question {qid}: choices {bad} not in vocabulary {q.vocab}")
    return q


def parse(data: dict[str, Any]) -> Questionnaire:
    """Build and check the questionnaire from the YAML's data."""
    nodes: list[Question | Loop] = []
    by_id: dict[str, Question] = {}
    loops: dict[str, Loop] = {}
    for raw in data["questions"]:
        if "loop" in raw:
            unknown = set(raw) - _LOOP_KEYS
            if unknown:
                raise ValueError(f"loop {raw['loop']}: unknown keys {sorted(unknown)}")
            name = raw["loop"]
            qs = tuple(_question(r, name) for r in raw["questions"])
            node: Question | Loop = Loop(name=name, item=_text(raw["item"], f"{name}.item"),
                                         start=_text(raw["start"], f"{name}.start"),
                                         more=_text(raw["more"], f"{name}.more"),
                                         help=_text(raw["help"], f"{name}.help"), questions=qs,
                                         ask=raw.get("ask", "relevant"), when=raw.get("when"),
                                         more_ask=raw.get("more_ask"))
            loops[name] = node
            members = qs
        else:
            node = _question(raw, None)
            members = (node,)
        for q in members:
            if q.id in by_id:
                raise ValueError(f"question {q.id} defined twice")
            by_id[q.id] = q
        nodes.append(node)
    return Questionnaire(nodes=tuple(nodes), by_id=by_id, loops=loops)


@cache
def questionnaire() -> Questionnaire:
    """The project's questionnaire, read once per process."""
    return parse(load_yaml("questions.yaml"))
