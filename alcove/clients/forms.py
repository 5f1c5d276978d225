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
