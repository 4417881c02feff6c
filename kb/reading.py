"""Which parts of the rule base rest on an article: the Catala reading order, generated from the rules.

`weiquan law crpl 24 --rules` prints each 款 of an article followed by the findings, reasons and steps that
cite it, so a lawyer reads the law and then what the tool concludes from it. Nothing here is typed twice:
it walks the rule base's own citations.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.rules import rulebase


@dataclass(frozen=True)
class Use:
    kind: str  # finding | reason | step | deadline
    id: str  # finding id, not-applicable id, rule name or deadline id
    title: object  # a bilingual T (the finding's title, the reason, the step's because, the deadline's title)
    cite: str  # the key as the rule cites it (crpl:24, crpl:24:2, …)


def uses(article_key: str) -> list[Use]:
    """Everything in the rule base citing `article_key` (LAW:ARTICLE) or a paragraph or item of it."""
    rb = rulebase()

    def hits(keys: tuple[str, ...] | list[str]) -> list[str]:
        return [k for k in keys if k == article_key or k.startswith(article_key + ":")]

    out: list[Use] = []
    for f in rb.findings.values():
        keys = list(f.cites) + list(f.quotes)
        keys += [c for v in f.variants for c in v.cites] + [c for g in f.gives for c in g.cites]
        for k in dict.fromkeys(hits(keys)):
            out.append(Use("finding", f.id, f.title, k))
    for n in rb.not_applicable.values():
        for k in hits(n.cites):
            for r in n.reasons:
                out.append(Use("reason", n.id, r.why, k))
    for d in rb.deadlines.values():
        for k in hits(d.cites):
            out.append(Use("deadline", d.id, d.title, k))
    for r in rb.rules:
        if r.derive in ("finding", "not_applicable", "deadline", "give"):
            continue  # shown through their finding, reason or deadline above
        for k in hits(r.cites):
            if r.because is not None:
                out.append(Use("step", r.name, r.because, k))
    return out


def paragraph_of(key: str) -> int | None:
    """crpl:24:2 → 2; crpl:56:1:8 → 1; crpl:24 → None (the whole article)."""
    parts = key.split(":")
    return int(parts[2]) if len(parts) > 2 else None
