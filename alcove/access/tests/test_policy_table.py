import csv
import io
from itertools import product

import pytest
from django.core.management import call_command

from alcove.access import policy
from alcove.access.policy import Action, DataClass, Relationship, grant_for
from alcove.accounts.models import Role

EVERY = list(product(Role, Relationship, DataClass, Action))
CLINICAL = (DataClass.CLINICAL, DataClass.PSYCHOTHERAPY_NOTES)


def matrix_rows():
    out = io.StringIO()
    call_command("access", "matrix", stdout=out)
    return list(csv.reader(io.StringIO(out.getvalue())))


def allowed(role, relationship, data_class, action):
    return grant_for(role, relationship, data_class, action) is not None


def test_the_matrix_prints_every_combination_once_with_its_header():
    rows = matrix_rows()
    assert rows[0] == ["role", "relationship", "data_class", "action", "allowed"]
    combos = [tuple(r[:4]) for r in rows[1:]]
    assert len(combos) == len(set(combos)) == 7 * 5 * 9 * 5


def test_the_matrix_answers_exactly_as_decisions_do():
    for role, relationship, data_class, action, printed in matrix_rows()[1:]:
        decided = allowed(
            Role(role), Relationship(relationship), DataClass(data_class), Action(action)
        )
        assert printed == ("yes" if decided else "no"), (role, relationship, data_class, action)


def test_the_matrix_is_generated_from_the_table_itself(monkeypatch):
    monkeypatch.setattr(policy, "GRANTS", ())
    assert {row[4] for row in matrix_rows()[1:]} == {"no"}  # deny by default, nothing copied


def test_psychotherapy_notes_open_to_their_author_and_a_trainees_supervisor_only():
    for role, relationship, _, action in EVERY:
        permitted = allowed(role, relationship, DataClass.PSYCHOTHERAPY_NOTES, action)
        by_author = role in (Role.CLINICIAN, Role.TRAINEE) and relationship == Relationship.AUTHOR
        by_supervisor = (
            role == Role.SUPERVISOR
            and relationship == Relationship.SUPERVISES_AUTHOR
            and action in (Action.READ, Action.SIGN)  # reads and co-signs
        )
        # The author exports them only de-identified, in a supervision packet (deidentify).
        by_author_actions = (Action.READ, Action.WRITE, Action.SIGN, Action.EXPORT)
        assert permitted == ((by_author and action in by_author_actions) or by_supervisor), (
            role,
            relationship,
            action,
        )


@pytest.mark.parametrize("role", [Role.OWNER, Role.FRONT_DESK, Role.BILLING, Role.AUDITOR])
def test_roles_without_a_clinical_duty_never_see_clinical_text(role):
    assert not any(
        allowed(role, rel, data_class, action)
        for rel, data_class, action in product(Relationship, CLINICAL, Action)
    )


@pytest.mark.parametrize("role", [Role.CLINICIAN, Role.TRAINEE, Role.SUPERVISOR])
def test_a_clinician_with_no_relationship_to_the_client_sees_nothing(role):
    assert not any(
        allowed(role, Relationship.NONE, data_class, action)
        for data_class, action in product(DataClass, Action)
    )


def test_an_auditor_sees_the_audit_trail_and_nothing_else():
    for relationship, data_class, action in product(Relationship, DataClass, Action):
        if allowed(Role.AUDITOR, relationship, data_class, action):
            assert data_class == DataClass.AUDIT


def test_nothing_is_released_except_disclosures_by_those_who_answer_for_them():
    releasers = {
        role
        for role, relationship, data_class, action in EVERY
        if action == Action.RELEASE and allowed(role, relationship, data_class, action)
    }
    assert releasers == {Role.OWNER, Role.CLINICIAN}
    assert all(
        data_class == DataClass.DISCLOSURES
        for role, relationship, data_class, action in EVERY
        if action == Action.RELEASE and allowed(role, relationship, data_class, action)
    )


def test_every_grant_says_why():
    assert all(len(grant[4]) > 10 for grant in policy.GRANTS)
