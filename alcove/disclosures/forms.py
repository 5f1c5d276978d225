"""Forms for authorizations, releases, the guided report and warning, and notices.

A release form is built for its basis: the facts that basis requires become required
fields, so the form asks for exactly what disclosure_release will check.
"""

from typing import Any

from django import forms

from alcove.disclosures.bases import CONSULTED, FACTS, METHOD
from alcove.disclosures.models import Basis, Told
from alcove.disclosures.scope import ReleaseClass

DATE = forms.DateInput(attrs={"type": "date"})
TEXT = forms.Textarea(attrs={"rows": 3})


def words(
    label: str, *, widget: forms.Widget | None = None, help_text: str = ""
) -> forms.CharField:
    """A required answer of at least a few characters."""
    return forms.CharField(label=label, min_length=3, widget=widget, help_text=help_text)


class ClassesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class AuthorizationForm(forms.Form):
    recipient = words("Recipient: who receives the information (name and address)", widget=TEXT)
    purpose = words(
        "Purpose of the release",
        help_text='"At the client\'s request" is enough when that is the purpose.',
    )
    classes = ClassesField(label="What may be released", choices=ReleaseClass.choices)
    covers_from = forms.DateField(label="Records dated from", widget=DATE)
    covers_to = forms.DateField(label="Records dated to", widget=DATE)
    expires_on = forms.DateField(label="Expires on", widget=DATE, required=False)
    expiry_event = forms.CharField(
        label="Or expires when this happens",
        help_text="For example: the end of treatment. Give a date or an event.",
        required=False,
    )
    signer = forms.ChoiceField(label="Who signs")
    method = forms.ChoiceField(
        label="How it is signed",
        choices=[
            ("device", "On this device now: hand the device to the signer"),
            ("paper", "It was signed on paper naming these elements (kept in the record)"),
        ],
        widget=forms.RadioSelect,
        initial="device",
    )
    paper_signed_by = forms.CharField(
        label="Name as signed on the paper", required=False, max_length=200
    )

    def __init__(self, *args: Any, signers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signer"].choices = [("client", "The client"), *signers]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("method") == "paper" and not data.get("paper_signed_by", "").strip():
            self.add_error("paper_signed_by", "Type the name as it is signed on the paper.")
        return data


def _fact_fields(basis: Basis, skip: tuple[str, ...] = ()) -> dict[str, forms.Field]:
    return {
        f"fact_{fact.key}": words(fact.label, widget=TEXT)
        for fact in FACTS[basis]
        if fact.key not in skip
    }


def facts_of(cleaned: dict[str, Any]) -> dict[str, str]:
    return {k.removeprefix("fact_"): v for k, v in cleaned.items() if k.startswith("fact_")}


class ReleaseForm(forms.Form):
    """What leaves and the dates it covers; the basis's own fields are added per basis."""

    classes = ClassesField(label="What is released (only what is needed)")
    covers_from = forms.DateField(label="Records dated from", widget=DATE, required=False)
    covers_to = forms.DateField(label="Records dated to", widget=DATE, required=False)

    def __init__(
        self,
        *args: Any,
        basis: Basis,
        authorizations: list[tuple[str, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.basis = basis
        classes = ReleaseClass.choices
        if basis == Basis.AUTHORIZATION:
            self.fields["authorization"] = forms.ChoiceField(
                label="The client's authorization", choices=authorizations or []
            )
        else:
            classes = [c for c in classes if c[0] != ReleaseClass.PSYCHOTHERAPY]
            self.fields["recipient"] = words("Recipient (name and address)", widget=TEXT)
            self.fields["purpose"] = words("Purpose of the release")
            self.fields.update(_fact_fields(basis))
        self.fields["classes"].choices = classes  # type: ignore[attr-defined]

    def facts(self) -> dict[str, str]:
        return facts_of(self.cleaned_data)


class ReportForm(forms.Form):
    """The guided flow for a mandatory report or a warning, in the order a clinician works."""

    when = forms.DateTimeField(
        label="When it was disclosed",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    recipient = words("Disclosed to (name and role or agency)", widget=TEXT)
    statement = words(
        "Exactly what was disclosed",
        help_text="Write what you said or wrote, as closely as you can: only this and any "
        "records chosen below leave.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    classes = ClassesField(
        label="Records sent as well (leave empty if none)",
        required=False,
        choices=[c for c in ReleaseClass.choices if c[0] != ReleaseClass.PSYCHOTHERAPY],
    )
    covers_from = forms.DateField(label="Records dated from", widget=DATE, required=False)
    covers_to = forms.DateField(label="Records dated to", widget=DATE, required=False)
    told = forms.ChoiceField(label="Was the client told?", choices=Told.choices)
    told_detail = words("How they were told, or why not (or not yet)", widget=TEXT)

    # The order a clinician works in, one step a fieldset (names without "fact_").
    STEPS = (
        ("The concern", ("concern", "threat", "person_at_risk")),
        ("The rule you are following", ("jurisdiction", "rule")),
        ("Who you consulted", (CONSULTED.key,)),
        (
            "What was disclosed, to whom and when",
            (
                *("when", "agency", "reference", "recipient", METHOD.key, "statement"),
                *("classes", "covers_from", "covers_to"),
            ),
        ),
        ("Telling the client", ("told", "told_detail")),
    )

    def __init__(self, *args: Any, basis: Basis, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.basis = basis
        fields = {**_fact_fields(basis), **self.fields}
        fields[f"fact_{METHOD.key}"] = words(METHOD.label)  # a word or two, not a paragraph
        order = [f"fact_{n}" if f"fact_{n}" in fields else n for _, ns in self.STEPS for n in ns]
        self.fields = {k: fields[k] for k in order if k in fields}

    def steps(self) -> list[tuple[str, list[forms.BoundField]]]:
        """Each step's legend and its fields, for the page's numbered fieldsets."""
        named = {name.removeprefix("fact_"): name for name in self.fields}
        return [
            (legend, [self[named[n]] for n in names if n in named]) for legend, names in self.STEPS
        ]

    def facts(self) -> dict[str, str]:
        return facts_of(self.cleaned_data)


class NoticeForm(forms.Form):
    told = forms.ChoiceField(label="Was the client told?", choices=Told.choices)
    detail = words("How, or why not (or not yet)", widget=TEXT)
