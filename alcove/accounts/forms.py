from django import forms

from alcove.accounts.models import (
    IDLE_TIMEOUT_MAX,
    IDLE_TIMEOUT_MIN,
    MAJORITY_MAX,
    MAJORITY_MIN,
    Practice,
    Role,
)

CHOOSING_GUIDANCE = (
    "At least 15 characters; a few unrelated words make a good one. "
    "It may not contain your name, your email address or the practice's name."
)


class PasswordPairForm(forms.Form):
    password1 = forms.CharField(
        label="Password",
        strip=False,
        help_text=CHOOSING_GUIDANCE,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", "The two passwords differ.")
        return data


class PracticeSetupForm(PasswordPairForm):
    practice_name = forms.CharField(label="Practice name", max_length=200)
    full_name = forms.CharField(
        label="Your full name", max_length=200, widget=forms.TextInput({"autocomplete": "name"})
    )
    email = forms.EmailField(
        label="Your email address", widget=forms.EmailInput({"autocomplete": "email"})
    )
    field_order = ("practice_name", "full_name", "email", "password1", "password2")


class InvitationAcceptForm(PasswordPairForm):
    full_name = forms.CharField(
        label="Your full name", max_length=200, widget=forms.TextInput({"autocomplete": "name"})
    )
    field_order = ("full_name", "password1", "password2")


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: object) -> None:
        super().__init__(choices=Role.choices, label="Roles", **kwargs)  # type: ignore[arg-type]


class InvitationForm(forms.Form):
    full_name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(label="Email address")
    roles = RolesField()


class RolesForm(forms.Form):
    roles = RolesField()


class PracticeSettingsForm(forms.ModelForm):
    idle_timeout_minutes = forms.IntegerField(
        label="Sign staff out after this many idle minutes",
        min_value=IDLE_TIMEOUT_MIN,
        max_value=IDLE_TIMEOUT_MAX,
        help_text=f"Between {IDLE_TIMEOUT_MIN} and {IDLE_TIMEOUT_MAX} minutes.",
    )

    age_of_majority = forms.IntegerField(
        label="Age of majority where the practice works",
        min_value=MAJORITY_MIN,
        max_value=MAJORITY_MAX,
        help_text="Clients younger than this have a guardian sign consents for them.",
    )

    class Meta:
        model = Practice
        fields = ("name", "idle_timeout_minutes", "age_of_majority")
        labels = {"name": "Practice name"}
