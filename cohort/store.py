"""The cohort's numbers, computed by DuckDB (embedded, no server) from spooled rows, in bounded memory.

Pass one writes one JSON row per consumer (and per comparator recorded in a case file) to a spool
file on disk as the input is parsed; this module loads the spool into a DuckDB database file (its
own columnar format, on disk) and asks it for every figure the report shows. DuckDB runs with a
fixed memory limit and spills to the same temporary folder, so the process's memory does not grow
with the number of cases — only with the number of groups, regions and handlers, which the report
lists anyway.

Every ordering is total (ties broken by `ord`, a consumer's place in the input), so the result is
the same on every run and with any number of workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cohort.aggregate import Exemplar, GroupAgg, Tally
from cohort.outcome import GroupKey, Outcome, Tier

MEMORY_LIMIT = "64MB"
SAMPLE = 20  # consumers named per list in the report
SKIPPED_SHOWN = 1000  # bad inputs and duplicates listed one by one; the totals are always exact

MEMBER_COLUMNS = {
    "ord": "BIGINT", "src": "VARCHAR", "line": "BIGINT", "ref": "VARCHAR", "d1": "BIGINT", "d2": "BIGINT",
    "comp": "BOOLEAN", "grouped": "BOOLEAN", "brand": "VARCHAR", "model": "VARCHAR", "bk": "VARCHAR",
    "mk": "VARCHAR", "batch": "VARCHAR", "symptoms": "VARCHAR[]", "region": "VARCHAR", "scope": "BOOLEAN",
    "remedy": "VARCHAR", "lo": "DOUBLE", "hi": "DOUBLE", "ratio": "DOUBLE", "target": "VARCHAR",
    "party": "VARCHAR", "rank": "INTEGER",
}
SKIPPED_COLUMNS = {"ord": "BIGINT", "src": "VARCHAR", "line": "BIGINT", "error": "VARCHAR"}
CHECKED_COLUMNS = {"ord": "BIGINT", "engine": "BOOLEAN"}

_KEY = "bk, mk, batch, symptom"
_EXEMPLAR = ("struct_pack(ord := ord, ref := ref, model := model, batch := batch, symptoms := symptoms, "
             "region := region, remedy := remedy, lo := lo, hi := hi, ratio := ratio, target := target, "
             "party := party)")


@dataclass(slots=True)
class Figures:
    """Everything the report needs, as plain Python values."""

    cases: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)
    skipped_total: int = 0
    no_batch: int = 0
    no_symptoms: int = 0
    comparators: int = 0  # comparators recorded in case files and counted in groups
    comparators_duplicate: int = 0  # the same comparator recorded again (counted once)
    comparators_ungrouped: int = 0  # recorded without model, batch, symptom or remedy
    groups: dict[GroupKey, GroupAgg] = field(default_factory=dict)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    duplicates_total: int = 0
    citers: dict[GroupKey, tuple[int, list[str]]] = field(default_factory=dict)
    consumers: int = 0
    consumer_refs: list[str] = field(default_factory=list)
    checked: int = 0
    agree: int = 0
    disagree: list[dict[str, Any]] = field(default_factory=list)


def _columns(cols: dict[str, str]) -> str:
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in cols.items()) + "}"


def _sql_text(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


class Store:
    """One DuckDB database file in `folder`, holding the spooled rows and the tables derived from them."""

    def __init__(self, folder: Path) -> None:
        import duckdb

        self.folder = folder
        self.con = duckdb.connect(str(folder / "cohort.duckdb"))
        self.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        self.con.execute("SET threads = 1")
        self.con.execute(f"SET temp_directory = {_sql_text(folder / 'spill')}")
        self.con.execute("SET preserve_insertion_order = false")

    def close(self) -> None:
        self.con.close()

    def _load(self, table: str, path: Path, cols: dict[str, str]) -> None:
        source = (f"read_json({_sql_text(path)}, format = 'newline_delimited', columns = {_columns(cols)})"
                  if path.exists() and path.stat().st_size else
                  "(SELECT " + ", ".join(f"NULL::{t} AS {k}" for k, t in cols.items()) + " WHERE false)")
        self.con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM {source}")

    def _all(self, sql: str) -> list[tuple[Any, ...]]:
        return self.con.execute(sql).fetchall()

    def _one(self, sql: str) -> tuple[Any, ...]:
        row = self.con.execute(sql).fetchone()
        assert row is not None
        return row

    def load_pass_one(self, members: Path, skipped: Path) -> None:
        """Load the spools and derive the unique members and their group memberships."""
        self._load("members", members, MEMBER_COLUMNS)
        self._load("skipped", skipped, SKIPPED_COLUMNS)
        # The first of each distinct content, in input order, is kept; the others are duplicates. Only the
        # contents seen more than once are held in a join (usually few), so memory stays bounded.
        self.con.execute("CREATE TABLE multi AS SELECT d1, d2, min(ord) AS first FROM members "
                         "GROUP BY d1, d2 HAVING count(*) > 1")
        self.con.execute("CREATE TABLE dup AS SELECT m.ord, m.comp, m.src, m.line, x.first FROM members m "
                         "JOIN multi x ON m.d1 = x.d1 AND m.d2 = x.d2 WHERE m.ord <> x.first")
        self.con.execute("CREATE TABLE uniq AS SELECT m.* FROM members m ANTI JOIN dup d ON m.ord = d.ord")
        self.con.execute(
            "CREATE TABLE gm AS SELECT bk, mk, batch, unnest(symptoms) AS symptom, ord, ref, comp, brand, model, "
            "symptoms, region, scope, remedy, lo, hi, ratio, target, party, coalesce(party, 'unknown') AS pk, rank "
            "FROM uniq WHERE grouped AND batch IS NOT NULL")
        self.con.execute(
            f"CREATE TABLE g0 AS SELECT {_KEY}, min(hi) AS min_hi, max(lo) AS max_lo FROM gm GROUP BY ALL")
        # Who can cite 消保法第十条 in a group: a consumer (not a recorded comparator) in the consumer law's
        # scope, and someone in the group got a remedy at a price strictly below the least they could pay.
        self.con.execute(
            f"CREATE TABLE cites AS SELECT {_KEY}, gm.ord, gm.ref FROM gm JOIN g0 USING ({_KEY}) "
            "WHERE NOT gm.comp AND gm.scope AND g0.min_hi < gm.lo")

    def best_table(self) -> dict[GroupKey, tuple[Exemplar, ...]]:
        """Each group's two best-treated members (a member's best *other* is one of them)."""
        rows = self._all(f"SELECT {_KEY}, min_by({_EXEMPLAR}, {{'h': hi, 'r': rank, 'o': ord}}, 2) FROM gm GROUP BY ALL")
        return {(bk, mk, batch, s): tuple(_exemplar(x) for x in best) for bk, mk, batch, s, best in rows}

    def figures(self, checked: Path | None = None) -> Figures:
        f = Figures()
        f.cases, f.no_batch, f.no_symptoms = self._one(
            "SELECT count(*), count(*) FILTER (batch IS NULL), "
            "count(*) FILTER (batch IS NOT NULL AND len(symptoms) = 0) FROM uniq WHERE NOT comp")
        f.comparators, f.comparators_ungrouped = self._one(
            "SELECT count(*) FILTER (grouped), count(*) FILTER (NOT grouped) FROM uniq WHERE comp")
        f.comparators_duplicate = self._one(
            "SELECT count(*) FROM dup WHERE comp AND (ord >> 10) << 10 NOT IN (SELECT ord FROM dup WHERE NOT comp)")[0]
        f.skipped_total = self._one("SELECT count(*) FROM skipped")[0]
        f.skipped = [{"source": s, "line": n, "error": e} for s, n, e in self._all(
            f"SELECT src, line, error FROM skipped ORDER BY ord LIMIT {SKIPPED_SHOWN}")]
        f.duplicates_total = self._one("SELECT count(*) FROM dup WHERE NOT comp")[0]
        f.duplicates = [{"source": s, "line": n, "same_as": same} for s, n, same in self._all(
            "SELECT d.src, d.line, u.ref FROM (SELECT * FROM dup WHERE NOT comp ORDER BY ord "
            f"LIMIT {SKIPPED_SHOWN}) d JOIN uniq u ON u.ord = d.first ORDER BY d.ord")]
        self._groups(f)
        for bk, mk, batch, s, n, refs in self._all(
                f"SELECT {_KEY}, count(*), min_by(ref, ord, {SAMPLE}) FROM cites GROUP BY ALL"):
            f.citers[(bk, mk, batch, s)] = (n, refs)
        f.consumers, refs = self._one(
            f"SELECT count(*), min_by(ref, ord, {SAMPLE}) FROM (SELECT ord, any_value(ref) AS ref FROM cites GROUP BY ord)")
        f.consumer_refs = refs or []
        if checked is not None:
            self._checked(f, checked)
        return f

    def _groups(self, f: Figures) -> None:
        rows = self._all(
            f"SELECT {_KEY}, min_by(struct_pack(b := brand, m := model), ord), "
            "count(*) FILTER (remedy <> 'none' AND hi = 0), count(*) FILTER (remedy <> 'none' AND hi > 0), "
            "count(*) FILTER (remedy = 'none'), "
            f"min_by({_EXEMPLAR}, {{'h': hi, 'r': rank, 'o': ord}}, 2), "
            f"min_by({_EXEMPLAR}, {{'l': -lo, 'r': -rank, 'o': ord}}), "
            "count(*) FILTER (hi = min_hi), count(*) FILTER (lo = max_lo) "
            f"FROM gm JOIN g0 USING ({_KEY}) GROUP BY ALL")
        for bk, mk, batch, s, shown, free, paid, none, best, worst, best_n, worst_n in rows:
            key = (bk, mk, batch, s)
            agg = GroupAgg(key)
            agg.shown = (0, shown["b"], shown["m"])
            agg.tiers.update({Tier.free: free, Tier.paid: paid, Tier.none: none})
            agg.best, agg.best_count = tuple(_exemplar(x) for x in best), best_n
            agg.worst, agg.worst_count = _exemplar(worst), worst_n
            f.groups[key] = agg
        for bk, mk, batch, s, dim, value, remedy, n, lo, hi in self._all(
                f"SELECT {_KEY}, 'all', NULL, remedy, count(*), min(ratio), max(ratio) FROM gm GROUP BY ALL "
                f"UNION ALL SELECT {_KEY}, 'region', region, remedy, count(*), min(ratio), max(ratio) FROM gm GROUP BY ALL "
                f"UNION ALL SELECT {_KEY}, 'party', pk, remedy, count(*), min(ratio), max(ratio) FROM gm GROUP BY ALL"):
            agg = f.groups[(bk, mk, batch, s)]
            tally = agg.all if dim == "all" else (agg.by_region if dim == "region" else agg.by_party).setdefault(value, Tally())
            tally.size += n
            tally.outcomes[remedy] += n
            for r in (lo, hi):
                if r is not None:
                    tally.ratio_min = r if tally.ratio_min is None else min(tally.ratio_min, r)
                    tally.ratio_max = r if tally.ratio_max is None else max(tally.ratio_max, r)

    def _checked(self, f: Figures, checked: Path) -> None:
        """The rule base's answers (pass two with --verify) against the cohort's own."""
        self._load("checked", checked, CHECKED_COLUMNS)
        base = ("SELECT c.ord, u.ref, c.engine, EXISTS (SELECT 1 FROM cites x WHERE x.ord = c.ord) AS cohort "
                "FROM checked c JOIN uniq u ON c.ord = u.ord")
        f.checked, f.agree = self._one(
            f"SELECT count(*), count(*) FILTER (engine IS NOT DISTINCT FROM cohort) FROM ({base})")
        f.disagree = [{"ref": ref, "cohort": cohort, "engine": engine} for ref, cohort, engine in self._all(
            f"SELECT ref, cohort, engine FROM ({base}) WHERE engine IS DISTINCT FROM cohort ORDER BY ord LIMIT {SAMPLE}")]


def _exemplar(x: dict[str, Any]) -> Exemplar:
    return Exemplar(x["ord"], x["ref"], x["model"], x["batch"], tuple(x["symptoms"]), x["region"],
                    Outcome(x["remedy"], x["lo"], x["hi"], x["ratio"], x["target"],
                            x["party"]))
