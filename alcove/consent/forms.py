from django import forms


class VersionTextForm(forms.Form):
    text = forms.CharField(label="Text of this draft", widget=forms.Textarea(attrs={"rows": 24}))


class SignatureForm(forms.Form):
    typed_name = forms.CharField(label="Type your full name", max_length=200)
    agreed = forms.BooleanField(
        label="I have read this document, I have had the chance to ask questions, and I agree.",
        required=False,
    )


class UnlockForm(forms.Form):
    password = forms.CharField(
        label="Clinician's password", widget=forms.PasswordInput(attrs={"autocomplete": "off"})
    )


class VerbalConsentForm(forms.Form):
    version = forms.ChoiceField(label="Document the client agreed to")
    signer = forms.ChoiceField(label="Who agreed")
    reason = forms.CharField(
        label="Why a verbal consent stands in for a signature, and what the client was told",
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=10,
    )

    def __init__(
        self,
        *args: object,
        versions: list[tuple[str, str]],
        signers: list[tuple[str, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["version"].choices = versions  # type: ignore[attr-defined]
        self.fields["signer"].choices = [("client", "The client"), *signers]  # type: ignore[attr-defined]
