"""Hand-written word lists: clinical shorthand, cues that announce a name, organisation words.

These are Alcove's own lists (not copied from any other de-identifier): words a clinician
writes that must never be taken for a name, and the words around an identifier that say
what it is.
"""

STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split()
) | frozenset(
    {
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "West Virginia",
        "District of Columbia",
        "Puerto Rico",
    }
)
STATE_CODES = frozenset(
    """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
    NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR""".split()
)

# Place names in the gazetteers that are far more often something else in a clinical note.
NOT_PLACES = frozenset(
    """normal mobile reading plain hope independence liberty unity energy patient health
    home center university college hospital clinic sale bath cologne nice mesa valley
    alert orange lime early riverside many story commerce industry opportunity pleasant
    protection friendship harmony paradise eden enterprise progress justice needles
    loving comfort content accident boring drain truth consequences why hazard
    ideal intercourse climax fairplay experiment""".split()
)

# Clinical shorthand and words of a note that collide with name or place lists. Stored in
# lower case; the engine never takes them for a name, whatever their case.
CLINICAL = frozenset(
    """ileal jejunal ductal lobular cholangiogram phos tmax vmax tbili glu diuresed recheck
    extubated spiculated mepilex endocatch perinatal interoceptive perrl nac svg init
    cannabis evaluator c-section x-ray c-l cath cha2ds2-vasc whānau whanau ngā kaupapa mihi
    karakia iadl iadls poc fois cecum caecum
    child-pugh co-facilitator geta c-peptide norepi intradepartmental echocardiogram co-patient
    mmpi sulfa strep pillbox orthopaedic datix stanley-brown gottman dka anc
    lymphovascular intubated imaginal circ tte rvr fluoro fingerstick vanc multiplanar
    thiamine dermabond non-pharmacologic irreg handover enc bup f-r fp-r l-r fbs-r
    fsiq rlq luq rul rll lul freq asam osler dexcom biopsychosocial aaox aaox3 ems nsr mini-cog
    tachypneic diaphoretic hepatosplenomegaly melena hematochezia cabg esrd petechiae rhonchi
    asterixis varices paracentesis cardioversion pressors siadh pleuritic heent ivdu nkda kub
    vre liws ogt hemodynamically pseudomonas klebsiella staphylococcus streptococcus
    enterococcus escherichia clostridium clostridioides acinetobacter enterobacter serratia
    citrobacter aspergillus mycobacterium haemophilus listeria salmonella shigella chemo
    campylobacter legionella neisseria treponema chlamydia bordetella moraxella copay copays
    preauth reauth genogram genograms enmeshment enmeshed dysregulated dysregulation
    preschooler preschoolers superbill superbills parentified parentification stepfamily
    triadic multi-family externalized externalizing internalizing neurodivergent colicky
    catastrophizing codependent codependency sandtray theraplay biofeedback prosocial lexile
    co-sleeps co-sleeping
    subtest subtests descriptor descriptors visuospatial visuoconstructional visuoperceptual
    perseveration perseverations persev graphomotor graphesthesia micrographia automaticity
    intracarotid multitasking phobias pseudoword pseudowords discriminability hemiparesis
    hypophonia neuropsychologist neuropsychologists
    wisc wisc-v wisc-iv wais wais-iv wais-5 wppsi wppsi-iv wms wms-iv wiat wiat-4 wiat-iii
    d-kefs dkefs rbans cvlt cvlt-3 cvlt-c cvlt-ii bvmt bvmt-r hvlt hvlt-r tomm msvt nv-msvt
    wmt crin vrin trin abas abas-3 basc basc-3 brief-2 ados ados-2 nepsy nepsy-ii ctopp
    ctopp-2 towre towre-2 ktea ktea-3 ppvt ppvt-5 caars caars-2 baars-iv rcft gcs nab
    subscale subscales interrater criminogenic non-criminogenic redisclosure redisclosed
    practised suggestibility responsivity saprof savry hcr-20 vrag vrag-r pcl-r pcl-sv lsi-r
    odara sirs sirs-2 m-fast ecst-r maccat-ca maccat-t sotips
    comorbid comorbidity comorbidities bibasal seropositive seronegative thrombolysis
    thrombolysed dyspnoea dyspnoeic ischaemic ischaemia normocytic microcytic uptitrate
    uptitrated downtitrate psychoeducation psychoeducational crepitations hyperkalaemia
    hypokalaemia hyponatraemia fbc jvp mdt iapt cpn dlqi mbchb chb mbbs
    mrcpsych frcpsych mrcp frcp mrcgp bd tds qds nocte gp gps
    bupe bup-nx mmt mma metab pamoate moud hyperreflexia hyporeflexia fibroscan co-prescribed
    co-prescribing arousable
    hyperarousal hypoarousal alexithymia alexithymic self-reproach self-reproaches prioritise
    prioritised mentalize mentalise mentalizing mentalising
    pended retro-authorization retro-authorisation preauthorization precertification
    dammit nonjudgmental nonjudgemental meta-worry
    acculturation acculturative microaggression microaggressions alhamdulillah inshallah
    mashallah bismillah wallahi subhanallah khalas quranic hijabi miigwech boozhoo aaniin
    bimaadiziwin anishinaabemowin tansi ahehee bondye kreyol tsuris kvetch kvetches
    davening curandero curandera limpia pakeha tangihanga tikanga whakapapa
    wairua
    lesbian lesbians genderqueer nonbinary non-binary cisgender transgender pansexual
    two-spirit genderfluid agender demisexual transmasculine transfeminine afro-latina
    afro-latino
    ied ieds fob psychoed orthostatics hotspots hotspot binge-purge pre-discharge subthreshold
    neuropsych itq mst-trained od mbu pph lrti tokophobia hyperemesis pre-eclampsia
    stonewalling stonewalled kitchen-sinking handoffs stepsiblings conflictual enactment
    enactments triangulation triangulated differentiation
    bfcrs rass workup timepoint steroid-induced pre-lithium negativism myoclonus low-stim
    confabulates confabulation fomepizole benzo avs l-carnitine
    co-fac co-facs trichotillomania schizophrenia agoraphobia hexaflex vocational baseline
    de-escalate defib bgl pre-dose pre-breakfast shoulds
    post-caesarean post-cesarean misidentifies ego-dystonic ego-syntonic capgras-type
    nrt dasa nicu non-pharmacological post-programme handovers stims benzos
    inhalants institutionalized institutionalised
    became brought
    pt pts hx h/o si hi prn bid tid qid qd qod qhs qam qpm qh q4h q6h q8h q12h mse aox3 ox3
    ox4 wnl nad rrr ctab perrla eomi sob cp bp hr rr spo2 sat sats o2 wt ht bmi temp dx ddx rx
    tx sx fx f/u r/o c/o s/p w/o yo y/o ed er icu ccu pacu iop php cbt dbt emdr act ptsd mdd
    gad adhd ocd bpd sud aud etoh thc ua uds cbc bmp cmp tsh lft lfts ekg ecg eeg mri ct cxr iv
    im po sl pr npo dnr dni hcp poa pcp ros hpi pmh psh fh sh ams loc cva tia mi chf copd htn
    dm ckd gerd uti pe dvt afib cad hld osa tbi smi ssri snri maoi tca nsaid prn ama lwbs
    phq gad7 phq9 pcl pcl5 audit cssrs c-ssrs moca mmse bdi bai ymrs panss cows ciwa
    md do rn np pa lpn cna lcsw licsw lmft lpc lmhc psyd phd msw aprn pmhnp dnp mph bsn
    ms mr mrs dr prof hosp dept meds med labs lab vitals vs neuro psych psy gi gu ent
    ob gyn obgyn peds cards pulm renal onc heme id endo derm ortho uro rehab snf ltc alf
    alert oriented calm cooperative pleasant tearful anxious depressed euthymic dysthymic
    irritable labile flat blunted restricted congruent linear logical tangential
    circumstantial goal directed organized disorganized intact impaired fair poor good
    denies endorses reports states stated notes noted plan assessment subjective objective
    impression recommendations disposition history chief complaint allergies medications
    client patient therapist clinician provider supervisor resident attending intern
    nurse nursing staff family mother father sister brother wife husband partner
    daughter son aunt uncle cousin grandmother grandfather friend roommate
    session sessions therapy intake discharge admission admitted transfer progress note
    mood affect thought content process insight judgment judgement speech appearance
    behavior behaviour eye contact suicidal homicidal ideation intent safety crisis
    sertraline fluoxetine escitalopram citalopram paroxetine venlafaxine duloxetine
    bupropion mirtazapine trazodone lithium lamotrigine valproate divalproex quetiapine
    olanzapine risperidone aripiprazole haloperidol clozapine lorazepam clonazepam
    alprazolam diazepam hydroxyzine buspirone prazosin propranolol gabapentin
    naltrexone buprenorphine methadone suboxone zoloft prozac lexapro celexa paxil
    effexor cymbalta wellbutrin remeron desyrel lamictal depakote seroquel zyprexa
    risperdal abilify haldol clozaril ativan klonopin xanax valium vistaril buspar
    neurontin vivitrol narcan adderall ritalin concerta vyvanse strattera intuniv
    ambien melatonin tylenol motrin advil ibuprofen acetaminophen metformin lisinopril
    atorvastatin levothyroxine synthroid amlodipine omeprazole insulin heparin
    coumadin warfarin lasix furosemide albuterol prednisone keflex augmentin
    latuda geodon invega rexulti vraylar caplyta spravato ketamine
    admit admits axis dsm icd cpt soap dap birp girp brain heart lung lungs chest abdomen
    pelvis spine head neck liver kidney kidneys skin extremities
    psychogenic postictal toddlerhood postvention hypervigilant hypervigilance isolative
    inhalator liaise liaised liaises liaising""".split()
)

# Ordinary words, with a capital only at the start of a sentence or in a heading, that
# the census lists also hold as names; added to the common words.
COMMON_EXTRA = (
    CLINICAL
    | frozenset(
        """will may mark hope grace joy faith june april august rose bill art pat sue ray
    jack frank dawn summer autumn winter spring proud
    okay alot hometown startup fibre jackpot skyline farmland shoreline cactus
    sunday monday tuesday wednesday thursday friday saturday january february march july
    september october november december today tomorrow yesterday
    god lord christ jesus bible church""".split()
    )
    | frozenset(
        # irregular past forms the word list derives from no base ("Held today with daughters";
        # three are surnames too, still names after a title or a given name)
        "held paid began became heard woken forgave withdrew undergone".split()
    )
)

# Given names that are also English words but, capitalised, are nearly always a name.
NAME_FIRST = frozenset(
    """mary maria nancy betty donna carol ruth laura amy anna ann jean kelly tammy irene
    jane lori ruby norma robin peggy rita florence tiffany kim sherry ethel elaine emma
    hazel sally ana holly alma beth tara rosemary lucy vera willie colleen minnie stella
    caroline jo terry myrtle penny kay jenny molly sandy amelia alison pam patty
    jenna sophia kerry abigail cassie morgan lily eve jordan jerry bobby joe gene billy
    tony toby kyle randy dean tommy henry eric steven jimmy walter martin larry timothy
    sammy victor carl troy brett perry drew""".split()
)

TITLES = frozenset(
    """dr dr. doctor mr mr. mrs mrs. ms ms. miss mx mx. prof prof. professor sr sr. sister
    father fr fr. rev rev. reverend pastor rabbi imam nurse officer detective sergeant sgt
    lieutenant lt captain capt judge attorney coach constable cst det honorable hon""".split()
)
STAFF_TITLES = frozenset(
    "dr dr. doctor prof prof. professor nurse".split(),
)

# Credentials after a name: "Ana Ruiz, LCSW", "J. KIM MD".
CREDENTIALS = (
    "MD|M\\.D\\.|DO|D\\.O\\.|RN|R\\.N\\.|NP|PA|PA-C|LPN|CNA|APRN|CNS|PMHNP|PMHNP-BC|FNP|FNP-C|"
    "DNP|PhD|Ph\\.D\\.|PsyD|Psy\\.D\\.|EdD|LCSW|LICSW|LMSW|MSW|LMFT|MFT|LPC|LPCC|LMHC|LCPC|"
    "LADC|CADC|LCADC|BCBA|MA|MS|MSN|BSN|OTR|OTR/L|PT|DPT|RD|CRNA|MBBS|FRCP|FACP"
)

# A label that introduces a staff member's name: "Attending: Dr. Lee", "Signed by Ana Ruiz".
STAFF_CUES = (
    "facilitator|co-facilitator|group leader|case worker|caseworker|cm|worker|"
    "attending|attending physician|resident|intern|fellow|pcp|primary care(?: physician|"
    " provider)?|"
    "therapist|psychiatrist|psychologist|clinician|provider|physician|supervisor|"
    "counselor|counsellor|social worker|case manager|care coordinator|nurse practitioner|"
    "dictated by|signed by|electronically signed by|e-signed by|cosigned by|co-signed by|"
    "seen by|referred by|referring(?: physician| provider)?|reviewed by|entered by|"
    "written by|author|transcribed by|cc|consulting|consultant|surgeon|prescriber|"
    "covering|on-call|oncall|discussed with|d/w|spoke with|spoke to|staffed with|transcribed|"
    "dictated|typed by|transcriptionist|judge|magistrate|amhp|observer|specialist|dietitian|"
    "dietician|trainee|scribe|supv|facilitators|triage nurse|triage rn|primary nurse|"
    "named nurse|keyworker|key worker"
)

# A word for a person in the client's life, before their name: "her sister Dana".
# Words for relatives in the languages of a practice's clients, which a note keeps as the
# client says them ("her Halmeoni", "Manman called", "Kokum raised him")
KIN_WORDS = frozenset(
    """abuelita abuelito mami papi madrina padrino suegra suegro avo vovo titia memere
    pepere matante mononcle tante tonton maman manman grann granpe matant lolo tita tito kuya
    inay itay nanay tatay ninang ninong
    nainai yeye laolao laoye waipo waigong ayi shushu jiejie gege meimei popo eomma appa
    halmeoni harabeoji unnie eonni oppa noona nuna hyung imo gomo samchon amma ammi abba abbu
    nani dadi dada chacha chachi mausi masi bua didi bhaiya bhai bhabhi mamu khala khalu
    phuppo teta jiddo sitti khalto amto khalo ammo hooyo aabo ayeeyo awoowe abti habaryar eedo
    emaye abaye kuia whaea nookomis mishomis kokum mosom shima shimasani shicheii bubbe bubbie
    zayde zaydie""".split()
)
# (of them, those a list of names holds too: a relation before a name, yet a name alone)
KIN_NAMES = frozenset(
    "abba amma bua chacha dada dadi imo maman masi nani papi tito didi lolo ayi popo teta".split()
)
RELATIONS = (
    "wife|husband|spouse|partner|boyfriend|girlfriend|fiance|fiancee|fiancé|fiancée|ex-wife|"
    "ex-husband|ex-partner|ex-boyfriend|ex-girlfriend|ex|son|daughter|child|stepson|"
    "stepdaughter|mother|father|mom|mum|dad|stepmother|stepfather|stepmom|stepdad|"
    "brother|sister|half-brother|half-sister|stepbrother|stepsister|sibling|twin|"
    "grandmother|grandfather|grandma|grandpa|granddaughter|grandson|aunt|uncle|niece|"
    "nephew|cousin|friend|best friend|roommate|neighbor|neighbour|boss|supervisor|"
    "coworker|co-worker|colleague|manager|landlord|teacher|coach|sponsor|pastor|"
    "caseworker|probation officer|parole officer|guardian|foster mother|foster father|"
    "in-law|mother-in-law|father-in-law|sister-in-law|brother-in-law|daughter-in-law|"
    "son-in-law|baby|infant|toddler|"
    "classmate|bandmate|teammate|tenant|ex-fiance|peer|victim|perpetrator|abuser|"
    "children|kids|sons|daughters|siblings|brothers|sisters|grandchildren|grandkids|"
    "stepchildren|bf|gf|ex-bf|ex-gf|hubby|sis|bro|dtr|dau|gma|gpa|abuela|abuelo|tia|tio|tía|"
    "tío|auntie|husb|"
    "granny|grandad|granddad|godmother|godfather|great-grandmother|great-grandfather|"
    "half-sibling|ex-fiancee|pharmacist|interpreter|translator|mentor|tutor|nanny|"
    "babysitter|lawyer|advocate|visitor|caller|foster mom|foster dad|biological mother|"
    "biological father|birth mother|birth father|bio mom|bio dad|"
    f"{'|'.join(sorted(KIN_WORDS))}"
)

# Last words of an organisation's name.
ORG_WORDS = (
    "Hospital|Hospitals|Medical Center|Medical Centre|Health Center|Health Centre|"
    "Medical Group|Health System|Health Systems|Healthcare|Health Care|Health|Clinic|Clinics|"
    "Center|Centre|Institute|Infirmary|Sanitarium|Sanatorium|Hospice|Pharmacy|Rehab|"
    "Rehabilitation|Nursing Home|Care Home|Treatment Center|Recovery Center|"
    "Behavioral Health|Mental Health|Counseling|Counselling|Psychiatry|Associates|Partners|"
    "University|College|Academy|School|High School|High|Middle School|Elementary|"
    "Elementary School|School District|Preschool|Daycare|Day Care|Montessori|Seminary|"
    "Church|Temple|Synagogue|Mosque|Parish|Ministries|Ministry|"
    "Corporation|Corp|Corp\\.|Inc|Inc\\.|LLC|LLP|Ltd|Co\\.|Company|Group|Industries|"
    "Enterprises|Holdings|Services|Solutions|Systems|Technologies|Logistics|Manufacturing|"
    "Healthcare|Resources|"
    "Foods|Market|Markets|Supermarket|Grocery|Bank|Credit Union|Insurance|Foundation|"
    "Schools|Freight|Collective|Legal Aid|Detox|Association|Rx|Imaging|Manor|"
    "Shelter|Mission|Agency|Department|Dept\\.|Police Department|Fire Department|"
    "Restaurant|Cafe|Café|Diner|Bakery|Hotel|Motel|Inn|Store|Stores|Warehouse|Factory|"
    "Plant|Mill|Farm|Farms|Ranch|Garage|Salon|Studio|Gym|Fitness|Library|Museum|"
    "Airlines|Airport|Railroad|Rail|Railway|Communications|Wireless|Transit|Motors|Auto|Automotive|Construction|Builders|"
    "Landscaping|Plumbing|Electric|Law Firm|Lawyers|Gazette|Resources|Lumber|Supply|"
    "Post Office|Authority|Housing Authority|Heights|Probation|PD|Sheriff's Office|"
    "Terminal|Memorial|Army|Navy|Cove|Commons|Service|Charities|Pavilion|Roofing|Painting|"
    "Cleaning|Trucking|Transport|Moving|Catering|Heating|Paving|Masonry|Carpentry|Towing|"
    "Staffing|Practice|Program|Programme|Family Medicine|Pediatrics|Intermediate|Middle|"
    "Senior Living|"
    "Assisted Living|Living|Coffee|Post|Oaks|Pines|Hall|Station|Tribe|Nation|Alliance|Network|"
    "Collaborative|Cooperative|Consortium|Society|Council|Laboratories|Labs|Research|"
    "Pharmaceuticals|Therapeutics|Dental|Dentistry|Dialysis|Physicians|Fabrication|Attendants|"
    "Chiropractic|Institution|Correctional Institution|Agency on Aging|Office on Aging|"
    "Council on Aging|Commission on Aging|Rehabilitation and Nursing|Skilled Nursing|"
    "Neurology|Rheumatology|Cardiology|Oncology|Dermatology|Gastroenterology|Nephrology|Urology|"
    "Orthopedics|Orthopaedics|Endocrinology|Pulmonology|Veterinary|Preparatory|Prep|Wellness|"
    "Recovery|Athenaeum|Grill|Pub|Brewery|Bistro|Deli|Kitchen|Pizza|Tavern|Bakery|"
    "Conservatory|Polytechnic|Kindergarten|Charter School|Day School|Learning Center|"
    "Coalition|Partnership|Trust|Fund|Federation|Guild|Lab|MC|HC|CHC|Health Plan|Tech|"
    "Shop|Outlet|Depot|Mart|Casino|Club|YMCA|YWCA|VA|VAMC|Jail|Prison|Penitentiary|"
    "Correctional Facility|Detention Center|Court|Courthouse|Unit|Ward|Residence|Residences|"
    "Apartments|Manor|Village|Homes|Estates|Lodge|House|Therapy|Therapies|Care|Diagnostics|"
    "Children|Line|Lines|Ventures|Partners|Outreach|Home Care|Home Health|EMS|Fire|Police|Drug|"
    "Drugs|Apothecary|VNA|Property Management|Management Company|Realty|Properties|"
    "Baptist|Methodist|Lutheran|Presbyterian|Pentecostal|"
    "Mobile Crisis|Mobile Crisis Team|Crisis Team|ACT Team|Outreach Team|Response Team|"
    "Mobile Response Team|Crisis Residential|Crisis Connection|IOP|PHP|Funeral Home|"
    "Laboratory|Reference Laboratory|Pathology Laboratory|Psychiatric|Mutual Life|"
    "Life Insurance|Assurance|ISD|USD|CSB|DCS|DSS|CMH|CMHC|Medical|Rescue Squad|"
    "Ambulance Service|Medevac|Senior Supplement|Community Support|Laundromat|Stables|Lanes|"
    "HS|Elem|Board|Consultants|Consulting|General"
)

# Leading words that make an organisation's name: "Saint Mary's", "University of Utah".
ORG_LEADS = (
    "University of|College of|Bank of|Hospital of|Church of|Center for|Centre for|"
    "Institute of|Institute for|School of|Department of|Academy of|Museum of|Temple|"
    "Congregation|Camp|Fort|Partners for|Partners in|Friends of|Alliance for|Coalition for|"
    "Society for|Association for|Council on|Council for|Network for|Services for|Home for|"
    "Foundation for|Sisters of|Brothers of|House of|Order of|Office of|Iglesia|Masjid|Templo|"
    "Mezquita|Parroquia|Ministry of|Division of|Bureau of|Dept of"
)

EMPLOYMENT_CUES = (
    "works at|works for|working at|working for|worked at|worked for|employed at|employed by|"
    "employed with|job at|job with|position at|hired at|hired by|fired from|laid off from|"
    "let go from|quit|quit her job at|quit his job at|started at|retired from|volunteers at|"
    "volunteer at|interning at|internship at|shift at|shifts at|attends|attended|"
    "student at|enrolled at|enrolled in|graduated from|transferred to|admitted to|"
    "discharged from|transferred from|seen at|followed at|treated at|hospitalized at|"
    "inpatient at|outpatient at|resides at|lives at|placed at|refer to|referred to|"
    "referral to|transfer to|follows at|followed by|seen by|care at|admission to"
)

PROFESSIONS = frozenset(
    """accountant actor actress administrator analyst architect artist assistant athlete attendant
    sergeant coder handler postmaster shipfitter medic organist scaffolder patroller brakeman
    farmhand shearer publican farrier framer porter corporal labourer seaman deckhand
    orchardist rigger upholsterer barback busser sommelier toolmaker diemaker draftsman
    estimator appraiser notary bailiff docent chauffeur cabbie referee umpire crabber driller
    vicar deaconess bagger loadmaster corpsman detailer stonecutter
    attorney auditor baker banker barber barista bartender bookkeeper bricklayer broker
    busdriver butcher carpenter cashier caregiver chef chemist cleaner clerk coach cook
    counselor courier custodian dancer dentist designer detective developer dietitian
    dishwasher dispatcher driver economist editor electrician engineer farmer firefighter
    fisherman florist gardener hairdresser hairstylist housekeeper hygienist instructor
    janitor jeweler journalist judge laborer landscaper lawyer librarian lifeguard lineman
    locksmith machinist manager mechanic midwife miner model musician nanny
    officer painter paralegal paramedic pastor pharmacist photographer physician pilot
    plumber policeman policewoman professor programmer psychologist realtor receptionist
    reporter roofer sailor salesman saleswoman scientist secretary server sheriff singer
    soldier surgeon surveyor tailor teacher technician therapist trucker tutor veterinarian
    waiter waitress welder writer contractor consultant nurse cna emt marine firefighter
    correctional deputy trooper prosecutor schoolteacher technician tech mason roofer
    plasterer drywaller custodian groundskeeper stocker warehouseman forklift operator
    nursing aide aid paraprofessional interpreter translator chaplain minister priest
    influencer streamer student longshoreman guard cna lna phlebotomist sonographer
    dispatcher ironworker pipefitter steelworker lineworker stevedore fisherman lobsterman
    nun monk clergyman rabbi imam cantor stylist barber cosmetologist esthetician
    manicurist bookseller grocer owner principal transporter teller babysitter paraeducator
    trainer foreman supervisor hostess busboy conductor logger rancher salesperson
    entrepreneur loader packer picker homemaker apprentice bouncer valet usher maid doorman
    concierge seamstress cobbler groomer carrier lpn missionary maker keeper tester
    defender barman barmaid concreter postmistress postman orthodontist weaver sparky tradie
    brickie glazier tiler stonemason millwright boilermaker builder caretaker handyman joiner
    roustabout jockey croupier deckhand farmhand captain tuner installer carhop fitter fixer
    shrimper headteacher roughneck autoworker educator assembler hauler floorhand hawker
    decorator grower hanger controller sorter""".split()
)
PROFESSION_CUES = (
    "works as|worked as|working as|employed as|job as|career as|trained as|retired|"
    "works pt as|works ft as|works part-time as|works full-time as|worked pt as|working pt as|"
    "works remotely as|worked remotely as|works intermittently as|works seasonally as|"
    "works nights as|currently works as|now works as|i'm a|im a|"
    "return as|returns as|returned as|hired as|promoted to|back as|now a|now an|"
    "year old|year-old|yo|y/o|handed|"
    "former|is a|was a|is an|was an|as a|as an|formerly|previously|become|became|becoming|"
    "is the|was the|later|then"
)

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
HOLIDAYS = (
    "Christmas(?: Eve| Day)?|Thanksgiving(?: Day)?|Easter(?: Sunday)?|Halloween|"
    "New Year'?s(?: Eve| Day)?|Independence Day|Fourth of July|July 4th|Labor Day|Memorial Day|"
    "Veterans Day|Valentine'?s Day|Mother'?s Day|Father'?s Day|Hanukkah|Chanukah|Passover|"
    "Yom Kippur|Rosh Hashanah|Ramadan|Eid(?: al-Fitr| al-Adha)?|Diwali|Kwanzaa|"
    "Martin Luther King(?: Jr\\.?)? Day|MLK Day|Presidents'? Day|Columbus Day|Juneteenth|"
    "Good Friday|Ash Wednesday|Lunar New Year|Chinese New Year|Xmas|XMAS|CHRISTMAS|"
    "THANKSGIVING|EASTER|HALLOWEEN|Valentine's|"
    # the holidays of Commonwealth practice
    "Boxing Day|Anzac Day|ANZAC Day|Waitangi Day|Canada Day|Victoria Day|Remembrance Day|"
    "St\\.? Patrick'?s Day|Bank Holiday Monday|Australia Day|King'?s Birthday|Hogmanay|"
    "Burns Night|Bonfire Night"
)

# Words that look like names in a run of capitals but open a heading or a list entry.
HEADINGS = frozenset(
    """subjective objective assessment plan history chief complaint identifying information
    present illness past psychiatric medical social family substance use developmental
    legal trauma mental status exam examination review of systems physical labs results
    diagnosis diagnoses impression formulation recommendations disposition medications
    allergies vitals vital signs risk assessment safety plan goals interventions response
    progress summary reason for referral referral source collateral name date time
    location address phone email employer school occupation dob mrn provider signature
    signed by note type service unit room bed admission discharge course hospital
    procedures condition instructions follow up followup client patient""".split()
)

# Capitalised words that are neither names nor places: peoples, faiths, languages, payers,
# programmes and brand-name drugs a note mentions. Never taken for a name on their own.
PROPER_NOT_NAMES = frozenset(
    """american african asian hispanic latino latina latinx black white caucasian native
    indigenous mexican puerto rican cuban dominican chinese japanese korean vietnamese
    filipino indian pakistani arab arabic somali haitian jamaican nigerian russian polish
    ukrainian german french italian irish english spanish portuguese creole asl
    catholic christian protestant baptist methodist lutheran mormon lds jewish muslim
    islamic hindu buddhist sikh atheist agnostic pentecostal evangelical orthodox
    medicaid medicare medi-cal tricare aetna cigna humana anthem bcbs uhc optum magellan
    beacon molina centene ambetter wellcare kaiser champva ssi ssdi snap wic tanf section
    fmla ada iep 504 cps aps dcfs dss ice dui dwi owi aa na smart al-anon nhs
    zoom teams facetime doxy skype epic cerner google facebook instagram tiktok snapchat
    twitter youtube reddit netflix uber lyft whatsapp linkedin paypal powerpoint playstation
    masshealth mychart healthkit applecare
    english-speaking spanish-speaking covid covid-19 omicron
    mg mcg ml li na k cl ca mg2 fe
    li rtc dear man tipp accepts abc abcs act rpt fax tel acct lic qtc spo sao ph
    ext phq gaf cgi
    god lord jesus christ allah bible quran koran scripture""".split()
)
# Names that a note uses for a disease, sign, procedure or device, not for a person.
EPONYMS = frozenset(
    """parkinson parkinsons parkinsonian crohn crohns alzheimer alzheimers foley whipple
    hodgkin hodgkins babinski tinel phalen murphy graves hashimoto cushing cushings addison
    addisons wernicke korsakoff tourette tourettes asperger aspergers huntington huntingtons
    bell bells down kawasaki raynaud raynauds sjogren guillain barre lou gehrig epstein barr
    kaposi turner klinefelter marfan munchausen korotkoff trendelenburg glasgow apgar
    romberg heimlich swan ganz hickman mallory weiss zollinger ellison wilms ewing paget
    meniere bartholin baker homan homans kernig brudzinski rovsing mcburney cheyne stokes
    kussmaul virchow wolff parkinson's crohn's alzheimer's hodgkin's cushing's addison's
    holter doppler dsm apgars allred
    capgras cotard clerambault tarasoff maslow linehan yalom wechsler stroop rorschach premack
    pavlovian likert reitan luria kubler minuchin satir adlerian karpman johari hakomi millon
    zung fagerstrom beery osterrieth gottman bowlby piaget vygotsky kohut
    freudian jungian rogerian ericksonian binet vineland rey-osterrieth nelson-denny""".split()
)
# Theorists a supervision note cites by surname alone ("Winnicott's holding environment",
# "per Fonagy"): only those no census list holds as a surname ("Fairbairn", "Horney" and
# "Teasdale" are left, as people are), and still a person's after a given name or a title
THEORISTS = frozenset(
    """winnicott bion kernberg fonagy tronick langs guntrip lacan meichenbaum perls gendlin
    kabat-zinn porges luborsky davanloo sifneos stolorow racker ferenczi loevinger padesky
    salkovskis resick schore cozolino panksepp damasio madanes palazzoli selvini epston
    diclemente rollnick""".split()
)
LABS = frozenset(
    """hct hgb wbc rbc plt bun cr creat inr ptt alt ast alk bili trop troponin bnp ldl hdl
    tg a1c hba1c tsh ft4 esr crp ua ucx bcx abg vbg lactate lipase amylase ammonia ck cpk
    ekg ecg echo cxr ct mri eeg emg pet lp csf folate ferritin b12 magnesium phosphorus
    tdap dtap mmr hpv pcv prevnar shingrix zostavax pneumovax gardasil
    prolactin bicarb myoglobin procalcitonin prealbumin troponins retic carboxyhemoglobin
    lymphs monos basos eos segs hematocrit flowsheet creatinine creatine platelets lymphocytes
    neutrophils eosinophils basophils monocytes cholesterol estradiol thyroxine urinalysis
    osmolality egfr gfr phosphatase aspartate d-dimer reticulocytes mcv mch mchc rdw folic
    methylmalonic norclozapine ref""".split()
)
REPORT_VERBS = frozenset(
    """reports reported states stated says said is was has had denies denied endorses
    endorsed arrived presents presented presenting called calls came comes feels felt
    describes described agreed agrees missed cancelled canceled attended returned explained
    noted notes expressed expresses shared shares disclosed discloses admits admitted
    appears appeared continues continued will would wants wanted asked asks declined
    declines identified identifies acknowledged acknowledges tolerated completed
    participated engaged became becomes lives lived works worked died passed visited
    visits threatened texted emailed left moved joined attends starts begins""".split()
)
STRONG_LABELS = (
    "patient|pt|client|name|patient name|client name|pt name|member|participant|"
    "emergency contact|contact|guardian|next of kin|nok|cm|case manager|re|subject|"
    "resident|parent|parents|mother|father|spouse|partner|informant|collateral|"
    "legal name|preferred name|nickname|alias|aka|caller|visitor|interpreter|family|veteran|"
    "vet|student|child|youth|consumer|individual|inmate|detainee|employee|clt|cl|id"
)
WEAK_LABELS = (
    "named|called|name is|goes by|known as|nicknamed|a.k.a|dear|sponsor is|sponsor|"
    "client|pt|patient|member|clt|veteran|resident"
)

# Brand and generic drug names a note capitalises without a dose ("started Cogentin").
DRUGS = frozenset(
    """abilify adderall advil aldactone allegra altace ambien amaryl antabuse aricept ativan
    augmentin avapro azulfidine bactrim benadryl bentyl biaxin boniva buspar bystolic
    campral cardizem catapres celebrex celexa chantix cialis cipro clarinex claritin cleocin
    clozaril cogentin colace compazine concerta coreg cozaar crestor cymbalta decadron
    deltasone depakote desyrel detrol diflucan dilantin dilaudid diovan ditropan dramamine
    duragesic effexor elavil eliquis emsam epipen flagyl flexeril flomax flonase flovent
    focalin fosamax geodon glucophage glucotrol haldol humalog humira imdur imitrex inderal
    intuniv invega januvia jardiance keflex keppra klonopin lamictal lanoxin lantus lasix
    latuda levaquin levemir lexapro librium lipitor lithobid lopressor lotensin lovenox
    lunesta luvox lyrica macrobid medrol metrogel minipress mirapex mobic motrin nardil
    narcan neurontin nexium norco norvasc nuplazid ozempic pamelor parnate paxil pepcid
    percocet phenergan plavix pradaxa pravachol premarin prilosec pristiq procardia
    protonix provera provigil prozac relpax remeron requip restoril risperdal ritalin
    robaxin seroquel sinemet singulair soma spiriva strattera suboxone sublocade synthroid
    tegretol tenex tenormin topamax toprol tramadol trileptal trintellix tylenol ultram
    valium valtrex vasotec ventolin viagra vicodin vistaril vivitrol voltaren vraylar
    vyvanse wellbutrin xanax xarelto zanaflex zantac zestril zetia zithromax zocor zofran
    zoloft zomig zyprexa zyrtec ingrezza austedo cobenfy auvelity zulresso caplyta rexulti
    lybalvi aristada sublocade brixadi zubsolv lucemyra chlorpromazine thorazine prolixin
    trilafon loxitane navane stelazine mellaril orap anafranil tofranil norpramin sinequan
    vivactil surmontil marplan fetzima viibryd zurzuvae spravato buprenex subutex
    dolophine methadose oxycontin roxicodone ms contin kadian fentanyl nucynta belbuca
    gabapentin pregabalin clonidine guanfacine atomoxetine modafinil armodafinil nuvigil
    propranolol metoprolol atenolol carvedilol amlodipine losartan hydrochlorothiazide
    metformin glipizide insulin heparin enoxaparin warfarin apixaban rivaroxaban
    ondansetron famotidine pantoprazole senna docusate miralax dulcolax sustenna trinza
    hafyera maintena consta asimtufii uzedy perseris zosyn unasyn rocephin ancef cefzil
    vancocin tamiflu paxlovid remdesivir decadron solumedrol prograf cellcept neurontin
    dilantin depacon ativan precedex propofol diprivan versed fentanyl sublimaze morphine
    dilaudid toradol norco vicodin percocet oxycodone tramadol ultram lidoderm voltaren
    entresto lopressor toprol coreg digoxin amiodarone cordarone pacerone xarelto eliquis
    pradaxa brilinta effient plavix aspirin nitro nitroglycerin imdur ranexa lipitor
    zocor crestor pravachol zetia lantus levemir humalog novolog tresiba trulicity
    ozempic wegovy mounjaro victoza jardiance farxiga invokana januvia glucotrol
    saphris belsomra dayvigo quviviq qelbree jornay azstarys fanapt equetro symbyax kapvay
    tranxene opvee aplenzin forfivo xyrem xywav lumryz sunosi wakix mydayis adzenys cotempla
    dyanavel quillichew relexxii daytrana xelstrym evekeo zenzedi desoxyn methylin aptensio
    metadate procentra lurasidone cariprazine brexpiprazole lumateperone iloperidone
    asenapine ziprasidone paliperidone invega rykindo zydis relprevv versacloz fazaclo
    eskalith lithobid naltrexone acamprosate disulfiram nicotrol kloxxado zimhi rezenopy
    varenicline bupropion vortioxetine vilazodone levomilnacipran desvenlafaxine esketamine
    zuranolone brexanolone suvorexant lemborexant daridorexant rozerem hetlioz silenor
    clorazepate klonopin halcion lisdexamfetamine dexmethylphenidate viloxazine pimavanserin
    valbenazine deutetrabenazine benztropine trihexyphenidyl artane samidorphan xanomeline
    igalmi xgeva humulin neulasta valproic ocrevus skyrizi biktarvy epclusa repatha bumex
    multaq tikosyn toujeo zyvox revlimid tagrisso pedialyte isordil benzonatate hemovac
    protonix nexium prilosec pepcid zantac reglan zofran phenergan compazine senokot
    colace miralax lactulose rifaxamin xifaxan kayexalate renvela sevelamer epogen
    procrit aranesp neupogen foley pyxis accucheck glucometer
    priadel camcolit liskonum pabrinex circadin laxido movicol fybogel forxiga clopixol depixol
    zuclopenthixol flupentixol tapentadol palexia tranexamic novorapid trelegy ellipta zomorph
    oramorph co-codamol co-amoxiclav adcal fultium cipramil efexor zispin zimovane sulpiride
    amisulpride solian procyclidine kemadrin kwells buccastem espranor physeptone buvidal
    nalmefene selincro tolterodine""".split()
)

# Regions the gazetteers do not hold under the name a note uses: masked as LOCATION with the
# states and countries (and kept with them when the caller keeps states and countries).
REGIONS_EXTRA = frozenset(
    """korea|south korea|north korea|russia|uk|england|scotland|wales|northern ireland|
    great britain|britain|vietnam|syria|iran|laos|czechia|burma|taiwan|palestine|
    ivory coast|congo|holland|the netherlands|bosnia|macedonia|
    ontario|quebec|british columbia|alberta|manitoba|saskatchewan|nova scotia|
    new brunswick|newfoundland|prince edward island|queensland|tasmania|new south wales|
    punjab|kerala|gujarat|sindh|bavaria|sicily|sardinia|catalonia|andalusia|
    new england|midwest|appalachia""".replace("\n", "").split("|")
) - {""}
REGIONS_EXTRA = frozenset(" ".join(r.split()) for r in REGIONS_EXTRA)

# Places smaller than a state that the gazetteers miss or hold as ambiguous.
PLACES_EXTRA = frozenset(
    """queens|brooklyn|bronx|the bronx|manhattan|staten island|harlem|
    south boston|east boston|jamaica plain|roxbury|dorchester|mattapan|
    cape cod|long island|upstate|the valley""".replace("\n", "").split("|")
) - {"", "upstate", "the valley"}
PLACES_EXTRA = frozenset(" ".join(r.split()) for r in PLACES_EXTRA)

# Small words inside a surname: "van der Berg", "de la Cruz", "bin Laden", "Two Bulls".
PARTICLES = frozenset(
    "de la del de' della di da das dos du van der den von ten ter le bin binte binti bte ibn al "
    "el st".split()
)

# Hospitals, universities and health systems a note names by their letters. A reader knows
# them as places of care; each is masked as an organisation wherever it stands capitalised.
ORG_ACRONYMS = frozenset(
    """MGH BWH BIDMC BMC MEEI DFCI CHA CHOP CHLA UCSF UCLA UCSD UCI UCD UCB USC NYU NYP
    NYULH NYPH HSS  MSKCC UPMC UPENN HUP OHSU UNC UVA UVM UMASS UMMC UMMS UCH UCHC
    UTSW UTMB UAB UIC UIUC UMN UW UWMC VUMC VCU MUSC GWU GWUH JHH JHU JHMI JHBMC CCF
    CWRU  UHC  MSSM LIJ NSUH SUNY CUNY CUMC CPMC WCMC HMC KPNC MDACC  UTHSC
    BCH CCHMC CNMC LPCH SCH TCH RCH HFH HFHS URMC MCW OSU OSUMC PSU TJUH TJU  IUH
    ASU NAU BU  MIT TCU SMU LSU FSU USF UCF UGA  UNLV UNM UNMC KUMC UCCS UCHealth
    UCSDMC UCDMC  LACUSC MEDSTAR CPH MLH SLH SJH SMH SVH UTHealth UTHSCSA UTHSCSH
    VAMC VAPAHCS VABHS VANYHHS WVU WVUH YNHH YNHHS YSM HUMC RWJ RWJUH RWJBH
    UCLH """.split()
)
# Departments and agencies a note names by their letters: an organisation after "at",
# "from", "with" ("called DSHS", "a DMH group home").
AGENCY_ACRONYMS = frozenset(
    """DSS DHS DHHS DSHS DMH  DMR DPH DYS  DOE DTA DOH HHS HRA DCF DCFS CPS ACS DJJ DDS
    IHS SSA DMV RMV VA VFW YMCA YWCA BGCA NAMI AAUW FBI  USCIS DEA ATF CDC NIH
    MBTA MTA CTA SEPTA WMATA BART TSA USPS UPS IRS HUD""".split()
)
# Letters that look like an organisation's but are a unit, a test or a role.
NOT_ORG_ACRONYMS = frozenset(
    """ED ER OR ICU MICU SICU CCU CVICU NICU PICU PACU CTICU NSICU TICU BICU IMCU ACU SDU
    OB L&D PT OT SLP RT SW CM NP PA MD RN LPN CNA MHW MHT DO ICD CPT DSM AA NA GA SMART
    IOP PHP ACT CBT DBT EMDR ECT TMS ERP MAT OTP OP IP IM IV PO PRN BID TID QID QHS HS
    AM PM EST PST CST MST UTC US USA AKA ADHD OCD PTSD MDD GAD BPD SUD AUD OUD CUD
    TBI CVA MI CHF COPD HTN DM CKD ESRD HIV HCV HBV AIDS STD STI UTI URI PNA DVT PE
    CT MRI EEG EKG ECG CXR UDS BAL BP HR RR SPO2 BMI DOB MRN SSN ID ROI HIPAA FERPA
    PCP NOK HCP POA DNR DNI AMA LWBS SI HI AH VH SIB NSSI IOR MSE ROS HPI PMH PSH FH SH
    SOAP DAP BIRP GIRP MSW LCSW LICSW LMFT LPC LMHC PHD PSYD PGY SUDS VOC
    EGD FNA ISH LEEP TAVR RVSP PTH TUG HIDA UVJ RUSB LUSB AFO AFOS KAFO ISC CGA MBI FES FIM
    LOB PLOF ROM BBS MWT SAH SDH ICH TIA""".split()
)

# --- the allow-list (allowlist.py) --------------------------------------------------------
# Shorthand a clinician writes that no dictionary holds: never masked by the allow-list
# sweep, in capitals or not. (Alcove's own list, from clinical and nursing usage.)
SHORTHAND = frozenset(
    """abd abx acc adl adls afeb aki alf amb ambul ambulat amt ant appt appts approx apt assoc
    asst avh bal bbb bdz bibems biba bibp bilat bkfst bkfast bm bms bx cath cc cig cigs cir
    ckd clin cm cmt cnt cont contd cx dc'd d/c dcd dec decr dept diag diff dispo dnka doa
    doc docs dtr dx ecg eeg eob eod eps equiv eval evals exam exts fam fhx fu fxn gtt hgt hh
    hob hoh hosp hr hrs hs htn hx inc incr indep info inj inpt ins int intox isol lbs lg lt
    mar med meds mg mgmt min mins mod mos msg msgs mtg mtgs mult neg neuro noc nrb
    nsg nv oob ooc pcp pmr pos poss post pre prev prn prob pt pts ptt px qd qhs qid qod re
    rec recd rec'd reg req resp rn rnd rom rt rtc rx sched sig slp sm sob soc sp spec sq
    st stat sup supp sx sz tab tabs tbd temp ther thx tid tmrw tmw tol tox trx tx ua uds
    ue unk uo vax vm vo vs vss w/c wbat wc wd wk wks wnl wt xfer xr yr yrs yo yp cyp hui
    psychiatry psychotherapy telehealth televideo telepsych televisit videovisit zoom
    biweekly coworker coworkers worksheet worksheets homework preschool kindergarten
    pdmp cssrs phq gad pcl asrs ybocs epds edps moca mmse slums ciwa cows audit dast
    bipolar schizoaffective psychosis psychotic paranoia paranoid delusional depressive
    hypomanic manic dysphoric anhedonia anhedonic insomnia hypersomnia akathisia
    dyskinesia dystonia parkinsonism catatonia catatonic delirium dementia neurocognitive
    suicidality self-harm overdose detox sobriety relapse abstinent abstinence cravings
    ambulates ambulating ambulated reoriented redirected redirectable redirection
    deescalated de-escalated deescalation de-escalation sitter sitters facesheet
    undomiciled unhoused homeless shelter q15 q30 1:1 afebrile normotensive tachycardic
    bradycardic diaphoretic tremulous ataxic disheveled dishevelled unkempt malodorous
    guarded hyperverbal pressured tangential perseverative nonverbal nonadherent
    noncompliant nonadherence noncompliance adherent compliant titrate titrated titration
    taper tapered tapering prn'd prn's handoff hand-off huddle charting documented
    pt's dtr's
    mellitus insipidus nervosa bifida gravis vulgaris multiplex simplex zoster
    erythematosus pectoris pylori difficile aureus cerebri tremens delirans
    lol omg idk tbh btw thx pls plz lmk brb imo smh jk nvm tmr bc cuz gonna wanna gotta
    kinda haha hahaha ya yea yeah nah ok okay
    vit hep iu feso tx dx
    attn gal rm stn texter supervisee supervisees outpt op ip vicryl monocryl prolene rll rul
    lll rml lul laparoscopic hemostasis omnipaque isovue micu sicu pre-op post-op intra-op
    peri-op auth auths preauth reauth rebill rebilled resubmit resubmitted recert
    recertification deg""".split()
) - {"ant", "rom", "dec"}  # (a nickname, a people, a month's short form: never listed here)

# Everyday words the census also holds as surnames, safe capitalised mid-sentence ("7 West",
# "Young woman"): on the allow-list, but never barred from a name ("Desmond Black").
EVERYDAY_SURNAMES = frozenset(
    """north south east west young old long short little small rich wise sharp white black
    brown green gray grey""".split()
)

# Peoples, languages and faiths a note capitalises (with the languages faker lists and the
# regions of the lexicon): never a name on their own. Alcove's own list.
PEOPLES = frozenset(
    """afghan african afro-caribbean albanian algerian amharic angolan arab arabic armenian
    ashkenazi assyrian azerbaijani bangladeshi bengali berber bhutanese bolivian bosnian
    brazilian british bulgarian burmese cambodian cameroonian canadian cantonese cape-verdean
    caribbean chaldean chilean chinese colombian congolese creole croatian cuban
    czech danish dari dinka dominican dutch ecuadorian egyptian emirati english eritrean
    ethiopian farsi filipino filipina finnish french fulani gambian georgian german
    ghanaian greek guatemalan guinean gujarati haitian hausa hawaiian hebrew hindi hindu
    hispanic hmong honduran hungarian ibo igbo ilocano indonesian iranian iraqi irish
    israeli italian ivorian jamaican japanese jordanian kenyan khmer kinyarwanda
    kirundi korean kurdish kurd lakota lao laotian latvian lebanese liberian libyan
    lithuanian malay malayalam malaysian malian mandarin marathi mayan mexican mien
    moroccan navajo nepali nepalese nicaraguan nigerian norwegian ojibwe oromo pacific
    pakistani palestinian panamanian pashto persian peruvian polish portuguese
    punjabi quechua rohingya romanian russian rwandan salvadoran samoan saudi
    scottish senegalese serbian sicilian sikh sinhala slovak somali sotho
    spanish sudanese swahili swedish syrian tagalog taiwanese tajik tamil tanzanian
    telugu thai tibetan tigrinya togolese tongan tswana turkish turkmen twi ugandan
    ukrainian urdu uyghur uzbek venezuelan vietnamese welsh wolof yemeni yiddish yoruba
    zambian zimbabwean zulu cherokee ojibwa apache sioux hopi lumbee choctaw
    muslim jewish christian catholic protestant baptist methodist lutheran presbyterian
    episcopal episcopalian pentecostal evangelical orthodox mormon adventist quaker
    amish mennonite buddhist hindu sikh jain bahai rastafarian unitarian anglican
    latino latina latinx latine caucasian asian black white indigenous native
    multiracial biracial pasifika inuit inuk polynesian melanesian micronesian niuean
    tokelauan""".split()
)
