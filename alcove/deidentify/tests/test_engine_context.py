"""Rules that read the words around an identifier (written after blind sets 7 and 8), each
with a case it must catch and a near miss it must leave.

Every example is new: none comes from the benchmark sets.
"""

from pytest import MonkeyPatch

from alcove.deidentify.engine import Kind, find_spans, people, redact, rule_spans


def masked(text: str) -> set[str]:
    return {text[s.start : s.end] for s in find_spans(text)}


def masked_words(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_spans(text)]


def kinds(text: str) -> dict[str, Kind]:
    return {text[s.start : s.end]: s.kind for s in find_spans(text)}


# --- names ---------------------------------------------------------------------------------
def test_it_masks_a_relatives_name_that_is_also_a_word_or_an_abbreviation() -> None:
    assert "Dev" in masked("She was driven home by her cousin Dev after group.")
    assert "Ama" in masked("His mother Ama translated for the family meeting.")
    assert masked("His mother Reports no concerns at home.") == set()


def test_it_joins_a_surname_that_names_an_eponym_to_the_given_name_before_it() -> None:
    assert "Tobias Bell" in masked("Tobias Bell, 52, returns for medication follow-up.")
    assert masked("Started prednisone for Bell palsy last week.") == set()


def test_it_takes_a_listed_given_name_before_a_found_surname_as_its_first_name() -> None:
    assert "Will Achterberg" in masked("Will Achterberg came to group on time.")
    assert "Dear" not in " ".join(masked("Dear Achterberg family, thank you for coming."))


def test_it_masks_a_name_whose_relative_follows_it() -> None:
    assert "Justice" in masked("Talked about Justice's grandmother moving in with them.")
    assert masked("Talked about the client's grandmother moving in with them.") == set()


def test_it_masks_lower_case_names_with_a_lower_case_surname() -> None:
    assert "renata szczepanik" in masked("pt seen w/ mom. renata szczepanik, 15, tearful.")
    assert masked("pt seen w/ mom. tearful and quiet, ate lunch.") == set()


def test_it_masks_initials_signing_a_line() -> None:
    assert "qw" in masked("Ines Barros, MD / qw\nDictated, not read.")
    assert "pjt" in masked("Labs reviewed with patient.\nReviewed pjt")
    assert "LK" in masked("Continue current plan, RTC 6 wks. -LK")
    assert masked("BP 132/84 / ok per pt") == set()


def test_it_closes_a_surname_first_name_with_its_initial() -> None:
    assert "R" in " ".join(masked("Attending: Oyelaran, R\nImpression: stable.")).split(", ")


# --- ages, dates, places -------------------------------------------------------------------
def test_it_masks_an_age_after_a_name_and_a_full_stop() -> None:
    assert "41" in masked("Group check-in, Priyanka Venkatesan, 41. Slept better.")


def test_it_masks_an_age_when_the_client_was_young() -> None:
    assert "9" in masked("Her father left when the client was 9 and never returned.")


def test_it_masks_an_ordinal_day_after_a_cue_but_not_a_grade() -> None:
    assert "19th" in masked("She moves out on the 19th, after the lease ends.")
    assert masked("He reads at the 19th percentile for his grade.") == set()
    assert masked("Now in the 8th grade at a new school.") == set()


def test_it_masks_holidays_written_in_capitals() -> None:
    assert "LABOR DAY" in masked("PT REQUESTING PASS FOR LABOR DAY WEEKEND.")


def test_it_masks_a_short_date_after_a_scan_or_a_cycle() -> None:
    assert "3/4" in masked("MRI 3/4: no acute findings.")
    assert masked("Strength 3/4 in the left hand.") == set()


def test_it_masks_a_street_with_no_suffix_where_an_address_is_announced() -> None:
    assert "88 Pemberton" in masked("He has been sleeping at 88 Pemberton since the fire.")
    assert masked("He took 2 Tylenol at 10 Tuesday morning.") == {"Tuesday"}


def test_it_masks_the_town_after_an_organisation_and_a_comma() -> None:
    found = kinds("Transferred from Winchester Hospital, Woburn on arrival.")
    assert found.get("Woburn") == Kind.LOCATION


# --- trades and organisations --------------------------------------------------------------
def test_it_masks_a_trade_of_several_words_after_an_age() -> None:
    assert "school crossing guard" in masked("67 yo school crossing guard with chest pain.")
    assert "home health aide" in masked("Her sister is a home health aide in the city.")


def test_it_masks_the_name_but_not_the_role_set_off_before_it() -> None:
    # (as with "her parole officer Dana Whitcomb": the annotated sets leave such a role 153
    # times for every 31 they mark it)
    assert masked("His tutor, Ms. Okonkwo, noticed the change first.") == {"Okonkwo"}


def test_it_never_takes_an_adverb_for_part_of_a_trade() -> None:
    spans = masked("She works as a very patient cashier now.")
    assert "very" not in " ".join(spans)


def test_it_masks_organisations_ending_in_a_service_word() -> None:
    assert "Marshfield Behavioral Therapy" in masked(
        "Referred to Marshfield Behavioral Therapy for DBT."
    )
    assert "Meridian Diagnostics" in masked("Labs drawn by Meridian Diagnostics.")


def test_it_masks_an_employer_after_an_at_sign_in_a_hurried_note() -> None:
    assert "quabbin" in " ".join(masked("seen in office @ quabbin today, calm"))


def test_it_masks_a_trade_set_off_after_a_name_that_goes_on_to_its_place() -> None:
    found = kinds("Lives with her uncle (Bao, nail technician in Lowell) and cousins.")
    assert found.get("nail technician") == Kind.PROFESSION


def test_it_masks_a_churchs_and_a_meetings_name() -> None:
    assert "Our Lady of Lourdes" in masked("She still sings at Our Lady of Lourdes on Sundays.")
    assert "Keep It Simple" in masked("Goes to the Keep It Simple AA group on weeknights.")
    assert masked("Goes to AA meetings on weeknights.") == set()


def test_it_masks_a_state_agencys_letters() -> None:
    assert "DCF" in masked("The DCF worker visited the home twice.")


def test_it_masks_letters_naming_a_hospital_before_a_unit_and_after_a_heading_dash() -> None:
    assert "QVH" in masked("She was brought to the QVH ED by her brother.")
    assert "QVH" in masked("DISCHARGE SUMMARY - QVH\nAdmitted for chest pain.")
    assert masked("Seen in the ED, then the ICU.") == set()


def test_it_masks_a_union_local_and_a_business_named_with_its_owner() -> None:
    assert "UFCW Local 1459" in masked("Member of UFCW Local 1459 since 2019.")
    assert "Dominick's" in masked("She waits tables at Dominick's on weekends.")


def test_it_masks_an_organisation_in_capitals_with_an_ordinary_word_inside() -> None:
    assert "HOLLISTON REGIONAL HOSPITAL" in masked("HOLLISTON REGIONAL HOSPITAL\nADMISSION NOTE")
    assert masked("PT ATTENDED MORNING COMMUNITY MEETING.") == set()


def test_it_masks_a_trade_set_off_after_a_name_but_not_a_role_before_its_holders_name() -> None:
    # (a role before the name says who the person is to the client, and the name is masked:
    # the annotated sets leave the role 253 times for every 14 they mark it)
    assert masked("Spoke with guidance counselor Ms. Ferreira.") == {"Ferreira"}
    assert masked("Her parole officer Dana Whitcomb called twice.") == {"Dana Whitcomb"}
    assert "warehouse associate" in masked("Tomas Reyes, 31, warehouse associate at a depot.")


def test_it_masks_a_quoted_nickname_and_a_relatives_name_in_capitals() -> None:
    assert masked('Harold "Bud" Lindqvist returns for follow-up.') >= {'Harold "Bud" Lindqvist'}
    assert "ROSE" in masked("PT TEARFUL, ASKING FOR DAUGHTER ROSE. REDIRECTED.")


def test_it_masks_initials_signing_before_a_credential_and_a_typist_after_tr() -> None:
    assert "M.T." in masked("Slept through the night.\nM.T. RN")
    assert "ph" in masked("DD: 04/02/91\nTR: ph")


def test_it_joins_a_two_letter_surname_to_the_name_before_it() -> None:
    assert "Thanh-Huong Vo" in masked("Thanh-Huong Vo, 52, presents for refill.")


def test_it_takes_the_capitalised_word_before_an_organisation_as_part_of_its_name() -> None:
    assert "Hebrew" in " ".join(masked("Her mother works for Hebrew CareGroup now."))
    assert "Melrose Children's" in masked("Transferred to Melrose Children's overnight.")
    assert masked("She has three children at home.") == set()


def test_it_masks_typists_initials_even_when_they_spell_a_word() -> None:
    assert {"BT", "ams"} <= masked("Benedikt Tamm, MD\nBT:ams")
    assert "mg" in masked("Marta Gill, MD / mg\nCopy to chart.")
    assert masked("Dose 5 mg/kg, given and/or held.") == set()


def test_it_masks_ages_stated_after_a_name_a_birth_date_or_in_a_list() -> None:
    assert "33" in masked("Odalys Ferreira is 33, a line cook in Lynn.")
    assert "47" in masked("DOB 05/06/2041 (47), MRN 558120")
    assert {"6", "9"} <= masked("Two children aged 6 and 9 live with her.")
    assert masked("Her potassium is 4, stable.") == set()


def test_it_masks_the_employer_after_a_trade_and_for() -> None:
    assert "Quinsig" in masked("Works as a night cashier for Quinsig since June.")
    assert "Dr" not in " ".join(masked("Works as a scribe for Dr. Osei at the clinic."))


def test_it_masks_a_towns_ambulance_service_and_a_named_union_local() -> None:
    assert "Lowell EMS" in masked("Brought in by Lowell EMS after a fall.")
    assert "Teamsters Local 25" in masked("Drives for Teamsters Local 25 members.")


def test_it_masks_trades_written_in_title_case_and_of_three_words() -> None:
    assert "Tool and Die Maker" in masked("He is a 60-year-old Tool and Die Maker in Ware.")
    assert "Licensed Practical Nurse" in masked("She works as a Licensed Practical Nurse.")
    assert "middle school science teacher" in masked("Wife is a middle school science teacher.")
    assert "Dr" not in " ".join(masked("Seen by Dr. Ruiz, a Cardiologist."))


def test_it_masks_a_pager_letters_beside_a_specialty_and_the_us() -> None:
    assert "5521" in masked("Questions: pager 5521.")
    # (the department may go with it: "QMC Cardiology" names where the client was seen)
    assert "QMC" in " ".join(masked("cc: Ana Ruiz, MD, QMC Cardiology"))
    assert "QMC" in masked("Nephrology, QMC. Seen for CKD.")
    assert "US" in masked("He came to the US in 2041.")


def test_it_masks_a_congregation_and_a_street_ending_in_rise() -> None:
    assert "Shiloh Baptist" in masked("Sings at the Shiloh Baptist choir on Sundays.")
    assert "22 Juniper Rise" in masked("Moved to 22 Juniper Rise last year.")


def test_it_masks_a_found_name_opening_a_sentence_when_the_person_acts() -> None:
    found = masked("Client: Rain Oduya\nRain felt unheard at dinner. Rain is forecast.")
    assert sum(1 for s in found if s.startswith("Rain")) >= 2
    assert masked("Rain is forecast for the weekend.") == set()


def test_it_masks_initials_ages_and_infants_ages_in_brackets() -> None:
    assert "37" in masked("- K.L. (37, warehouse lead) missed group twice.")
    assert "9 months" in masked("Her son, Theo (9 months), sleeps poorly.")


def test_it_masks_a_lower_case_address_with_its_number_and_a_lower_case_holiday() -> None:
    assert "18 hollis st" in masked("staying w/ her aunt at 18 hollis st for now")
    assert "thanksgiving" in masked("will call after thanksgiving, pt agreed")


def test_it_masks_a_pharmacy_named_drug_and_a_trade_returned_to() -> None:
    assert "Harbor Drug" in masked("Pharmacy: Harbor Drug, Main St.")
    assert "welder" in masked("He hopes to return as welder in the spring.")


def test_it_masks_initials_opening_a_supervision_lists_lines() -> None:
    found = masked("Cases:\n- R.J. (52, bus mechanic) slept better.\n- K.: avoids eye contact.")
    assert {"R", "J", "52", "K"} <= {w for s in found for w in s.replace(".", " ").split()}
    assert masked("Notes:\n- A. fib on telemetry.") == set()


def test_it_masks_an_initial_after_a_relation_or_before_what_a_person_did() -> None:
    assert "L" in masked("Her cousin L. offered a ride home.")
    assert "Mae" in masked("Group:\nMae K.: quiet today.")


def test_it_masks_a_given_name_and_a_surname_that_are_words_before_what_a_person_is() -> None:
    assert "Faith Cooper" in masked("Visit note.\n\nFaith Cooper is a 52 yo teacher.")
    assert "Will Mason" in masked("Will Mason reports better sleep.")
    assert masked("Will continue the current plan.") == set()


def test_it_masks_an_initial_before_a_surname_and_an_age_after_now() -> None:
    assert {"E", "Quartey-Mensah"} <= masked("Call with questions.\nE. Quartey-Mensah")
    assert "93" in masked("Mrs. Lindqvist, now 93, fell at home.")


def test_it_masks_record_headers_and_footers_of_a_hospital_note() -> None:
    found = masked("Dictated By: QUIMBY, DELPHINE\nTranscribed: rkv  03/04/93")
    assert {"QUIMBY, DELPHINE", "rkv"} <= found
    assert "3-4481" in masked("Odile Brandt, RD pgr 3-4481")
    assert "7731" in masked("Questions: Odile Brandt, LICSW x7731")
    assert "5/9" in masked("PHYSICAL THERAPY NOTE  5/9\nPt seen at bedside.")


def test_it_masks_ages_beside_a_sex_and_an_infants_age_in_months() -> None:
    assert "64" in masked("Consult\nOrlando Petrakis 64 M, COPD flare.")
    assert "18" in masked("Piper Quayle-Noor, 18 mo F, febrile.")


def test_it_masks_a_letterheads_organisation_above_its_address() -> None:
    found = masked("Quabbin Valley Neurology\n12 Orchard Street\nBelchertown, MA")
    assert "Quabbin Valley Neurology" in found


def test_it_masks_a_staff_number_a_record_number_in_letters_and_a_shifted_year() -> None:
    assert "5530" in masked("Portuguese interpreter #5530 used throughout.")
    assert "CD0042117" in masked("MRN CD0042117")
    assert "2131" in masked("Quit smoking in 2131.")
    assert masked("Meds given at 2130, pt asleep.") == set()


def test_it_masks_a_groups_attendance_and_the_initials_wherever_they_recur() -> None:
    text = "Present: QA, RW, tami b\n- RW: new referral. QA to call."
    assert {"QA", "RW", "tami b"} <= masked(text)
    assert [text[s.start : s.end] for s in find_spans(text)].count("RW") == 2
    assert masked("Present: 7 members. Topic: sleep hygiene.") == set()


def test_it_masks_a_notes_closing_initials_even_when_they_spell_a_word() -> None:
    assert "tg" in masked("Group was quiet and no one left early. Next group Monday.\ntg")
    assert "d.osei" in masked("Calmer, no SI, no alcohol. Will call the office Monday. d.osei")


def test_it_masks_military_units_police_by_letters_and_property_managers() -> None:
    assert "3rd Battalion" in masked("Served with the 3rd Battalion in 2011.")
    assert "SFPD" in masked("Brought in by SFPD after the call.")
    assert masked("Hx of BPD and PPD.") == set()
    assert "Elm Ridge Property Management" in masked("Letter to Elm Ridge Property Management.")


def test_it_masks_a_lower_case_given_name_that_is_a_word_before_a_surname() -> None:
    assert "hope kowalczyk" in masked("spoke w/ hope kowalczyk by phone, calmer")


def test_it_masks_an_age_and_sex_opening_a_line_and_childrens_ages_in_brackets() -> None:
    assert "68" in masked("ED note\n68 F, fall at home, no LOC.")
    assert {"8", "5"} <= masked("Lives with partner; kids (8, 5) at school.")
    assert masked("Sheath 6 F, removed without issue.") == set()


def test_it_masks_a_trade_in_title_case_opening_a_sentence_and_letters_before_a_specialty() -> None:
    assert "Dental Hygienist" in masked("Moved in 2071. Dental Hygienist at Quarry Smiles.")
    assert "Long-Haul Truck Driver" in masked("Occupation: Long-Haul Truck Driver, since 2079.")
    assert "QVMC" in masked("QVMC CARDIOLOGY CONSULT\nReason: syncope.")


def test_it_masks_names_in_a_hurried_lower_case_group_note() -> None:
    found = masked("grp 6/2 am, 8 present. rosa p quiet today. glenn shared 60 days.")
    assert {"rosa", "glenn"} <= {w for s in found for w in s.split()}
    assert "jan 4" in masked("can we move my appt from jan 4 to later?")
    assert "father's day" in masked("drank over father's day wknd, processed in grp")


def test_it_masks_supervision_initials_wherever_they_recur_and_their_ages() -> None:
    text = "Trainee B.Q. (2nd-yr).\nB.Q. noticed anger. V.N. presented R.S. (58), retired."
    found = [text[s.start : s.end] for s in find_spans(text)]
    assert found.count("B") == 2 and "58" in found and "R" in found


def test_it_masks_a_name_given_in_a_message_and_a_lower_case_doctor() -> None:
    assert {"osei", "Nell"} <= masked('"hi dr. osei, its Nell. can you call me"')


def test_it_masks_initials_that_act_in_a_supervision_note_but_not_clinical_letters() -> None:
    text = "Supervision - QR w/ VB\nVB to co-sign the plan. QR covering Friday."
    found = [text[s.start : s.end] for s in find_spans(text)]
    assert found.count("VB") == 2 and found.count("QR") == 2
    assert masked("TP goal-directed, TC w/o SI/HI. Increase XL to 300 mg.") == set()


# --- after blind sets 20 and 21 -------------------------------------------------------------
def test_it_masks_a_short_weekday_before_a_date_but_not_an_oxygen_saturation() -> None:
    assert {"fri", "9/4"} <= masked("crisis line note - fri 9/4 02:10, caller tearful")
    assert {"Sat", "4/12"} <= masked("Seen in triage Sat 4/12 07:55 with mother.")
    assert "sat" not in masked("O2 sat 6/7 liters, weaning")


def test_it_masks_a_date_announced_by_a_follow_up_or_a_visit_in_letters() -> None:
    assert "3/8" in masked("Follow-up 3/8 with the outpatient team.")
    assert "5/6" in masked("next IHV 5/6, bring the housing forms")
    assert "3/8" not in masked("Took 3/8 of the usual dose.")


def test_it_masks_a_month_in_lower_case_after_a_word_that_announces_it() -> None:
    assert "oct." in masked("weight up 6 lb since oct. sleep fair")
    assert "february" in masked("plans to move by early february")
    assert masked("you may march in the parade") == set()


def test_it_writes_a_number_after_a_fax_cue_on_its_line_as_a_fax() -> None:
    found = kinds("Tel: 0113 392 6640   Fax: 0113 392 6641\nForm faxed to HR at 920-555-0181")
    assert found["0113 392 6640"] == Kind.PHONE
    assert found["0113 392 6641"] == Kind.FAX
    assert found["920-555-0181"] == Kind.FAX
    found = kinds("Note faxed to 303-555-0157. Dad (720-555-0112) called.\nf: 505-247-3319")
    assert found["720-555-0112"] == Kind.PHONE
    assert found["505-247-3319"] == Kind.FAX
    assert kinds("Fax: 03 9214 8880   Ph: 03 9214 8483")["03 9214 8483"] == Kind.PHONE


def test_it_masks_a_local_number_without_its_area_code_as_phone_or_fax() -> None:
    assert kinds("left a message at 555-0193 for her")["555-0193"] == Kind.PHONE
    assert kinds("will fax to the school at 555-0148")["555-0148"] == Kind.FAX
    assert masked("dosed 100-1000 units over the week") == set()


def test_it_masks_an_age_a_person_states() -> None:
    assert "83" in masked("She's 83 now and still drives to church.")
    assert "17" in masked('He said "I\'m 17, not a kid" when asked.')
    assert masked("She's 6 weeks postpartum.") == set()


def test_it_masks_an_insurer_but_not_a_public_programme_or_the_kind_of_plan() -> None:
    found = kinds("Insurance: Keystone Harvest Advantage, member ID KH-55120")
    assert found["Keystone Harvest Advantage"] == Kind.ORGANIZATION
    assert "Cigna" in masked("Insurance: Cigna, member ID C-99120")
    assert {"Anthem", "BCBS", "AARP"} <= masked("Anthem BCBS primary, AARP supplement; PPO")
    assert "BCBS of Illinois" in masked("Insurance: BCBS of Illinois PPO, ID XOF902117635")
    assert "PPO" not in " ".join(masked("Insurance: BCBS of Illinois PPO, ID XOF902117635"))
    assert "Medicaid" not in masked("Insurance: Medicaid")
    assert masked("Medicare A/B; the national anthem played at the game") == set()


def test_it_masks_initials_explained_by_the_name_in_brackets_but_not_an_acronym() -> None:
    assert {"RT", "rosa tamayo"} <= masked("f/u visit, pt RT (rosa tamayo) arrived late")
    assert masked("hx of GAD (generalized anxiety disorder)") == set()


def test_it_masks_capitals_after_a_sentence_and_a_dash_even_when_they_spell_a_state() -> None:
    assert kinds("no answer, left voicemail. -MA\n")["MA"] == Kind.STAFF
    assert kinds("She will call back on Monday about the court letter.\n- IN")["IN"] == Kind.STAFF
    # (after a town announced as a place the letters are its state, never a signer's)
    assert kinds("Moved from Springfield, MA last year.\n").get("MA") == Kind.LOCATION


def test_it_masks_a_name_again_in_lower_case_when_it_is_no_english_word() -> None:
    # ("Qing" is also a word of the web's: the age after it says it is a person here)
    text = "present: Wen (dad), Hui (mom), Qing 11, cousin Bo 7.\nqing's teacher called. qing quiet"
    found = [text[s.start : s.end] for s in find_spans(text)]
    assert [word for word in found if word.lower() == "qing"] == ["Qing", "qing", "qing"]
    assert kinds(text)["11"] == Kind.AGE


def test_it_masks_a_room_a_bed_and_a_labelled_unit_but_not_a_generic_unit() -> None:
    assert {"TC-4", "2210-1"} <= masked("Seen in RM TC-4, then moved to bed 2210-1 overnight.")
    assert "Larch Pavilion" in masked("Unit: Larch Pavilion, room 9")
    assert masked("Unit: SICU") == set()
    assert masked("On room air, sats stable.") == set()


def test_it_masks_an_age_glued_to_its_year_letter_in_brackets() -> None:
    assert "91" in masked("DOB: 03/02/1999 (91Y)   Sex: F")


def test_it_masks_a_date_after_a_procedure_verb() -> None:
    assert {"2/5", "2/9"} <= masked("Drain placed 2/5 and removed 2/9 without issue.")


def test_it_masks_dotted_initials_on_an_attendance_line_and_where_they_recur() -> None:
    text = "Present (first names withheld): G.T., M.R., S.O.\nCheck-in: M.R. tearful re custody."
    assert [text[s.start : s.end] for s in find_spans(text)] == [
        "G",
        "T",
        "M",
        "R",
        "S",
        "O",
        "M",
        "R",
    ]
    assert not {"R", "N", "R.N."} & masked("Present: Dr. Osei, R.N. staff only")


def test_it_masks_initials_explained_with_more_in_the_brackets() -> None:
    assert {"tk", "tomasz kowalczyk-lee"} <= masked("f/u 3p pt tk (tomasz kowalczyk-lee, 41yo) cbt")


def test_it_masks_an_insurer_between_ins_and_its_number() -> None:
    assert "prairie mutual" in masked("ins prairie mutual id PMX5512093, auth to 6/30")
    assert "medicaid" not in masked("ins medicaid id 88123")


def test_it_masks_a_doctor_written_in_lower_case_but_not_an_appointment() -> None:
    assert "ubaldini" in masked("med review w/ dr. ubaldini thurs")
    assert "r. lemaire" in masked("cc: pcp\ndr r. lemaire")
    assert masked("needs dr. appt soon") == set()


def test_it_masks_a_relatives_trade_after_a_bare_article_and_after_works_part_time_as() -> None:
    assert "pharmacy technician" in masked("Her sister a pharmacy technician, lives nearby.")
    assert "night security guard" in masked("pt works pt as night security guard")


def test_it_masks_an_organisation_written_in_lower_case_by_its_ending() -> None:
    assert "quillby freight" in masked("laid off from quillby freight last wk, applying elsewhere")
    assert "ashgrove jr high" in masked("ROI for ashgrove jr high signed")
    assert masked("f/u in perinatal psych clinic in 2 wks") == set()
    assert masked("dropped out of high school at 16") <= {"16"}


def test_it_masks_a_company_by_its_legal_suffix() -> None:
    assert "Marrow & Tate, P.C." in masked("cc: Marrow & Tate, P.C.\n12 Main")
    assert "Hollin Gear Inc." in masked("Re: your employee at Hollin Gear Inc. (HR)")


def test_it_masks_a_month_in_lower_case_with_its_day_but_not_a_dose_decreased() -> None:
    assert "dec 8-9" in masked("family wknd dec 8-9 on the unit")
    assert "november 2" in masked("report due november 2 to court")
    assert masked("Zyprexa dec 10->5mg today") == set()
    assert masked("we march 4 miles a day") == set()


def test_it_reads_the_same_labels_for_an_attendance_line_of_names_or_of_initials() -> None:
    # One list of labels for both: "Leaders:" listed names, and now its dotted initials too.
    assert {"R", "K", "M", "J"} <= masked("Leaders: R.K. and M.J.\nReviewed distress tolerance.")
    assert {"Ramona Quist", "Tobiah"} <= masked("Excused: Ramona Quist, Tobiah\nGroup met.")
    assert masked("Leaders: 2 co-facilitators. Topic: sleep.") == set()


def test_it_masks_dotted_initials_after_a_word_naming_who_did_something() -> None:
    assert {"P", "Q"} <= masked("follow-up call made by P.Q.; no answer")
    assert masked("she moved to the U.S. as a teen") <= {"U.S."}


def test_it_masks_titled_people_and_lower_case_initials_on_an_attendance_list() -> None:
    text = "present: Dr. Vance, QH, wd, ty\n1. wd - client anxious about court\nty to call DCF"
    found = masked(text)
    assert {"Vance", "QH", "wd", "ty"} <= found
    assert "Dr" not in found


def test_it_masks_may_with_its_day_but_not_the_verb() -> None:
    assert "may 14" in masked("custody hearing may 14 @ family court")
    assert masked("pt may 2x the dose if needed") == set()


def test_it_masks_a_number_written_the_british_way() -> None:
    assert "0113 496 0721" in masked("Please ring me on 0113 496 0721 with any concerns.")
    assert masked("Dose: 0.5 mg at 0800, then 10 mg at noon") == set()


def test_it_masks_an_age_after_a_name_in_a_column() -> None:
    assert "27" in masked("Client: Ingrid Solberg-Haas, 27     Case ABC-1003")


def test_it_masks_a_date_after_a_weekday_even_before_a_number() -> None:
    assert "4/3" in masked("Tues 4/3 45 min, 90834, telehealth")
    # (the rules leave it with no weekday; the numeral model may read it as the session's day)
    assert "4/3" not in {"PT 4/3 50 reps"[s.start : s.end] for s in rule_spans("PT 4/3 50 reps")[0]}


def test_it_masks_a_given_name_that_is_also_a_short_word_between_a_relation_and_a_surname() -> None:
    assert {"Per", "Norgaard"} <= masked("Her husband Per Norgaard attended.")
    assert masked("Mother For The Record") == set()


def test_it_masks_a_trade_set_out_with_an_equals_sign_or_in_brackets_after_a_relative() -> None:
    assert "welder" in masked("- Dmitri = welder at the shipyard")
    assert "school bus driver" in masked("- dad (school bus driver) drops her off")
    assert "warehouse picker" in masked("(he's warehouse picker now)")


def test_it_masks_initials_after_co_signing_or_keeping_minutes_but_not_an_acronym() -> None:
    assert kinds("Reviewed plan with team.\ncosigned QT 2/2")["QT"] == Kind.STAFF
    assert kinds("census 40\nminutes: RW")["RW"] == Kind.STAFF
    assert masked("co-signed ROI for the school") == set()


def test_it_masks_a_record_number_led_by_the_hospitals_letters() -> None:
    assert "QVH 31-552-907" in masked("MRN: QVH 31-552-907   DOB 1/2/1950")


def test_it_masks_a_relatives_age_after_the_word_for_them() -> None:
    assert "79" in masked("Her mother, 79, lives alone in the old house.")
    assert masked("His father died 3 years ago.") == set()


def test_it_masks_the_name_a_letter_greets_but_not_its_title_or_a_role() -> None:
    assert "Chip" in masked("Dear Chip,\n\nThank you for seeing Mr. Obi.")
    assert "Judge" not in masked("Dear Judge Pellingham:\nI write about the minor.")
    assert masked("Dear Colleague,\nPlease see below.") == set()


def test_it_masks_initials_after_by_at_a_lines_end() -> None:
    assert kinds("Specimen received; gross description by: QRT\n")["QRT"] == Kind.STAFF
    assert masked("Seen today by PT\nGait steady.") == set()


def test_it_masks_an_association_and_a_pharmacy_by_rx_and_a_building_in_an_address() -> None:
    assert "Greyfield Home Care Association" in masked(
        "Referred to Greyfield Home Care Association."
    )
    assert "Brookline Compounding Rx" in masked("Filled at Brookline Compounding Rx, 555-0199")
    assert "88 Tern Parkway, Building D" in masked("Send to 88 Tern Parkway, Building D\nMarlow")


# --- after blind set 26 (practice outside the United States) --------------------------------
def test_it_masks_dates_written_day_first_but_not_around_the_clock_or_a_score() -> None:
    assert {"27/05", "19/08/23", "02.11.24"} <= masked(
        "Seen 27/05; renewed 19/08/23; next review 02.11.24."
    )
    assert masked("Carer gives 24/7 supervision; ratio 16/3 noted") == set()


def test_it_masks_a_day_before_a_month_in_lower_case() -> None:
    assert "22 oct" in masked("team mtg thurs 22 oct, allocation")


def test_it_masks_british_and_australian_phone_numbers() -> None:
    found = masked("Ring 01632 960 118 or (02) 9555 0181; mobile 0413 555 902.")
    assert {"01632 960 118", "(02) 9555 0181", "0413 555 902"} <= found


def test_it_masks_an_australian_postcode_after_its_state() -> None:
    assert "2170" in masked("22 Bent St, Liverpool NSW 2170")


def test_it_masks_a_flat_in_a_named_block_and_a_level_before_the_number() -> None:
    assert "Flat 9, Rowan Court" in masked("Address: Flat 9, Rowan Court, Kelby")
    assert {"Level 4", "77 Harbour Pde"} <= masked("Clinic: Level 4, 77 Harbour Pde, Manly")
    assert "6 miller's row" in masked("neighbour complaint re noise at 6 miller's row")


def test_it_masks_lower_case_initials_before_an_age_and_sex_but_not_i_e() -> None:
    assert {"p", "w", "33"} <= masked("3. p.w. 33f - new referral from gp")
    assert masked("i.e. 20m walk daily") == set()


def test_it_masks_health_numbers_of_other_countries_by_their_names() -> None:
    assert "8841 220 197" in masked("PHN: 8841 220 197   DOB 1980-02-01")
    assert "485 777 3456" in masked("NHS number 485 777 3456")


def test_it_masks_two_initials_or_initials_and_a_date_closing_a_note() -> None:
    note = "Safety plan reviewed with the young person and her mother today.\n"
    assert {"NH", "JT"} <= masked(note + "NH/JT")
    assert "RMK" in masked(note + "RMK 03.05.24")


def test_it_masks_a_lower_case_street_after_to_with_a_lettered_number() -> None:
    assert "12a heron st" in masked("letter sent to 12a heron st, cc gp")
    assert masked("d/c to gp dr adeyemi") <= {"adeyemi"}


def test_it_masks_dotted_initials_on_a_crowded_line_even_when_a_pair_spells_a_credential() -> None:
    text = "Members present (6): H.V., N.R., E.B., D.O., K.W.\nE.B. and D.O. practised."
    assert [text[s.start : s.end] for s in find_spans(text)].count("O") == 2
    assert "O" not in masked("Present: Dr. Osei, D.O., and the charge nurse")


# --- after blind set 29 -------------------------------------------------------------------
def test_it_masks_typists_initials_set_apart_from_the_next_field() -> None:
    assert {"KDW", "rtm"} <= masked("D: 04/01/80 09:12   KDW/rtm   Job 550183")


def test_it_masks_an_authors_and_a_typists_initials_in_capitals_over_the_dictations_fields() -> (
    None
):
    assert {"PAG", "RST"} <= masked("Cardiology to follow.\n\nPAG:RST\nDD: 02/15/90\nDT: 02/16/90")
    assert {"DK", "OB"} <= masked("Stable.\n\nDK/OB   JOB 00441937")
    assert masked("PROBLEMS:\nHIV/AIDS\nCHF/COPD\nBP:HR stable") == set()


def test_it_masks_an_age_after_its_label_with_a_letter_and_ages_opening_a_sentence() -> None:
    assert "71" in masked("NAME: ORTIZ, ELENA   AGE: 71Y   SEX: F")
    assert "58" in masked("Record date: 2081-02-11\n\nNow 58, back at work part time.")
    assert "83" in masked("Her sister, herself 83, visits weekly.")
    assert masked("Dose now 10, then taper.") == set()


def test_it_masks_a_relatives_age_in_brackets_and_an_index_number() -> None:
    assert "91" in masked("Son reports mother (91) more forgetful.")
    assert "RWX84Q2" in masked("Batch 7 Index No. RWX84Q2")


def test_it_masks_dotted_initials_after_an_attendance_label() -> None:
    text = "Attendance (6 of 8): Q.T., Marisol B., Dev\nQ.T. mostly quiet."
    assert [text[s.start : s.end] for s in find_spans(text)].count("Q") == 2


def test_it_masks_a_short_weekday_in_brackets() -> None:
    assert kinds("visit 3/3/2024 (Sun), 10:00-11:00")["Sun"] == Kind.DATE


def test_it_masks_who_wrote_each_entry_of_a_contact_log() -> None:
    log = "3/4 10:15 tj: left vm for client.\n3/4 14:02 tj: client returned call."
    assert [log[s.start : s.end] for s in find_spans(log)].count("tj") == 2
    assert "pt" not in masked("3/4 10:15 pt: called in, rescheduled")


def test_it_masks_a_floor_written_in_lower_case_as_part_of_an_address() -> None:
    assert "18 Quarry Street, 3rd floor" in masked("Office: 18 Quarry Street, 3rd floor, Easton")


def test_it_masks_a_bay_or_bed_named_by_its_unit_and_number() -> None:
    assert "12" in masked("Disposition: PACU Bay 12 stable.")
    assert {"SICU 11", "Trauma 2", "MICU-7", "5N-22"} <= masked(
        "BED: SICU 11\nRoom: Trauma 2\nMedical ICU, Bed MICU-7\nUNIT: 5 NORTH  BED 5N-22"
    )
    assert masked("bed mobility: min assist x2. Room air 98%. Bed alarm on.") == set()


def test_it_masks_a_date_after_a_line_was_placed_or_a_drug_prescribed() -> None:
    assert {"6/8", "3/8"} <= masked("lithium re-initiated 6/8; clarithromycin prescribed 3/8")
    assert masked("prescribed 1/2 tab at bedtime") == set()


def test_it_masks_an_imaging_centre_by_its_name() -> None:
    assert "Ellerslie Medical Imaging" in masked("MRI read at Ellerslie Medical Imaging today.")
    assert masked("discussed diagnostic imaging with pt") == set()


def test_it_masks_a_month_and_day_that_continues_a_list_or_range_of_dates() -> None:
    assert "4/10" in masked("Notes reviewed for 3/27, 4/3, 4/10: goals clearer.")
    assert {"4/8", "4/10"} <= masked("Suspended from school (4/8-4/10) after a fight.")
    assert masked("Pain 3/10, 4/10 by evening.") == set()


def test_it_masks_a_trade_after_a_name_and_its_age_in_brackets() -> None:
    assert "ER nurse" in masked("daughter Josephine Hale-Marsh (30, ER nurse) lives nearby")
    assert masked("Session (50, therapist present) ran long.") == set()


def test_it_takes_a_town_and_number_after_an_address_for_the_town_and_its_zip() -> None:
    # (the redacted text then says [ZIP], not an ID's placeholder)
    found = kinds("Lives at 2200 Harrow Road, Quillon Marsh 03874 now.")
    assert found.get("03874") == Kind.ZIP and "Quillon Marsh" in found
    assert kinds("Lives at 2200 Harrow Road; file 03874 closed.").get("03874") != Kind.ZIP


# --- after blind sets 32 and 33 -------------------------------------------------------------


def test_it_masks_a_name_kept_to_its_initial_after_a_title() -> None:
    assert {"Q", "V"} <= masked('Spoke with Mr. Q about rent; "Mrs. V" declined.')
    assert masked("Group A strep negative; vitamin D low.") == set()


def test_it_masks_an_age_at_whatever_it_is_the_age_at() -> None:
    assert "15" in masked("Age at evaluation: 15\nReferral: school")
    assert masked("Dose at bedtime: 15 mg") == set()


def test_it_masks_an_age_and_sex_in_brackets_after_initials() -> None:
    assert "52" in masked("2. J.K. (52 F, panic) improving.")
    assert masked("Lab (45 F, fasting) pending.") == set()


def test_it_masks_a_range_of_days_in_one_month() -> None:
    assert "October 14-18, 2024" in masked("Week of: October 14-18, 2024")
    assert "3" not in masked("Her due date is in May. 2-3 drinks a week before that.")


def test_it_masks_the_start_of_a_range_whose_end_is_a_date() -> None:
    assert {"3/3", "3/12"} <= masked("Reviewed daily notes 3/3 to 3/12 for the summary.")
    assert masked("Scored 2/4 to 3/4 on recall.") == set()


def test_it_masks_an_extension_written_with_a_dash() -> None:
    assert "7-2241" in masked("Page the social worker, ext. 7-2241, after rounds.")
    assert masked("Extremities 4-5 beats of clonus.") == set()


def test_it_masks_a_bed_named_by_floor_wing_and_number() -> None:
    assert "4E-21A" in masked("Bed: 4E-21A\nDiet: regular")
    assert masked("Bed rest 6 weeks; diet: regular.") == set()


def test_it_masks_the_initials_a_dictation_line_gives() -> None:
    assert {"KW", "rl"} <= masked("Dictated By: KW   Transcribed By: rl\nJob 4471")
    assert masked("Dictated By: RN on the unit") == set()


def test_it_masks_a_school_district_as_a_whole() -> None:
    assert "Ashgrove Unified School District" in masked(
        "Records came from Ashgrove Unified School District today."
    )
    assert masked("Records came from the school district office today.") == set()


def test_it_masks_a_forms_lower_case_address_town_and_employer_after_their_labels() -> None:
    form = (
        "Address: 88 n. birch ave apt 2\nCity/State/ZIP: tillmore, oh 45012\n"
        "Employer: harwick valve co\nOccupation: machinist"
    )
    assert {"88 n. birch ave apt 2", "tillmore", "harwick valve co"} <= masked(form)
    assert masked("Address: see chart\nCity: n/a\nEmployer: none") == set()


def test_it_masks_an_account_name_and_a_vehicles_plate() -> None:
    assert {"rbell_77", "KTR 5520"} <= masked(
        "Portal username: rbell_77. His van (plate KTR 5520) was towed."
    )
    assert masked("Login: never. Platelets 140; tag 12 units.") == set()


def test_it_masks_staff_named_by_initial_and_surname_after_a_credential() -> None:
    assert "J. MARLOWE" in masked("0700 REPORT GIVEN TO ONCOMING RN J. MARLOWE.")
    assert masked("0700 REPORT GIVEN TO ONCOMING RN.") == set()


def test_it_masks_initials_alone_on_a_notes_last_line() -> None:
    assert "KW" in masked("Plan: f/u 2 wks, sooner prn.\nKW")
    assert masked("Plan: f/u 2 wks, sooner prn.\nPRN") == set()


# --- after blind sets 34 and 35 -------------------------------------------------------------


def test_it_masks_dotted_initials_standing_alone_for_a_person() -> None:
    assert {"P", "V", "L", "G"} <= masked("Argued with a peer (P.V.); apologized to L.G. later.")
    assert {"T", "W"} <= masked("The cup struck the wall near T.W.. She apologized.")
    assert masked("Seen by an M.D. at 9 A.M. under G.L. c. 123.") == set()


def test_it_masks_a_range_of_ordinal_days_and_a_dental_practice() -> None:
    assert {"June 3rd-4th", "Larkmoor Family Dentistry"} <= masked(
        "Pass requested for June 3rd-4th; she works at Larkmoor Family Dentistry."
    )
    assert masked("She sees the dentist on the third floor.") == set()


def test_it_masks_both_initials_signing_a_notes_last_line() -> None:
    assert {"KW", "JD"} <= masked("Next session in two weeks.\n\nKW / JD")
    assert masked("Next session in two weeks.\n\nPRN / BID") == set()


def test_it_masks_ages_and_trades_in_a_household_tables_columns() -> None:
    table = (
        "| Name | Relation | Age | Occupation |\n|---|---|---|---|\n"
        "| Rosa Ibarra | Self | 41 | Dental hygienist |\n| Tomas Ibarra | Son | 12 | Student |"
    )
    assert {"41", "Dental hygienist", "12"} <= masked(table)
    assert "Student" not in masked(table)
    assert masked("| Test | Value |\n|---|---|\n| Sodium | 138 |\n| Potassium | 4 |") == set()


def test_it_masks_the_ages_of_a_table_drawn_without_its_outer_bars() -> None:
    rounds = "PT | AGE | BARRIER\nR. Mbeki | 52 | housing\nJ. Sokolov | 90 | family"
    assert {"52", "90"} <= masked(rounds)
    assert masked("Test | Value\nSodium | 138\nPotassium | 4") == set()


def test_it_masks_the_ages_under_a_heading_of_the_age_something_began() -> None:
    history = (
        "| Substance | Age 1st use | Last use | Route |\n|---|---|---|---|\n"
        "| alcohol | 15 | Feb | PO |\n| cannabis | 16 | 2020 | smoked |"
    )
    assert {"15", "16"} <= masked(history)
    assert "2" not in masked("| Drug | Dose | Times a day |\n|---|---|---|\n| lithium | 300 | 2 |")


def test_it_masks_a_childs_age_in_months_a_run_number_and_a_trade_after_position() -> None:
    assert {"14", "24-771203", "shipping clerk"} <= masked(
        "14-month-old seen. Run #: 24-771203\nPosition: shipping clerk"
    )
    assert masked("Position: supine, head of bed at 30 degrees.") == set()


# --- after blind set 36 ---------------------------------------------------------------------


def test_it_masks_a_case_number_after_its_label_and_a_number_after_no() -> None:
    assert {"24-3-00817-2", "21-440917"} <= masked(
        "Diversion case: 24-3-00817-2 KNT\nDWC No.: 21-440917"
    )
    assert masked("Case 2: discussed boundaries.") == set()


def test_it_masks_an_age_said_in_the_past_and_one_after_a_birth_date() -> None:
    assert {"16", "31"} <= masked("He was 16. Intake: Lena Hoff, DOB 02/09/1993, 31")
    assert masked("He was 10 minutes late; DOB on file, 2 forms signed.") == set()


def test_it_masks_a_trade_a_client_names_in_her_own_words() -> None:
    assert "dental assistant" in masked("I'm a dental assistant, so I can't call in sick.")
    assert masked("I'm a mess this week.") == set()


def test_it_masks_a_hurried_notes_initials_after_a_dash_closing_a_line() -> None:
    assert {"tw", "jb"} <= masked("rtc 2 wk.\n-tw\n\nno si. ok to cont. -jb (covering)")
    assert masked("bp 120/80 -ok\nlabs -neg") == set()


# --- after blind set 37 ---------------------------------------------------------------------


def test_it_masks_a_letterheads_hospital_opening_its_line_before_town_and_state() -> None:
    assert "Gateway Memorial Hospital" in masked(
        "SURGERY CONSULT\nGateway Memorial Hospital, Dover, Delaware\nDate: 5/5"
    )
    assert masked("PLAN\nContinue Group, Monday, Tuesday.") == {"Monday", "Tuesday"}


def test_it_masks_a_practice_named_for_its_specialty_but_not_the_specialty() -> None:
    assert "Copper Canyon Rheumatology" in masked(
        "TELEHEALTH NOTE\nCopper Canyon Rheumatology, Taos, NM\nPatient: A. Roe"
    )
    assert masked("Passed the stone. Call Urology if fever; Surgical Oncology to follow.") == set()


def test_it_masks_attendants_sergeants_coders_and_handlers_as_trades() -> None:
    found = masked("She is a flight attendant; he works as a package handler.")
    assert {"flight attendant", "package handler"} <= found
    assert masked("An attendant was present for the whole exam.") == set()


# --- after blind set 38 ---------------------------------------------------------------------


def test_it_masks_a_hurried_notes_clinic_named_in_lower_case() -> None:
    assert "eastbrook family wellness clinic" in masked(
        "med ck 8/2 - eastbrook family wellness clinic\npt seen"
    )
    assert masked("seen in perinatal clinic; f/u adol clinic; lithium clinic") == set()


def test_it_masks_an_age_at_a_time_whoever_it_was_then() -> None:
    assert {"4", "16"} <= masked("They moved when Talia was 4. Father died when caller was 16.")
    assert masked("Called back when it was 5; resumed when pain was 2.") == set()


def test_it_masks_a_lower_case_age_and_sex_before_a_diagnosis_or_a_room() -> None:
    assert {"47", "81"} <= masked("pt leon marr 47m, bpad i, known to us\npt ida roe 81f rm 12.")
    assert masked("walked 5 m, room air, tolerated") == set()


def test_it_masks_a_lower_case_street_after_its_number_on_file_or_at_home() -> None:
    assert {"52 quill st", "118 n 4th st"} <= masked(
        "addr on file 52 quill st, akron.\ncb: son; home 118 n 4th st 44301"
    )
    assert masked("went home to rest; home health dr visit planned") == set()


def test_it_masks_a_hurried_notes_initials_signed_with_a_credential() -> None:
    assert {"kd", "tw"} <= masked("f/u 2 wk.\n-kd, np\n\nslept well.\n- tw rn")
    assert masked("labs -neg\nvitals -ok") == set()


# --- after blind set 40 ---------------------------------------------------------------------


def test_it_masks_an_organisation_after_a_forms_label_but_not_a_service_or_a_team_of_people() -> (
    None
):
    form = "Agency: Tri-Valley Crisis Link\nFacility: Harlow Correctional Institution, Unit D"
    assert {"Tri-Valley Crisis Link", "Harlow Correctional Institution"} <= masked(form)
    left = masked("Program: Adult Substance Use IOP\nTeam: Vera Lund, LPC; peer support")
    assert "Adult Substance Use IOP" not in left and "Vera Lund" in left


def test_it_masks_a_month_and_day_before_a_colon_but_not_a_time() -> None:
    assert "March 6" in masked("PCL-5 today 38 (intake March 6: 61).")
    assert "March 6" not in masked("Seen March 6:30 pm.")


# --- after blind set 41 ---------------------------------------------------------------------


def test_it_masks_an_agency_on_aging_and_a_rehabilitation_and_nursing_home_whole() -> None:
    found = masked(
        "Referred to Tolland Area Agency on Aging; lives at Brookmere Rehabilitation and Nursing."
    )
    assert {"Tolland Area Agency on Aging", "Brookmere Rehabilitation and Nursing"} <= found
    assert masked("His wife works nights as a Certified Nursing Assistant.") == {
        "Certified Nursing Assistant"
    }


def test_it_masks_the_age_before_the_sex_after_an_age_and_sex_label() -> None:
    assert "61" in masked("MRN: 4410928   Age/Sex: 61/M\nCase #: S24-1")
    assert masked("Ratio 61/M units") == set()


# --- after blind set 42 ---------------------------------------------------------------------


def test_it_masks_initials_that_spell_an_abbreviation_when_an_age_follows() -> None:
    assert {"P", "M", "15"} <= masked("Case 2 — P.M., 15-year-old male, school refusal.")
    assert masked("Seen at 9 P.M. on the unit.") == set()


def test_it_masks_capital_initials_after_a_dash_closing_a_line() -> None:
    assert "TY" in masked("Meds given as ordered. —TY")
    assert masked("Sats stable —OK\nPRN given —PRN") == set()


def test_it_masks_a_postmaster_and_a_shipfitter_as_trades() -> None:
    assert {"postmaster", "shipfitter"} <= masked(
        "He retired as a postmaster; his son works as a shipfitter."
    )
    assert masked("The postmark was smudged.") == set()


# --- after blind set 43 ---------------------------------------------------------------------


def test_it_masks_both_dates_of_a_range_written_in_full() -> None:
    assert {"2/3/2022", "2/9/2022"} <= masked("Admitted most recently 2/3/2022-2/9/2022 for COPD.")
    assert masked("Lot 2/3/22-5 recalled.") == set()


def test_it_masks_a_rural_route_and_its_box() -> None:
    assert "Route 2 Box 88" in masked("Address: Route 2 Box 88, Elkview, WV 25071")
    # (a road's number alone may be masked: the annotated notes mark "Route 9" as a place)
    assert "box" not in " ".join(masked("Take Route 2 to the box office."))


def test_it_masks_a_letterheads_hospital_before_a_dash_and_its_town() -> None:
    assert "Lakeside General Hospital" in masked(
        "SOCIAL WORK NOTE\nLakeside General Hospital - Camden, NJ\nPatient: A. Roe"
    )


# --- services, courts and posts (from the misses left on blind sets 20 to 43) ------------
def test_it_masks_a_crisis_team_or_programme_with_the_name_before_it() -> None:
    assert "Larkin County Mobile Crisis Team" in masked(
        "Police called the Larkin County Mobile Crisis Team to the house."
    )
    assert "Bellwether Recovery IOP" in masked("He starts at Bellwether Recovery IOP on Monday.")
    assert "Foxhollow DBT Program" in masked("Referred to Foxhollow DBT Program for skills.")


def test_it_leaves_a_team_or_a_programme_named_for_what_or_when_it_is() -> None:
    assert masked("Seen by the PTSD Clinical Team today.") == set()
    assert masked("Call the Crisis Team if needed.") == set()
    assert masked("She attends the Evening IOP three days a week.") == set()
    assert masked("Specimen sent to the Clinical Laboratory for a CBC.") == set()


def test_it_masks_a_court_by_its_county_and_a_magistrates_court_by_its_town() -> None:
    assert "Court of Common Pleas of Tallis County" in masked(
        "The petition is before the Court of Common Pleas of Tallis County."
    )
    assert "Dunmere Magistrates' Court" in masked("He appeared at Dunmere Magistrates' Court.")
    assert masked("The court of appeals has not ruled.") == set()


def test_it_masks_a_veterans_post_with_its_number_and_a_funeral_home() -> None:
    assert "American Legion Post 318" in masked("He tends bar at the American Legion Post 318.")
    assert "Ashby & Sons Funeral Home" in masked("Funeral home: Ashby & Sons Funeral Home.")
    assert masked("The funeral home called about the service.") == set()


# --- after blind sets 44 and 45 --------------------------------------------------------------
def test_it_masks_a_state_that_is_also_a_word_before_a_zip_and_a_province_before_a_postcode() -> (
    None
):
    assert {"PA", "18529"} <= masked("Mail to 12 Ore Rd, Tamsin Vale, PA 18529 by Friday.")
    assert "ON" in masked("Office: 45 Tay St, Orrville, ON L9Y 2L7")
    assert masked("Birra Creek NSW 2798") in (
        {"Birra Creek", "NSW", "2798"},
        {"Birra Creek NSW", "2798"},
    )
    assert "PA" not in masked("Seen by Ana Ruiz, PA on 3 visits.")


def test_it_masks_the_whole_name_filling_a_patients_field() -> None:
    assert "WASHINGTON, BEATRICE L" in masked("PT: WASHINGTON, BEATRICE L   MRN 4412")
    assert "Quarrel, Winifred Ada" in masked("Name: Quarrel, Winifred Ada")
    assert "o'dell, kathleen" in masked("pt: o'dell, kathleen\ndx: mdd")
    assert "ines carvalho-mendes" in masked("student: ines carvalho-mendes\nref: self")
    assert masked("Pt: Smith, doing well") == {"Smith"}
    assert masked("pt: doing well today") == set()


def test_it_masks_a_handoffs_patient_in_capitals_before_age_and_sex() -> None:
    assert "HARPER QUINTERO" in masked("RM 11 \u2014 HARPER QUINTERO 11YO F, ASTHMA")
    assert "KNIGHT, ROSE" in masked("RM 414A \u2014 KNIGHT, ROSE  77 YO F")
    assert "CHF" not in " ".join(masked("ADM \u2014 CHF 77 YO F"))


def test_it_masks_a_groups_roll_by_initials_and_first_names_up_to_its_end() -> None:
    text = "Attendance (6 of 7): KL, M.R., Faith, t.n., S.O. (new). Absent: Hope (sick child)."
    assert {"KL", "M", "R", "Faith", "t.n.", "S", "O", "Hope"} <= masked(text)
    assert masked("Absent: K. Dole (excused, work), A. Rivas.") >= {"K. Dole", "A. Rivas"}
    assert masked("Present: all members. Attendance: Missed (sick). Topic: coping.") == set()


def test_it_masks_a_hurried_notes_place_in_lower_case_after_an_at_sign() -> None:
    assert "st joes" in masked("f/u w/ dr patel @ st joes nxt wk.")
    assert "dollar general" in masked("works pt stocking shelves @ dollar general, mgr ok")
    # (the context weights fitted with sets 74-77 take the room's word with the shelter)
    assert any(
        "harbor house shelter" in m for m in masked("kev seen @ harbor house shelter dayroom.")
    )
    assert masked("meds @ bedtime, seen @ home, call @ 3pm, slept at local shelter") == set()


def test_it_masks_a_trade_in_brackets_or_after_as_but_not_the_writers_own_role() -> None:
    assert "dispatcher" in masked("Mom Tina (a dispatcher for an oilfield service) came.")
    assert "longshoreman" in masked("worked yrs as longshoreman til back injury")
    assert masked("I testified as treating psychiatrist.") == set()


def test_it_masks_initials_and_age_opening_a_case_lists_item_but_not_a_vital_sign() -> None:
    assert {"MT", "19"} <= masked("2. MT - 19 F, freshman, restrictive eating")
    assert {"j", "o", "34"} <= masked("3. j.o. - 34, nonbinary, barista")
    assert masked("- BP - 120, stable\n2. HR - 88, regular") == set()


def test_it_masks_a_lower_case_name_again_wherever_it_recurs_once_found() -> None:
    text = "wife oksana brought him in. no etoh per pt + oksana. if no show call oksana."
    assert [text[s.start : s.end] for s in find_spans(text)].count("oksana") == 3
    text = "sister Hope came. we talked about hope and coping."
    assert [text[s.start : s.end] for s in find_spans(text)] == ["Hope"]


def test_it_masks_a_name_that_is_a_word_opening_a_line_as_its_speaker_or_before_an_adverb() -> None:
    text = (
        "Family session: mother Summer Vance, son Ty.\n"
        'Summer: "he never listens."\nSummer now works nights.'
    )
    assert masked_words(text).count("Summer") == 2  # (and "Summer Vance")
    assert masked("Family session: mother Summer Vance.\nCourt: hearing set for next week.") == {
        "Summer Vance"
    }


def test_it_masks_a_name_the_context_found_wherever_it_recurs() -> None:
    text = "group: nilu, mom, dad, bro timur (12). nilu quiet."
    assert masked_words(text).count("nilu") == 2
    text = "0100 checks. quigley up to bathroom, sitter aware. 0300 quigley asleep."
    assert masked_words(text).count("quigley") == 2
    assert masked("0100 checks. up to bathroom, sitter aware. 0300 asleep.") == set()


def test_it_masks_a_lower_case_name_that_is_also_a_word_before_its_possessive() -> None:
    text = "ex-wife tammy said he can come. he is scared in front of tammy's new husband."
    assert masked_words(text).count("tammy") == 2
    text = "ex-wife tammy said he can come. he is scared of the tammy fabric."
    assert masked_words(text).count("tammy") == 1


def test_it_masks_a_child_protective_agencys_letters_in_either_case() -> None:
    assert any("dcfs" in m for m in masked("mandated rpt to dcfs hotline 10:12, callback pending"))
    assert "YMCA" in masked("YMCA membership renewed.")
    assert masked("CPS negative; DDS reviewed.") == set()


def test_it_masks_a_lower_case_age_and_sex_opening_an_assessment_but_not_a_duration() -> None:
    assert "66" in masked("a/p 66f nstemi s/p des x1")
    assert "82" in masked("a/p\n82m cap rll + paf")
    assert masked("10m later pt walked to the door") == set()


def test_it_masks_a_three_digit_pager_and_an_australian_number() -> None:
    assert "227" in masked("C-L Service, pager 227")
    assert "02 5550 1234" in masked("Call the support line (02 5550 1234) tonight.")
    assert masked("Took 227 steps on the ward.") == set()


def test_it_masks_a_handoffs_patient_after_the_room_number() -> None:
    assert "TRUJILLO, MANNY" in masked("RM 512-2 TRUJILLO, MANNY 44M. ETOH W/D, CIWA Q4H")


def test_it_masks_a_nickname_in_quotes_after_a_name_or_a_companion() -> None:
    assert "tilly" in masked('participant: marcus tillery ("tilly")')
    assert "Scout" in masked('Children: Wyatt (10); Scarlett ("Scout," 7).')
    assert "big mike" in masked('text his sponsor "big mike" on arrival')
    assert "Pickle" in masked('Friends Rowan and "Pickle" stayed after rehearsal.')
    assert masked('he texted girlfriend Kaylee "im done." and left') == {"Kaylee"}
    assert masked('he calls it "the pit" and feels "stuck"') == set()


def test_it_masks_a_lower_case_college_centre_or_congregation_by_its_name() -> None:
    assert "merrimack valley cc" in masked("freshman @ merrimack valley cc, in dorms")
    assert "first methodist" in masked("walked to a noon mtg @ first methodist after.")
    assert masked("sent to the perinatal ctr for follow-up") == set()


def test_it_masks_a_lower_case_given_name_its_initial_and_age_before_the_sex() -> None:
    assert {"kenzie r", "19"} <= masked("2/19 tele f/u \u2014 kenzie r 19f, freshman")
    assert masked("took vitamin d 50m after lunch") == set()


def test_it_masks_an_age_after_a_name_and_its_relation_or_its_closing_quote() -> None:
    assert "38" in masked("Petitioner: Andrea Kessel (mother), 38, ICU nurse")
    assert "52" in masked('Caller: self-identified as "Rose," 52, from cell')
    assert "3" not in masked("Dana Ruiz (sister), 3 visits so far.")


def test_it_masks_an_assessments_age_after_its_colon_or_before_w_slash() -> None:
    assert "64" in masked("a/p: 64m nstemi s/p pci")
    assert "34" in masked("icu day 9\n34f w/ ivdu, tricuspid")


def test_it_masks_the_age_after_a_birth_date_written_in_words() -> None:
    assert "54" in masked("DOB April 3, 1970 (54)   Admit 08/12/2024")


def test_it_masks_a_pager_after_the_verb_but_not_a_page_of_a_document() -> None:
    assert "6620" in masked("re-consult prn, page 6620 w/ q's.")
    assert masked("see page 1234 of the chart") == set()


def test_it_masks_a_nurses_initials_after_the_roles_label_and_whom_they_handed_to() -> None:
    assert {"DMK", "JRT"} <= masked("RN: DMK \u2192 JRT")
    assert masked("RN: MD aware") == set()


def test_it_masks_the_state_before_a_signers_licence_number() -> None:
    letter = "Respectfully,\nOrla Feeney, PsyD\nNV Licensed Psychologist #4410"
    assert "NV" in masked(letter)
    assert "KY" in masked("T. Abara, LPCC   KY #LPCC-20117   4/2/25")
    assert {"UT", "ID"} <= masked("Supervisor: R. Ames, PhD (licensed in UT, ID)")
    # a degree after a name, and the label of a number, are no states
    assert "MD" not in masked("Anand Roth, MD   #45102")
    assert "ID" not in masked("BELONGINGS: STATE ID # D0811745 INVENTORIED")


def test_it_masks_the_state_that_issued_a_licence_a_plate_or_a_law() -> None:
    assert "WI" in masked("Y. Achebe, LMFT, WI license LMFT-118204")
    assert "MO" in masked("took the pickup (MO plate 7HK-2R9) last night")
    assert "TX" in masked("Holds CDL # TX 31887204 and drives")
    assert masked("ID license renewed; OR law; IN law school") == set()


def test_it_masks_a_date_with_stops_after_the_label_of_its_day() -> None:
    assert "11.14.24" in masked("DOS: 11.14.24   Clinician: on call")
    # (without the label the rule takes nothing; the numbers' model may still read a date)
    assert rule_spans("scores 11.14.24 on the subtests")[0] == []


def test_it_masks_a_workplace_in_a_line_of_capitals_when_a_word_of_it_is_no_word() -> None:
    assert "CALCASIEU REFINING" in masked("RETIRED PIPEFITTER (32 YRS AT CALCASIEU REFINING).")
    assert "ONTARIO NORTHLAND" in masked("RAIL CONDUCTOR (31 YRS WITH ONTARIO NORTHLAND).")
    assert masked("PT AT HOME WITH GIRLFRIEND. SPEAKS FRENCH AT BASELINE.") == set()


def test_it_masks_a_state_closing_a_letterheads_town_but_not_a_degree() -> None:
    assert "WV" in masked("Greenbrier Valley Hospital, Marlinton, WV -- medical floor")
    assert "CT" not in masked("Counselor: Claire Dubin, MA, CT")


def test_it_masks_a_deceased_patients_name_and_a_handoffs_patient_after_pt() -> None:
    assert "RUTHERFORD, CORNELIUS B" in masked("Deceased: RUTHERFORD, CORNELIUS B   MRN 300184")
    assert "MCALLISTER, DONALD R" in masked("PT MCALLISTER, DONALD R  56M  MRN 7004519")
    assert masked("PT IS 77 YO M") == {"77"}


def test_it_masks_a_districts_or_boards_letters_after_its_name_and_a_psychiatric_hospital() -> None:
    assert "Cooper Vale ISD" in masked("School: grade 6, Cooper Vale ISD")
    assert "River Bend CSB" in masked("Case manager: F. Grant, CPRP, River Bend CSB")
    assert "Penobscot Valley Psychiatric" in masked("hospitalized at Penobscot Valley Psychiatric")
    assert "Northstar Mutual Life" in masked("To: Northstar Mutual Life\nRe: claim")
    assert masked("Call DSS today. Initial Psychiatric Evaluation done.") == set()


def test_it_masks_a_month_and_day_after_a_word_of_expectation_or_a_last_bowel_movement() -> None:
    assert "9/10" in masked("bed expected 9/10.")
    assert "2/9" in masked("dc likely 2/9")
    assert "6/10" in masked("LAST BM 6/10. SENNA HS.")
    assert masked("BCx 2/2 positive; pain 6/10; strength 4/5") == set()


def test_it_masks_a_workplace_in_capitals_named_for_its_town_or_after_a_trade_and_for() -> None:
    assert "WAYCROSS TIRE & LUBE" in masked('"I NEED TO CALL MY BOSS AT WAYCROSS TIRE & LUBE."')
    assert "CALDERA ROOFWORKS" in masked("WORKING FULL TIME AS A ROOFER FOR CALDERA ROOFWORKS.")
    assert masked("PT IS A NURSE FOR CHILDREN") == {"NURSE"}


def test_it_masks_a_trade_in_brackets_after_a_relation_and_the_name_it_introduces() -> None:
    assert "electrician" in masked("dad rich (electrician, local 252) at bedside")
    assert masked("sister Ana (see above) called") == {"Ana"}


def test_it_masks_a_month_and_day_like_a_fraction_after_a_discharge_an_admission_or_labs() -> None:
    text = "Planned discharge: 3/10. New admit 4/6; booked 7/7. Lipids 2/9 and biliary stent 8/10."
    assert {"3/10", "4/6", "7/7", "2/9", "8/10"} <= masked(text)
    assert masked("Pain 3/10 at discharge; tolerated 4/6 reps; recall 2/3.") == set()


def test_it_masks_a_month_and_day_filling_a_tables_cell_but_not_a_score_in_one() -> None:
    text = "| lisinopril | 10 mg PO daily | 7/8 AM | continue |\n| aspirin | 81 mg | 7/7 | hold |"
    assert {"7/8", "7/7"} <= masked(text)
    assert masked("| Strength | 4/5 | normal |") == set()


def test_it_masks_a_year_and_month_and_an_age_after_a_name_before_a_lower_case_sex() -> None:
    assert "2016-03" in masked("lisinopril (angioedema 2016-03).")
    assert "84" in masked("id: mrs. peabody, 84f, bed 9, hd 4 for uti")
    assert kinds("Case IOP-2024-03 opened").get("IOP-2024-03") == Kind.ID  # (whole, no date)


def test_it_masks_a_nickname_in_quotes_after_its_label_and_a_state_before_lic() -> None:
    assert "Tee" in masked('Name: Dwayne T. Pruitt   Preferred name: "Tee"')
    assert "MA" in masked("Laurel Vance-Ito, PsyD - MA Lic. #PSY-10482")
    assert masked('Plan: "stay busy" and call') == set()


def test_it_masks_brakemen_farriers_publicans_and_framers_as_trades() -> None:
    assert "railroad brakeman" in masked("Mr. Dunmore is a 75 y/o retired railroad brakeman who")
    assert "publican" in masked("65 year old man, a publican, with anaemia")
    assert masked("the porter brought the bags up") == set()


def test_it_masks_the_town_closing_a_numbered_street_address_without_a_zip() -> None:
    assert "Pine Crossing" in masked("Current unit: 1415 Sixth St, Apt 7, Pine Crossing\nRent due")
    assert "Judge" not in masked("Court: Lowell District Court, Judge Amos presiding")
    assert masked("Address: 45 Elm St, Suite 200\nPhone: none") == {"45 Elm St, Suite 200"}


def test_it_masks_an_organisation_opening_a_line_with_an_ordinary_word() -> None:
    text = "PSYCHIATRY CONSULT NOTE\nSummit Regional Medical Center - Unit 5B\nReason: mood"
    assert "Summit Regional Medical Center" in masked(text)
    assert masked("Outside Hospital records reviewed today.") == set()
    assert masked("Continue Group Therapy Program twice weekly.") == set()


def test_it_reads_a_name_after_e_g_as_mid_sentence() -> None:
    assert "Beacon House Recovery" in masked("a residential stay (e.g. Beacon House Recovery).")


def test_it_masks_medical_practices_rescue_squads_and_a_community_support_agency() -> None:
    assert "Dunmore Family Medical" in masked("PCP: Dr. Osei at Dunmore Family Medical, seen 2x/yr")
    assert "Cold Creek Rescue Squad" in masked("Brought in by Cold Creek Rescue Squad at 0310.")
    assert "Kennebec Community Support" in masked("CM: Ada Fry, BSW, Kennebec Community Support")
    assert "DVLA MEDICAL" not in masked("DVLA MEDICAL ENQUIRY SENT BY POST")
    peer = kinds("Peer Support Worker met her at the bus stop.")
    assert Kind.ORGANIZATION not in peer.values()


def test_it_masks_an_organisations_short_name_defined_in_brackets_wherever_it_recurs() -> None:
    text = "Referred to Harmon Valley Behavioral Health (HVBH) for IOP. HVBH called back."
    assert [text[s.start : s.end] for s in find_spans(text)].count("HVBH") == 2
    assert "PTSD" not in masked("Harmon Valley Behavioral Health (PTSD) team met")


def test_it_masks_a_lower_case_school_district_deli_or_church_after_a_preposition() -> None:
    assert "cedar bluff usd" in masked("drives a bus for cedar bluff usd, off for 1 wk")
    assert "hollis creek deli" in masked("works wknds @ hollis creek deli, cash tips")
    assert masked("refills sent to preferred pharmacy today") == set()
    assert masked("goes to the local church with her mom") == set()


def test_it_masks_a_trade_after_formerly_become_or_is_the_but_not_a_family_role() -> None:
    assert "seamstress" in masked("88-year-old widow, formerly a seamstress, lives alone")
    assert "diesel mechanic" in masked("he hopes to become a diesel mechanic next year")
    assert "bookkeeper" in masked("at the feed store, where she is the bookkeeper, hours cut")
    assert "labourer" in masked("Working 3 days a week as a labourer on a building site.")
    assert masked("His wife is the caregiver at home.") == set()


def test_it_masks_a_trade_after_a_bracketed_relation() -> None:
    assert "mechanic" in masked("Dale (husband, mechanic) drove her in.")
    assert "sober" not in " ".join(masked("Dale (husband, sober 2 yrs) drove her in."))


def test_it_masks_lower_case_names_with_an_age_or_listed_beside_another() -> None:
    assert {"zee", "nico"} <= masked("kids zee (9) & nico (6) stay w/ gma this wk")
    assert "rj" in masked("son rj (17) doing ok at school")
    assert {"brayden", "mia"} <= masked("wants to see her kids (brayden + mia) tonight")
    assert "lyle" in masked("grief - husb (lyle) died in march")
    # ("pt" is no name; the number alone may still read as an age)
    assert "pt" not in masked("pt (4) stable overnight")
    assert "faith" not in masked("Protective: Tobias, faith, her job.")


def test_it_masks_initials_explained_in_brackets_and_lower_case_initials_with_stops() -> None:
    assert {"r.k.", "rosa kimball"} <= masked("met cl r.k. (rosa kimball) @ the library")
    assert "b.t." in masked("I notice relief when b.t. cancels.")
    assert "w.m." in masked("- w.m.: skipped two days of diary cards")
    assert masked("take 1 tab p.o. at 9 a.m., e.g. with food") == set()
    assert masked("PE (pulmonary embolism) ruled out") == set()


def test_it_masks_a_province_closing_a_towns_line_and_a_town_before_a_british_postcode() -> None:
    assert "NB" in masked("Seen by video; client at home in Sussex Corner, NB\nDuration: 50 min")
    town = " ".join(masked("2 Vicarage Close, Bishop's Lydeard TA4 3BX"))
    assert "Bishop's" in town and "Lydeard" in town
    assert masked("Vicarage Close TA4 3BX") == {"TA4 3BX"}
    assert masked("Lee Chan, PE - structural review of the ramp") == {"Lee Chan"}
    assert masked("Started NS bolus at 0300.") == set()


def test_it_masks_a_hurried_signature_with_a_credential_and_handoff_initials() -> None:
    assert "p. okoro" in masked("- dispo tmrw\np. okoro md")
    assert "wb" in masked("- likely d/c fri\n-wb pgy2")
    assert {"dm", "c. hale"} <= masked("seen w/ attending.\n-- dm ms3 / c. hale md")
    assert "B. TREMAINE" in masked("NEXT VISIT 2 WEEKS.\nB. TREMAINE, RMN, CMHT")
    assert {"QX", "MFO"} <= masked("GIVEN BY QX RN TO MFO RN")
    assert masked("REPORT CALLED TO ED RN NOW.\nplan per md") == set()


def test_it_masks_ages_at_a_lifes_events_after_a_name_and_after_the_word_client() -> None:
    assert "52" in masked("FHx: father had MI at 52. Mother living.")
    assert "18" in masked("Prior attempt at 18 (OD, treated locally).")
    assert "81" in masked("Mrs. Okafor is 81 with her own mobility limits.")
    assert "7" in masked("Coaching son Tobi's (7) soccer team again.")
    assert "34" in masked("B: Client, 34, on time and alert.")
    assert masked("Sober at 30 days; MI at 2 weeks post op ruled out.") == set()
    assert masked("Reviewed with client, 3, 4 and 5 of the steps.") == set()


# --- an organisation's name, carried on past where a rule stopped --------------------------
def test_it_carries_an_organisations_name_on_to_the_word_that_ends_it() -> None:
    text = "He volunteers with Tri-Valley Family Housing on weekends."
    assert kinds(text) == {"Tri-Valley Family Housing": Kind.ORGANIZATION}
    assert "Tamsin Reach CBT Group" in masked("Referral to Tamsin Reach CBT Group (virtual).")
    # A hospital's department, and a form's next column, are no part of its name.
    assert masked("She came by ambulance from Quarry Bend Hospital ED after the fall.") == {
        "Quarry Bend Hospital"
    }
    assert "Unit" not in " ".join(masked("Name: Abernathy, Loretta   Unit: 4419027"))


def test_it_joins_the_two_halves_of_a_name_with_of_the_between_them() -> None:
    text = "Admitted to Saint Brigid of the Valley Regional Hospital overnight."
    assert kinds(text) == {"Saint Brigid of the Valley Regional Hospital": Kind.ORGANIZATION}
    # A person at an organisation stays a person.
    assert masked("Spoke with Marisol Quintero of the Fernwood Clinic today.") == {
        "Marisol Quintero",
        "Fernwood Clinic",
    }


def test_it_takes_in_the_ordinary_word_that_opens_an_organisations_name() -> None:
    assert "Pacific Gull Seafoods" in masked("She now works on the floor at Pacific Gull Seafoods.")
    heading = "Children's Hospital of the Tamarack Valley\nAdmission note"
    assert "Children's Hospital of the Tamarack Valley" in masked(heading)
    # A sentence's first word, or a verb in a line of capitals, is no part of a name.
    assert masked("Called Fernwood Clinic to confirm.") == {"Fernwood Clinic"}
    assert masked("PT UPSET HE CAN'T ATTEND BRIARWOOD CLINIC TODAY.") == {"BRIARWOOD CLINIC"}


# --- addresses -----------------------------------------------------------------------------
def test_it_masks_a_numbered_street_in_lower_case_with_no_word_before_it() -> None:
    assert "57 w alder st" in masked("met cl @ the waffle place 57 w alder st. cl tired")
    assert "19 quarry rd apt 2" in masked("a room at 19 quarry rd apt 2 may open next month")
    # A dose and a saint's herb are no street.
    assert masked("took 2 caps st johns wort daily") == set()
    assert masked("gave 2 tabs st") == set()


def test_it_masks_streets_that_end_in_a_trace_or_a_bypass_and_a_compass_point_after() -> None:
    assert "3307 Larkmoor Trace, Unit 9" in masked("Lives at 3307 Larkmoor Trace, Unit 9, alone.")
    assert "12 Harbour Street North" in masked("Office: 12 Harbour Street North, Guelph")
    assert masked("Walked 2 blocks north after group.") == set()


def test_it_masks_the_flat_or_lot_after_a_home_or_a_street_but_not_a_hospitals_unit() -> None:
    assert "Apt 7" in masked("Residence: Birchmoor Assisted Living, Apt 7, Ames")
    assert "1902 Camino Verde, Lot 6" in masked("lives at 1902 Camino Verde, Lot 6, Fresno")
    assert "Unit 3" not in " ".join(masked("Quarry Glen State Hospital, Unit 3 West"))


def test_it_masks_a_lower_case_clinic_named_for_a_place_but_not_for_what_it_treats() -> None:
    text = "he's 90 days out of copper creek recovery center, working days"
    assert "copper creek recovery center" in masked(text)
    assert masked("if score <26 refer to memory clinic next month") == set()
    assert masked("Client agreed to lethal means counseling today") == set()


# --- dates ---------------------------------------------------------------------------------
def test_it_masks_a_month_and_day_after_a_refill_a_hold_a_meeting_or_a_culture() -> None:
    assert masked("next refill 3/4, then taper") == {"3/4"}
    assert masked("Next meet: 4/8 at the library") == {"4/8"}
    assert masked("Micro: BAL 6/7 MSSA; blood cx 6/6 NGTD") == {"6/7", "6/6"}
    # Bottles that grew, of those drawn, are no date.
    assert masked("BCx 2/2 GNR, prelim") == set()


def test_it_masks_a_quoted_nickname_after_prefers_or_after_a_relation_and_a_comma() -> None:
    assert "Tiny-T" in masked('Client: Marcus Oyelowo (prefers "Tiny-T")   Age: 40')
    assert "Wolfie" in masked('Her biggest worry is her brother, "Wolfie," coming home.')
    # Words quoted from a relative are no name.
    assert masked('his brother, "fine," he said') == set()


# --- numbers and staff initials ----------------------------------------------------------
def test_it_masks_a_health_card_or_business_number_written_in_groups() -> None:
    assert "2208 417 903" in masked("Patient: Ruth Ingram    HCN 2208 417 903    DOB 2 May")
    assert "53 004 085 616" in masked("Ph (02) 9555 0101   ABN 53 004 085 616")


def test_it_masks_a_staff_members_initials_defined_in_a_legend_wherever_they_recur() -> None:
    note = "0200 | 15 | KOb\n0400 KOb: GCS 14.\nSignatures: K. Obuya RN (KOb); T. Lind RN (TL)"
    assert [note[s.start : s.end] for s in find_spans(note)].count("KOb") == 3
    # Letters in brackets that are not the name's initials are left alone.
    assert masked("Dr. Ana Ruiz (ICU) saw her. Transferred to ICU.") == {"Ana Ruiz"}


def test_it_masks_a_lower_case_home_practice_or_service_after_bib_thru_or_at() -> None:
    text = "78m bib tamarack county ems from willowmere manor (alf)"
    assert {"tamarack county ems", "willowmere manor"} <= masked(text)
    assert "stonebrook family practice" in masked("pcp: dr osei @ stonebrook family practice")
    assert masked("on methadone thru the county clinic, pickup daily") == set()


def test_it_masks_a_saints_place_in_lower_case_after_at_or_to() -> None:
    assert "st. columba" in masked("went to NA mtgs @ st. columba tues + thurs.")
    assert "st. agatha's food pantry" in masked("volunteers 2x/wk at st. agatha's food pantry")
    assert masked("pt st. at baseline, to start st. john's wort") == set()


def test_it_keeps_mid_with_its_month_and_a_gp_practice_whole() -> None:
    assert "mid-November" in masked("On unpaid leave since mid-November, per wife.")
    assert "Harcourt Family GP" in masked("Dr Anil Rao\nHarcourt Family GP\nDear Dr Rao,")
    assert masked("Seen mid-session by the on-call GP.") == set()


# --- written after blind sets 58 to 61 -----------------------------------------------------
def test_it_masks_new_zealand_and_irish_numbers_and_a_hospital_bleep() -> None:
    assert "09 555 4127" in masked("Whānau contact: Ph 09 555 4127 after hours.")
    assert "091 555 712" in masked("His sister has been informed (091 555 712).")
    assert "6621" in masked("R. Okoro FY2, bleep 6621")
    assert masked("ABG: pH 7.35, pCO2 40, bleeding controlled.") == set()


def test_it_masks_a_four_digit_postcode_closing_an_address_line() -> None:
    found = kinds("Home: 14 Roto Road, Takapuna, Auckland 0622\nReferred by GP.")
    assert found["0622"] == Kind.ZIP
    assert "Auckland" in found
    dated = kinds("Moved to 14 Roto Road, Takapuna, March 2019\nNo concerns.")
    assert dated["March 2019"] == Kind.DATE


def test_it_masks_initials_a_legend_defines_with_an_equals_sign() -> None:
    text = "| 0800 | M | KD |\n| 0815 | D | KD |\nInitials key: KD = Kayla Dimitrov, MHT"
    assert "KD" in masked(text)
    assert masked("Abbreviations: HR = heart rate, RR = respiratory rate") == set()


def test_it_masks_initials_a_legend_defines_with_a_dash_wherever_they_recur() -> None:
    text = "Key: TB \u2013 Tomas Brandt, RN; SO - Signe Olafsen, HCA\n0100 asleep TB | 0115 SO/TB"
    assert sum(1 for word in masked_words(text) if word in ("TB", "SO")) == 5
    # (a clock's AM before a name is no legend; the letters inside "CP-IS" are no initials)
    near = (
        "Mon 8:12 AM - Ana Mendes, MD wrote: see you at 9 AM.\nIsla Sandoval (IS) seen. CP-IS done."
    )
    assert masked_words(near).count("AM") == 0
    assert masked_words(near).count("IS") == 1


def test_it_masks_a_letters_reference_and_a_disability_scheme_number() -> None:
    assert "CNL/2024/0381" in masked("Our ref: CNL/2024/0381\n22nd May 2024")
    assert "430 918 276" in masked("NDIS no. 430 918 276    Plan managed")
    assert masked("Ref: see the letter above.") == set()


def test_it_masks_an_age_and_sex_before_w_slash() -> None:
    assert kinds("A/P: 72 M w/ acute on chronic HFrEF")["72"] == Kind.AGE
    assert kinds("Pt is a 45 F w/ hx of HTN.")["45"] == Kind.AGE
    assert masked("Grip 4/5 w/ effort, sensation intact.") == set()


def test_it_masks_a_street_named_by_a_compass_point_a_number_or_in_capitals() -> None:
    assert "W. Broadway St" in masked("Her pharmacy on W. Broadway St closed last month.")
    assert "19th St" in masked("Meets friends at a cafe on 19th St most days.")
    assert "HART HWY" in masked("SLEEPING IN HIS TRUCK ON HART HWY SINCE FRIDAY.")
    assert "600 N. Hwy 83" in masked("Pine Ridge Clinic   600 N. Hwy 83, McCook")
    assert masked("HR 118 ON TELE ST, ASYMPTOMATIC. PT ON THE ROAD TO RECOVERY.") == set()


def test_it_masks_a_bracketed_age_after_a_name_found_elsewhere_in_any_case() -> None:
    text = "couples: dom & tara brandt (dom 41, tara 39), in person"
    assert {"tara", "39"} <= masked(text)
    assert masked("Labs today (hgb 9, plt 88), stable.") == set()


def test_it_ends_a_name_where_a_forms_next_column_begins() -> None:
    found = kinds("Pt: Aaliyah Brooks  Age 7 yr   DOB 7/1/2016")
    assert found["Aaliyah Brooks"] == Kind.NAME
    assert "Age" not in " ".join(found)
    assert "JONES  GRACE" in masked("Pt: JONES  GRACE   DOB 1/2/2000")


def test_it_never_reads_copd_as_a_police_department() -> None:
    assert masked("Hx COPD, on 2L home O2. PMH: OCPD traits.") == set()
    assert "IMPD" in masked("Brought in by IMPD after a call from a neighbour.")


def test_it_masks_an_age_glued_to_the_sex_opening_an_assessment() -> None:
    assert kinds("A/P: 91F R displaced fem neck fx after fall")["91"] == Kind.AGE
    assert masked("Placed 16F foley without difficulty. 14F NG tube to suction.") == set()
    assert masked("Temp: 98F in triage.") == set()


def test_it_masks_an_age_glued_to_its_letter_closing_a_bracket_a_line_or_a_clause() -> None:
    assert kinds("Pt: Lamont Greer | MRN WS-3390021 | 38M\nLegal: TDO")["38"] == Kind.AGE
    assert kinds('Client "R.M." (58F), church organist')["58"] == Kind.AGE
    assert kinds("S: Mr. Kowalski, rm 6, 71M - new onset confusion")["71"] == Kind.AGE
    assert kinds("cb 17f, jr at Northfield HS")["17"] == Kind.AGE
    assert kinds("Pt: Faith Odunsi, 14y   RiO 1184402")["14"] == Kind.AGE
    # a duration, a temperature and a catheter's size are no ages
    assert masked("ROM 9h 52m, clear.") == set()
    assert kinds("father (45, machinist at 3M), mother").get("3") != Kind.AGE
    assert masked("Heat working per thermostat (68F). Ambient temp 114F\nFoley 16F)") == set()


def test_it_masks_a_month_hyphenated_to_its_year_or_day() -> None:
    assert "Nov-23" in masked("Sertraline 50 mg mane since Nov-23; no side effects.")
    assert "Jan-2024" in masked("Housed since Jan-2024, stable.")
    assert "3-Nov" in masked("Seen 3-Nov for review.")


def test_it_masks_both_ends_of_a_day_first_range_and_a_cued_date_before_of() -> None:
    assert {"31/3", "1/4"} <= masked("Leave approved 31/3\u20131/4.")
    assert "3/14" in masked("SVD at 09:12 on 3/14 of a viable female.")
    # a fraction stays one, cued or not
    assert masked("Takes it on 1/3 of days; BP 130/80-1/2 reading.") == set()


def test_it_masks_a_short_date_after_an_admission_a_transfer_or_a_visit() -> None:
    text = (
        "Admitted to ICU 3/3 with respiratory failure. Transferred to floor 3/5. Pulm saw pt 3/6."
    )
    assert {"3/3", "3/5", "3/6"} <= masked(text)
    assert masked("Presented with 3/7 RIF pain. Increased dose to 1/2 tab.") == set()
    assert masked("Completed with distress 8/10 at the peak.") == set()


def test_it_never_reads_a_dose_glued_to_its_unit_as_an_identifier() -> None:
    assert masked("naltrexone 50mg daily, thiamine 100mg daily, voided 350ML at 1530") == set()
    assert "XJH429817" in masked("Member ID XJH429817 on file.")


def test_it_masks_a_signers_name_and_leaves_the_credentials_after_it() -> None:
    assert kinds("WILL CONTINUE TO MONITOR.\nT. NWOSU, LVN")["T. NWOSU"] == Kind.STAFF
    signed = masked("Call the team if any concerns.\n\nA Brennan RMN")
    assert "Brennan" in " ".join(signed)
    assert "RMN" not in " ".join(signed)
    assert masked("Seen by Dr. Ng, MBChB, MRCPsych today.") == {"Ng"}


def test_it_never_reads_a_doctor_and_a_credential_as_a_town_and_a_state() -> None:
    assert masked("Seen by Dr. Smith, MD, PhD today.") == {"Smith"}
    assert "Ocean City" in masked("Moved to Ocean City, MD, last year.")


def test_it_leaves_the_signers_job_under_a_signature() -> None:
    letter = "Yours sincerely,\n\nDr Farida Quraishi MBChB FRCP\nConsultant Respiratory Physician"
    assert masked(letter) == {"Farida Quraishi"}
    assert "Valley Child Guidance" in masked("Ana Ruiz, LCSW\nValley Child Guidance")


def test_it_masks_a_unit_written_in_lower_case_after_a_street() -> None:
    assert "3310 Delmar Blvd apt 4C" in masked("met at 3310 Delmar Blvd apt 4C, landlord there")
    assert "2180 Weston Rd, unit 1406" in masked("prior to that 2180 Weston Rd, unit 1406, evicted")
    assert "12 Main St" in masked("The basement at 12 Main St unit was flooded.")


def test_it_masks_a_numbered_road_a_place_is_on_or_of() -> None:
    assert "Route 15" in masked("Avoids the stretch of Route 15 where the accident happened.")
    assert "FM 1093" in masked("MVC vs. utility pole on FM 1093 near the county line.")
    assert masked("Route: PO. Crash on I-95 northbound.") == set()


def test_it_masks_a_spaced_benefit_number_to_its_last_digit() -> None:
    assert "2951 66043 1-2" in masked("Medicare: 2951 66043 1-2\nDOB 05/06/1997")
    assert "204 551 873X" in masked("Helped him ring Centrelink (CRN 204 551 873X) today.")
    assert "0038 4471 2" in masked("Income: ODSP (member 0038 4471 2), cheque to old address")
    assert masked("Member 3 of the group; member 12 years now.") == set()


def test_it_masks_a_national_charity_a_client_is_housed_or_helped_by() -> None:
    assert "Volunteers of America" in masked("Seen in his room at Volunteers of America shelter.")
    assert "Boys & Girls Club" in masked("Goes to the Boys & Girls Club after school.")
    assert masked("Volunteers at church; boys and girls clubs are closed.") == set()


def test_it_masks_the_initials_or_login_a_staff_label_gives() -> None:
    assert "vq" in masked("therapist: vq\n- session 4, homework reviewed")
    assert "OKT" in masked("Counselor: OKT\nNext session in two weeks.")
    assert "mbelvedere" in masked("Registered by: mbelvedere\nReason: walk-in")
    assert masked("Completed by: self\nTherapist: TBD\nStaff: PRN") == set()


def test_it_masks_a_named_person_again_in_lower_case_where_they_do_something() -> None:
    found = masked("Couple: Jess and Amir Haddad\njess arrived late, amir had waited.")
    assert {"jess", "amir"} <= found
    assert masked("Client: Will Ortiz\nwill call back soon. The will was read.") == {"Will Ortiz"}


def test_it_masks_a_service_number_of_australia_or_a_freephone_of_ireland() -> None:
    assert "1300 224 636" in masked("Gave her the helpline, 1300 224 636, for after hours.")
    assert "1800 247 100" in masked("Rang the freephone 1800 247 100; no beds tonight.")
    assert masked("Ran 1800 mL over 240 min at 1300 hrs.") == set()


def test_it_masks_a_manitoba_health_number_and_a_police_record_number() -> None:
    assert "204 771 308" in masked("Client: see chart   PHIN 204 771 308   no allergies")
    assert "07/228164Q" in masked("Probation letter. PNC 07/228164Q on file.")


def test_it_masks_a_trade_after_hes_a_and_one_in_brackets_after_a_relatives_name() -> None:
    assert "mail carrier" in masked("can bring her after 1 pm (he's a mail carrier, off at 12)")
    assert "foreman" in masked("Buckeye Paving LLC, where she\u2019s a foreman")
    assert masked("he's a bit tired today; she's a good kid") == set()
    assert "orthodontist" in masked("divorce from husband (Grant Ebersole, orthodontist).")
    assert "HVAC technician" in masked("father Luis Reyes (HVAC technician) came too")
    found = masked("Spanish interpreter Rosa Delgadillo (interpreter ID INT-2291) used")
    assert not {"interpreter", "interpreter ID"} & found


def test_it_knows_trades_of_other_countries_and_older_ones() -> None:
    assert "barman" in masked("Lenny worked for years as a barman at The Oval.")
    assert "concreter" in masked("Employed FT as concreter w/ Southside Formwork Pty Ltd")
    assert "postmistress" in masked("Hazel is a 71-year-old retired postmistress")


def test_it_masks_the_name_a_justice_or_social_care_label_gives_but_not_a_credential() -> None:
    assert kinds("Service user: Faith Bell   NHS No: 485 777 3322")["Faith Bell"] == Kind.NAME
    assert "KELLY, Jarrah" in masked("Offender: KELLY, Jarrah   CRN Q-0993127")
    assert "MD" not in " ".join(masked("Resident: Kristen Yau, MD"))


def test_it_masks_a_town_that_names_a_scale_unless_the_scale_follows() -> None:
    assert kinds("Daughter Grainne lives in Glasgow.")["Glasgow"] == Kind.LOCATION
    assert "Glasgow" not in " ".join(masked("GCS 15 in Glasgow coma scale terms"))
    assert "Huntington" not in " ".join(masked("chorea from Huntington's, per neuro"))


def test_it_masks_a_short_date_after_adm_revisit_and_reviewed_and_an_age_glued_to_yrs() -> None:
    assert {"3/4", "4/9", "1/10"} <= masked(
        "B: adm 3/4 via ED. Plan: MSW revisit 4/9. Nurse Manager -- reviewed 1/10."
    )
    assert "3/10" not in masked("pain 3/10, reviewed with pt")
    assert "66" in masked("Pt: Padraig Gallagher 66yrs MRN LUH 2238871")
    assert "20" not in masked("John quit 20yrs ago; Ann 20yrs ago too")


def test_it_masks_a_double_given_name_in_a_labelled_field_but_not_a_hyphenated_word() -> None:
    assert {"ava-rose lindgren", "15"} <= masked("client: ava-rose lindgren (15), w/ dad erik")
    assert masked("client: well-groomed, calm") == set()


def test_it_masks_a_national_insurance_number_and_numbers_after_letters_and_a_hash() -> None:
    found = masked("NI number: PX 12 34 56 D. Centrelink CRN: 207 445 918K. SMIS #: 618 204")
    assert {"PX 12 34 56 D", "207 445 918K", "618 204"} <= found
    assert {"2023/00281947", "HR/2023/06671"} <= masked(
        "Matter no: 2023/00281947; see his application (ref HR/2023/06671)."
    )
    assert masked("apixaban 5 mg BID #180 RF1; pt is NI at this time") == set()


def test_it_masks_a_staff_user_name_where_a_system_writes_it_but_not_shorthand() -> None:
    found = kinds("RN note (bkessler 10:02): Spoke w/ daughter. Audit: accessed by rbishop")
    assert found["bkessler"] == Kind.STAFF and found["rbishop"] == Kind.STAFF
    assert "kmorales" in masked("to go to dmv after birth cert.\n\nkmorales")
    assert (
        masked("s: feels better, ate all of bfast. Crohn's disease (ileal, in remission)") == set()
    )


def test_it_masks_a_staff_user_name_after_a_time_or_a_dash_or_before_its_role() -> None:
    assert "cmorales" in masked("09:47  cmorales (Case Mgmt):\nreferral sent")
    assert "lmartinez" in masked("Tue 5/7/2024 3:12 PM - lmartinez (call center)\nCaller: Bonnie")
    assert "tgerber" in masked("Pharmacy confirmed fill. \u2014 tgerber (MA)")
    assert masked("09:47  breakfast (ate half): no pain") == set()


def test_it_types_a_name_with_a_suffixed_or_less_common_credential_as_staff() -> None:
    assert kinds("Rosa Villanueva, LCSW-S")["Rosa Villanueva"] == Kind.STAFF
    assert kinds("Gabriela Montes, NNP-BC")["Gabriela Montes"] == Kind.STAFF
    assert kinds("RTC 2 wks. Corinne Haugen, CNM")["Corinne Haugen"] == Kind.STAFF
    assert kinds("Sonographer: Curtis Lam, RDCS")["Curtis Lam"] == Kind.STAFF
    # a surname that is a town's name too
    assert kinds("Sincerely,\n\nLillian Haverford, MD, FACC")["Lillian Haverford"] == Kind.STAFF


def test_it_writes_a_clinician_named_after_a_credential_or_with_a_role_in_brackets() -> None:
    redacted = redact("Called by RN Marta Lopez about Mr. Bellweather. Sian Trevithick (CPN) here.")
    assert redacted == "Called by RN Clinician A about Mr. Person A. Clinician B (CPN) here."
    assert kinds("Omar Haddad (YCW) on shift")["Omar Haddad"] == Kind.STAFF
    # the patient is no clinician
    assert kinds("PT Marta Lopez states she slept")["Marta Lopez"] == Kind.NAME


def test_it_leaves_a_credential_after_a_name_and_masks_a_trade_named_alone() -> None:
    assert masked_words("Observer: 0700-0900  Kendra Lafleur, LPN\n") == ["Kendra Lafleur"]
    assert "LPN" in masked("Daughter Dawn, an LPN at the county hospital.")


def test_it_types_initials_and_a_surname_seen_by_as_staff_not_an_organisation() -> None:
    assert kinds("Seen by M. J. Fox today for follow up.")["M. J. Fox"] == Kind.STAFF
    assert kinds("seen by J. Fox, LCSW")["J. Fox"] == Kind.STAFF
    found = kinds("Therapy referral to Anne-Marie Kessler, LPC. Referred to Acme Health, MD")
    assert found["Anne-Marie Kessler"] == Kind.STAFF
    assert found["Acme Health"] == Kind.ORGANIZATION


def test_it_types_a_name_after_a_staff_label_as_staff_whatever_its_title() -> None:
    found = kinds("Trainee: Vanessa Lau | Supv: Dr Haris\nSupervisor: Ms Grace Teo")
    assert found["Vanessa Lau"] == Kind.STAFF and found["Grace Teo"] == Kind.STAFF
    assert "Supv" not in found
    assert kinds("Triage RN: B. Kowalczyk   ED")["B. Kowalczyk"] == Kind.STAFF
    # a copy to the patient is no clinician
    assert kinds("cc: Mr Alfred Penhallow (patient)")["Alfred Penhallow"] == Kind.NAME


def test_it_writes_an_address_blocks_town_line_as_town_state_and_code() -> None:
    letter = "Holmes Junior High School\n2001 Rownd St\nCedar Falls, IA 50613\n\nRE: referral"
    assert redact(letter) == "[ORGANIZATION]\n[ADDRESS]\n[CITY], [STATE] [ZIP]\n\nRE: referral"
    assert kinds("Wellgate Surgery\n2 Market Row\nHexley RV9 2LP\n\nDear Dr")["RV9 2LP"] == Kind.ZIP
    # a private bag is an address of its own
    found = kinds("Hillmorton Hospital\n12 Main St\nPrivate Bag 4733, Christchurch 8140\n")
    assert Kind.LOCATION not in {found.get("Private"), found.get("Private Bag")}


def test_it_writes_a_place_the_name_rules_took_for_a_person_as_a_place() -> None:
    assert redact("Born in Krakow, Poland; emigrated at 19.") == (
        "Born in [CITY], [COUNTRY]; emigrated at 19."
    )
    assert kinds("Kootenay Lake Regional Hospital, Nelson, BC")["Nelson"] == Kind.LOCATION
    assert kinds("Banksia Gardens Aged Care, Toowoomba QLD\n")["Toowoomba QLD"] == Kind.LOCATION
    # a credential that spells a state leaves the name a person's
    assert kinds("Karen Fox, MD saw her")["Karen Fox"] == Kind.STAFF
    found = kinds("Trinity Oaks Medical Center, Fort Worth, TX\n\nName: Delgado")
    assert found["Fort Worth"] == Kind.LOCATION
    # an Irish town and its county are no company ("Co.")
    assert redact("Lives in Ballinasloe, Co. Galway with her mother.") == (
        "Lives in [CITY], [CITY] with her mother."
    )
    assert kinds("works at Acme Trading Co. in Dublin")["Acme Trading Co."] == Kind.ORGANIZATION
    # a town after a street, before a code, or after an organisation closing its line
    assert kinds("Dispatched to 14 Linden Ter, Malden at 0140.")["Malden"] == Kind.LOCATION
    assert kinds("77 Garnet Avenue, Sommerton 44102  |  phone")["Sommerton"] == Kind.LOCATION
    found = kinds(
        "Seen at Valley Medical Group, Greenfield.\nPioneer Hospital, Ketchum Falls, Idaho"
    )
    assert found["Greenfield"] == Kind.LOCATION and found["Ketchum Falls"] == Kind.LOCATION
    assert kinds("Contact: Maria Lopez, Texas")["Maria Lopez"] == Kind.NAME


def test_it_takes_a_capital_the_mid_sentence_into_the_organisation_after_it() -> None:
    assert redact("Works weekends as a bartender at The Library in Leeds.") == (
        "Works weekends as a [PROFESSION] at [ORGANIZATION] in [CITY]."
    )
    assert redact("The Library in Leeds was closed.").startswith("The [ORGANIZATION]")


def test_it_writes_a_name_closed_by_a_services_letters_as_an_organisation() -> None:
    found = kinds("Care coordinator Natalie Birch, Gateshead CMHT.")
    assert found["Gateshead CMHT"] == Kind.ORGANIZATION
    assert found["Natalie Birch"] == Kind.STAFF
    # after "at the", a business; "with the Lavoie children" is a family
    assert kinds("A cashier at the Tim Hortons drive-thru")["Tim Hortons"] == Kind.ORGANIZATION
    assert kinds("family therapy with the Lavoie children")["Lavoie"] == Kind.NAME
    # a court is no street, though "Court" ends both
    assert redact("Hearing at Passaic County Superior Court.") == "Hearing at [ORGANIZATION]."
    assert kinds("Lives on Maple Court.")["Maple Court"] == Kind.ADDRESS


def test_it_writes_a_place_found_as_an_organisation_as_a_place_after_in_or_from() -> None:
    found = kinds("Born in Memphis, raised in Millington Crossroads by his mother.")
    assert found["Millington Crossroads"] == Kind.LOCATION
    assert kinds("Daughter lives in Olive Grove Landing.")["Olive Grove Landing"] == Kind.LOCATION
    # a facility named for a place stays one
    found = kinds("Admitted from Somerset Ridge nursing facility with delirium.")
    assert found["Somerset Ridge"] == Kind.ORGANIZATION


def test_it_masks_a_lower_case_shelter_or_library_after_at_the_but_not_a_generic_one() -> None:
    found = masked("said he got a bed at the capital city rescue mission last nite")
    assert "capital city rescue mission" in found
    assert "brightsmile dental" in masked("works as dental hygienist at brightsmile dental.")
    assert "tennessee valley hosiery plant" in masked(
        "seamstress at the old tennessee valley hosiery plant"
    )
    assert masked("sent to the public library; referral to elder services") == set()


def test_it_masks_a_charity_the_whole_country_knows_by_name() -> None:
    found = masked(
        "Samaritans number provided. Referral to Act for Kids and Life Without Barriers."
    )
    assert {"Samaritans", "Act for Kids", "Life Without Barriers"} <= found
    assert masked("Receives meals on wheels; kids help at home") == set()


def test_it_masks_an_initial_and_lower_case_surname_after_a_role() -> None:
    found = kinds("faxed attn k. sato. consult w/ supervisor k. marsh. case mgr j. tillman")
    assert {found["k. sato"], found["k. marsh"], found["j. tillman"]} == {Kind.STAFF}
    assert masked("pt c. diff positive, see p. 4 of the report") == set()


def test_it_masks_any_user_name_a_system_prints_but_not_a_route() -> None:
    found = masked("Printed by glindqvist from clinic. Msg taken by: dmcg. rec'd by: tjw (desk)")
    assert {"glindqvist", "dmcg", "tjw"} <= found
    assert masked("amoxicillin taken by mouth; taken by ambulance to ED") == set()


def test_it_masks_a_trade_after_later_a_or_after_a_relatives_name() -> None:
    found = kinds("Mr Brown was a coal miner and later a school caretaker; mother Máire a builder")
    assert found["school caretaker"] == Kind.PROFESSION and found["builder"] == Kind.PROFESSION
    assert masked("then a fall at home; later a review by the team") == set()


def test_it_masks_addresses_written_the_australian_canadian_and_quebec_ways() -> None:
    found = masked(
        "Address: 5/118 Nepean Hwy; Office: #210 \u2013 1011 Glenmore Trail SW; Home: 2290 rue "
        "Beaubien Est, app. 3. Clinic: Unit 3, Bishop Street. Post: Private Bag 93503"
    )
    assert {
        "5/118 Nepean Hwy",
        "#210 \u2013 1011 Glenmore Trail SW",
        "2290 rue Beaubien Est, app. 3",
        "Unit 3",
        "Private Bag 93503",
    } <= found
    assert masked("ADMITTED 11/19 FROM ST. FRANCIS. BP 120/80 St depression; 3 avenue blocks") <= {
        "11/19",
        "ST. FRANCIS",
    }


def test_it_masks_initials_that_sign_a_flowsheets_rows_but_not_its_values() -> None:
    sheet = (
        "| 17:00 | Pacing        | Yes | TW |\n"
        "| 17:15 | Sitting       | Yes | TW |\n"
        "| 17:30 | Asleep        | WNL | MFL |\n"
        "| 2215  | A, V          | N   | DO 2215 |\n"
        "| 2230  | V (cursing)   | N   | DO 2230 |\n"
    )
    found = kinds(sheet)
    assert found["TW"] == Kind.STAFF and found["DO"] == Kind.STAFF
    assert {"Yes", "WNL", "N", "Pacing"}.isdisjoint(found)


def test_it_masks_the_initials_opening_a_logs_entries_and_where_they_recur() -> None:
    log = "03/11 07:15 LM \u2013 handover from nights.\n0900 BP - 120/80\nHandover to LM."
    assert masked(log) >= {"LM"}
    assert "BP" not in masked(log)
    assert len([s for s in find_spans(log) if log[s.start : s.end] == "LM"]) == 2


def test_it_masks_the_initials_opening_a_threads_messages_before_their_time() -> None:
    thread = "Kyle Begay 2:15 PM: yeah why\nOG 2:15 PM: his cousin called\nKB 2:16 PM: ok"
    assert {"OG", "KB"} <= masked(thread)
    assert masked("PT 2:30 PM: called back\nRN 3:00 PM: vitals stable") == set()


def test_it_masks_a_name_that_is_a_word_wherever_the_note_uses_it_as_that_persons() -> None:
    note = (
        "Clients: Sky Morrow (32) and Dev Patel (35). Dev felt unheard; later Kyle said Sky "
        "hides when upset. Plan: a clear sky walk in May, will review."
    )
    names = [note[s.start : s.end] for s in find_spans(note) if s.kind == Kind.NAME]
    assert {"Sky Morrow", "Dev Patel", "Dev", "Sky"} <= set(names)
    assert masked(note).isdisjoint({"sky", "will"})


def test_it_masks_a_childs_name_that_is_a_word_listed_with_an_age() -> None:
    diary = "kids: may (7) & jasper (4)\nmon: school. may had a good day. she may need glasses."
    names = [diary[s.start : s.end] for s in find_spans(diary) if s.kind == Kind.NAME]
    assert names == ["may", "jasper", "may"]
    assert masked("kids: both (5, 7) at school; we may (2) call back") <= {"5", "7"}


def test_it_masks_child_protection_and_benefit_agencies_by_their_letters() -> None:
    note = "son in dcf custody; DCJ caseworker visiting; WINZ appt; called centrelink; open w/ DFCS"
    assert {"dcf", "DCJ", "WINZ", "centrelink", "DFCS"} <= masked(note)
    assert masked("tea, mash potato and peas; DCT scan") == set()


def test_it_leaves_what_a_family_calls_its_elders_but_masks_a_nickname_built_on_it() -> None:
    note = 'Mom asked for the notes. her mom is here; koro and nana visit. Grandma "Nana Pat" too.'
    found = masked(note)
    assert found.isdisjoint({"Mom", "mom", "koro", "nana"})
    assert "Nana Pat" in found or "Pat" in found


def test_it_masks_a_new_zealand_number_with_its_area_code_in_brackets() -> None:
    assert masked("Contacts: koro (09) 555 4410; clinic (03) 9555 0123") == {
        "(09) 555 4410",
        "(03) 9555 0123",
    }
    assert Kind.PHONE not in kinds("scores (09) 555 and 4410 items").values()


def test_it_leaves_the_nhs_that_labels_a_number_but_masks_a_trust_and_the_number() -> None:
    note = "Severnside NHS Foundation Trust\nPatient: Iris Pemberton     NHS No: 943 476 5919"
    found = masked(note)
    assert "Severnside NHS Foundation Trust" in found and "943 476 5919" in found
    assert "NHS" not in found


def test_it_leaves_the_word_ward_labelling_a_ward_but_masks_a_surname_ward() -> None:
    note = "Dispo: admit Ward 3A.\nWard consultant: Dr Okafor\nSAFETY PLAN - Elijah Ward, 52"
    found = masked(note)
    assert "Ward" not in found and "Elijah Ward" in found


def test_it_masks_the_day_after_a_logs_weekday_before_its_clock_time() -> None:
    log = "Mon 13 09:12 - VM from client.\nThu 16 3pm rebooked."
    assert {"Mon 13", "Thu 16"} <= masked(log)
    assert masked("NA meeting Tue 7 pm; WISC FRI 98; WMI 82").isdisjoint({"7", "98"})


def test_it_masks_a_lower_case_initial_and_surname_signed_with_a_credential_anywhere() -> None:
    note = "pt calm.\n- j. santos rn  0645\nvisit 1340-1450. m. kettering rn cm\n-k. marsh ma, sch"
    assert {"j. santos", "m. kettering", "k. marsh"} <= masked(note)
    assert masked("see p. 4 ma; took 2 rn") == set()


def test_it_masks_the_name_a_verb_is_done_to_but_not_the_verb() -> None:
    found = masked("investigator will see gracie at home; going to see liv in june")
    assert {"gracie", "liv"} <= found
    assert not any("see" in span for span in found)


def test_it_masks_a_lower_case_house_number_and_compass_letter_before_a_street() -> None:
    note = "appt at 1500 e lancaster; lives 7700 w bellfort apt 1416; hv 2217 lyndale ave n #3"
    assert {"1500 e lancaster", "7700 w bellfort apt 1416", "2217 lyndale ave n #3"} <= masked(note)
    assert masked("TMT-B 168 s with 2 errors; 250 e coli") == set()


def test_it_masks_who_speaks_in_a_text_thread_even_when_the_name_is_a_word() -> None:
    thread = "6/3 10:14 tay: can u take me\n6/3 10:20 jess: yes\n6/3 10:22 worker: ok\n"
    found = masked(thread + "6/3 10:30 mom: thx")
    assert {"tay", "jess"} <= found
    assert found.isdisjoint({"worker", "mom"})


def test_it_masks_the_initials_and_patients_under_the_columns_headed_for_them() -> None:
    chart = "Bed | Pt | Legal | Issues\n3 | Sky | informal | wants out\n\n"
    chart += (
        "Drug | Dose | Given by\nLorazepam | 1mg | HT/JR - see incident\nOlanzapine | 5mg | AM\n"
    )
    assert {"Sky", "HT", "JR", "AM"} <= masked(chart)
    table = "Drug | Dose | Route\nLorazepam | 1 mg | PO\n"
    assert masked(table) == set()


def test_it_masks_a_lower_case_ward_named_for_a_tree_or_a_saint_but_not_the_ward() -> None:
    note = "bleep from holly ward; 06:50 laurel unit: bloods; on st brigid's unit."
    assert {"holly ward", "laurel unit", "st brigid's unit"} <= masked(note)
    assert masked("back to the ward, psych unit full; day unit closed") == set()


def test_it_masks_a_canadian_social_insurance_number_after_its_label() -> None:
    assert kinds("Client: Oksana   SIN: 527 334 918").get("527 334 918") == Kind.SSN
    assert Kind.SSN not in kinds("no sin 527 334").values()


def test_it_masks_a_day_and_month_written_in_french_or_spanish() -> None:
    note = "Date: le 2 mai. Plan: séance 22 janvier 16h. Fecha: 3 de abril de 2024."
    assert {"le 2 mai", "22 janvier", "3 de abril de 2024"} <= masked(note)
    assert masked("ate 2 mars bars; mayo on the side") == set()


def test_it_masks_a_phone_number_read_out_digit_by_digit_and_a_timed_checks_pair() -> None:
    voicemail = "my number is three one three five five five oh one nine eight, please"
    assert "three one three five five five oh one nine eight" in masked(voicemail)
    assert masked("one or two of the five, then three more") == set()
    assert {"CH", "LD", "KO"} <= masked("16:30 CH/LD - pacing. 18:30 LD/KO - asleep.")
    assert masked("UOP 60-120 ML/HR. 1200 IV/PO - switch") == set()


def test_it_masks_a_staff_members_name_again_where_it_recurs() -> None:
    note = "agency: anglicare - case worker priya\nthu - may asked for mum. told her i'd ask priya."
    found = find_spans(note)
    assert [note[s.start : s.end] for s in found if s.kind == Kind.STAFF].count("priya") == 2


def test_it_masks_a_lower_case_signature_with_a_nursing_credential_of_ireland_or_nz() -> None:
    note = "nok aware.\ns o'brien rpn\n\nmum mobile 022 771 0345.\nak cmhn\n\nMDT Thurs.\nc.mc cnm1"
    assert {"s o'brien", "ak", "c.mc"} <= masked(note)


def test_it_masks_a_judges_surname_in_lower_case() -> None:
    assert "harrell" in masked("dont forget court 6/12 w judge harrell for ur hearing")


def test_it_masks_a_street_by_its_compass_letter_in_capitals_and_broadway_with_no_kind() -> None:
    note = "Home: 6137 S. Throop, Chicago\nOffice: 1100 NE Broadway, Suite 210\nRx: 212 Broadway."
    assert {"6137 S. Throop", "1100 NE Broadway, Suite 210", "212 Broadway"} <= masked(note)
    # (no rule takes "Broadway" alone; the far pass of the context score does, as a place: a
    # word a note seldom needs, masked where it might be an address)
    assert masked("discontinued at 300 s. Clock 2/10; saw 2 Broadway shows") <= {"Broadway"}


def test_it_masks_a_court_by_its_county_in_a_captions_capitals() -> None:
    assert "CIRCUIT COURT OF JACKSON COUNTY" in masked("IN THE CIRCUIT COURT OF JACKSON COUNTY")
    assert masked("APPEAL TO THE COURT OF APPEALS") == set()


def test_it_masks_commonwealth_holidays_a_quebec_health_card_and_a_dictated_job_number() -> None:
    assert "BOXING DAY" in masked("FOR REVIEW DR PATEL ON BOXING DAY.")
    assert {"Anzac Day", "Waitangi Day"} <= masked("leave over Anzac Day and Waitangi Day")
    assert "TREG 3605 1214" in masked("Client: G. T.   RAMQ: TREG 3605 1214")
    assert "302887" in masked("T: 10/05/2106 15:40 / JOB 302887 / BK:dw")
    assert masked("job 12 hours; a good day; lost his job 2 yrs ago") == set()


def test_it_masks_an_age_after_the_word_for_who_someone_is_and_a_comma() -> None:
    note = "Priya (identified client, 15), Dev (11). Description: white male, 21, 6ft."
    assert {"15", "21"} <= masked(note)
    assert masked("a viable female, 3,250 g; 35 year old female, 9 days postpartum") == {"35"}


def test_it_masks_an_organisation_in_capitals_named_for_a_town() -> None:
    note = (
        "REVIEW\nHIGH PLAINS MENTAL HEALTH CENTER - HAYS, KS\nCALLED LAKELAND BEHAVIORAL SERVICES."
    )
    assert {"HIGH PLAINS MENTAL HEALTH CENTER", "LAKELAND BEHAVIORAL SERVICES"} <= masked(note)
    burn = find_spans("BURN OF PALM AND VOLAR INDEX AND MIDDLE FINGERS, APPROX 2% TBSA")
    assert Kind.ORGANIZATION not in {s.kind for s in burn}


def test_it_masks_a_canadian_province_after_a_town_with_or_without_its_comma() -> None:
    note = "Born in Surrey, BC, at 38 wks. Home: Halifax NS B3J 2K9. Clinic, Winnipeg MB\nSeen."
    assert {"BC", "NS", "MB"} <= masked(note)
    note = "FALL RISK, BED ALARM ON. Coach Dorsey (PE) and Leeds ON the ward."
    assert masked(note) <= {"Dorsey", "Leeds"}  # (Leeds may be a surname or a town: masked)


def test_it_masks_a_date_read_out_in_a_dictation() -> None:
    note = "date of service march twentieth twenty twenty four. next visit april third. end"
    assert {"march twentieth twenty twenty four", "april third"} <= masked(note)
    assert masked("in the first of the sessions he came second") == set()


def test_it_masks_weekdays_listed_together_and_lower_case_holidays() -> None:
    note = "no show for dosing x3 (fri, sat, sun). stay til memorial day. merry xmas eve!"
    assert {"sat", "sun", "memorial day", "xmas eve"} <= masked(note)
    assert masked("sat with him; the sun was out") == set()


def test_it_masks_an_age_glued_to_its_sex_before_a_dash() -> None:
    note = "1. Kim, Soo-jin 41F - IVC'd day 3.\n2. Ole Haugland, 71 \u2014 dx F41.1"
    assert {"41", "71"} <= masked(note)


def test_it_masks_a_two_letter_surname_that_is_no_english_word_wherever_it_recurs() -> None:
    note = "Handoff (Jamal): Vu (rm 104) on COWS q4. Vu asked to call his wife.\nAM: Vu COWS 7"
    assert [s.kind for s in find_spans(note)].count(Kind.NAME) == 4
    assert masked("Li 0.8 mmol/L; Ho to review; Do not disturb.") == set()


def test_it_masks_a_nickname_in_quotes_after_aka_or_first_name() -> None:
    note = 'Offender: HOANG, Minh aka "Duke"   CALLER GAVE FIRST NAME "WILL".'
    assert {"Duke", "WILL"} <= masked(note)
    assert masked('Jayden was able to name "embarrassed" as the feeling.') == {"Jayden"}


def test_it_masks_staff_after_observer_specialist_or_dietitian() -> None:
    note = "Observer: tjk 0700-1100\nSpecialist vmh, supervisor on call.\nPER DIETITIAN HOLLY."
    assert {"tjk", "vmh", "HOLLY"} <= masked(note)
    assert masked("specialist referral made; observer notes calm") == set()


def test_it_masks_a_programme_named_for_a_place_and_the_rcmp_but_not_a_constables_title() -> None:
    note = "OTP: Lakeside Methadone Program. 17:20 police called; RCMP Cst. B. Mahal. ROI: IHS."
    assert {"Lakeside Methadone Program", "RCMP", "B. Mahal", "IHS"} <= masked(note)
    assert masked("enrolled in the Opioid Treatment Program") == set()
    assert "Cst" not in masked(note)


# --- after blind sets 86 to 89 -------------------------------------------------------------
def test_it_masks_a_state_after_its_town_before_an_aside_or_a_dash() -> None:
    note = "Pt located at home in Montpelier, VT (verified). Sent from Bemidji, MN - fax follows."
    assert {"VT", "MN"} <= masked(note)
    assert "MA" not in masked("Reviewed with Dana Whitlock, MA (supervisor) today.")


def test_it_masks_a_numbered_road_where_someone_is() -> None:
    note = "found walking off CR 214 by the elevator; wrecked on SR 33 @ mile marker 8"
    assert {"CR 214", "SR 33", "mile marker 8"} <= masked(note)
    assert masked("BMP: CR 1.3, K 4.1. Echo on US 4/11/25. Crash on I-95.") == {"4/11/25"}


def test_it_masks_a_spanish_or_french_month_or_weekday_in_lower_case() -> None:
    note = "Su hija llamó el viernes; empezó en noviembre. Rendez-vous jeudi."
    assert {"viernes", "noviembre", "jeudi"} <= masked(note)
    assert kinds("Ms. Domingo called back.")["Domingo"] == Kind.NAME


def test_it_masks_a_log_date_before_a_clock_time_and_a_word_that_opens_like_a_measure() -> None:
    note = "tolerated 1/2 of 1500 kcal diet\n4/16 1415 Called pharmacy re refill."
    assert masked(note) == {"4/16"}


def test_it_masks_digit_groups_after_contact_hp_or_whatsapp_as_a_phone() -> None:
    note = "Contact 8765 4321 after 5pm. NOK: HP 9123 4567."
    assert {"8765 4321", "9123 4567"} <= masked(note)
    assert masked("Contact 2x weekly; HP 4 mg held.") == set()


def test_it_keeps_a_malay_patronymic_inside_the_name() -> None:
    assert "Siti binte Osman" in masked("Mother: Siti binte Osman, works nights.")


# --- hospital records (after blind set 91) -------------------------------------------------
def test_it_masks_the_hospitals_letters_in_a_reports_header_line() -> None:
    note = "502913774 | WCH | 61772095 | | 8830126 | 10/17/2004 12:00:00 AM | CHF | Signed |"
    assert "WCH" in masked(note)
    assert "CHF" not in masked(note)


def test_it_masks_a_ward_named_by_its_building_before_a_room_or_after_the_hospital() -> None:
    note = "Pt in Fenwick 8, room 812.\nMercy General Hospital - Tower 4\nDay 3, bed rest."
    assert {"Fenwick 8", "Tower 4"} <= masked(note)
    near = masked("Day 3, bed 2 empty. Medicine 6 North, Rm 614B.")
    assert not near & {"Day", "Day 3", "Medicine", "Medicine 6", "Medicine 6 North"}


def test_it_masks_a_ward_by_building_and_floor_closing_a_service_or_a_location_field() -> None:
    note = "SERVICE: Cardiology, Ellison 9\nLoc: Bigelow 11\nLocation: Endoscopy Suite, Lunder 2"
    assert {"Ellison 9", "Bigelow 11"} <= masked(note)
    assert "2" in masked(note)
    assert masked("Service: Medicine, Team 3\nService: Psychiatry, Day 3") == set()
    assert "Bed" not in masked("Loc: Bed 4")


def test_it_masks_a_row_of_dates_heading_a_table_of_labs_and_a_study_by_its_day() -> None:
    note = "Labs:\n         4/2    4/3    4/4\n  K     3.9    4.1    4.0\nRenal US 4/3: normal"
    assert masked(note) == {"4/2", "4/3", "4/4"}
    assert masked("Labs:\n  Plt   1/2 of normal\nPHQ 1/3: rarely") == set()


def test_it_masks_a_dictation_documents_number_and_an_age_in_years_and_months() -> None:
    note = "eScription document: 7-4416208\nPt: Ana Reyes   DOB 5/1/2021 (3 yr 4 mo)"
    assert {"7-4416208", "3", "4"} <= masked(note)


def test_it_masks_a_logs_writer_by_login_or_initials_but_not_by_role() -> None:
    note = "02/03/2021 09:14 jpereira (front desk): called.\n02/03/2021 16:50 KB: left VM"
    assert {"jpereira", "KB"} <= masked(note)
    assert masked("02/03/2021 08:00 RN: vitals ok") == {"02/03/2021"}


def test_it_masks_a_user_name_made_from_a_name_found_in_the_note() -> None:
    note = "Nate Sorensen, RN  (NSORENSEN)\nsigned dkowalski 14:02; Dana Kowalski, LCSW"
    assert {"NSORENSEN", "dkowalski"} <= masked(note)
    assert "shark" not in masked("Sam Hark reviewed; he dreams of a shark")


def test_it_masks_a_trade_after_who_s_a_shes_a_or_to_be_a() -> None:
    note = (
        "cousin Dee, who's a hairdresser. mum's out, shes a support worker. wants to be a midwife"
    )
    assert {"hairdresser", "support worker", "midwife"} <= masked(note)
    assert masked("It seems to be a problem; who's at home? shes a bit tired") == set()


def test_it_masks_trades_named_by_their_last_word_alone() -> None:
    note = "Mr. Alvey is a 58-year-old piano tuner. Partner works FIFO as a diesel fitter."
    assert {"piano tuner", "diesel fitter"} <= masked(note)
    assert masked("Her hip is fitter now; the guitar tuner app helps.") == set()


def test_it_leaves_a_care_team_role_before_its_holders_name() -> None:
    note = "Reviewed with his supervisor, Gail Brennan, and our diabetes educator, Nell Porter."
    assert masked(note) == {"Gail Brennan", "Nell Porter"}


def test_it_masks_a_month_and_day_after_a_procedure_an_admission_or_a_screen() -> None:
    note = "s/p L TKA 2/6; underwent hemiarthroplasty 1/8; 61 on admission 2/9; UA 1/3 negative"
    assert {"2/6", "1/8", "2/9", "1/3"} <= masked(note)
    near = "s/p partial 2nd toe amputation. Smokes 1/2 ppd. Urges 3/5. Strength 4/5."
    assert masked(near) == set()


def test_it_masks_an_age_at_a_bypass_a_death_or_a_first_break() -> None:
    note = "Father d. at 61, MI; brother had CABG at 58; quit at 52; first break at 24."
    assert {"61", "58", "52", "24"} <= masked(note)
    assert masked("Quit at 5 pm. HR at 60. Creatinine peaked at 1.6.") == set()


def test_it_masks_an_age_glued_to_the_sex_or_bracketed_right_after_a_name() -> None:
    note = "Pt: Marcus Delacroix-Webb | 33M | MRN 55192\npt maryanne colquhoun 47f obs"
    assert {"33", "47"} <= masked(note)
    assert masked("gave Jo Park (2 tabs); 5mg held") == {"Jo Park"}


def test_it_masks_the_initials_that_sign_a_note_off() -> None:
    assert {"CB", "MT"} <= masked("Handed to day team.\nClear 01:38. -- CB/MT")
    assert "jf" in masked("ate half, snack first. wt +0.6. jf")
    assert masked("vitals stable. see above. OK") == set()
    assert masked("Plan: as above.\nN/A") == set()


# --- after blind sets 94 to 97 -------------------------------------------------------------
def test_it_masks_the_initials_closing_each_entry_of_a_log() -> None:
    note = "0710  AM assessment done. rb\n0930  Dr order written. rb\n1015  teaching done. rb"
    assert [s.kind for s in find_spans(note)].count(Kind.STAFF) >= 3
    assert masked("0710 done. ok\n0930 done. ok") == set()


def test_it_masks_a_chats_speaker_after_a_bracketed_time_but_not_a_role() -> None:
    note = "[0712] dr.okafor: bed at Kings?\n[0713] texter: hi\n[0714] visitor: im here"
    assert masked(note) - {"Kings"} == {"dr.okafor"}  # (a hospital called Kings: masked)


def test_it_masks_an_age_and_sex_in_a_header_cell_or_after_the_assessment_label() -> None:
    note = "Mara Quill | MRN 5521087 | 41 F | HD 9\nA/P 67M DM2 w/ CAP"
    assert {"41", "67"} <= masked(note)
    assert "9" not in masked(note)


def test_it_masks_a_month_and_day_after_a_missed_group_a_dose_or_an_injection() -> None:
    note = "missed IOP 5/6. last dose here 7/7. Vivitrol (inj 1/8). Individual 5/8 w/ RN."
    assert {"5/6", "7/7", "1/8", "5/8"} <= masked(note)
    assert masked("attended 3/3 groups; took 1/2 dose") == set()


def test_it_masks_initials_in_brackets_closing_log_entries_and_an_age_with_sex() -> None:
    note = "0800 open til 1100. (kt)\n0820 VM left (kt)\nPatient: Autumn Rae Lilly (31 F)"
    assert masked(note) >= {"kt", "31", "Autumn Rae Lilly"}


def test_it_masks_a_hospital_named_for_its_denomination() -> None:
    assert "Methodist Hospital" in masked("Taken by ambulance to Methodist Hospital ED.")
    assert not {"Baptist", "Baptist church"} & masked("She attends a Baptist church weekly.")


def test_it_masks_a_health_system_named_for_its_denomination_or_as_a_memorial() -> None:
    assert "Adventist Health" in masked("Records requested from Adventist Health last week.")
    assert "Memorial Health" in masked("Faxed the ROI to Memorial Health for her chart.")
    assert masked("Discussed mental health and memorial plans for her father.") == set()


def test_it_masks_a_church_named_our_and_a_firm_of_brothers() -> None:
    assert "Our Redeemer Lutheran Church" in masked("Sings at Our Redeemer Lutheran Church.")
    assert "Nowak Bros. Painting" in masked("He paints houses for Nowak Bros. Painting.")
    assert masked("Our Father was said at group.") == set()


def test_it_masks_a_common_given_name_or_surname_in_lower_case_that_is_no_word() -> None:
    note = "0830 tasha here early for ride\n0940 oscar relapsed\n0905 roi for r. delgado"
    assert {"tasha", "oscar", "delgado"} <= masked(note)
    assert "lang" not in masked("Primary lang: Spanish; needs interpreter")
    assert masked("will hang the sign; geri psych consult; may call") <= {"geri"}
    assert not {"will", "hang", "may"} & masked("will hang the sign; may call")


def test_it_masks_a_long_name_only_the_worlds_lists_hold_in_lower_case() -> None:
    assert "kacper" in masked("spoke w/ mum; kacper refusing to go in again")
    assert masked("sayin he's fine today, eating well") == set()


# --- after blind sets 98 to 105 ---------------------------------------------------------------
def test_it_masks_a_month_and_day_right_after_a_person_a_place_or_an_organisation() -> None:
    note = "remind re appt w/ Dr. Lindqvist 10/10. court in Hillsborough 4/4; per Dr. Hwang, 5/10"
    assert {"10/10", "4/4", "5/10"} <= masked(note)
    assert masked("Birth: SVD, Apgars 8/9, no resuscitation.") == set()
    assert "4/5" not in masked("Attended Navarro High 4/5 days this week.")


def test_it_masks_an_age_a_texter_gives_and_a_childs_age_after_a_comma_in_a_list() -> None:
    assert {"13", "19"} <= masked("texter (22:05): im 13\nTEXTER: i'm 19. my name is withheld")
    assert "8" in masked("kids (Kaden, 8 and Rose, 5) staying with her mother")
    assert masked("i'm 5 min away. im 2 weeks sober. RUL nodule (se 3 im 44)") == set()


def test_it_masks_decorators_growers_hangers_sorters_and_a_trade_a_client_says_is_theirs() -> None:
    note = (
        "new job as a cake decorator. 92 yo retired cranberry grower. works as a drywall "
        "hanger. started as donation sorter. I'm an air traffic controller so they need it"
    )
    assert {"cake decorator", "cranberry grower", "drywall hanger", "donation sorter"} <= masked(
        note
    )
    assert "air traffic controller" in masked(note)
    assert masked("I am a licensed professional counselor in Arizona.") <= {"Arizona"}
    assert masked("Game controller broke; coat on a hanger.") == set()


def test_it_masks_a_high_school_by_its_letters_a_board_and_a_consultancy() -> None:
    note = "mtg at Clovis West HS 10/3. forwarded to Ohio Parole Board; Island Forensic Consultants"
    assert {"Clovis West HS", "Ohio Parole Board", "Island Forensic Consultants"} <= masked(note)
    assert masked("LAST BM 6/10. SENNA HS.\nMEDS: CLOZAPINE 400MG HS TAKEN") <= {"6/10"}


def test_it_masks_a_user_name_of_an_initial_or_dr_and_a_surname_joined_by_a_dot() -> None:
    note = "Members: dr.ferreira (CL Psych), dr.osei (Hospitalist)\nsupervisor d.saunders approved"
    assert {"dr.ferreira", "dr.osei", "d.saunders"} <= masked(note)
    assert masked("see a.txt; e.g. p.o. meds q.day") == set()


def test_it_masks_an_initial_and_a_common_surname_that_is_also_a_word_or_a_town() -> None:
    note = "UDS observed by T. Combs.\nSupervisor review: A. Greer 6/10/24\nT. Morrow, LICDC"
    assert {"T. Combs", "A. Greer", "T. Morrow"} <= masked(note)
    assert masked("H. Pylori stool antigen positive.") == set()


def test_it_masks_a_state_after_its_town_before_a_tables_bar_or_a_columns_gap() -> None:
    assert "SD" in masked("| Facility | Rapid City Regional, Rapid City, SD |\n| Date | 10/14 |")
    assert "ME" in masked("Pt location: home, Bangor, ME   Provider location: office")
    assert "MD" not in masked("Ordering: Thibodeaux, Pierre MD    Sonographer: D. Landry, RD")


def test_it_masks_an_organisation_opening_a_signatures_line_of_fields() -> None:
    assert "Gateway Behavioral Health" in masked(
        "Thanks,\nTamika\nGateway Behavioral Health | Case Management | Toledo"
    )
    assert masked("Continue Group | daily\nFollow Up Clinic | 2 weeks") == set()


def test_it_masks_a_month_and_day_after_a_dose_and_its_route_or_a_return_in_weeks() -> None:
    note = (
        "palmitate 234 mg IM 5/8. Started prednisolone 40 mg daily 2/8. f/u 2 wks 3/10; "
        "RTC 8 wks (~5/7)"
    )
    assert {"5/8", "2/8", "3/10", "5/7"} <= masked(note)
    assert masked("sertraline 50 mg daily 1/2 tab; f/u 2 wks 1/2 dose") == set()


def test_it_masks_nova_scotia_after_a_known_town_without_its_comma() -> None:
    assert "NS" in masked("Practice: Maritime Wellness Collective, Halifax NS\nClinician: A. Gale")
    assert masked("bolus 1L NS. Leeds ON the ward") <= {"Leeds"}


def test_it_masks_the_initials_under_any_heading_that_says_by_whom() -> None:
    log = (
        "Date | Client | Item | Issued by\n4/2 | L. Briggs | card | AK\n4/9 | R. Saenz | pass | TW"
    )
    assert {"AK", "TW"} <= masked(log)
    assert "CC" not in masked("Date | Item | Paid by\n4/2 | gas card | CC")


def test_it_masks_an_age_and_a_trade_after_a_heading_that_opens_with_age_and_sex() -> None:
    found = masked("HISTORY: 52 M long-haul trucker, drinking daily.\nHPI: 23 F graduate student")
    assert {"52", "long-haul trucker", "23"} <= found
    assert masked("Plan: 3 F units given; 2 M units held") == set()


def test_it_masks_a_trade_named_as_the_position_or_job_sought_or_held() -> None:
    found = masked("his application for the forklift operator position; got a line cook job")
    assert {"forklift operator", "line cook"} <= found
    assert masked("She values the therapist role; the group is her job now.") == set()


def test_it_leaves_attn_a_guardian_ad_litem_a_texter_and_a_room_in_a_log() -> None:
    assert masked("To: Family Court Services   Attn: Denise Albright") >= {"Denise Albright"}
    assert not {"Attn", "GAL", "TEXTER", "rm"} & masked(
        "call with GAL Patricia Oyelaran; GAL agrees.\n23:41 TEXTER: hi\n23:44 TEXTER: ok\n"
        "| Time | Location | Staff |\n| 2300 | rm | FM |\n| 2315 | rm | FM |"
    )


def test_it_leaves_a_sessions_billing_code_and_never_runs_a_date_across_a_line() -> None:
    note = "FAMILY THERAPY - session 4\nSept. 3, 2023   90847   60 min\n12 units 90832 requested"
    assert masked(note) == {"Sept. 3, 2023"}
    assert "90847" in masked("MRN: 90847")


def test_it_leaves_how_many_times_a_number_was_called_after_it() -> None:
    assert masked("Called (316) 555-0124 x2 at 2:10, VM full.") == {"(316) 555-0124"}
    assert masked("call 555-201-3344 x214 or 555-208-4100 x 3") == {
        "555-201-3344 x214",
        "555-208-4100 x 3",
    }


def test_it_leaves_a_supervisee_sutures_a_lobe_and_an_ip_label() -> None:
    note = (
        "Supervisee: Priya Ramanathan, LPC-Associate. Supervisee anxious.\n"
        "Fascia closed with 0 Vicryl; skin 4-0 Monocryl. Post-op dx: same. RLL crackles.\n"
        "Visitor IP (auto-logged): 203.51.118.44. Outpt: saw counselor"
    )
    found = masked(note)
    assert {"Priya Ramanathan", "203.51.118.44"} <= found
    assert not {"Supervisee", "Vicryl", "Monocryl", "op", "RLL", "IP", "Outpt"} & found


def test_it_reads_general_as_a_hospitals_last_word_never_as_an_employer_alone() -> None:
    assert masked("ANESTHESIA: General endotracheal, Dr. Bhatt") == {"Bhatt"}
    assert "Acadiana General" in masked("transferred from Acadiana General ED on a PEC")
    assert "Dollar General" in masked("works at Dollar General on weekends")


def test_it_leaves_a_consultation_liaison_service_and_a_case_management_heading() -> None:
    assert (
        masked("CASE MANAGEMENT PROGRESS NOTE\nCL PSYCHIATRY CONSULT\nSeen by CL Psychiatry")
        == set()
    )
    assert "Lakeview Case Management Services" in masked(
        "referred to Lakeview Case Management Services"
    )


def test_it_leaves_an_operations_words_and_an_icus_letters_but_not_a_surgeons_name() -> None:
    note = "MICU PROGRESS NOTE\nPROCEDURE: Laparoscopic cholecystectomy. Hemostasis was confirmed."
    assert masked(note) == set()
    assert "Hasson" in masked("Seen by Dr. Hasson today.")  # (a port's name, and a surname)


def test_it_masks_a_surname_after_a_title_even_when_it_is_also_shorthand() -> None:
    found = masked("Seen by Dr. Ip today. Mr. Min and Ms. Fu called. Mr. Gal was there.")
    assert {"Ip", "Min", "Fu", "Gal"} <= found
    assert masked("Visitor IP logged. GAL agrees. 10 min late.") == set()


def test_it_leaves_a_hospitals_department_named_by_its_specialty() -> None:
    note = "Ashcombe University Hospital - Department of Neurology, Neuropsychology Service"
    assert masked(note) == {"Ashcombe University Hospital"}
    assert masked("HARROW CREEK HEALTH CENTER\nInternal Medicine") == {"HARROW CREEK HEALTH CENTER"}
    assert "Department of Community Services" in masked("Department of Community Services paid")


def test_it_leaves_a_role_the_clients_people_hold_at_a_named_place() -> None:
    assert masked("bedwetting again and his teacher at Lincoln Elementary called") == {
        "Lincoln Elementary"
    }
    assert "teacher" in masked("her husband is a teacher at Lincoln Elementary")


def test_it_leaves_a_therapy_or_a_unit_named_for_what_it_does() -> None:
    note = (
        "CPT (Cognitive Processing Therapy) Session 4\nBehavioral Health Center - Adult Acute Unit"
    )
    assert masked(note) == set()
    assert "Acute Care Solutions" in masked("works nights at Acute Care Solutions")


def test_it_takes_a_wordlike_states_letters_only_after_the_towns_comma() -> None:
    assert "ID" not in masked("From: Lena Fischer   Portal ID: MC-5582019")
    assert {"Moscow", "ID"} <= masked("works in Moscow, ID; moved last year")


def test_it_reads_the_honorable_as_a_judges_title_and_pre_op_as_shorthand() -> None:
    assert masked("The Honorable Miriam Castellano-Reyes\nHon. Gretchen Voss") >= {
        "Miriam Castellano-Reyes",
        "Gretchen Voss",
    }
    assert not {"Honorable", "The Honorable"} & masked("The Honorable Miriam Castellano-Reyes")
    assert masked("Reason: Pre-op risk stratification. Dr. A. Little, Hospitalist Service") == {
        "A. Little"
    }


def test_it_leaves_a_degree_between_a_name_and_its_credential() -> None:
    assert masked("Hope Castillo, MA, LMHC\nSigned: Dana Whitfield, MS, LPC") == {
        "Hope Castillo",
        "Dana Whitfield",
    }


# --- after blind sets 118 to 121 ----------------------------------------------------------
def test_it_masks_the_initials_of_a_name_the_note_gives_elsewhere() -> None:
    text = (
        "Night staff: Wren Halvorsen, RN.\n"
        "0230 up pacing the hall, redirected by WH. No PRN given.\n0400 asleep per WH."
    )
    assert masked_words(text).count("WH") == 2
    assert kinds(text)["WH"] == kinds(text)["Wren Halvorsen"]


def test_it_masks_each_names_initials_as_that_name_but_not_inside_a_code() -> None:
    text = (
        "Client: Jonah Pike. Night staff: Wren Halvorsen, RN.\n"
        "0230 JP up pacing, redirected by WH (WH-2 unit). JP asleep 0400 per WH; JPX code."
    )
    spans = [(text[s.start : s.end], s.kind) for s in find_spans(text)]
    assert spans.count(("JP", Kind.NAME)) == 2
    assert spans.count(("WH", Kind.STAFF)) == 2
    assert "JPX" not in masked(text)  # (nor "WH-2": the unit's code)
    assert masked_words(text).count("WH") == 2


def test_it_leaves_letters_that_are_an_abbreviation_though_a_name_has_them() -> None:
    text = "Family meeting with Paul Tran and Mary Dunn.\nSeen by PT today; per MD continue."
    assert masked(text) == {"Paul Tran", "Mary Dunn"}


def test_it_masks_a_user_name_in_an_access_logs_cell_but_not_a_word() -> None:
    text = "| 2026-03-02 08:14 | bkowalczyk | front desk | viewed chart |"
    assert kinds(text)["bkowalczyk"] == Kind.STAFF
    assert masked("| 0800 | breakfast | eaten in the dayroom |") == set()


def test_it_masks_an_organisation_in_capitals_heading_a_line_but_not_an_order() -> None:
    text = "SECLUSION MONITORING LOG\nGRANITE STATE HOSPITAL, FORENSIC UNIT\n1415 QUIET"
    assert "GRANITE STATE HOSPITAL" in masked(text)
    assert masked("PLAN:\nCONTINUE GROUP THERAPY\nENCOURAGE FLUIDS") == set()


def test_it_joins_an_organisation_to_the_place_it_is_of() -> None:
    text = "Transport: AirCare of Vermont, ETA 14:10."
    assert kinds(text) == {"AirCare of Vermont": Kind.ORGANIZATION}


# --- a second look beside what the context pass found -----------------------------------
def test_it_weighs_the_word_beside_a_name_the_far_model_found() -> None:
    # (no rule finds "Sunrise"; the far model does, and then "Pediatrics" beside it is weighed)
    assert "Sunrise Pediatrics" in masked("Sunrise Pediatrics, 12 Oak Road")


def test_its_second_look_leaves_an_ordinary_word_after_such_a_name() -> None:
    spans = masked("Sunrise Pediatrics faxed records today.")
    assert not [s for s in spans if "faxed" in s or "records" in s]


def test_it_finds_the_same_initials_on_a_page_of_many_names(monkeypatch: MonkeyPatch) -> None:
    # (past FEW_INITIALS names, the words standing alone are found in one scan instead of a
    # search of the whole text for each: the answer must not change)
    text = (
        "Night staff: Wren Halvorsen, RN. Client: Jonah Pike.\n"
        "0230 JP up pacing, redirected by WH (WH-2 unit). JP asleep 0400 per WH; JPX code."
    )
    searched = masked_words(text)
    monkeypatch.setattr(people, "FEW_INITIALS", 0)
    assert masked_words(text) == searched
    assert searched.count("JP") == 2


# --- a clinician after "seen by", a degree after a name, an initial after a surname --------
def test_it_takes_the_person_seen_by_for_staff_not_an_organisation() -> None:
    assert kinds("Seen by Maria Lopez, LCSW today.")["Maria Lopez"] == Kind.STAFF
    assert redact("Seen by Maria Lopez, LCSW today.") == "Seen by Clinician A, LCSW today."
    text = "Seen by Riverside Counseling Center last year."
    assert kinds(text)["Riverside Counseling Center"] == Kind.ORGANIZATION


def test_it_leaves_a_dotted_degree_after_a_name() -> None:
    assert masked("Karen Fox, R.N. noted pt resting.") == {"Karen Fox"}
    assert masked("Dr. Smith, M.D. reviewed the labs.") == {"Smith"}
    assert {"T", "F"} <= masked("T.F. was more compliant today.")


def test_it_masks_an_initial_after_a_surname_in_a_table() -> None:
    text = "| Resident | Room |\n| Kowalczyk, R. | 12 |\n| Abernathy, M. | 14 |"
    assert {"R", "M"} <= masked(text)
    assert "M" not in masked("Note by Dr. Abernathy, M.D. on the unit.")


# --- a place announced as one is a place, though the census lists it as a name ------------
def test_it_types_an_announced_place_as_a_place_not_a_person() -> None:
    assert kinds("Family moving to Reno in December.")["Reno"] == Kind.LOCATION
    assert kinds("Her sister lives in Terre Haute now.")["Terre Haute"] == Kind.LOCATION
    assert redact("Family moving to Reno in December.").startswith("Family moving to [CITY]")


def test_it_keeps_a_person_a_person_beside_a_place_cue() -> None:
    assert kinds("Signed: Marcus Wellesley, MD")["Marcus Wellesley"] != Kind.LOCATION
    assert kinds("She will not move to Alice's home.")["Alice"] == Kind.NAME
    assert kinds("Met with Jordan and his mother.")["Jordan"] == Kind.NAME


def test_it_masks_a_word_name_again_where_the_note_gives_its_state_without_a_verb() -> None:
    text = "Group: Summer Reyes, Will Collins.\nSummer tearful today. Will agreeable to plan."
    starts = {s.start for s in find_spans(text)}
    assert {text.index("Summer", 20), text.index("Will", 40)} <= starts
    near = "Group: Hope Reyes.\nHope remains low; mom tearful."
    assert near.index("Hope", 10) not in {s.start for s in find_spans(near)}


def test_it_masks_a_trade_set_off_by_a_comma_or_a_dash_after_a_persons_name() -> None:
    text = "Referral from Ines Valcourt, HR advisor (555-0101), for her report."
    assert "HR advisor" in masked(text)
    assert "pharmacy tech" in masked("Spoke with Ruby Okonkwo, pharmacy tech @ the outlet.")
    # an office's role given after its holder's name, and no trade at all, stay
    assert "coordinator" not in " ".join(
        masked("Faxed to Leland Fitch, intake coordinator (ext. 12), at noon.")
    )
    assert "youngest member" not in masked("- Casimir (19), youngest member, arrived late.")
