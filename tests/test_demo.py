"""The demo municipality: deterministic, realistic in shape, consistent, and scalable."""

import re
from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import text

from planner_desktop.demo import generate
from planner_desktop.domain.enums import AgeGroup, FindingKind, Group
from tests.helpers import dump_text, new_store

REFERENCE_YEAR = 2026


def make_demo(path, *, seed=1, scale=1):
    store = new_store(path)
    with store.raw_session() as session:
        counts = generate(session, seed=seed, scale=scale)
    return store, counts


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    stages = []
    store = new_store(folder / "t.sqlite")
    with store.raw_session() as session:
        counts = generate(session, seed=1, progress=lambda stage, pct: stages.append(pct))
    yield store, counts, stages
    store.close()


def rows(store, sql):
    with store.engine.connect() as conn:
        return conn.execute(text(sql)).all()


def scalar(store, sql):
    with store.engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def test_same_seed_same_dump_other_seed_other_dump(demo, tmp_path):
    store, counts, _stages = demo
    again, again_counts = make_demo(tmp_path / "again.sqlite", seed=1)
    other, _ = make_demo(tmp_path / "other.sqlite", seed=2)
    try:
        first = dump_text(store)
        assert again_counts == counts
        assert dump_text(again) == first
        assert dump_text(other) != first
    finally:
        again.close()
        other.close()


def test_counts_match_the_database_and_progress_reaches_100(demo):
    store, counts, stages = demo
    for table, count in counts.items():
        assert scalar(store, f'SELECT count(*) FROM "{table}"') == count, table
    assert stages[0] == 0 and stages[-1] == 100 and stages == sorted(stages)


def test_shape_of_a_scale_1_municipality(demo):
    store, counts, _stages = demo
    assert counts["municipality"] == 1
    assert 4 <= counts["district"] <= 6
    assert 40 <= counts["community"] <= 60
    assert counts["dimension"] == 5
    assert counts["plan"] == 1
    assert scalar(store, "SELECT count(*) FROM plan_element WHERE depth = 1") == 5
    assert counts["vote"] > 0
    assert 10 <= counts["project_profile"] <= 20
    assert counts["minutes"] == counts["community"]
    assert counts["prioritization_round"] == counts["community"]
    per_community = [n for (n,) in rows(store, "SELECT count(*) FROM demand GROUP BY community_id")]
    assert len(per_community) == counts["community"]
    assert min(per_community) >= 5 and max(per_community) <= 15
    kinds = {"urban": 0, "rural": 0}
    for (area,) in rows(store, "SELECT area FROM community"):
        kinds[area] += 1
    assert kinds["urban"] > 0 and kinds["rural"] > kinds["urban"]
    names = [name for (name,) in rows(store, "SELECT name FROM community")]
    assert len(set(names)) == len(names)


def test_findings_in_every_dimension_and_kind_of_every_community(demo):
    store, counts, _stages = demo
    combos = rows(
        store,
        """SELECT sd.community_id, count(DISTINCT f.dimension_id || f.kind)
           FROM finding f JOIN self_diagnosis sd ON sd.id = f.self_diagnosis_id
           GROUP BY sd.community_id""",
    )
    assert len(combos) == counts["community"]
    assert {n for _, n in combos} == {5 * len(FindingKind)}
    ranks = rows(
        store,
        "SELECT self_diagnosis_id, kind, min(rank), max(rank), count(*) FROM finding "
        "GROUP BY self_diagnosis_id, kind",
    )
    assert all(low == 1 and high == n for _, _, low, high, n in ranks)


def test_population_is_consistent(demo):
    store, _counts, _stages = demo
    for women, men, children, youth, adults, elders, families in rows(
        store,
        "SELECT population_women, population_men, population_children, population_youth, "
        "population_adults, population_elders, families FROM community",
    ):
        assert women + men == children + youth + adults + elders
        assert min(women, men, children, youth, adults, elders) >= 0
        assert 0 < families < women + men


def test_persons_are_consistent_and_partly_identified(demo):
    store, _counts, _stages = demo
    people = rows(store, "SELECT birth_year, age_group, id_number, sex FROM person")
    for birth_year, age_group, _id, _sex in people:
        assert AgeGroup.from_age(REFERENCE_YEAR - birth_year).value == age_group
    with_id = [number for _, _, number, _ in people if number]
    assert 0.5 < len(with_id) / len(people) < 0.7
    assert all(re.fullmatch(r"\d{7} [A-Z]{2}", number) for number in with_id)
    assert len(set(with_id)) == len(with_id)
    assert {sex for *_, sex in people} == {"female", "male"}


def test_names_with_accents_and_enye(demo):
    store, _counts, _stages = demo
    people = rows(store, "SELECT first_names, last_names FROM person")
    names = [f"{first} {last}" for first, last in people]
    names += [name for (name,) in rows(store, "SELECT name FROM community")]
    assert any("ñ" in name.lower() for name in names)
    assert any(re.search("[áéíóú]", name.lower()) for name in names)


def test_demands_come_from_several_groups_and_follow_the_chain(demo):
    store, _counts, _stages = demo
    groups = Counter(g for (g,) in rows(store, "SELECT raising_group FROM demand"))
    assert set(groups) == {g.value for g in Group}
    statuses = Counter(s for (s,) in rows(store, "SELECT status FROM demand"))
    total = sum(statuses.values())
    assert statuses["demand"] + statuses["prioritized"] > total * 0.8
    for status in ("profiled", "in_pdm", "in_poa", "done", "dropped"):
        assert statuses[status] > 0, status
    assert scalar(store, "SELECT count(*) FROM demand WHERE finding_id IS NOT NULL") > 0
    assert scalar(store, "SELECT count(*) FROM demand WHERE estimated_cost % 10000 != 0") == 0


def test_votes_are_dots_by_ballot_and_rounds_reconcile(demo):
    store, _counts, _stages = demo
    assert scalar(store, "SELECT count(*) FROM vote WHERE count != 1") == 0
    per_ballot = {n for (n,) in rows(store, "SELECT count(*) FROM vote GROUP BY ballot_id")}
    assert per_ballot == {3}
    for issued, counted, present, note, ballots in rows(
        store,
        """SELECT r.ballots_issued, r.ballots_counted, r.participants_present,
                  r.reconciliation_note, count(DISTINCT v.ballot_id)
           FROM prioritization_round r JOIN vote v ON v.round_id = r.id GROUP BY r.id""",
    ):
        assert ballots == counted <= issued <= present
        assert (counted != issued) == bool(note)
    assert scalar(store, "SELECT count(*) FROM round_item GROUP BY round_id ORDER BY 1 DESC") <= 12
    classes = {
        c
        for (c,) in rows(
            store, "SELECT priority_class FROM round_result WHERE \"group\" = 'agreed'"
        )
    }
    assert classes == {"A+", "A", "B", "C"}


def test_profiles_add_up_and_programming_stays_within_ceilings(demo):
    store, _counts, _stages = demo
    with store.engine.connect() as conn:
        for (profile_id,) in conn.execute(text("SELECT id FROM project_profile")):
            components = conn.execute(
                text("SELECT sum(cost) FROM component WHERE profile_id = :p"), {"p": profile_id}
            ).scalar()
            funding = conn.execute(
                text("SELECT sum(amount) FROM profile_funding WHERE profile_id = :p"),
                {"p": profile_id},
            ).scalar()
            assert components == funding
        over = conn.execute(
            text(
                """SELECT count(*) FROM source_ceiling c
                   JOIN (SELECT source_id, year, sum(amount) AS total
                         FROM multi_year_programming GROUP BY source_id, year) p
                   ON p.source_id = c.source_id AND p.year = c.year
                   WHERE p.total > c.amount"""
            )
        ).scalar()
        assert over == 0
        assert conn.execute(text("SELECT count(*) FROM operation")).scalar() > 0
    assert Decimal(scalar(store, "SELECT min(amount) FROM profile_funding")) > 0


def test_the_plan_is_a_tree_of_five_named_levels(demo):
    store, _counts, _stages = demo
    assert rows(store, "SELECT template, title, start_year, end_year FROM plan") == [
        ("bolivia_pdm", "Plan de Desarrollo Municipal", 2026, 2030)
    ]
    assert [name for (name,) in rows(store, "SELECT name FROM plan_level ORDER BY depth")] == [
        "Eje",
        "Objetivo",
        "Política",
        "Lineamiento",
        "Programa",
    ]
    depths = dict(rows(store, "SELECT depth, count(*) FROM plan_element GROUP BY depth"))
    assert set(depths) == {1, 2, 3, 4, 5} and depths[1] == depths[2] == 5
    # every element hangs from a shallower one; only the top level has no parent
    assert (
        scalar(
            store,
            "SELECT count(*) FROM plan_element e LEFT JOIN plan_element p ON p.id = e.parent_id "
            "WHERE (e.depth = 1) <> (e.parent_id IS NULL) OR p.depth >= e.depth",
        )
        == 0
    )
    programmes = rows(store, "SELECT sector_id, unit_id, problem FROM plan_element WHERE depth = 5")
    assert all(sector and unit for sector, unit, _problem in programmes)
    assert sum(1 for *_rest, problem in programmes if problem) > len(programmes) // 2
    assert scalar(store, "SELECT count(*) FROM plan_element WHERE depth = 2 AND problem = ''") == 0
    values = rows(store, "SELECT name, sentence FROM plan_value")
    assert len(values) >= 5 and all(name and sentence for name, sentence in values)
    assert 2 <= scalar(store, "SELECT count(*) FROM sdg_link WHERE plan_id IS NOT NULL") <= 3
    assert scalar(store, "SELECT count(*) FROM sdg_link WHERE element_id IS NOT NULL") > 0
    assert rows(store, "SELECT official_name FROM municipality") == [
        ("Gobierno Autónomo Municipal de San Isidro de Wayra Q'asa",)
    ]


def test_structure_projects_and_indicators_point_at_the_plan(demo):
    store, _counts, _stages = demo
    kinds = dict(rows(store, "SELECT kind, count(*) FROM org_unit GROUP BY kind"))
    assert kinds["secretariat"] >= 3 and kinds["directorate"] + kinds["unit"] >= 5
    assert (
        scalar(
            store,
            "SELECT count(*) FROM org_unit u JOIN org_unit p ON p.id = u.parent_id "
            "WHERE p.kind = 'secretariat'",
        )
        >= 5
    )
    profiles = rows(
        store,
        "SELECT p.unit_id, p.team_class, p.team_class_reason, e.depth FROM project_profile p "
        "JOIN plan_element e ON e.id = p.element_id",
    )
    assert len(profiles) == scalar(store, "SELECT count(*) FROM project_profile")
    assert all(unit and depth == 5 for unit, _class, _reason, depth in profiles)
    assert {klass for _unit, klass, _reason, _depth in profiles} == {"A+", "A", "B", "C"}
    assert 0 < sum(1 for *_rest, reason, _depth in profiles if reason) < len(profiles)
    levels = dict(
        rows(
            store,
            "SELECT level, count(*) FROM indicator WHERE element_id IS NOT NULL GROUP BY level",
        )
    )
    assert levels["impact"] > 0 and levels["result"] > 0
    assert (
        scalar(
            store,
            "SELECT count(*) FROM operation o JOIN plan_element e ON e.id = o.element_id",
        )
        > 0
    )
    assert (
        scalar(
            store,
            "SELECT count(*) FROM management_objective m JOIN plan_element e "
            "ON e.id = m.element_id AND e.depth = 2",
        )
        == 5
    )


def test_self_assessment_actors_and_annexes(demo):
    store, _counts, _stages = demo
    states = dict(rows(store, "SELECT state, count(*) FROM assessment_score GROUP BY state"))
    assert states["not_evaluated"] >= 1 and states["not_applicable"] >= 1
    assert states["scored"] > 10
    # stored in hundredths: most scores carry cents
    cents = scalar(store, "SELECT count(*) FROM assessment_score WHERE percentage % 100 != 0")
    assert cents > states["scored"] // 2
    assert scalar(store, "SELECT count(*) FROM assessment_score WHERE percentage > 10000") == 0
    phases = dict(
        rows(store, "SELECT phase, count(DISTINCT organization_id) FROM actor_role GROUP BY phase")
    )
    assert set(phases) == {"planning", "execution", "follow_up"}
    assert min(phases.values()) >= 3
    assert scalar(store, "SELECT count(*) FROM work_activity") >= 5
    assert (
        scalar(
            store,
            "SELECT count(*) FROM work_activity WHERE start_date IS NULL OR end_date < start_date",
        )
        == 0
    )
    agreement = rows(store, "SELECT title, parties, signed_on, signatories FROM agreement")
    assert len(agreement) == 1 and all(agreement[0])
    members = rows(store, "SELECT name, role FROM team_member")
    assert len(members) >= 4 and all(name and role for name, role in members)
    pacts = rows(store, "SELECT organization_id, element_id, commitment FROM pact")
    assert len(pacts) >= 3 and all(all(pact) for pact in pacts)


def test_database_is_sound_after_generation(demo):
    store, _counts, _stages = demo
    assert rows(store, "PRAGMA integrity_check") == [("ok",)]
    assert rows(store, "PRAGMA foreign_key_check") == []


def test_scale_2_doubles_communities_and_quadruples_demands(demo, tmp_path):
    _store, counts, _stages = demo
    big, big_counts = make_demo(tmp_path / "big.sqlite", scale=2)
    try:
        assert 1.8 <= big_counts["community"] / counts["community"] <= 2.2
        assert 3.2 <= big_counts["demand"] / counts["demand"] <= 4.8
        assert rows(big, "PRAGMA foreign_key_check") == []
    finally:
        big.close()


def test_scale_below_one_is_refused(tmp_path):
    store = new_store(tmp_path / "t.sqlite")
    try:
        with pytest.raises(ValueError), store.raw_session() as session:
            generate(session, scale=0)
    finally:
        store.close()
