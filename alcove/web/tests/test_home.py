import pytest

from alcove.accounts.models import Role
from alcove.web.navigation import NAVIGATION


def nav_labels(html: str) -> set[str]:
    nav = html.split('<nav aria-label="Main">')[1].split("</nav>")[0]
    return {item.label for item in NAVIGATION if f">{item.label}</a>" in nav}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_lands_on_home_with_only_the_navigation_it_may_use(role, signed_in, make_staff):
    user = make_staff(role, name="Robin Example")
    html = signed_in(user).get("/").content.decode()
    expected = {item.label for item in NAVIGATION if role in item.roles}
    assert nav_labels(html) == expected
    assert "Harbour Psychology" in html
    assert "Robin Example" in html
    assert role.label in html


@pytest.mark.parametrize("role", [r for r in Role if r != Role.OWNER])
def test_staff_pages_refuse_every_role_but_the_owner_and_say_why(role, signed_in, make_staff):
    client = signed_in(make_staff(role))
    for path in ("/staff/", "/practice/settings/"):
        response = client.get(path)
        assert response.status_code == 403
        body = response.content.decode()
        assert "This page is for the Owner (privacy officer) role." in body
        assert "Ask the practice owner" in body


def test_the_owner_sees_staff_and_waiting_invitations(signed_in, make_staff):
    owner = make_staff(Role.OWNER)
    html = signed_in(owner).get("/").content.decode()
    assert "1 staff account," in html
    assert "Manage staff and invitations" in html


def test_someone_signed_out_is_sent_to_sign_in(client, practice):
    assert client.get("/").url == "/accounts/login/"


def test_before_setup_the_front_page_explains_where_the_link_is(client, db):
    response = client.get("/", follow=True)
    assert "setup link" in response.content.decode()
