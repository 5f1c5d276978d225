from django import forms


class ClientIntakeForm(forms.Form):
    legal_name = forms.CharField(label="Legal name", max_length=200)
    preferred_name = forms.CharField(
        label="Preferred name (optional)", max_length=200, required=False
    )
    date_of_birth = forms.DateField(
        label="Date of birth (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    pronouns = forms.CharField(label="Pronouns (optional)", max_length=50, required=False)
    phone = forms.CharField(label="Phone (optional)", max_length=50, required=False)
    email = forms.EmailField(label="Email (optional)", required=False)


class ClientFindForm(forms.Form):
    name = forms.CharField(
        label="Name (legal or preferred, exactly)", max_length=200, required=False
    )
    date_of_birth = forms.DateField(
        label="Date of birth", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("name") and not data.get("date_of_birth"):
            raise forms.ValidationError("Give a name, a date of birth, or both.")
        return data
