from django.urls import include, path

from alcove.access import views as access
from alcove.accounts import views as accounts
from alcove.audit import views as audit
from alcove.clients import views as clients
from alcove.consent import views as consent
from alcove.disclosures import views as disclosures
from alcove.notes import case_views, psychotherapy_views
from alcove.notes import views as notes
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
    path("staff/<int:user_id>/supervisor", accounts.staff_supervisor, name="staff_supervisor"),
    path(
        "invitations/<int:invitation_id>/withdraw",
        accounts.invitation_revoke,
        name="invitation_revoke",
    ),
    path("practice/settings/", accounts.practice_settings, name="practice_settings"),
    path("caseload/", clients.caseload, name="caseload"),
    path("clients/new/", clients.client_new, name="client_new"),
    path("clients/<uuid:client_id>/", clients.client_chart, name="client_chart"),
    path("clients/<uuid:client_id>/notes/new", notes.note_new, name="note_new"),
    path(
        "clients/<uuid:client_id>/psychotherapy-notes/",
        psychotherapy_views.psychotherapy_notes,
        name="psychotherapy_notes",
    ),
    path(
        "clients/<uuid:client_id>/psychotherapy-notes/new",
        psychotherapy_views.psychotherapy_note_new,
        name="psychotherapy_note_new",
    ),
    path("clients/<uuid:client_id>/access/", audit.access_history_view, name="access_history"),
    path("clients/<uuid:client_id>/break-glass", access.break_glass, name="break_glass"),
    path("clients/<uuid:client_id>/care-team", clients.care_team, name="care_team"),
    path("clients/find/", clients.client_find, name="client_find"),
    path("break-glass/", access.review_queue, name="break_glass_queue"),
    path("break-glass/<int:glass_id>/review", access.review, name="break_glass_review"),
    path("notes/<uuid:note_id>/", notes.note_edit, name="note_edit"),
    path(
        "psychotherapy-notes/<uuid:note_id>/",
        psychotherapy_views.psychotherapy_note,
        name="psychotherapy_note",
    ),
    path("cases/new/", case_views.case_new, name="case_new"),
    path("cases/<uuid:case_id>/", case_views.case_detail, name="case_detail"),
    path("cases/<uuid:case_id>/participants", case_views.case_join, name="case_join"),
    path(
        "cases/<uuid:case_id>/participants/<uuid:client_id>/leave",
        case_views.case_leave,
        name="case_leave",
    ),
    path("consent/documents/", consent.documents, name="consent_documents"),
    path("consent/documents/<int:document_id>/draft", consent.draft_new, name="consent_draft_new"),
    path("consent/versions/<uuid:version_id>/", consent.version, name="consent_version"),
    path("clients/<uuid:client_id>/consent/sign", consent.sign_start, name="consent_sign_start"),
    path("clients/<uuid:client_id>/consent/verbal", consent.verbal, name="consent_verbal"),
    path("consent/hand-over/", consent.handover, name="consent_handover"),
    path("consent/hand-over/unlock", consent.handover_unlock, name="consent_handover_unlock"),
    path("consent/<uuid:record_id>/", consent.record, name="consent_record"),
    path("consent/<uuid:record_id>/revoke", consent.revoke, name="consent_revoke"),
    path("clients/<uuid:client_id>/releases/", disclosures.releases, name="releases"),
    path(
        "clients/<uuid:client_id>/authorizations/new",
        disclosures.authorization_new,
        name="authorization_new",
    ),
    path(
        "authorizations/<uuid:authorization_id>/",
        disclosures.authorization_detail,
        name="authorization_detail",
    ),
    path(
        "authorizations/<uuid:authorization_id>/change",
        disclosures.authorization_change,
        name="authorization_change",
    ),
    path("clients/<uuid:client_id>/releases/new", disclosures.release_new, name="release_new"),
    path(
        "clients/<uuid:client_id>/releases/guided/<str:basis>",
        disclosures.report_new,
        name="report_new",
    ),
    path("releases/<uuid:disclosure_id>/", disclosures.disclosure_detail, name="disclosure_detail"),
    path(
        "releases/<uuid:disclosure_id>/package.pdf",
        disclosures.disclosure_package,
        name="disclosure_package",
    ),
    path("clients/<uuid:client_id>/accounting/", disclosures.accounting, name="accounting"),
    path(
        "clients/<uuid:client_id>/accounting.pdf",
        disclosures.accounting_print,
        name="accounting_print",
    ),
    path("", include("alcove.deidentify.urls")),
    path("accounts/", include("allauth.urls")),
]

handler400 = "alcove.web.views.error_400"
handler404 = "alcove.web.views.error_404"
handler500 = "alcove.web.views.error_500"
