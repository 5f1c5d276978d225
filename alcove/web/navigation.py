"""The navigation each role may use: one table, read by the layout and the tests."""

from dataclasses import dataclass

from alcove.accounts.models import Role

EVERY_ROLE = frozenset(Role)


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset[Role]


NAVIGATION = (
    NavItem("Home", "home", EVERY_ROLE),
    NavItem("Caseload", "caseload", frozenset({Role.CLINICIAN, Role.TRAINEE, Role.SUPERVISOR})),
    NavItem("Find a client", "client_find", frozenset({Role.CLINICIAN, Role.SUPERVISOR})),
    NavItem("Staff", "staff_index", frozenset({Role.OWNER})),
    NavItem("Consent documents", "consent_documents", frozenset({Role.OWNER})),
    NavItem("Break-the-glass review", "break_glass_queue", frozenset({Role.OWNER})),
    NavItem("Practice settings", "practice_settings", frozenset({Role.OWNER})),
    NavItem("Sign-in security", "mfa_index", EVERY_ROLE),
)


def navigation_for(roles: frozenset[Role]) -> list[NavItem]:
    return [item for item in NAVIGATION if item.roles & roles]
