from django.urls import include, path

from alcove.accounts import views as accounts
from alcove.web import views as web

urlpatterns = [
    path("", web.home, name="home"),
    path("welcome/", web.setup_pending, name="setup_pending"),
    path("setup/<str:token>", accounts.setup_link_open, name="setup_link_open"),
    path("setup/", accounts.practice_setup, name="practice_setup"),
    path("invite/<str:token>", accounts.invitation_open, name="invitation_open"),
    path("invite/", accounts.invitation_accept, name="invitation_accept"),
    path("security/enrol/", accounts.security_enrol, name="security_enrol"),
    path("staff/", accounts.staff_index, name="staff_index"),
    path("staff/<int:user_id>/", accounts.staff_detail, name="staff_detail"),
    path("staff/<int:user_id>/deactivate", accounts.staff_deactivate, name="staff_deactivate"),
    path(
        "invitations/<int:invitation_id>/withdraw",
        accounts.invitation_revoke,
        name="invitation_revoke",
    ),
    path("practice/settings/", accounts.practice_settings, name="practice_settings"),
    path("accounts/", include("allauth.urls")),
]

handler400 = "alcove.web.views.error_400"
handler404 = "alcove.web.views.error_404"
handler500 = "alcove.web.views.error_500"
