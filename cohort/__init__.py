"""Cohort analysis: consumers of the same model, batch and fault, and how differently they were treated.

Definitions (the report's numbers mean exactly this):

- **Cases**: the distinct valid cases. A case whose content after parsing is identical to one read
  before (the same case as a YAML file and as a line of a JSON Lines file, or a file named twice)
  is counted once, at its first place in input order; the others are listed as `duplicates`
  (source, line, `same_as`). With no valid case at all there is nothing to compare: the report
  draws no conclusion and the command exits 2.
- **Outcome** of a consumer: the best remedy any business offered or gave them (lowest price
  ratio; among equal prices: free newer model > free same model > refund > free repair >
  discounted trade-in > paid repair). A refusal, an offer of nothing or no remedy at all is
  `none`, worse than any remedy. A paid remedy of unknown price costs "more than 0, at most 1".
  See cohort/outcome.py.
- **Group**: consumers with the same brand, model and production batch who share a symptom —
  one group per symptom. LEGAL_SPEC's same-batch comparator shares *at least one* symptom, so
  within a symptom's group everyone is everyone else's comparator, and a consumer's groups
  together hold exactly their comparators in the cohort. A consumer with several symptoms is
  therefore counted in several groups (the groups are a cover, not a partition); grouping by
  the exact set of symptoms would split one fault into fragments (触控失灵 vs 触控失灵+发热) and hide
  the pattern. A case without a production batch, or without symptoms, joins no group
  (unknown batches never match — LEGAL_SPEC), and is counted in `ungrouped`.
- **Disparity** (materially different treatment) in a group of two or more: some got a free
  remedy and others a paid one (`free_vs_paid`); some got a remedy and others nothing
  (`remedy_vs_none`); or the known price ratios differ by at least `spread` (default 0.2, two
  折; `price_spread`).
- **Can cite 消保法第十条** (crpl10.unequal_treatment): the purchase was for personal use and some
  member of one of the consumer's groups got a remedy at a price strictly lower than the lowest
  this consumer could have paid. This is the legal rule, not the materiality threshold: a 0.55
  vs 0.6 difference lets the 0.6 consumers cite 第十条 without the group counting as a
  disparity. With `verify`, the rule base checks each such conclusion (cohort/verify.py).
"""

from __future__ import annotations

import datetime as dt

from cohort.aggregate import DEFAULT_SPREAD
from cohort.analysis import Progress, run_passes
from cohort.report import CohortReport, Group, build_report
from cohort.sources import open_inputs

__all__ = ["DEFAULT_SPREAD", "CohortReport", "Group", "Progress", "analyse"]


def analyse(inputs: list[str], as_of: dt.date, lang: str = "zh", *, workers: int = 1,
            spread: float = DEFAULT_SPREAD, verify: bool = False,
            progress: Progress | None = None, backend: str = "local",
            scheduler: str | None = None) -> CohortReport:
    """Read every case in `inputs` (files, directories, JSON Lines, `-`) and compare the groups.

    Bad inputs (a path that does not exist, an unsupported file type) raise `InputError` before
    anything is read; a bad case inside them is skipped and listed in the report.
    """
    with open_inputs(inputs, lang) as resolved:
        figures, verified = run_passes(resolved, as_of, lang, workers=workers, verify=verify, progress=progress,
                                       backend=backend, scheduler=scheduler)
    return build_report(figures, as_of, spread, verified)
