"""The questionnaire's knowledge and machinery, through its public functions.

The data (kb/questions.yaml) must cover the case model exactly; the adaptive flow must reproduce every
reference scenario's verdict while asking fewer questions than the case has fields; answers typed in
the ways people type them must be read right, and anything else refused with an AnswerError, never a
crash; a saved draft must come back exactly, "don't know" answers included.
"""

from __future__ import annotations

import datetime as dt
import os
import typing
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from engine.assess import assess
from engine.case import Case, parse_case
from engine.errors import InputError
from questionnaire import answers
from questionnaire.draft import Draft
from questionnaire.flow import answer, next_step, reopen, steps
from questionnaire.relevance import Relevance, signature
from questionnaire.scripted import simulate
from questionnaire.spec import questionnaire
from questionnaire.store import load, render, save, write_atomic
from tests.conftest import SCENARIOS, load_scenario

QN = questionnaire()
AS_OF = dt.date(2025, 9, 1)


def _leaves(model: type[BaseModel], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for name, f in model.model_fields.items():
        ann = f.annotation
        inner = [a for a in typing.get_args(ann)] or [ann]
        if typing.get_origin(ann) is list and isinstance(inner[0], type) and issubclass(inner[0], BaseModel):
            out |= _leaves(inner[0], f"{prefix}{name}[].")
        elif isinstance(ann, type) and issubclass(ann, BaseModel):
            out |= _leaves(ann, f"{prefix}{name}.")
        else:
            out.add(prefix + name)
    return out


def test_every_case_field_has_exactly_one_question() -> None:
    fields = _leaves(Case) - {"version"}
    assert set(QN.by_id) == fields


def test_every_question_explains_itself_in_both_languages() -> None:
    for q in QN.by_id.values():
        for text in (q.text, q.help):
            assert text.zh.strip() and text.en.strip(), q.id
        if q.type in ("choice", "multi"):
            assert q.options(), q.id


def _scenario(path: Path) -> tuple[dict, dt.date]:
    sc = load_scenario(path)
    return sc["case"], dt.date.fromisoformat(str(sc["as_of"]))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem[:2] for p in SCENARIOS])
def test_asking_only_what_matters_keeps_every_scenario_verdict(path: Path) -> None:
    case, as_of = _scenario(path)
    sim = simulate(QN, case, as_of, "zh", Relevance(QN, as_of), with_letter=False)
    want = signature(assess(parse_case(case, as_of=as_of), as_of))
    got = signature(assess(parse_case(sim.draft.data, as_of=as_of), as_of))
    assert got == want
    assert len(sim.asked) < 45  # v2 added the channel, the condition as sold, the losses and "anyone else?"


def _asked(name: str) -> list[str]:
    path = next(p for p in SCENARIOS if p.name.startswith(name))
    case, as_of = _scenario(path)
    return simulate(QN, case, as_of, "zh", Relevance(QN, as_of), with_letter=False).asked


def test_harm_is_asked_only_with_a_safety_symptom() -> None:
    assert "harm.personal_injury" in _asked("05")       # swelling and heat
    assert "harm.personal_injury" not in _asked("02")   # cannot charge
    # a burn already makes art. 41 apply: whether clothes were damaged too cannot change that
    assert "harm.other_property_damage" not in _asked("05")


def test_batch_questions_only_out_of_warranty_or_for_a_safety_defect() -> None:
    assert "fault.batch_evidence" in _asked("07")       # out of warranty
    assert "fault.batch_evidence" not in _asked("02")   # in warranty, no danger
    assert "fault.similar_reports" in _asked("01")      # only after "similar reports"
    assert "fault.similar_reports" not in _asked("07")


def test_comparators_only_when_they_could_matter() -> None:
    assert "comparators+0" in _asked("01")
    assert "comparators+0" not in _asked("06")          # a company purchase: no consumer-law equality
    seed = _asked("01")
    assert "comparators+1" in seed                      # "还有其他人吗？": several make a stronger case (issue 13.5)
    assert "comparators+2" not in seed                  # the seed names one
    assert seed.index("comparators[0].model") < seed.index("product.production_batch")  # own batch when it matters


def test_failed_repairs_are_asked_about_once_there_are_two() -> None:
    asked = _asked("09")
    assert asked.index("interactions[1].kind") < asked.index("interactions[0].fixed")


def test_free_remedies_cost_nothing_without_asking() -> None:
    case, as_of = _scenario(SCENARIOS[0])
    sim = simulate(QN, case, as_of, "zh", Relevance(QN, as_of), with_letter=False)
    assert "comparators[0].price_ratio" not in sim.asked
    assert sim.draft.data["comparators"][0]["price_ratio"] == 0


def test_a_changed_answer_reopens_what_depends_on_it_and_drops_what_no_longer_applies() -> None:
    case, as_of = _scenario(SCENARIOS[0])
    draft = simulate(QN, case, as_of, "zh", Relevance(QN, as_of), with_letter=False).draft
    step = next(s for s in steps(QN, draft) if s.key == "fault.symptoms")
    answer(draft, step, ["touch_unresponsive"])  # no longer a danger
    reopen(QN, draft, "fault.symptoms", as_of, "zh")
    assert "personal_injury" not in draft.data["harm"]
    assert not draft.is_answered("harm.personal_injury")
    step = next(s for s in steps(QN, draft) if s.key == "interactions[0].kind")
    answer(draft, step, "repair")
    reopen(QN, draft, "interactions[0].kind", as_of, "zh")
    assert "accepted" not in draft.data["interactions"][0]          # an offer's question
    assert not draft.is_answered("interactions[0].remedy")          # asked again, its value the default
    nxt = next_step(QN, draft, Relevance(QN, as_of))
    assert nxt is not None and nxt.key.startswith(("interactions[0]", "fault."))


# ── answers as people type them ──────────────────────────────────────────────────────────────────

def _ctx(data: dict | None = None, lang: str = "zh") -> answers.Context:
    return answers.Context(data or {"purchase": {"date": "2024-05-20"}}, AS_OF, lang)


@pytest.mark.parametrize("typed", ["2025-08-02", "2025/8/2", "2025.8.2", "2025年8月2日", "20250802"])
def test_dates_in_the_ways_people_write_them(typed: str) -> None:
    assert answers.parse(QN.by_id["fault.first_noticed"], typed, _ctx()) == "2025-08-02"


@pytest.mark.parametrize(("typed", "says"), [
    ("2025-02-29", "日历上没有"), ("2025-09-02", "不能晚于评估日期"), ("2024-05-19", "早于收货日期"),
    ("next week", "不是日期"), ("", "必须回答"),
])
def test_bad_dates_are_explained(typed: str, says: str) -> None:
    with pytest.raises(answers.AnswerError, match=says):
        answers.parse(QN.by_id["fault.first_noticed"], typed, _ctx())


def test_a_date_after_today_is_in_the_future() -> None:
    """Assessed as of today (no --as-of), the present is today, and the message says so."""
    today = dt.date.today()
    ctx = answers.Context({"purchase": {"date": "2024-05-20"}}, today, "zh")
    with pytest.raises(answers.AnswerError, match="晚于今天.*不能在未来"):
        answers.parse(QN.by_id["fault.first_noticed"], (today + dt.timedelta(days=1)).isoformat(), ctx)


@pytest.mark.parametrize(("typed", "value"), [("6折", 0.6), ("60%", 0.6), ("0.6", 0.6), ("免费", 0.0),
                                              ("原价", 1.0), ("6.5折", 0.65), (0.3, 0.3)])
def test_prices_as_shares(typed: object, value: float) -> None:
    assert answers.parse(QN.by_id["interactions[].price_ratio"], typed, _ctx()) == value


def test_choices_by_code_or_label_in_either_language() -> None:
    q = QN.by_id["product.category"]
    assert {answers.parse(q, x, _ctx()) for x in ("tablet", "平板电脑", "Tablet")} == {"tablet"}
    multi = QN.by_id["fault.symptoms"]
    assert answers.parse(multi, "触控失灵、异常发热, charging_failure", _ctx()) == [
        "touch_unresponsive", "abnormal_heat", "charging_failure"]
    with pytest.raises(answers.AnswerError, match="Allowed|choices"):
        answers.parse(q, "watch", _ctx(lang="en"))


def test_unknown_is_an_answer_that_leaves_the_field_absent() -> None:
    assert answers.parse(QN.by_id["harm.personal_injury"], "不知道", _ctx()) is None
    assert answers.parse(QN.by_id["purchase.warranty_months"], "", _ctx()) is None


@settings(max_examples=300, deadline=None)
@given(qid=st.sampled_from(sorted(QN.by_id)), typed=st.one_of(st.text(max_size=30), st.integers(), st.floats(),
                                                           st.booleans(), st.none()))
def test_any_input_is_either_read_or_explained(qid: str, typed: object) -> None:
    q = QN.by_id[qid]
    try:
        value = answers.parse(q, typed, _ctx())
    except answers.AnswerError as e:
        assert str(e)
        return
    if value is not None and q.type in ("date", "month", "integer", "ratio", "choice"):
        assert answers.parse(q, value, _ctx()) == value  # what is stored reads back the same


@settings(max_examples=100, deadline=None)
@given(day=st.dates(min_value=dt.date(2024, 5, 20), max_value=AS_OF),
       style=st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}年{m}月{d}日", "{y}.{m}.{d}"]))
def test_every_real_date_reads_back_as_iso(day: dt.date, style: str) -> None:
    typed = style.format(y=day.year, m=day.month, d=day.day)
    assert answers.parse(QN.by_id["fault.first_noticed"], typed, _ctx()) == day.isoformat()


# ── saving and resuming ──────────────────────────────────────────────────────────────────────────

def test_a_draft_comes_back_exactly_unknowns_included(tmp_path: Path) -> None:
    draft = Draft()
    for key, value in [("product.category", "phone"), ("product.model", "P50"), ("purchase.date", "2025-01-10"),
                       ("purchase.channel", "official_store"), ("purchase.for_personal_use", None)]:
        step = next(s for s in steps(QN, draft) if s.key == key)
        answer(draft, step, value)
    path = tmp_path / "d.yaml"
    save(path, draft)
    back = load(path, QN)
    assert back.data == draft.data and back.answered == draft.answered
    assert "for_personal_use" not in back.data["purchase"]      # unknown is absent …
    assert back.is_answered("purchase.for_personal_use")          # … but answered: not asked again
    assert next_step(QN, back, Relevance(QN, AS_OF)).key == "purchase.warranty_months"


def test_a_finished_draft_is_a_case_file_as_it_is(tmp_path: Path) -> None:
    case, as_of = _scenario(SCENARIOS[0])
    draft = simulate(QN, case, as_of, "zh", Relevance(QN, as_of)).draft
    path = tmp_path / "case.yaml"
    save(path, draft)
    parse_case(yaml.safe_load(path.read_text(encoding="utf-8")), as_of=as_of)  # no unknown keys


def test_a_hand_written_case_resumes_at_its_first_open_question(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("product: {model: P50, category: phone}\npurchase: {date: 2025-01-10}\n", encoding="utf-8")
    draft = load(path, QN)
    assert draft.data["purchase"]["date"] == "2025-01-10"
    assert next_step(QN, draft, Relevance(QN, AS_OF)).key == "purchase.channel"  # asked always since v2


def test_a_failed_write_leaves_the_previous_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "case.yaml"
    write_atomic(path, "version: 1\n")

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(InputError) as failed:  # the environment's problem, said with the path (exit 2)
        write_atomic(path, render(Draft({"version": 1, "product": {"model": "X"}}, [])))
    assert str(path) in failed.value.messages[0] and "磁盘空间已满" in failed.value.messages[0]
    assert path.read_text(encoding="utf-8") == "version: 1\n"
    assert os.listdir(tmp_path) == ["case.yaml"]


def test_drafts_are_private_to_their_owner(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    save(path, Draft())
    assert path.stat().st_mode & 0o077 == 0


def test_a_resumed_file_is_held_to_the_same_rules(tmp_path: Path) -> None:
    from engine.errors import InputError
    from questionnaire.store import recheck

    path = tmp_path / "mine.yaml"
    path.write_text("product: {model: P50, category: phone}\npurchase: {date: 2025-01-10}\n"
                    "fault: {first_noticed: 2024-12-01, symptoms: 屏幕不亮}\n", encoding="utf-8")
    draft = load(path, QN)
    assert recheck(QN, draft, AS_OF, "zh") == ["fault.first_noticed"]   # before delivery: asked again
    assert draft.data["fault"] == {"symptoms": ["screen_dead"]}           # the label read as typed
    assert not draft.is_answered("fault.first_noticed")
    path.write_text("product: {model: P50, category: phone, colour: red}\n", encoding="utf-8")
    with pytest.raises(InputError, match="product.colour"):
        recheck(QN, load(path, QN), AS_OF, "zh")


def test_the_questionnaires_named_sets_are_the_rule_bases_own() -> None:
    """kb/questions.yaml names value sets as YAML anchors; each must equal the code's one home for it, so a
    change to the law's vocabulary cannot leave the questionnaire asking by an old list (issue 14 item 2)."""
    from importlib import resources

    import yaml

    from engine.vocab import FREE_REMEDIES
    from kb.rules.common import DISTANCE_CHANNELS, SAFETY_SYMPTOMS

    sets = yaml.safe_load((resources.files("kb") / "questions.yaml").read_text(encoding="utf-8"))["sets"]
    assert set(sets["free"]) == {str(r) for r in FREE_REMEDIES}
    assert set(sets["safety"]) == set(SAFETY_SYMPTOMS)
    assert set(sets["distance"]) == set(DISTANCE_CHANNELS)


def test_demand_choices_say_what_the_law_can_give_them() -> None:
    """issue 10: the questionnaire's demands read the §2a table — a newer model or an apology is marked as a
    request before the consumer ticks it."""
    from kb.rules import demand_bases
    from questionnaire.prompts import choice_text
    from questionnaire.spec import questionnaire

    bases = demand_bases()
    assert bases["free_replacement_newer_model"] == "request" and bases["apology"] == "none"
    assert bases["free_repair"] == "right"
    q = questionnaire().by_id["demands"]
    assert "协商请求" in choice_text(q, "free_replacement_newer_model", "zh")
    assert "协商请求" in choice_text(q, "apology", "zh")
    assert choice_text(q, "free_repair", "zh") == q.label("free_repair", "zh")


@pytest.mark.parametrize("said", ["不知道", "记不清", "don't know", "Don’t know", "not sure"])
def test_dont_know_as_people_type_it(said: str) -> None:
    """"Don't know" is read as such in either language, whatever the apostrophe: an optional answer stays open,
    a required one says it is needed — never "'don'tknow' is not a date"."""
    from questionnaire.spec import questionnaire

    qn = questionnaire()
    ctx = answers.Context({}, dt.date(2025, 9, 1), "en")
    assert answers.parse(qn.by_id["purchase.warranty_months"], said, ctx) is None
    with pytest.raises(answers.AnswerError, match="needs an answer"):
        answers.parse(qn.by_id["fault.first_noticed"], said, ctx)
