"""Write bench/deid/data/notes.jsonl: synthetic therapy and clinical notes with exact spans.

Run: .venv/bin/python bench/deid/generate.py [--seed 6] [--notes 180]

Every person, place, organisation and number here is fictional, made up for this file or
drawn at random (seeded) from the word pools below; any resemblance is chance. Templates
are composed per note type (therapy progress notes, psychiatric intakes, discharge
summaries, all-capital nursing notes, case-management notes, telehealth notes, group notes,
letters), with clinical shorthand, vitals and medication lists between the identifiers.

A template writes an identifier as {TYPE:key}; the filler records its exact offsets, so
annotations are exact by construction (and `check()` verifies every span's text again).
Conventions, which the engine follows too (alcove/deidentify/README.md):
- NAME/STAFF: the name's words only, never the title, credential or possessive 's.
- DATE: the whole date expression with its year; a year standing alone after "in", "since"
  and the like is a DATE too; weekdays and holidays are DATEs.
- AGE: the number only, every age (not only over 89).
- ADDRESS: street line with number and unit; the town is a LOCATION, the state is not
  annotated (Safe Harbor keeps states), the ZIP is a ZIP.
"""

import argparse
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "notes.jsonl"

FIRST = """Marcus Tanya Kayla Delia Oren Priya Mateo Rosalind Desmond Ingrid Tomasz Yolanda Kwame
Lucinda Bartholomew Hana Esteban Marisol Dmitri Fatima Gideon Leticia Ambrose Noor Callum
Wilhelmina Rafael Shonda Ignatius Beatriz Cedric Anneliese Jamal Svetlana Porter Imani Lachlan
Evangeline Thaddeus Mei Rashida Dorian Consuelo Everett Giselle Osvaldo Henrietta Kofi Maribel
Wendell Anika Ulysses Francesca Jerome Odessa Santiago Brigid Lamar Soledad Percival Ximena
Augustin Tamsin Reginald Paloma Horace Zainab Cornelius Rhiannon Demetrius Elodie Virgil Nadia
Leopold Catalina Barnaby Keisha Quentin Margarethe Alonzo Seraphina Winston Adaeze Lysander
Graciela Mortimer Jolene Fitzgerald Amara Roscoe Delphine Emeric Tallulah Caspian Ottilie Benedikt
Thandiwe Oluwaseun Xiomara Radek Ngozi Zeferino Siobhan Anselm Marguerite Dashiell Yusuf Ramona
Kendrick Philippa Solomon Juniper Alastair Rosalyn Tobias Genevieve Malachi Nicolette""".split()
LAST = """Delgado Okafor Hartwell Reyes Lindqvist Moreau Abernathy Castellano Nakamura Brandt
Whitcombe Oyelaran Petrakis Szymanski Fairbanks Mbeki Gallagher Thornbury Vasquez Eriksen
Achterberg Colquitt Dunleavy Espinoza Fennimore Grzelak Haverford Iwasaki Jablonski Kowalczyk
Lockridge Maddox Nwachukwu Ostrowski Pemberton Quintero Rasmussen Stavros Tremblay Underhill
Valdivia Wojcik Yarbrough Zamora Ashworth Blackwood Cardenas Drummond Elsworth Figueroa
Goldberg Hollister Ingersoll Jankowski Kettering Lachance Montague Novak Ortega Pennington
Radcliffe Sandoval Truong Vandermeer Whitaker Castillo Baptiste Kim Nguyen Patel Okonkwo
Haddad Bergstrom Mahoney McAllister O'Connell Dubois Fitzpatrick Gutierrez Holloway Ibarra
Johansson Kuznetsov Lombardi Mendoza Nilsson Oduya Pruitt Rourke Sorensen Tolliver Ulrich
Velasquez Winslow Xu Yamamoto Zeller Ferreira Adeyemi Brennan Calloway Desrosiers Estrada""".split()
TOWNS = """Tupelo|Cedar Falls|Ashtabula|Grand Rapids|Yakima|Bozeman|Hattiesburg|Poughkeepsie|
Kalamazoo|Chillicothe|Muncie|Pocatello|Bemidji|Tallahassee|Scranton|Duluth|Eau Claire|
Valdosta|Lubbock|Flagstaff|Wichita Falls|Saginaw|Bangor|Burlington|Asheville|Walla Walla|
Missoula|Bismarck|Keokuk|Natchez|Paducah|Ottumwa|Winnemucca|Dubuque|Cheyenne|Laramie|
Coeur d'Alene|Sheboygan|Oshkosh|Altoona|Elmira|Ithaca|Lynchburg|Roanoke|Gainesville|
Petaluma|Redding|Eureka|Klamath Falls|Medford|Bend|Twin Falls|Casper|Rapid City|Sioux Falls|
Fargo|Grand Forks|Mankato|Rochester|Joplin|Springfield|Jackson|Marion|Franklin|Salem|Athens|
Hillsboro|Greenville|Madison|Columbia|Clinton|Fairview|Millbrook|Harlan|Hazard|Pikeville|
Beckley|Wheeling|Morgantown|Cumberland|Hagerstown|Frederick|Lancaster|Reading|Allentown|
Brattleboro|Montpelier|Nashua|Lewiston|Augusta|Presque Isle|Plattsburgh|Oneonta|Cortland""".replace(
    "\n", ""
).split("|")
STATES = (
    "MS IA OH MI WA MT NY PA MN FL TX AZ ME VT NC WI GA OR ID WY SD ND MO KY WV MD "
    "Ohio Iowa Michigan Vermont Oregon Kentucky Georgia"
).split()
STREETS = """Birch Hollow|Maple|Old Mill|Cherry Blossom|Quarry|Harrow|Linden|Juniper Ridge|
Fox Run|Brookside|Sycamore|Kettle Creek|Larkspur|Wren|Pinecrest|Tamarack|Sawgrass|Orchard|
Holloway|Peach Tree|Canal|Ferry|Granite|Magnolia|Hawthorne|Chestnut|Willowbrook|Ridgeview""".replace(
    "\n", ""
).split("|")
SUFFIXES = "Rd|Road|St|Street|Ave|Avenue|Ln|Lane|Dr|Drive|Ct|Court|Blvd|Way|Terrace|Pl".split("|")
EMPLOYER_HEADS = """Hartwell|Blue Heron|Kessler|Northgate|Summit Ridge|Ironwood|Pellham|
Cobalt|Tri-County|Riverbend|Granger|Meridian|Lakeshore|Copperfield|Stonebridge|Alder""".replace(
    "\n", ""
).split("|")
EMPLOYER_TAILS = (
    "Logistics|Manufacturing|Foods|Insurance|Construction|Auto|Bakery|Credit Union|"
    "Landscaping|Plumbing|Industries|Hotel|Diner|Warehouse|Pharmacy|Market"
).split("|")
BRANDS = "Walmart|Target|Costco|Amazon|Home Depot|Kroger|Starbucks|FedEx|Lowe's|UPS".split("|")
SCHOOL_HEADS = """Lincoln|Jefferson|Roosevelt|Hawthorne|Westbrook|Pinecrest|Oak Grove|
Riverside|Cedarview|Maplewood|Eastlake|Whitman|Dunmore|Fairhaven|Sequoia|Kennedy""".replace(
    "\n", ""
).split("|")
SCHOOL_TAILS = (
    "High School|Middle School|Elementary|Elementary School|Academy|Community College".split("|")
)
SAINTS = "Mary's|Luke's|Vincent's|Joseph's|Francis|Anne's|Jude|Elizabeth's|Catherine's".split("|")
HOSPITAL_TAILS = (
    "Regional Medical Center|Memorial Hospital|General Hospital|Behavioral Health|"
    "Medical Center|Community Hospital|Psychiatric Center|Health System|Counseling Center"
).split("|")
PROFESSIONS = (
    "teacher|nurse|electrician|paralegal|welder|bartender|pharmacist|firefighter|"
    "truck driver|dental hygienist|accountant|line cook|mechanic|social worker|"
    "police officer|librarian|software engineer|cashier|carpenter|hairdresser"
).split("|")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
HOLIDAYS = ["Thanksgiving", "Christmas", "Easter", "Halloween", "Labor Day", "Memorial Day"]

MEDS = [
    "sertraline 100 mg PO daily",
    "escitalopram 10 mg qd",
    "bupropion XL 300 mg qAM",
    "quetiapine 50 mg qhs PRN insomnia",
    "lithium carbonate 300 mg BID",
    "lamotrigine 100 mg BID",
    "aripiprazole 5 mg daily",
    "hydroxyzine 25 mg q6h PRN anxiety",
    "trazodone 50 mg qhs",
    "clonazepam 0.5 mg BID PRN",
    "prazosin 2 mg qhs for nightmares",
    "naltrexone 50 mg daily",
    "buprenorphine/naloxone 8/2 mg SL daily",
    "lisinopril 10 mg daily",
    "metformin 500 mg BID with meals",
    "levothyroxine 75 mcg qAM",
    "mirtazapine 15 mg qhs",
    "venlafaxine ER 150 mg daily",
]
SHORTHAND = [
    "Pt denies SI/HI, no AH/VH.",
    "A&Ox3, NAD.",
    "MSE: appearance appropriate, good eye contact, speech nl rate/rhythm, mood 'tired', affect constricted but reactive, TP linear, TC w/o SI/HI, I/J fair.",
    "PHQ-9 = 14 (moderate), GAD-7 = 11.",
    "C-SSRS screen negative.",
    "Vitals: BP 128/84, HR 76, RR 16, T 98.4 F, SpO2 98% RA.",
    "BP 118/72 HR 88 Wt 182 lb BMI 27.4",
    "Labs: TSH 2.1, Li level 0.8, CBC/BMP WNL.",
    "UDS neg. EtOH: 2-3 drinks/wk, denies other substances.",
    "Sleep 5-6 h/night, appetite decreased, energy low.",
    "No s/sx of mania or psychosis.",
    "Hx of MDD, recurrent, moderate (F33.1); GAD (F41.1); r/o PTSD.",
    "Pain 4/10, managed with acetaminophen PRN.",
    "Take 1/2 tab at bedtime x 7 days then 1 tab.",
    "CBT: thought record reviewed; behavioral activation plan updated.",
    "Safety plan reviewed and updated; pt verbalized understanding.",
    "DBT skills: TIPP, DEAR MAN practiced in session.",
    "Pt is med compliant, reports no side effects.",
    "EKG: NSR, QTc 428.",
    "F/u 2 wks, sooner PRN.",
    "Continue current meds; RTC 4 wks.",
    "I/O adequate. Ambulating independently.",
    "Grounding exercise (5-4-3-2-1) used with good effect.",
    "Rated SUDS 70 -> 40 after exposure hierarchy item 3.",
    "Insight fair, judgment fair, impulse control intact.",
    "Risk: low acute risk; chronic risk factors include prior attempt (2 yrs ago) and chronic pain.",
]


class Note:
    """Text under construction, with the spans of what was inserted."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[dict[str, object]] = []

    def add(self, text: str, kind: str | None = None) -> None:
        if kind:
            self.spans.append({"start": self.length, "end": self.length + len(text), "type": kind})
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


SLOT = re.compile(r"\{([A-Z]+):([A-Za-z_0-9]+)\}")


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def person(self) -> tuple[str, str]:
        return self.pick(FIRST), self.pick(LAST)

    def phone(self) -> str:
        a, b, c = self.rng.randint(201, 989), self.rng.randint(200, 999), self.rng.randint(0, 9999)
        style = self.rng.randrange(5)
        if style == 0:
            return f"({a}) {b}-{c:04d}"
        if style == 1:
            return f"{a}-{b}-{c:04d}"
        if style == 2:
            return f"{a}.{b}.{c:04d}"
        if style == 3:
            return f"+1 {a} {b} {c:04d}"
        return f"{a}-{b}-{c:04d} ext. {self.rng.randint(10, 999)}"

    def date_text(self, day: date, *, year: bool = True) -> str:
        m, d, y = day.month, day.day, day.year
        month = MONTHS[m - 1]
        if not year:
            return self.pick(
                [
                    f"{m}/{d}",
                    f"{month} {d}",
                    f"{month} {d}{_ordinal(d)}",
                    f"{d} {month}",
                    f"{month[:3]} {d}",
                ]
            )
        return self.pick(
            [
                f"{m:02d}/{d:02d}/{y}",
                f"{m}/{d}/{y}",
                f"{m}/{d}/{y % 100:02d}",
                f"{y}-{m:02d}-{d:02d}",
                f"{month} {d}, {y}",
                f"{month[:3]} {d}, {y}",
                f"{month[:3]}. {d} {y}",
                f"{d} {month} {y}",
                f"{month} {d}{_ordinal(d)}, {y}",
                f"{d:02d}-{month[:3]}-{y}",
                f"{m:02d}-{d:02d}-{y}",
            ]
        )

    def context(self) -> dict[str, str]:
        rng = self.rng
        first, last = self.person()
        ctx: dict[str, str] = {}
        ctx["first"], ctx["last"] = first, last
        ctx["full"] = f"{first} {last}"
        ctx["nick"] = first[:3] if len(first) > 5 else first
        for role in ("partner", "mother", "father", "child", "sibling", "friend", "boss", "other"):
            f, la = self.person()
            ctx[f"{role}_first"], ctx[f"{role}_last"] = f, la
            ctx[f"{role}_full"] = f"{f} {la}"
        for role in ("clin", "sup", "psych", "nurse", "pcp", "sw"):
            f, la = self.person()
            ctx[f"{role}_first"], ctx[f"{role}_last"] = f, la
            ctx[f"{role}_full"] = f"{f} {la}"
        towns = rng.sample(TOWNS, 4)
        ctx["town"], ctx["town2"], ctx["hometown"], ctx["town3"] = towns
        ctx["state"] = self.pick(STATES)
        ctx["zip"] = f"{rng.randint(1001, 99950):05d}"
        unit = self.pick(
            [
                "",
                "",
                f", Apt {rng.randint(1, 40)}",
                f" Unit {rng.randint(1, 9)}B",
                f" #{rng.randint(2, 300)}",
            ]
        )
        ctx["street"] = f"{rng.randint(2, 9800)} {self.pick(STREETS)} {self.pick(SUFFIXES)}{unit}"
        ctx["street_name"] = (
            f"{self.pick(STREETS)} {self.pick(['Road', 'Street', 'Avenue', 'Lane'])}"
        )
        ctx["employer"] = (
            self.pick(BRANDS)
            if rng.random() < 0.25
            else f"{self.pick(EMPLOYER_HEADS)} {self.pick(EMPLOYER_TAILS)}"
        )
        ctx["school"] = f"{self.pick(SCHOOL_HEADS)} {self.pick(SCHOOL_TAILS)}"
        ctx["college"] = self.pick(
            [
                f"University of {self.pick(['Northern Iowa', 'Montana', 'Vermont', 'Toledo'])}",
                f"{ctx['town2']} Community College",
                f"{self.pick(SCHOOL_HEADS)} College",
            ]
        )
        ctx["hospital"] = self.pick(
            [
                f"St. {self.pick(SAINTS)} Hospital",
                f"{ctx['town']} {self.pick(HOSPITAL_TAILS)}",
                f"{self.pick(LAST)} {self.pick(HOSPITAL_TAILS)}",
                f"Saint {self.pick(SAINTS)} Medical Center",
            ]
        )
        ctx["clinic"] = self.pick(
            [
                f"{self.pick(EMPLOYER_HEADS)} Family Clinic",
                f"{self.pick(LAST)} Counseling Associates",
                f"{ctx['town2']} Behavioral Health",
                f"{self.pick(EMPLOYER_HEADS)} Recovery Center",
            ]
        )
        ctx["church"] = (
            f"{self.pick(['Grace', 'First Baptist', 'Holy Trinity', 'New Hope', 'St. Anne'])} Church"
        )
        ctx["profession"] = self.pick(PROFESSIONS)
        base = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))
        ctx["visit_date"] = self.date_text(base)
        ctx["adm_date"] = self.date_text(base - timedelta(days=rng.randint(3, 20)))
        ctx["dc_date"] = self.date_text(base - timedelta(days=rng.randint(0, 2)))
        ctx["next_date"] = self.date_text(
            base + timedelta(days=rng.randint(7, 30)), year=rng.random() < 0.5
        )
        ctx["past_date"] = self.date_text(base - timedelta(days=rng.randint(60, 2000)))
        ctx["short_date"] = self.date_text(base - timedelta(days=rng.randint(1, 40)), year=False)
        age = rng.choice([rng.randint(19, 70), rng.randint(14, 85), rng.randint(90, 101)])
        born = date(base.year - age, rng.randint(1, 12), rng.randint(1, 28))
        ctx["dob"] = self.date_text(born)
        ctx["age"] = str(age)
        ctx["old_age"] = str(rng.randint(90, 104))
        ctx["child_age"] = str(rng.randint(3, 17))
        ctx["year"] = str(rng.randint(1998, 2023))
        ctx["year2"] = str(rng.randint(2005, 2023))
        ctx["month_year"] = self.pick(
            [
                f"{self.pick(MONTHS)} {ctx['year']}",
                f"{self.pick(MONTHS)} of {ctx['year2']}",
                f"{rng.randint(1, 12):02d}/{ctx['year']}",
            ]
        )
        ctx["weekday"] = self.pick(WEEKDAYS)
        ctx["weekdays"] = ctx["weekday"] + "s"
        ctx["holiday"] = self.pick(HOLIDAYS)
        ctx["phone"], ctx["phone2"], ctx["phone3"] = self.phone(), self.phone(), self.phone()
        ctx["fax"] = self.phone()
        ctx["email"] = self.pick(
            [
                f"{first.lower()}.{last.lower()}@{self.pick(['gmail.com', 'yahoo.com', 'outlook.com', 'protonmail.com'])}",
                f"{first[0].lower()}{last.lower()}{rng.randint(1, 99)}@{self.pick(['aol.com', 'icloud.com', 'hotmail.com'])}",
            ]
        )
        ctx["clin_email"] = (
            f"{ctx['clin_first'][0].lower()}{ctx['clin_last'].lower()}@{self.pick(EMPLOYER_HEADS).lower().replace(' ', '')}health.org"
        )
        ctx["ssn"] = f"{rng.randint(100, 665):03d}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
        ctx["mrn"] = self.pick(
            [
                f"{rng.randint(1000000, 99999999)}",
                f"MR{rng.randint(100000, 999999)}",
                f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
            ]
        )
        ctx["ins"] = self.pick(
            [
                f"{self.pick(['BCX', 'UHC', 'AET', 'MCD', 'HMN'])}{rng.randint(1000000, 99999999)}",
                f"W{rng.randint(100000000, 999999999)}",
                f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}",
            ]
        )
        ctx["group"] = f"{rng.randint(10000, 999999)}"
        ctx["acct"] = f"{rng.randint(10000000, 999999999)}"
        ctx["license"] = self.pick(
            [
                f"{self.pick(['D', 'S', 'K', 'M'])}{rng.randint(1000000, 9999999)}",
                f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
            ]
        )
        ctx["plate"] = (
            f"{self.pick(['7', '4', '8'])}{self.pick(['KLM', 'RTX', 'BHW', 'ZPN'])}{rng.randint(100, 999)}"
        )
        ctx["vin"] = "1HGCM" + "".join(
            rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(12)
        )
        ctx["serial"] = (
            f"SN-{rng.randint(10000, 99999)}-{self.pick(['A', 'B', 'X'])}{rng.randint(10, 99)}"
        )
        ctx["npi"] = f"{rng.randint(1000000000, 1999999999)}"
        ctx["url"] = self.pick(
            [
                f"https://telehealth.{self.pick(EMPLOYER_HEADS).lower().replace(' ', '')}.com/room/{rng.randint(1000, 9999)}",
                f"www.{last.lower()}family.com",
                f"https://www.facebook.com/{first.lower()}.{last.lower()}.{rng.randint(1, 99)}",
                f"http://{self.pick(EMPLOYER_HEADS).lower().replace(' ', '')}.org/portal",
            ]
        )
        ctx["ip"] = (
            f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        )
        ctx["case_no"] = f"{ctx['year2']}-CV-{rng.randint(1000, 9999)}"
        ctx["county"] = (
            f"{self.pick(['Harlan', 'Ozark', 'Jasper', 'Polk', 'Marion', 'Wayne', 'Clay', 'Pike'])} County"
        )
        return ctx

    def fill(self, note: Note, template: str, ctx: dict[str, str]) -> None:
        position = 0
        for m in SLOT.finditer(template):
            note.add(template[position : m.start()])
            kind, key = m.groups()
            note.add(ctx[key], None if kind == "X" else kind)
            position = m.end()
        note.add(template[position:])


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# Sentences by section. {TYPE:key} is annotated; {X:key} inserts text with no annotation.
HEADERS = [
    "PROGRESS NOTE\nClient: {NAME:full}    DOB: {DATE:dob}    MRN: {ID:mrn}\nDate of service: {DATE:visit_date}\nClinician: {STAFF:clin_full}, LCSW\n\n",
    "Patient Name: {NAME:last}, {NAME:first}\nMRN: {ID:mrn}\nAdmission Date: {DATE:adm_date}\nDischarge Date: {DATE:dc_date}\nAttending: {STAFF:psych_full}, MD\n\n",
    "{ORGANIZATION:clinic}\n{ADDRESS:street}, {LOCATION:town}, {X:state} {ZIP:zip}\nTel {PHONE:phone3}  Fax {FAX:fax}\n\nRe: {NAME:full} (DOB {DATE:dob})\n\n",
    "Psychiatric Evaluation - {ORGANIZATION:hospital}\nPt: {NAME:full}, {AGE:age} y/o\nDate: {DATE:visit_date}\nReferring provider: Dr. {STAFF:pcp_full}\n\n",
    "TELEHEALTH SESSION NOTE ({DATE:visit_date})\nClient {NAME:full} joined via {URL:url} from IP {IP:ip}.\nProvider: {STAFF:clin_full}, PsyD\n\n",
    "Intake Assessment\nSSN: {SSN:ssn}\nName: {NAME:full}\nDate of birth: {DATE:dob}   Age: {AGE:age}\nAddress: {ADDRESS:street}, {LOCATION:town}, {X:state} {ZIP:zip}\nPhone: {PHONE:phone}   Email: {EMAIL:email}\nInsurance: Medicaid ID {ID:ins}\nEmergency contact: {NAME:partner_full} ({X:rel_partner}) {PHONE:phone2}\n\n",
    "GROUP THERAPY NOTE - {DATE:visit_date}\nFacilitator: {STAFF:clin_full}; co-facilitator {STAFF:sw_full}, MSW\nMember: {NAME:first} {NAME:last}\n\n",
    "Case Management Note\n{DATE:visit_date}\nClient: {NAME:full} / Acct # {ID:acct}\nCM: {STAFF:sw_full}\n\n",
    "",
]
HISTORY = [
    "{NAME:first} is a {AGE:age}-year-old {X:gender} referred by {STAFF:pcp_full}, MD, at {ORGANIZATION:clinic} for worsening depression.",
    "Pt is a {AGE:age} yo {X:gender_short} w/ hx of MDD and GAD who presents for f/u.",
    "{NAME:first} {NAME:last} is a {AGE:age} y/o {X:gender} who lives with {X:poss} {X:rel_partner} {NAME:partner_first} in {LOCATION:town}.",
    "Client grew up in {LOCATION:hometown} and moved to {LOCATION:town} in {DATE:year} after {X:poss} divorce.",
    "{X:Pron} was hospitalized at {ORGANIZATION:hospital} in {DATE:month_year} following an overdose.",
    "Prior admissions: {ORGANIZATION:hospital} ({DATE:past_date}) for SI with plan.",
    "{X:Pron} was born in {LOCATION:hometown}, the youngest of three, and was raised by {X:poss} mother {NAME:mother_full}.",
    "Father, {NAME:father_first}, died on {DATE:past_date} of an MI; client found him.",
    "{X:Pron} graduated from {ORGANIZATION:school} in {DATE:year} and attended {ORGANIZATION:college} for two years.",
    "{X:Pron} works as a {PROFESSION:profession} at {ORGANIZATION:employer} and reports conflict with {X:poss} supervisor, {NAME:boss_full}.",
    "Employment: {PROFESSION:profession} at {ORGANIZATION:employer} since {DATE:year2}.",
    "{X:Poss} grandmother, age {AGE:old_age}, lives in {LOCATION:town2} and is in hospice.",
    "{X:Poss} {X:rel_child} {NAME:child_first} (age {AGE:child_age}) attends {ORGANIZATION:school}.",
    "Client has been sober since {DATE:past_date}; sponsor is {NAME:friend_first}.",
    "{X:Pron} attends services at {ORGANIZATION:church} on {DATE:weekdays}.",
    "Legal: on probation in {LOCATION:county} (case no. {ID:case_no}), PO {NAME:other_full}.",
    "Client reports {X:poss} sister {NAME:sibling_first} {NAME:sibling_last} is supportive and visits from {LOCATION:town3}.",
    "Previous therapist was {STAFF:sup_full}, PhD, in {LOCATION:town2}; records requested by fax to {FAX:fax}.",
    "{X:Pron} was seen in the ED at {ORGANIZATION:hospital} on {DATE:past_date} for a panic attack.",
    "Developmental hx unremarkable. Trauma hx: MVA on {DATE:past_date} on {ADDRESS:street_name} near {LOCATION:town2}.",
]
SESSION = [
    "{NAME:first} arrived on time and was engaged throughout the session.",
    "Client discussed an argument with {NAME:partner_first} over the {DATE:holiday} weekend.",
    "{NAME:first} reports {X:poss} mother, {NAME:mother_first}, called {X:obj} {DATE:weekday} night and was critical.",
    "Processed grief related to {X:poss} father's death on {DATE:past_date}.",
    "Client reports stress at {ORGANIZATION:employer}; {NAME:boss_first} has cut {X:poss} hours.",
    "Discussed {NAME:child_first}'s school refusal; a meeting with {X:poss} teacher, Ms. {NAME:other_last}, is set for {DATE:next_date}.",
    "Client was tearful discussing {NAME:friend_first} {NAME:friend_last}, a friend who died by suicide in {DATE:year2}.",
    "{NAME:first} states that {NAME:partner_first} threatened to leave and take the kids to {LOCATION:town3}.",
    "Explored cognitive distortions (mind reading, catastrophizing) around the upcoming court date on {DATE:next_date}.",
    "We role-played a conversation with {X:poss} boss, Mr. {NAME:boss_last}.",
    "Client's {X:rel_sibling} {NAME:sibling_first} drove {X:obj} to session today from {LOCATION:town2}.",
    "Reports {X:pron} saw Dr. {STAFF:psych_last} on {DATE:short_date}; {X:pron} increased the sertraline.",
    "{NAME:nick} (as {X:pron} prefers to be called) reported improved sleep since {DATE:short_date}.",
    "Pt's {X:rel_partner}, {NAME:partner_full}, joined for the last 15 min with the client's consent.",
    "Client described a panic attack at the {ORGANIZATION:employer} break room on {DATE:weekday}.",
    "Client is planning to move to {LOCATION:town3} to be near {X:poss} daughter {NAME:child_first}.",
]
PLAN = [
    "Plan: continue weekly CBT; next appt {DATE:next_date} at 3 pm.",
    "Coordinate with Dr. {STAFF:psych_full} re: medication; call {PHONE:phone3}.",
    "Release of information signed for {ORGANIZATION:hospital} and {STAFF:pcp_full}, MD.",
    "Crisis line and {X:poss} sister's number ({PHONE:phone2}) added to safety plan.",
    "Client will email records to {EMAIL:clin_email}; portal at {URL:url}.",
    "Referral faxed to {ORGANIZATION:clinic} at {FAX:fax} on {DATE:short_date}.",
    "RTC 2 weeks. Supervisor {STAFF:sup_full} reviewed and agrees with plan.",
    "Insurance: {ORGANIZATION:insurer} member ID {ID:ins}, group {ID:group}. Prior auth requested {DATE:visit_date}.",
    "Letter for {X:poss} employer ({ORGANIZATION:employer}) requesting FMLA through {DATE:next_date}.",
    "Next session scheduled for {DATE:weekday}, {DATE:next_date}.",
]
SIGNATURES = [
    "\n\nElectronically signed by {STAFF:clin_full}, LCSW on {DATE:visit_date} 16:42",
    "\n\n{STAFF:clin_first} {STAFF:clin_last}, PsyD\nLicensed Psychologist, Lic. # {ID:license}",
    "\n\nDictated by: {STAFF:psych_full}, MD\nNPI {ID:npi}\ncc: {STAFF:pcp_full}, MD",
    "\n\nSigned: {STAFF:clin_full}, LMFT   {DATE:visit_date}\nCosigned: {STAFF:sup_full}, PhD",
    "\n\n-- {STAFF:clin_full}, Ph.D.",
]
DISCHARGE = [
    "HOSPITAL COURSE: Pt was admitted to the inpatient unit at {ORGANIZATION:hospital} on {DATE:adm_date} after presenting to the ED with SI.",
    "Collateral obtained from {X:poss} {X:rel_partner} {NAME:partner_full} by phone ({PHONE:phone2}).",
    "Lithium was started on {DATE:short_date} and titrated to 600 mg BID; level 0.9 on {DATE:dc_date}.",
    "Pt was seen by the medicine consult service (Dr. {STAFF:pcp_last}) for elevated LFTs.",
    "DISPOSITION: Discharged home to {LOCATION:town} with {X:poss} mother, {NAME:mother_full}.",
    "FOLLOW-UP: {STAFF:clin_full}, LCSW at {ORGANIZATION:clinic}, {ADDRESS:street}, {LOCATION:town2}, {X:state} {ZIP:zip}, on {DATE:next_date}.",
    "Discharge diagnoses: MDD, recurrent, severe w/o psychotic features; AUD, moderate.",
    "Condition at discharge: stable. Denies SI/HI. Contracted for safety.",
]
NURSING = [
    "PT RESTING IN BED, RESP EVEN AND UNLABORED. VS: BP 132/86, HR 90, RR 18, T 98.9, SPO2 97% RA.",
    "PT'S {X:rel_partner} {NAME:partner_first} {NAME:partner_last} CALLED AT 2130, UPDATED PER ROI.",
    "PT STATES DAUGHTER {NAME:child_first} WILL VISIT ON {DATE:weekday}.",
    "PRN HYDROXYZINE 25 MG PO GIVEN AT 2200 FOR ANXIETY W/ GOOD EFFECT.",
    "Q15 MIN CHECKS MAINTAINED. NO SIB OBSERVED. PT DENIES SI/HI/AVH.",
    "DR. {STAFF:psych_last} NOTIFIED OF BP 168/102, NEW ORDER RECEIVED.",
    "PT ASKING TO CALL MOTHER {NAME:mother_full} AT {PHONE:phone2}. CALL PLACED.",
    "PT TRANSFERRED FROM {ORGANIZATION:hospital} ON {DATE:adm_date} VIA AMBULANCE.",
    "WILL CONTINUE TO MONITOR. SAFETY MAINTAINED. - {STAFF:nurse_first} {STAFF:nurse_last}, RN",
    "PT REPORTS SLEEPING 4 HRS. ATE 75% OF BREAKFAST. ATTENDED GROUP X2.",
    "PT ORIENTED X3, CALM AND COOPERATIVE. MEDS TAKEN AS ORDERED.",
    "PT IS A {AGE:age} YO, LIVES IN {LOCATION:town} WITH {X:rel_partner} AND 2 CHILDREN.",
]
TELEHEALTH = [
    "Session conducted by secure video; client located at home in {LOCATION:town}, {X:state}.",
    "Connection dropped at 10:14; client reconnected from IP {IP:ip}.",
    "Client verified identity with DOB {DATE:dob} and address {ADDRESS:street}.",
    "Client emailed a mood log from {EMAIL:email} on {DATE:short_date}.",
    "Client shared a link to an article ({URL:url}).",
]
CASE_MGMT = [
    "Called {ORGANIZATION:employer} HR ({PHONE:phone3}) re: return-to-work letter.",
    "Client's SSN {SSN:ssn} verified for the SSDI application.",
    "SS# {SSN:ssn} on file; guardian {NAME:mother_full} co-signed the SSI form.",
    "Housing: client lives at {ADDRESS:street}, {LOCATION:town} {ZIP:zip}; landlord {NAME:other_full} has filed for eviction.",
    "Driver's license # {ID:license} suspended; client takes the bus from {LOCATION:town2}.",
    "Vehicle impounded (plate {ID:plate}, VIN {ID:vin}).",
    "Client's CPAP (serial {ID:serial}) was stolen; replacement requested.",
    "Medicaid application submitted {DATE:visit_date}; case worker {NAME:other_first} {NAME:other_last} at {PHONE:phone3}.",
    "Food bank at {ORGANIZATION:church}, {ADDRESS:street_name} in {LOCATION:town}, on {DATE:weekdays}.",
]
LETTER = [
    "Dear Dr. {STAFF:pcp_last},\n\nThank you for referring {NAME:full} (DOB {DATE:dob}), whom I saw on {DATE:visit_date}.",
    "To whom it may concern:\n\n{NAME:full} has been under my care at {ORGANIZATION:clinic} since {DATE:past_date}.",
]


def _pronouns(rng: random.Random) -> dict[str, str]:
    if rng.random() < 0.5:
        return {
            "pron": "she",
            "Pron": "She",
            "poss": "her",
            "Poss": "Her",
            "obj": "her",
            "gender": "woman",
            "gender_short": "F",
        }
    return {
        "pron": "he",
        "Pron": "He",
        "poss": "his",
        "Poss": "His",
        "obj": "him",
        "gender": "man",
        "gender_short": "M",
    }


def note_write(writer: Writer, kind: str) -> Note:
    rng = writer.rng
    ctx = writer.context()
    ctx |= _pronouns(rng)
    ctx["rel_partner"] = rng.choice(["wife", "husband", "partner", "girlfriend", "boyfriend"])
    ctx["rel_child"] = rng.choice(["son", "daughter"])
    ctx["rel_sibling"] = rng.choice(["brother", "sister"])
    ctx["insurer"] = rng.choice(["BCBS", "Aetna", "Humana", "UHC", "Cigna"])
    note = Note()
    sections: list[list[str]]
    if kind == "nursing":
        sections = [[HEADERS[1]], rng.sample(NURSING, rng.randint(6, 10))]
    elif kind == "discharge":
        sections = [
            [HEADERS[1]],
            rng.sample(HISTORY, 4),
            rng.sample(DISCHARGE, 6),
            [rng.choice(SIGNATURES)],
        ]
    elif kind == "telehealth":
        sections = [
            [HEADERS[4]],
            rng.sample(TELEHEALTH, 3),
            rng.sample(SESSION, 3),
            rng.sample(PLAN, 2),
            [rng.choice(SIGNATURES)],
        ]
    elif kind == "intake":
        sections = [
            [HEADERS[5]],
            rng.sample(HISTORY, 7),
            rng.sample(PLAN, 2),
            [rng.choice(SIGNATURES)],
        ]
    elif kind == "case":
        sections = [[HEADERS[7]], rng.sample(CASE_MGMT, 4), rng.sample(PLAN, 2)]
    elif kind == "letter":
        sections = [
            [rng.choice([HEADERS[2], ""])],
            [rng.choice(LETTER)],
            rng.sample(HISTORY, 3),
            rng.sample(PLAN, 2),
            [rng.choice(SIGNATURES[:2])],
        ]
    elif kind == "group":
        sections = [
            [HEADERS[6]],
            rng.sample(SESSION, 3),
            rng.sample(PLAN, 1),
            [rng.choice(SIGNATURES)],
        ]
    else:
        sections = [
            [rng.choice([*HEADERS[:4], ""])],
            rng.sample(HISTORY, 2),
            rng.sample(SESSION, 4),
            rng.sample(PLAN, 2),
            [rng.choice(SIGNATURES)],
        ]
    for k, section in enumerate(sections):
        sentences = list(section)
        if kind != "nursing" and 0 < k < len(sections) - 1:
            sentences += rng.sample(SHORTHAND, rng.randint(1, 3))
            rng.shuffle(sentences)
            if rng.random() < 0.3:
                sentences.append("Meds: " + "; ".join(rng.sample(MEDS, rng.randint(2, 4))) + ".")
        joiner = "\n" if kind == "nursing" or rng.random() < 0.3 else " "
        for j, sentence in enumerate(sentences):
            if not sentence:
                continue
            writer.fill(note, sentence, ctx)
            if j < len(sentences) - 1 and not sentence.endswith("\n"):
                note.add(joiner)
        if k < len(sections) - 1 and note.text.strip() and not note.text.endswith("\n"):
            note.add("\n\n")
    return note


def check(text: str, spans: list[dict[str, object]]) -> None:
    """Every span is inside the text, on word edges, and no two overlap."""
    last_end = -1
    for span in sorted(spans, key=lambda s: int(str(s["start"]))):
        start, end = int(str(span["start"])), int(str(span["end"]))
        assert 0 <= start < end <= len(text), span
        assert start >= last_end, ("overlap", span)
        piece = text[start:end]
        assert piece == piece.strip(), ("whitespace at an edge", piece)
        assert not (start > 0 and text[start - 1].isalnum()), ("starts inside a word", piece)
        assert not (end < len(text) and text[end].isalnum()), ("ends inside a word", piece)
        last_end = end


KINDS = ["progress"] * 6 + ["intake"] * 3 + ["discharge"] * 3 + ["nursing"] * 3 + ["telehealth"] * 2
KINDS += ["case"] * 2 + ["letter"] * 2 + ["group"] * 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--notes", type=int, default=180)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    writer = Writer(rng)
    rows = []
    for n in range(args.notes):
        kind = KINDS[n % len(KINDS)]
        note = note_write(writer, kind)
        text, spans = note.text, note.spans
        if kind == "nursing":
            text = text.upper()
        check(text, spans)
        rows.append({"id": f"note-{n:03d}", "kind": kind, "text": text, "spans": spans})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    total = sum(len(r["spans"]) for r in rows)
    print(f"wrote {len(rows)} notes, {total} spans to {OUT}")


if __name__ == "__main__":
    main()
