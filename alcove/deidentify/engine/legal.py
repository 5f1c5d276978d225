"""The words of mental health law that a forensic report writes as if they were names: the
cases its standards are named for ("the Dusky standard", "Sell criteria", "the Roper, Graham
and Miller decisions") and the law's Latin ("mens rea", "ex parte").

A case's name is a party's surname, and most are surnames a client may have too: "the Miller
hearing" may be the client's own. So a case's name counts as the law's only where no client's
could stand: a rare one before the word for a standard, a ruling or a hearing; a common one
only in a list of cases before a ruling's plural ("decisions", "line of cases")."""

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.hints import hint

# Surnames so rare that before "standard" or "hearing" they are the case's
RARE_CASES = """Dusky|Godinez|Panetti|Addington|Jaffee|Daubert|Frye|Tarasoff|Drope|Riggins|
Olmstead|Youngberg|Zinermon|Foucha|Jablonski|Lipari|Faretta|Kumho|M'Naghten|McNaghten|
M'Naughten|McNaughton|Brawner|Lessard|Parham|Estelle|Sell|Ake|Gault|Winship|Atkins|
Hendricks|Miranda|Durham"""
# Common surnames, cases only beside others ("the Ford and Panetti line of cases")
COMMON_CASES = """Ford|Graham|Miller|Roper|Kent|Harper|Rogers|Jackson|Edwards|Crane|Cooper|
Washington|Indiana|Kansas|Texas|Wyatt|Donaldson|Barefoot|Joiner"""
_RARE = RARE_CASES.replace("\n", "")
_ANY = f"{_RARE}|{COMMON_CASES.replace(chr(10), '')}"
_SINGULAR = (
    r"standard|criteria|test|factors|decision|hearing|waiver|warnings?|rights|procedure|"
    r"question|challenge|rule|doctrine|duty|analysis|motion|claim|evaluation|exception|ruling|"
    r"framework|inquiry|issue|order|threshold|requirements?|elements|prongs?"
)
_PLURAL = r"decisions|cases|rulings|standards|line of cases|line of decisions|trilogy"
CASE_STANDARDS = regex(
    rf"(?i)\b(?:(?:{_RARE})(?:-type)?[ \t]+(?:{_SINGULAR}|{_PLURAL})\b"
    rf"|(?:{_ANY})-type[ \t]+(?:{_SINGULAR}|{_PLURAL})\b"  # ("a Rogers-type hearing")
    rf"|(?:{_ANY})(?:(?:,|,? and|,? &)[ \t]+(?:{_ANY}))+[ \t]+(?:{_PLURAL})\b)"
)
CASE_HINTS = hint(_ANY.split("|"))

LATIN = """mens rea|actus reus|ex parte|parens patriae|res ipsa loquitur|amicus curiae|habeas
corpus|in camera|pro se|sua sponte|de novo|voir dire|nolo contendere|guardian ad litem|ad litem|
in loco parentis|per curiam|certiorari|duces tecum|subpoena duces tecum|non compos
mentis|prima facie|bona fide|inter alia|ultra vires|ex post facto|pro bono|amicus"""
PHRASES = [p.strip() for p in " ".join(LATIN.split("\n")).split("|") if p.strip()]
