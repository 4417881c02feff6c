"""From what inference concluded to the verdict: strengths, explanations, deadlines, citations.

Inference leaves facts with every way each was reached. Here each finding keeps its strongest
variant (strength is monotone, see kb/rules/dsl.py), its explanation is the chain of rules that led to
that variant's first firing, and its `facts` are the case fields at the leaves of that chain. Statute
text is never typed here: every quotation is looked up in kb/ by key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

from engine.case import Case
from engine.dates import calendar_last_year, period_end
from engine.explain import render
from engine.facts import Periods, field_paths
from engine.inference import Derivation, Firing
from engine.program import Program
from engine.verdict import (
    Argument,
    CaseSummary,
    Channel,
    CitationText,
    Deadline,
    DemandSupport,
    Finding,
    Loss,
    Missing,
    NotApplicable,
    Note,
    Step,
    Verdict,
)
from engine.vocab import Demand
from kb import laws
from kb.bilingual import pick
from kb.channels import CHANNELS, ChannelSpec
from kb.rules.dsl import RANK, weaker
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

    def leaves(self, firing: Firing) -> set[str]:
        """The base facts (case entries) beneath a firing, through every derived fact it matched."""
        out: set[str] = set()
        for _, key in firing.matched:
            if key in self.d.base:
                out.add(key)
            else:
                out |= self.leaves(self.first_of(key))
        return out

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


@cache
def _unconditional_gives(prog: Program) -> dict[str, tuple[int, ...]]:
    return {fid: tuple(i for i, _ in spec.unconditional()) for fid, spec in prog.rulebase.findings.items()}


def _held_gives(prog: Program, d: Derivation) -> dict[str, list[int]]:
    """For each finding, the indexes of its gives (§2a) whose conditions hold: unconditional ones always."""
    held: dict[str, list[int]] = {fid: list(gids) for fid, gids in _unconditional_gives(prog).items()}
    for _, attrs in d.of_kind("give"):
        held[attrs["fid"]].append(attrs["gid"])
    return {fid: sorted(set(gids)) if len(gids) > 1 else gids for fid, gids in held.items()}


def _findings(prog: Program, d: Derivation, tr: _Tracer, lang: str,
              held: dict[str, list[int]]) -> list[Finding]:
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
        for f in sorted(firings, key=lambda f: tr.order[f.rule]):
            r = tr.rules[f.rule].rule
            cites += [c for c in r.cites if c not in cites]
        gives = [spec.gives[i] for i in held[fid]]
        for g in gives:
            cites += [c for c in g.cites if c not in cites]
        rights = sorted({g.demand for g in gives if g.basis == "right"}, key=_DEMAND_ORDER.__getitem__)
        requests = sorted({g.demand for g in gives if g.basis == "request"} - set(rights), key=_DEMAND_ORDER.__getitem__)
        cited_articles = {":".join(c.split(":")[:2]) for c in cites}
        quotes = [q for q in spec.quotes if ":".join(q.split(":")[:2]) in cited_articles]
        last = steps[-1]
        steps = [*steps[:-1], Step.model_construct(rule=last.rule, because=last.because, facts=last.facts, cites=cites)]
        out.append(
            Finding.model_construct(
                id=fid,
                strength=strength,
                title=spec.title(lang),
                explanation=_explanation(steps, lang),
                cites=cites,
                facts=paths,
                demands=rights,
                requests=requests,
                quotes=quotes,
                application=tr.letter(chosen),
                trace=steps,
            )
        )
    return out


def _demands(case: Case, prog: Program, findings: list[Finding], held: dict[str, list[int]]) -> list[DemandSupport]:
    """LEGAL_SPEC §2a and R11: each demand once — a right at the strongest right's strength (a finding's
    strength, or its give's cap if lower), else a request, else (asked for, given by nothing) none."""
    requested = [str(x) for x in dict.fromkeys(case.demands)]
    rights: dict[str, dict[str, str]] = {}
    requests: dict[str, list[str]] = {}
    for f in findings:
        for i in held[f.id]:
            g = prog.rulebase.findings[f.id].gives[i]
            if g.basis == "right":
                strength = weaker(f.strength, g.cap) if g.cap else f.strength
                by = rights.setdefault(g.demand, {})
                by[f.id] = max(by.get(f.id, strength), strength, key=RANK.__getitem__)
            elif f.id not in requests.setdefault(g.demand, []):
                requests[g.demand].append(f.id)
    given = sorted(set(rights) | set(requests), key=_DEMAND_ORDER.__getitem__)
    out = []
    for dem in dict.fromkeys(requested + given):
        asked = dem in requested
        if dem in rights:
            best = max(rights[dem].values(), key=RANK.__getitem__)
            out.append(DemandSupport.model_construct(demand=dem, requested=asked, basis="right", strength=best,
                                     findings=list(rights[dem])))
        elif dem in requests:
            out.append(DemandSupport.model_construct(demand=dem, requested=asked, basis="request", findings=requests[dem]))
        else:
            out.append(DemandSupport.model_construct(demand=dem, requested=asked, basis="none", findings=[]))
    return out


def _not_applicable(prog: Program, d: Derivation, lang: str) -> list[NotApplicable]:
    chosen: dict[str, int] = {}
    for _, attrs in d.of_kind("not_applicable"):
        nid, reason = attrs["nid"], attrs["reason"]
        chosen[nid] = min(reason, chosen.get(nid, reason))
    out = []
    for nid, spec in prog.rulebase.not_applicable.items():
        if nid in chosen:
            out.append(NotApplicable.model_construct(id=nid, why=spec.reasons[chosen[nid]].why(lang), cites=list(spec.cites)))
    return out


def _earliest(d: Derivation, tr: _Tracer, kind: str, key_attr: str, latest: Callable[[str], bool]
              ) -> dict[str, tuple[int, Firing]]:
    """For each deadline (or argument) id, the start the rules found and the firing behind it: the earliest
    start, or the latest where `latest(id)` (an argument that picks the latest date)."""
    found: dict[str, tuple[int, Firing]] = {}
    for key, attrs in d.of_kind(kind):
        xid, start = attrs[key_attr], attrs["start"]
        if xid not in found or (start > found[xid][0] if latest(xid) else start < found[xid][0]):
            found[xid] = (start, tr.first(d.support[key]))
    return found


def _safe_date(did: str, spec: Any, end: Any, lang: str, notes: list[Note]  # noqa: ANN401 - dsl and dates types
               ) -> tuple[dt.date, dt.date | None, list[Argument]]:
    """(the date the consumer is told, the unmoved day it was moved from, the moved day as an argument)."""
    if spec.safe_unmoved:
        # L11: the consumer is told the unmoved last day; the moved day is only an argument.
        if not end.moved:
            return end.unmoved, None, []
        why = spec.moved_because(lang).replace("{date}", end.date.isoformat()) if spec.moved_because else ""
        return end.unmoved, None, [Argument.model_construct(id=f"{did}.moved", date=end.date, why=why)]
    if end.moved:
        notes.append(Note.model_construct(kind="other", text=NOTE_MOVED(lang).format(
            what=spec.title(lang), unmoved=end.unmoved.isoformat(), date=end.date.isoformat())))
    return end.date, (end.unmoved if end.moved else None), []


def _later_dates(spec: Any, argued: dict[str, tuple[int, Firing]], date: dt.date, tr: _Tracer,  # noqa: ANN401
                 uncovered: set[int]) -> list[Argument]:
    """The deadline's arguments whose period ends later than the safe date (only those are worth arguing)."""
    out = []
    for a in spec.arguments:
        if a.id not in argued:
            continue
        a_start, a_firing = argued[a.id]
        a_end = period_end(dt.date.fromordinal(a_start), years=spec.years, months=spec.months, days=spec.days,
                           moves=spec.moves)
        if a_end.date <= date:
            continue  # not later than the safe date: nothing to argue
        if spec.moves and not a_end.covered:
            uncovered.add(a_end.date.year)
        why = tr.because(a_firing).replace("{date}", a_end.date.isoformat())
        out.append(Argument.model_construct(id=a.id, date=a_end.date, why=why))
    return out


def _deadlines(
    prog: Program, d: Derivation, tr: _Tracer, as_of: dt.date, lang: str, notes: list[Note], uncovered: set[int]
) -> list[Deadline]:
    starts = _earliest(d, tr, "deadline", "did", lambda _id: False)
    picks = {a.id: a.pick for spec in prog.rulebase.deadlines.values() for a in spec.arguments}
    argued = _earliest(d, tr, "deadline_arg", "aid", lambda aid: picks[aid] == "latest")
    sep = pick(lang, "；", "; ")
    out = []
    for did, spec in prog.rulebase.deadlines.items():
        if did not in starts:
            continue
        start_ord, firing = starts[did]
        start = dt.date.fromordinal(start_ord)
        end = period_end(start, years=spec.years, months=spec.months, days=spec.days, moves=spec.moves)
        if spec.moves and not end.covered:
            uncovered.add(end.date.year)
        date, moved_from, arguments = _safe_date(did, spec, end, lang, notes)
        arguments += _later_dates(spec, argued, date, tr, uncovered)
        explanation = tr.because(firing) + "".join(sep + arg.why for arg in arguments)
        if spec.passed_note and date < as_of:
            explanation += sep + spec.passed_note(lang)
        out.append(
            Deadline.model_construct(
                id=did,
                title=spec.title(lang),
                date=date,
                start=start,
                days_left=(date - as_of).days,
                passed=date < as_of,
                moved_from=moved_from,
                explanation=explanation,
                cites=list(spec.cites),
                arguments=arguments,
            )
        )
    return out


def _missing(prog: Program, d: Derivation, lang: str) -> list[Missing]:
    hits = sorted({attrs["mid"] for _, attrs in d.of_kind("missing")})
    out: list[Missing] = []
    for mid in hits:
        spec = prog.rulebase.missing[mid]
        if all(m.field != spec.field for m in out):
            out.append(Missing.model_construct(field=spec.field, why=spec.why(lang)))
    return out


# Findings about the business's conduct: a law-in-force note is keyed to the date of that conduct (L13).
_CONDUCT = ("crpl10.", "crpl20.", "crpl48.", "crpl56.")


def _law_in_force(case: Case, prog: Program, d: Derivation, tr: _Tracer, findings: list[Finding],
                  lang: str) -> list[Note]:
    """LEGAL_SPEC §5: one note per law whose edition took effect after the facts a finding rests on — the
    purchase for the purchase-based findings, the business's conduct for the conduct findings (and 实施条例
    第九条, cited for the pricing of an offer)."""
    out: list[Note] = []
    seen: set[str] = set()
    by_fid: dict[str, list[Firing]] = {}
    for key, attrs in d.of_kind("finding"):
        if attrs["strength"] == next(f.strength for f in findings if f.id == attrs["fid"]):
            by_fid.setdefault(attrs["fid"], []).extend(d.support[key])
    for f in findings:
        leaves = tr.leaves(tr.first(by_fid[f.id]))
        conduct = sorted(case.interactions[d.base[k]["i"]].date for k in leaves if d.base[k]["t"] == "interaction")
        conduct += [case.interactions[d.base[k]["best_i"]].date for k in leaves
                    if d.base[k]["t"] == "offers" and "best_i" in d.base[k]]
        for key in f.cites:
            law = laws.lookup(key).law
            if law.id in seen:
                continue
            by_conduct = f.id.startswith(_CONDUCT) or law.id == "crpl_regs"
            day = min(conduct) if by_conduct and conduct else case.purchase.date
            if day < law.effective:
                seen.add(law.id)
                out.append(Note.model_construct(kind="law_in_force", law=law.id, finding=f.id, date=day,
                                text=NOTE_EARLIER_LAW(lang).format(
                                    bought=day.isoformat(), law=law.title, law_en=law.en, edition=law.edition,
                                    effective=law.effective.isoformat())))
    return out


def _note_facts(d: Derivation, tr: _Tracer, lang: str) -> list[Note]:
    """Notes the rules conclude (e.g. a platform's own store is the seller), in rule order."""
    out = []
    for key, attrs in sorted(d.of_kind("note"), key=lambda ka: tr.order[tr.first(d.support[ka[0]]).rule]):
        firing = tr.first(d.support[key])
        cites = list(tr.rules[firing.rule].rule.cites)
        out.append(Note.model_construct(kind=attrs["kind"], text=tr.because(firing), cites=cites or None))
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


def _channel(spec: ChannelSpec, lang: str) -> Channel:
    text = laws.lookup(spec.key).text if spec.key else spec.text(lang)
    return Channel.model_construct(id=spec.id, key=spec.key, alternatives=list(spec.alternatives), text=text,
                                   how=spec.how(lang))


@cache
def _channel_list(consumer: bool, held: frozenset[str], lang: str) -> tuple[Channel, ...]:
    return tuple(_channel(c, lang) for c in CHANNELS
                 if (consumer or not c.consumer_only) and (c.needs is None or c.needs in held))


def _channels(d: Derivation, lang: str) -> list[Channel]:
    """LEGAL_SPEC §4: a buyer outside the consumer law gets negotiation, arbitration and the court only."""
    needs = frozenset(c.needs for c in CHANNELS if c.needs and d.has(c.needs))
    return list(_channel_list(d.has("scope.consumer"), needs, lang))


def assemble(case: Case, as_of: dt.date, ps: Periods, d: Derivation, prog: Program, lang: str) -> Verdict:
    tr = _Tracer(prog, d, lang, _titles(prog, lang))
    notes: list[Note] = []
    uncovered: set[int] = set()
    held = _held_gives(prog, d)
    findings = _findings(prog, d, tr, lang, held)
    not_applicable = _not_applicable(prog, d, lang)
    deadlines = _deadlines(prog, d, tr, as_of, lang, notes, uncovered)
    missing = _missing(prog, d, lang)
    channels = _channels(d, lang)

    keys = [c for f in findings for c in f.cites + f.quotes]
    keys += [c for n in not_applicable for c in n.cites]
    keys += [c for x in deadlines for c in x.cites]
    keys += [c.key for c in channels if c.key]
    keys += [c for key, _ in d.of_kind("note") for c in tr.rules[tr.first(d.support[key]).rule].rule.cites]
    citations = _citations(keys)

    if d.has("scope.business"):
        notes.insert(0, Note.model_construct(kind="other", text=NOTE_NOT_CONSUMER(lang)))
    bought = case.purchase.date
    notes += _note_facts(d, tr, lang)
    notes += _law_in_force(case, prog, d, tr, findings, lang)
    if uncovered:
        years = pick(lang, "、", ", ").join(str(y) for y in sorted(uncovered))
        notes.append(Note.model_construct(kind="calendar_not_covered", years=sorted(uncovered),
                          text=NOTE_CALENDAR(lang).format(years=years, last=calendar_last_year())))

    in_warranty = True if d.has("status.in_warranty") else (False if d.has("status.out_of_warranty") else None)
    return Verdict.model_construct(
        as_of=as_of,
        lang=lang,
        case=CaseSummary.model_construct(product=case.product.model, in_warranty=in_warranty,
                         days_since_purchase=(as_of - bought).days),
        findings=findings,
        demands=_demands(case, prog, findings, held),
        not_applicable=not_applicable,
        deadlines=deadlines,
        missing=missing,
        notes=notes,
        channels=channels,
        losses=[Loss.model_construct(kind=str(x.kind), amount=x.amount, evidence=x.evidence,
                     date=x.date, note=x.note) for x in case.losses],
        citations=citations,
        notice=NOTICE(lang),
    )
