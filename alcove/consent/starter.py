"""The starter set: consent documents written for Alcove, in plain language.

Passages that depend on the practice's jurisdiction or its own arrangements are marked
[PRACTICE TO COMPLETE: ...]; a version cannot be published until none is left. The set is
loaded as drafts by consent_starter_load (the owner's "Consent documents" page).
"""

from alcove.consent.models import DocumentKind

MARKER = "[PRACTICE TO COMPLETE"

TREATMENT = """\
Informed consent to treatment

This document explains how therapy works at our practice and, above all, what stays in
the room and what may leave it. Please read it before we begin. Ask about anything that
is unclear; you can ask again at any time.

1. What therapy involves
Therapy is a conversation with a trained professional about what troubles you. It can
help, and it can also bring up painful feelings for a while. You may stop at any time.
Our fees, session length and cancellation rules are: [PRACTICE TO COMPLETE: fees,
session length, cancellation and missed-session policy].

2. Confidentiality: the rule
What you tell us is confidential. We do not tell anyone that you are our client, or what
you say, without your written permission. Your record is kept encrypted, only the people
treating you can read it, and every time someone opens it is logged. You can ask who has
looked at your record.

3. The limits of confidentiality
There are a few situations in which the law or professional ethics require or allow us
to share information without your permission. We share only what is needed, and where it
is safe and possible we will tell you first.

a) Abuse or neglect of a child. If we have reason to suspect that a child is being
abused or neglected, we must report it to the child protection authority.
[PRACTICE TO COMPLETE: the agency that receives reports, and the legal provision that
requires them, in your jurisdiction.]

b) Abuse, neglect or exploitation of an older adult or a dependent adult. If we suspect
that an older person, or an adult who depends on others for care, is being abused,
neglected or financially exploited, we must report it.
[PRACTICE TO COMPLETE: the agency, the ages and definitions that apply, and the legal
provision.]

c) Duty to warn and protect. If you tell us you intend to seriously harm an identifiable
person, we may have to take steps to protect them: warning that person, telling the
police, or arranging a hospital assessment.
[PRACTICE TO COMPLETE: whether your jurisdiction makes this a duty or a permission, and
what the law requires the clinician to do.]

d) Danger to yourself. If we believe you are at serious and immediate risk of ending your
life or harming yourself, we may contact emergency services or a person you have named,
to keep you safe.

e) Emergencies. In a medical emergency we may share what emergency staff need to treat
you, such as your medication or a known condition.

f) Court orders. A court can order us to release records or to testify. A subpoena from a
lawyer alone is not the same as a court order; if we receive one we will tell you and, if
the law allows, ask for your written permission or object on your behalf.
[PRACTICE TO COMPLETE: how subpoenas and court orders are handled in your
jurisdiction, and any privilege you hold as a client.]

g) Health oversight and the law. Licensing boards and health authorities may review
records when they investigate or audit a practice, and other laws may require a report.
[PRACTICE TO COMPLETE: any other reporting duties in your jurisdiction, for example
about firearms, impaired driving or professional misconduct.]

h) Insurance and payment. If you ask us to bill your insurer or another payer, they
receive what they need to pay: usually your name, dates of service, the kind of service
and a diagnosis. Some insurers ask for more, such as a treatment plan. You may choose to
pay yourself instead, and then nothing goes to an insurer.

i) Supervision and consultation. Clinicians discuss their work with a supervisor or
colleagues to give you better care. When we consult outside our practice we do not use
your name or details that could identify you. If your clinician is in training, their
supervisor is part of your care and can read your record; you will be told who it is.

j) Minors and their parents or guardians. If you are under the age of consent, your
parents or guardians usually have a right to some information about your treatment.
We agree at the start what they will and will not be told: in general, whether you are
attending, how things are going overall, and anything about your safety; not the details
of what you say. [PRACTICE TO COMPLETE: the age at which a young person can consent to
their own treatment, and what parents may see by law in your jurisdiction.]

k) Couples, families and groups. In couple and family work, each person is a client.
We do not keep secrets that would undermine the joint work; what you tell us alone may
be brought back to the joint sessions, and we will say how before you start. In group
therapy the other members promise to keep what they hear confidential, but we cannot
guarantee that they will; each member signs a group confidentiality agreement. Each
person's own records are kept in their own file and are not shown to the others.

l) Electronic communication. Email, text messages and video calls can be intercepted,
sent to the wrong person, or seen by others who use your devices. We use secure tools
where we can. Tell us how you want to be contacted and what we may say in a message.
Please do not use email or text in an emergency; call [PRACTICE TO COMPLETE: the
emergency number and crisis line for your area] instead.

4. Your rights
You may see your records and ask for a copy, ask us to correct them, ask who has seen
them, and complain to us or to [PRACTICE TO COMPLETE: the licensing board or privacy
authority]. You may withdraw this consent at any time; withdrawal does not undo what was
already done while it was in force.

5. Your agreement
By signing, you confirm that you have read this document, that you have had the chance
to ask questions, and that you agree to begin treatment on these terms.
"""

TELEHEALTH = """\
Consent to telehealth

Some sessions may take place by video or telephone instead of in person.

What to expect: we use [PRACTICE TO COMPLETE: the video service you use and why it is
secure]. We will be in a private room; please find a private place too, where you cannot
be overheard. Neither of us will record a session without the other's written consent.

Risks: the connection may fail or be of poor quality; others in your home may overhear;
and no system is entirely secure against interception. If the call drops, we will try to
reconnect, then call you on the number you gave us.

Safety: at the start of each session we may ask where you are, so that we can send help
to you in an emergency. Your emergency contact is the person in your record.
[PRACTICE TO COMPLETE: the rules on seeing clients who are in another state or country
at the time of the session.]

Telehealth is not right for everyone or for every situation; we may ask to meet in person
instead. The limits of confidentiality in the informed consent to treatment apply in
full to telehealth sessions.

By signing, you agree to receive some of your care by video or telephone.
"""

RECORDING_AI = """\
Consent to recording and AI use

Recording. We will never record a session without your written consent. If you agree to a
recording, it is used only for the purpose stated here: [PRACTICE TO COMPLETE: the purpose,
for example supervision of a trainee], it is kept encrypted in your record, and it is
destroyed after [PRACTICE TO COMPLETE: how long].

AI tools. Our software can use an AI tool to help your clinician draft notes. It is off
unless you agree. When it is used, your name and other details that could identify you
are removed before anything is sent, and what comes back is checked. Your clinician
reviews and signs every note themselves; the AI never signs anything. The AI service we
use is [PRACTICE TO COMPLETE: the provider, and where it processes data].

You may say no to either, or to both, and it will not affect your care. You may withdraw
this consent at any time, and from then on no recording is made and no AI tool is used.

By signing, you agree to both recording and AI use as described above. If you want only
one of them, or neither, tell your clinician instead of signing.
"""

GROUP_AGREEMENT = """\
Group confidentiality agreement

A group works only when everyone can speak freely. By signing, I agree that:

- I will not tell anyone outside the group who the other members are, or anything they
  said, in a way that could identify them. I may talk about my own experience.
- I will not record, photograph or post anything about the group or its members.
- If I meet another member outside the group, I will not discuss the group in public.
- If I see someone I know in the group, I will tell the group leader.

I understand that the group leader keeps my information confidential within the limits
explained in the informed consent to treatment, but that the leader cannot guarantee
what other members do. The group's notes do not name other members in my record.
[PRACTICE TO COMPLETE: what happens if a member breaks this agreement.]
"""

PRIVACY_NOTICE = """\
Acknowledgement of the notice of privacy practices

Our notice of privacy practices explains how health information about you may be used
and shared, and how you can get access to it. It describes your rights: to see and copy
your records, to ask for corrections, to ask for limits on how we share information, to
ask for confidential ways of contacting you, to receive a list of disclosures, and to
complain. [PRACTICE TO COMPLETE: where the client can read or ask for the notice, and
the name and contact details of your privacy officer.]

By signing, you confirm that you were offered a copy of the notice. Signing does not
mean that you agree to anything beyond that.
"""

STARTER: tuple[tuple[DocumentKind, str], ...] = (
    (DocumentKind.TREATMENT, TREATMENT),
    (DocumentKind.TELEHEALTH, TELEHEALTH),
    (DocumentKind.RECORDING_AI, RECORDING_AI),
    (DocumentKind.GROUP_AGREEMENT, GROUP_AGREEMENT),
    (DocumentKind.PRIVACY_NOTICE, PRIVACY_NOTICE),
)
