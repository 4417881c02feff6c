"""From what inference concluded to the verdict: strengths, explanations, deadlines, citations.

Inference leaves facts with every way each was reached. Here each finding keeps its strongest
variant (strength is monotone, see kb/rules/dsl.py), its explanation is the chain of rules that led to
that variant's first firing, and its `facts` are the case fields at the leaves of that chain. Statute
text is never typed here: every quotation is looked up in kb/ by key.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from engine.case import Case
from engine.dates import calendar_last_year, period_end
from engine.explain import render
from engine.facts import Periods, field_paths
from engine.inference import Derivation, Firing
from engine.program import Program
from engine.verdict import (
    CaseSummary,
    Channel,
    CitationText,
    Deadline,
    DemandSupport,
    Finding,
    Missing,
    NotApplicable,
    Step,
    Verdict,
)
from engine.vocab import Demand
from kb import laws
from kb.channels import CHANNELS
from kb.rules.dsl import RANK
from kb.texts import NOTE_CALENDAR, NOTE_EARLIER_LAW, NOTE_MOVED, NOTE_NOT_CONSUMER, NOTICE

_DEMAND_ORDER = {d.value: i for i, d in enumerate(Demand)}


class _Tracer:
    """Walks a derivation back from a conclusion to the case fields it rests on (memoised per case)."""

    def __init__(self, prog: Program, d: Derivation, lang: str, titles: dict[str, str]) -> None:
        self.d, self.lang, self.titles = d, lang, titles
        self.rules = prog.by_name
        self.order = prog.order
        self._first: dict[str, Firing] = {}
        self._chains: dict[str, tuple[list[Step], list[str]]] = {}

    def first(self, firings: list[Firing]) -> Firing:
        """The derivation an explanation shows: the first rule in declaration order, then the first facts."""
        if len(firings) == 1:
            return firings[0]
        return min(firings, key=lambda f: (self.order[f.rule], f.matched))

    def first_of(self, key: str) -> Firing:
        f = self._first.get(key)
        if f is None:
            f = self._first[key] = self.first(self.d.support[key])
        return f

    def letter(self, firing: Firing) -> str:
        r = self.rules[firing.rule].rule
        if r.letter is None:
            return ""
        matched = {alias: self.d.values(key) for alias, key in firing.matched}
        return render(r.letter(self.lang), matched, self.lang)

    def because(self, firing: Firing) -> str:
        r = self.rules[firing.rule].rule
        if r.because is None:
            return r.name
        matched = {alias: self.d.values(key) for alias, key in firing.matched}
        return render(r.because(self.lang), matched, self.lang)

    def chain(self, key: str) -> tuple[list[Step], list[str]]:
        got = self._chains.get(key)
        if got is None:
            got = self._chains[key] = self.trace(self.first_of(key))
        return got

    def trace(self, firing: Firing) -> tuple[list[Step], list[str]]:
        """The steps that lead to `firing` and every case field beneath them.

        A finding resting on another finding (costs, refusal liability, reporting) names that finding
        as one step instead of repeating its chain; its fields still count among the facts used.
        """
        cr = self.rules[firing.rule]
        steps: list[Step] = []
        seen: set[str] = set()
        paths: list[str] = []
        own: list[str] = []

        def add_steps(new: list[Step]) -> None:
            for st in new:
                if st.rule not in seen:
                    seen.add(st.rule)
                    steps.append(st)

        def add_paths(target: list[str], new: list[str]) -> None:
            target.extend(p for p in new if p not in target)

        for alias, key in firing.matched:
            if key in self.d.base:
                add_paths(own, field_paths(self.d.base[key], list(cr.uses.get(alias, ()))))
                continue
            kind, attrs = self.d.facts[key]
            sub_steps, sub_paths = self.chain(key)
            if kind == "finding":
                sub = self.first_of(key)
                add_steps([Step.model_construct(rule=sub.rule, because=self._refer(attrs["fid"]), facts=[],
                                                cites=list(self.rules[sub.rule].rule.cites))])
            else:
                add_steps(sub_steps)
            add_paths(paths, sub_paths)
        add_paths(paths, own)
        steps.append(Step.model_construct(rule=firing.rule, because=self.because(firing), facts=own,
                                          cites=list(cr.rule.cites)))
        return steps, paths

    def _refer(self, fid: str) -> str:
        title = self.titles.get(fid, fid)
        return f"rests on the claim “{title}” ({fid})" if self.lang == "en" else f"依据上述主张“{title}”（{fid}）"


def _explanation(steps: list[Step], lang: str) -> str:
    *before, last = steps
    if lang == "en":
        head = "; ".join(s.because for s in before)
        return (f"{head}. Therefore: {last.because}." if head else f"{last.because}.")
    head = "；".join(s.because for s in before)
    return f"{head}。因此：{last.because}。" if head else f"{last.because}。"


def _findings(prog: Program, d: Derivation, tr: _Tracer, lang: str) -> list[Finding]:
    by_fid: dict[str, dict[str, list[Firing]]] = {}
    for key, attrs in d.of_kind("finding"):
        by_fid.setdefault(attrs["fid"], {}).setdefault(attrs["strength"], []).extend(d.support[key])
    out = []
    for fid, spec in prog.rulebase.findings.items():
        if fid not in by_fid:
            continue
        strength = max(by_fid[fid], key=RANK.__getitem__)
        firings = by_fid[fid][strength]
        chosen = tr.first(firings)
        steps, paths = tr.trace(chosen)
        cites = list(spec.cites)
        demands = list(spec.demands)
        for f in sorted(firings, key=lambda f: tr.order[f.rule]):
            r = tr.rules[f.rule].rule
            cites += [c for c in r.cites if c not in cites]
            demands += [x for x in r.demands if x not in demands]
        cited_articles = {":".join(c.split(":")[:2]) for c in cites}
        quotes = [q for q in spec.quotes if ":".join(q.split(":")[:2]) in cited_articles]
        steps = [*steps[:-1], steps[-1].model_copy(update={"cites": cites})]
        out.append(
            Finding(
                id=fid,
                strength=strength,
                title=spec.title(lang),
                explanation=_explanation(steps, lang),
                cites=cites,
                facts=paths,
                demands=sorted(demands, key=_DEMAND_ORDER.__getitem__),
                quotes=quotes,
                application=tr.letter(chosen),
                trace=steps,
            )
        )
    return out


def _demands(case: Case, findings: list[Finding]) -> list[DemandSupport]:
    """For each demand (the consumer's first, then those the findings add): the strongest support."""
    requested = [str(x) for x in case.demands]
    offered = [x for f in findings for x in f.demands]
    order = list(dict.fromkeys(requested + sorted(set(offered), key=_DEMAND_ORDER.__getitem__)))
    out = []
    for dem in order:
        support = [f for f in findings if dem in f.demands]
        best = max((f.strength for f in support), key=lambda s: RANK[s], default=None)
        out.append(DemandSupport(demand=dem, requested=dem in requested, strength=best,
                                 findings=[f.id for f in support]))
    return out


def _not_applicable(prog: Program, d: Derivation, lang: str) -> list[NotApplicable]:
    chosen: dict[str, int] = {}
    for _, attrs in d.of_kind("not_applicable"):
        nid, reason = attrs["nid"], attrs["reason"]
        chosen[nid] = min(reason, chosen.get(nid, reason))
    out = []
    for nid, spec in prog.rulebase.not_applicable.items():
        if nid in chosen:
            out.append(NotApplicable(id=nid, why=spec.reasons[chosen[nid]].why(lang), cites=list(spec.cites)))
    return out


def _deadlines(
    prog: Program, d: Derivation, tr: _Tracer, as_of: dt.date, lang: str, notes: list[str], uncovered: set[int]
) -> list[Deadline]:
    starts: dict[str, tuple[int, Firing]] = {}
    for key, attrs in d.of_kind("deadline"):
        did, start = attrs["did"], attrs["start"]
        if did not in starts or start < starts[did][0]:
            starts[did] = (start, tr.first(d.support[key]))
    out = []
    for did, spec in prog.rulebase.deadlines.items():
        if did not in starts:
            continue
        start_ord, firing = starts[did]
        start = dt.date.fromordinal(start_ord)
        end = period_end(start, years=spec.years, months=spec.months, moves=spec.moves)
        if spec.moves and not end.covered:
            uncovered.add(end.date.year)
        moved_from = end.unmoved.isoformat() if end.moved else None
        explanation = tr.because(firing)
        if end.moved:
            notes.append(NOTE_MOVED(lang).format(what=spec.title(lang), unmoved=end.unmoved.isoformat(),
                                                 date=end.date.isoformat()))
        if spec.passed_note and end.date < as_of:
            explanation += ("；" if lang != "en" else "; ") + spec.passed_note(lang)
        out.append(
            Deadline(
                id=did,
                title=spec.title(lang),
                date=end.date.isoformat(),
                start=start.isoformat(),
                days_left=(end.date - as_of).days,
                passed=end.date < as_of,
                moved_from=moved_from,
                explanation=explanation,
                cites=list(spec.cites),
            )
        )
    return out


def _missing(prog: Program, d: Derivation, lang: str) -> list[Missing]:
    hits = sorted({attrs["mid"] for _, attrs in d.of_kind("missing")})
    out: list[Missing] = []
    for mid in hits:
        spec = prog.rulebase.missing[mid]
        if all(m.field != spec.field for m in out):
            out.append(Missing(field=spec.field, why=spec.why(lang)))
    return out


@cache
def _titles(prog: Program, lang: str) -> dict[str, str]:
    return {fid: spec.title(lang) for fid, spec in prog.rulebase.findings.items()}


@cache
def _citation_order(key: str) -> tuple[int, ...]:
    head, *nums = key.split(":")
    return (list(laws.laws()).index(head), *(int(n) for n in nums))


@cache
def _citation(key: str) -> CitationText:
    c = laws.lookup(key)
    return CitationText(law=c.law.title, article=c.heading, text=c.text, short=c.law.short,
                        edition=c.law.edition, short_en=c.law.short_en, article_en=c.heading_en)


def _citations(keys: list[str]) -> dict[str, CitationText]:
    return {key: _citation(key) for key in sorted(set(keys), key=_citation_order)}


@cache
def _channels(lang: str) -> tuple[Channel, ...]:
    return tuple(Channel(key=k, text=laws.lookup(k).text, how=how(lang)) for k, how in CHANNELS)


def assemble(case: Case, as_of: dt.date, ps: Periods, d: Derivation, prog: Program, lang: str) -> Verdict:
    tr = _Tracer(prog, d, lang, _titles(prog, lang))
    notes: list[str] = []
    uncovered: set[int] = set()
    findings = _findings(prog, d, tr, lang)
    not_applicable = _not_applicable(prog, d, lang)
    deadlines = _deadlines(prog, d, tr, as_of, lang, notes, uncovered)
    missing = _missing(prog, d, lang)
    channels = list(_channels(lang))

    keys = [c for f in findings for c in f.cites + f.quotes]
    keys += [c for n in not_applicable for c in n.cites]
    keys += [c for x in deadlines for c in x.cites]
    keys += [c.key for c in channels]
    citations = _citations(keys)

    if d.has("scope.business"):
        notes.insert(0, NOTE_NOT_CONSUMER(lang))
    bought = case.purchase.date
    seen_laws = []
    for key in citations:
        law = laws.lookup(key).law
        if law not in seen_laws:
            seen_laws.append(law)
    for law in seen_laws:
        if bought < law.effective:
            notes.append(NOTE_EARLIER_LAW(lang).format(bought=bought.isoformat(), law=law.title, law_en=law.en,
                                                       edition=law.edition, effective=law.effective.isoformat()))
    if uncovered:
        years = "、".join(str(y) for y in sorted(uncovered)) if lang != "en" else ", ".join(map(str, sorted(uncovered)))
        notes.append(NOTE_CALENDAR(lang).format(years=years, last=calendar_last_year()))

    in_warranty = True if d.has("status.in_warranty") else (False if d.has("status.out_of_warranty") else None)
    return Verdict(
        as_of=as_of.isoformat(),
        lang=lang,
        case=CaseSummary(product=case.product.model, in_warranty=in_warranty,
                         days_since_purchase=(as_of - bought).days),
        findings=findings,
        demands=_demands(case, findings),
        not_applicable=not_applicable,
        deadlines=deadlines,
        missing=missing,
        notes=notes,
        channels=channels,
        citations=citations,
        notice=NOTICE(lang),
    )
