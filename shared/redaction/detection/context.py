"""What was said just before, by either speaker, tells what a number or an answer is: the questions and cues
every kind's rules read."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from shared.models.redaction import EntityType
from shared.models.transcript import Segment
from shared.redaction.detection.spoken import (
    ELLIPSES,
    MAX_PAUSE_MS,
    MONTHS,
    PUNCTUATION,
    REPEATS,
    TENS,
    Token,
    digits_of,
    digits_said,
    luhn,
    pause_ms,
    segment_starts,
)

CONTEXT_WINDOW = 25  # tokens
# the only date printed on a card front, named so: "The date on the card is 02/28"
EXPIRY_SAID = (
    r"expir\w*|exp|(valid|good)[ -](thru|through|until|till)|(it|card) runs (out|to|until|till)|xperi[ao]"
    r"|(it|card) lapses"  # "It lapses at the end of November '26."
    r"|(the )?date on (the|my|your) (credit |debit )?card"
    # as Brazilians and others name it: "And the validity date?" ("validade")
    r"|validity date"
)
# "expiry" and "expires" as Whisper may hear them from a voice it knows less well, words of their own elsewhere: they
# name a card's expiry only where a card was talked about, and no answer is read as one for them alone.
_EXPIRY_MISHEARD = "fiery|pires|appearance"
CONTEXTS: dict[EntityType, re.Pattern[str]] = {
    EntityType.SSN: re.compile(r"\b(social security|social(?! insurance)|ssn|s s n)\b"),  # not Canada's SIN
    # "and it runs until when?": the card; "Xperia 11, 27": "expiry" as Whisper may hear it, and so are "next fiery"
    # ("and the expiry?"), "At Pires" ("expires"), "Appearance" ("Expiry and ...")
    EntityType.CARD_EXPIRY: re.compile(rf"\b({EXPIRY_SAID}|{_EXPIRY_MISHEARD})\b"),
    EntityType.CARD_SECURITY_CODE: re.compile(
        r"\b(security code|(?<!social )security number|cvv\d?|cvc\d?|csc|(three|four|3|4)[ -](digit|number)s?|"
        r"(card )?verification (value|code|number)|"
        # "the number on the back" (not "of the box")
        r"(code|numbers|digits|three|four|3|4) on the (back|front)|number on the back(?! of)|back of the card|"
        r"card code|"
        # as callers call it beside "the long number": "The little code's 6, 6, 0."
        r"(little|short|small) (code|number)|"
        # "security" alone, right before the code: "..., expiry June twenty-seven, security 118"
        r"(?<!social )security$|"
        # what each card network calls it: Amex's "CID", JCB's "CAV2", others' "CVN" and "CVV2"
        r"cid|cav2?|cvn2?"
        # "CVV" as Whisper hears it, where a card was talked about: "Xperia 07, 26, COVID -248"
        r"|covid"
        # "and the back is 330": the digits printed there
        r"|the back (of it |of the card )?(is|reads|says))\b"
    ),
    # a birth certificate's dates are its issue's, not the birth's
    # a thing "born" ("it was born in 1969, the original design") has a launch date, not a birth date; a person
    # born in some month is "a May baby", or near a feast "a Christmas baby"
    EntityType.DATE_OF_BIRTH: re.compile(
        r"\b(birth(?! certificates?\b)|birth ?date|birthday|(?<!\bit was )(?<!\bit's )(?<!\bthat was )born|dob|"
        r"d o b|d-o-b|d\.o\.b|(" + "|".join(sorted(MONTHS)) + r"|eve|day|christmas|easter|halloween|valentine's) baby|"
        # a date asked for by its year, day and month together, as one's birth date is to verify the caller
        r"year,? and (then )?(the )?(day and month|month and day)|"
        # one's star sign, then the day it comes from: "I'm a Leo, August the 9th, 1995" (not "cancer", an illness)
        r"(i'm|i am|she's|he's) an? (aries|taurus|gemini|leo|virgo|libra|scorpio|sagittarius|capricorn|aquarius|"
        r"pisces)|"
        # the day one reached an age: "he turned 70 on the 9th of January", "she turns twenty-one on ..."
        r"turn(s|ed)? (\d{1,3}|[a-z]+(ty|teen)(-[a-z]+)?|ten|eleven|twelve|a hundred) on|"
        # a twin's birthday is one's own: "Same as my twin brother, the 2nd of June 1988."
        r"(same|share|shares|sharing)( \w+){0,3} (as |with )?(my|his|her|our) twin|"
        # named in the caller's own language: "ma date de naissance", "Geburtsdatum", "fecha de nacimiento"
        r"date de naissance|n[ée]e? le|geburtsdatum|geboren|fecha de nacimiento|nacid[oa] el|data de nascimento|"
        r"nascid[oa] em|data di nascita|geboortedatum|data urodzenia|tanggal lahir)\b"
    ),
    EntityType.PHONE_NUMBER: re.compile(
        # (not what a payment is made over: "I'd like to pay it over the phone"; nor the device something is kept on:
        # "I got a photo of the card on my phone.")
        r"\b((?<!over the )(?<!photo on my )(?<!picture on my )(?<!card on my )(?<!screenshot on my )(?<!app on my )"
        r"phone|telephone|cell|mobile|landline|land line|whatsapp|reach you|call you back|callback|pager|beeper"
        r"|contact number"
        # as Singapore and Malaysia, and Spanish speakers, name a mobile: "my handphone", "my cel"
        r"|handphone|hand phone|cel|celular"
        # named in the caller's own language: "¿y su teléfono?", "Und eine Handynummer?", "un numéro de portable"
        r"|tel[eé]fono|telefone|t[eé]l[eé]phone|telefon|telefonnummer|handynummer|rufnummer|m[oó]vil"
        r"|(ihr|ihre|mein|meine|dein|deine) handy|num[eé]ro de portable|(ton|votre|mon|un) portable|telem[oó]vel"
        r"|cellulare|telefoonnummer|mobiel"
        r"|numer telefonu|kom[oó]rk\w*"
        r"|best number"
        # someone's own number, a person's: "that one is my wife's number. Mine is 055 ...", also with their name
        # ("My husband Tomasz's number is ...")
        r"|(my|his|her|your|our) (wife|husband|partner|son|daughter|mum|mom|mother|dad|father|sister|brother|friend"
        r"|neighbou?r)( [\w-]+)?'s number"
        # a mobile money wallet, which is the phone's number: "the M-Pesa was sent from 0711 593 204", "My MoMo number
        # is 024 ..."
        r"|m-pesa|mpesa|m pesa|momo|mobile money"
        # a mobile named by its network: "the Safaricom line is 0722 ...", "my MTN number", "the Vodacom SIM"
        r"|(safaricom|airtel|mtn|glo|vodacom|vodafone|telkom|cell c|globe|digicel|jio|telstra|optus) "
        r"(number|line|sim|mobile)"
        # the line one is on, named as one's own: "my line is 0803 417 2290"
        r"|(my|his|her|your) (mobile |phone |own )?line (is|was)"
        # the number someone will be called on, asked for or read back: "the assessor will call you. Is 082 ...?"
        r"|(will|to|can|should|may|\w+'ll) (call|ring|text) you"
        # however the one called was heard: "the driver will call before on 502, ..." ("call you before")
        r"|(will|\w+'ll) (call|ring|text) (?!the\b|us\b)(\w+ ){1,2}on$"
        # or after when to: "call me when it's fixed, on 0803 ..."
        r"|(call|ring|reach|text) me( back)?( (when|once|if|after) [a-z']+( [a-z']+){0,3})? (on|at)"
        # where a text is to be sent: "And send the SMS to 0803 ...", "text it to 07 ..."
        r"|(sms|text message|texts|text) (it |them )?to"
        # or on: "You get an SMS on your nodal ending 7712" (the mobile, however heard)
        r"|(an sms|a text|a text message|a code) (on|to) your "
        r"(?!(order|account|card|booking|policy|case|claim|reference|parcel)\b)\w+ ending"
        # a number asked for to be called or texted on: "a number to text when it's ready", "a number we can call"
        r"|number (to|we can|i can|they can|you can|the driver can) (call|ring|text|reach)"
        # the line the caller is on, named right before it: "calling from 02 9555 0173" (not "calling from Acme")
        r"|(calling|ringing) (you )?from$"
        # the line a call to a phone company is about: "Which number are you calling about?"
        r"|(which|what) (number|line) (are you|is it|is this|is that|are we) (calling|ringing|phoning) (about|for)"
        r"|(number|line) (you're|you are) (calling|ringing|phoning) about)\b"
    ),
    EntityType.ADDRESS: re.compile(r"\b(zip|zip code|postal code|post code|postcode)\b"),
    EntityType.ACCOUNT_NUMBER: re.compile(
        # "the zip code on the account" asks for a zip code: an account said after "on the" only says where it is kept
        # (not a number named: "waiting for your student ID", "looking for your policy number")
        r"(?:(?<!\bon the )(?<!\bon your )(?<!\bon this )(?<!\bfor the )(?<!\bfor your )"
        r"|(?=[a-z']+(?: [a-z']+)? (?:number|id)\b))"
        # "take into account", "on account of", "take account of": the phrase, not an account (but "Can I take the
        # freedom pass number?" asks for one)
        r"(?:(?<!\binto )(?<!\btake )(?<!\btakes )(?<!\btaking )(?<!\btook )|(?!account\b))(?!account of\b)"
        r"\b(account|member|membership|policy|(customer|consumer|client) (number|id|no|reference|code)|id number|"
        # several of one's own, then each: "I've got two policies, the car one is MTR 88213409 and ..."
        r"(two|three|both|separate|my|our) (policies|accounts)|"
        # Ireland's medical card, a person's own: "Does she have a medical card?" / "the number is ..."
        r"subscriber|medicare|medical card|"
        # "account" heard without its first sound: "My count number is 720, 4183."
        r"(my|your|the) count (number|no)|"
        # a national id named by its name: "my Aadhaar", "the PPS number"
        r"aadhaa?r|(ppsn?|ird|pan|ni|nino|sin) (number|no)|pan card|national (id|identity)|"
        # the UK's by its name without "number": "National insurance is QJ 48 27 61 C."
        r"national insurance(?= (is|was)\b)|"
        # a national id named by its initials alone ("your SIN?", "the PAN?", "my PPS is") or by its country
        # ("your South African ID")
        # (Jamaica's TRN too, named alone as well, and as Whisper may write it, "T -RN"; and a taxpayer's TIN as one's
        # own, not "the tin", "my tin of paint")
        # or by its country: "Irish PPS is ..."
        r"(your|my|the|his|her|irish) (ppsn?|pan|sin|tfn|nino|nin|t ?r ?n)|(trn|nin)(?= (is|was|number)\b)|"
        # Kenya's tax PIN: "My KRA PIN is A004417329K."
        r"kra pin|"
        # New Zealand's National Health Index number: "your NHI number"
        r"nhi (number|no)|"
        r"(your|my|his|her) tin\b(?! of\b)|"
        r"(\w+an|\w+ish|\w+ese|\w+i) (id|identity)( number| card)?|"
        # initials no word shares, named alone: Nigeria's bank verification number, Pakistan's and Sri Lanka's
        # national identity cards, Singapore's and Malaysia's registration numbers, the Philippines' social security
        # and health insurance numbers, and its national id (PhilSys)
        r"bvn|cnic|nric|sss|philhealth|philsys|"
        # the NRIC as Whisper hears it
        r"(your|my) enrich (number|no)|"
        # national ids named by their own country's word: Poland's PESEL, Spain's DNI and NIF, Iceland's kennitala,
        # the Nordic personal numbers, Mexico's CURP, the Gulf's Iqama, the Dutch BSN (not those that are words too:
        # Chile's RUT, "in a rut"; Denmark's CPR, resuscitation)
        r"pesel|dni|nif|kennitala|personnummer|personnumer|henkil\w*tunnus|curp|rfc|iqama|bsn|"
        # Romania's personal numeric code, by its initials or its name
        r"cnp|personal numeric code|"
        # Germany's tax id, the Philippines' housing fund number
        r"steuer-?\s?id|steuernummer|pag-?\s?ibig|"
        # and Colombia's cédula, Turkey's kimlik, Italy's codice fiscale, Hong Kong's HKID, Israel's teudat zehut,
        # Greece's AFM, Spain's NIE (Polish for "no" too: only as one's own); not the office that issues them ("the
        # cedula office opens at 8:30"); Brazil's CPF named (written, its check digits tell it alone, but one misheard
        # or misread breaks them).
        r"(c[eé]dula|kimlik|codice fiscale|hkid|teudat zehut|afm|cpf|(my|mi|your|su|his|her|the) nie)"
        r"(?! (office|desk|centre|center|appointment)s?\b)|"
        # Kazakhstan's IIN, the former Yugoslavia's JMBG and EMBG; a personal identity number named in English (not
        # "my personal number" alone: a phone's too)
        r"iin|jmbg|embg|personal (identity|identification|id) (number|code|no)|"
        # Brazil's national health card, the SUS card, and its number (CNS)
        r"sus card|cart[aã]o sus|cns|"
        # "my personal number" alone may be a phone's; asked for to check who one is, it is a national id's: "For
        # security, can you give me your personal number?"
        r"(security|verification|to verify you)(,)? ([\w']+ ){0,5}personal number|"
        # Singapore's NRIC and Malaysia's MyKad, "my IC" for short (the letters alone: "an IC" is a chip too)
        r"nric|mykad|(my|your|his|her) ic\b|"
        # an id asked for by its length, longer than a phone number and not a card's sixteen: "your twelve-digit
        # number" (not an order's, a voucher's code, or a number given: "it has a twelve digit number")
        r"(your|the) (twelve|thirteen|fourteen|fifteen|seventeen|eighteen|nineteen|twenty|1[2-57-9]|20)[ -]digit "
        r"(number|id)|"
        # a loyalty scheme's card by its own name: a supermarket's "Clubcard" or "Nectar card", French "carte de
        # fidélité"
        r"clubcard|club card|nectar card|fid[eé]lit[eé]|"
        # a finance or hire agreement's number: the caller's account with the lender
        r"agreement (number|no)|"
        # a loan's number as Whisper may hear it: "Can I have your long number please?"
        r"(your|my|his|her) long (number|no)\b|"
        # an id card's number named by "ID" alone: "and the ID is 28 41 93 07"
        r"(my|your|the|his|her) id (is|was)\b|"
        # ... or a passport by its name alone: "My passport is A 0 3 3 9 8 1 2 4."
        r"(my|your|his|her) passport('s| is| was)\b|passport's\b|"
        # a school leaver's exam index number: "what is your index number?" (KCSE, WAEC)
        r"(my|your|his|her) index (number|no)\b|"
        # a travel pass, its number printed on it: "your bus pass number?", "on the back of my bus pass it says ..."
        r"(my|your|his|her|the|a) (bus|travel|transit|season|concession|senior|student|freedom) (pass|card)\b|"
        # a season ticket's holder, their number the club's for them: "I'm a season ticket holder, my number is ..."
        r"season ticket (holder|number|id)|"
        # a payment's own code, the caller's record of it: "What's the transaction code?" (an M-Pesa code; its number
        # and id are named below)
        r"transaction (code|reference|ref)|"
        # a money transfer's control number, which the sender and receiver quote: "the transfer control number?", the
        # MTCN
        r"control (number|no)|mtcn|"
        # a SIM card's own number, printed on it (its ICCID passes the card check too)
        r"sim (card )?(number|no)|iccid|"
        r"medicaid|beneficiary|insurance (number|id|card)|"
        # any id named by what it identifies: "your loyalty number?", "the patient ID"
        r"(loyalty|rewards?|patient|student|applicant|employee|staff|payroll|tax|taxpayer|licen[cs]e|passport|badge|"
        r"frequent flyer|library|nhs|health|hospital|chart|national insurance|patient record|medical record|"
        # a loan the caller holds, a rental bond lodged for them, their pet's implanted chip, their home's meter
        r"mortgage|loan|bond|pension|microchip|chip|meter|meter serial|"
        # what the caller applied for or holds from a council or a buyer: "your application number?", "the permit
        # number", "your supplier number" (a farm's, with the dairy it sells to)
        r"application|permit|supplier|"
        # what the caller signed or farms under: "your contract number?", "your farm number?" (a cooperative's)
        r"contract|farm|grower|farmer|producer|"
        # a tenant's number with the landlord or student housing: "what's your tenant number?"
        r"tenant|tenancy|"
        # a care home's resident, an exam's candidate, a race's entrant; a payment made to the caller (not a quote's
        # number: the labels disagree)
        r"resident|candidate|entry|transaction|"
        # a pupil's or a patient's admission to a school or a hospital: "Admission number 4412."
        r"admission|"
        # a blood or plasma donor's record with the donation service
        r"donor|"
        # a certificate issued for the caller: "the deposit protection certificate number?" (not a gift certificate, a
        # voucher's)
        r"(?<!gift )certificate|"
        # a charity's supporter or sponsor, a pensioner's payment order (India's PPO), a plan's enrollee, a request
        # or an infringement the caller is given a number for
        r"supporter|support or|sponsor|ppo|enrollee|enrolee|enrolment|enrollment|request|infringement|"
        # a trade union's member: "Can I take your union number?"
        r"union|"
        # a prepaid plan the caller holds: "can I take the plan number?"; a programme or scheme they are on: "Your
        # program number is 2025 -0311 -447."
        r"plan|program|programme|scheme)('s)? "
        # "number" as Whisper may hear it after the word it names: "the plan Humber?", "your farm in Humber?", "your
        # support or number?" (supporter)
        r"(number|(in )?humber|id|card)"
        r"|(patient|student|applicant|employee|staff|tax|medical record) id"
        # a driving licence by its name alone: "My driver's license, it's D as in David, 4 2 0 ..."
        r"|(driver'?s|driving) licen[cs]e"
        # ... and the other licences and papers held in one's name: "The gun licence is 0 4 4 7 1 9 2.", a seafarer's
        # discharge book
        r"|(gun|firearms?|shotgun|fishing|rod|angling|boat|hunting) (licen[cs]e|certificate)"
        r"|discharge book|seaman'?s book"
        # a pilot's or a commercial driver's licence, a croft's holding: "My pilot's licence is 2477193.", "the CDL?"
        r"|pilot'?s licen[cs]e|cdl|c d l|commercial driver'?s licen[cs]e|holding number"
        # a US immigrant's number from USCIS: "my alien number", "the A-number"
        r"|alien (registration )?number|a-number|uscis (number|account number)"
        # a boat registered in the owner's name: "The boat's registration is WD 4471."
        r"|(boat|vessel|yacht)('s)? registration"
        # a home's electricity or gas meter, by the number on the bill: "the MPRN", "your MPAN"
        r"|mprn|gprn|mpan|m p r n|meter point (reference( number)?|number)"
        # a bank's branch as Australia numbers it: "the BSB"
        r"|bsb|b s b|bank state branch"
        # a bank account's sort code; the reference on a letter or bill sent to the caller, or their own reference
        # (one the agent gives, "your reference number is ...", is named so in OWN_ACCOUNT_CONTEXT)
        # a record's number by what it indexes or assesses: "community health index number", "rate assessment
        # number", "the file reference from the desk"
        r"|(health index|assessment|valuation|file) (number|reference|id)"
        r"|sort code|my (\w+ )?reference|(?<!your )(booking|reservation|confirmation) (reference|number)"
        r"|reference (number )?on (the|my|your|this|that) (letter|statement|bill|notice|invoice|(bank )?transfer"
        r"|payment|receipt)"
        # the number printed on an id card: "the number on your loyalty card?" ("on your" alone only says where)
        # or by how many digits are printed there: "the 16 digits on the loyalty card"
        r"|(number|id|digits|numbers) on (your|the|my|his|her) (loyalty|rewards?|member|membership|insurance|health|"
        r"library|student|staff|employee|patient|medicare|medicaid|id) card"
        # said as its initials: "the patient's MRN"
        r"|mrn|m r n)\b"
    ),
}
# Numbers that identify a purchase or a case rather than a person: private when the other side asks for them to
# verify the caller ("can you confirm the order number?"), or when they are named as the caller's (below), not when
# someone mentions one in passing.
ASKED_ACCOUNT_CONTEXT = re.compile(
    r"\b(order|reference|confirmation|booking|reservation|ticket|case|claim|tracking|invoice|receipt|trip)"
    r" (number|id)\b"
    # a police or crime report's: "I've got a police report number, P R, ..."
    r"|\b(police|crime|incident) (report )?(number|reference)\b"
    # "your booking reference?": the reference itself, without "number"; an airline's booking by its initials
    r"|\b(order|booking|reservation|ticket|case|claim|tracking) reference\b|\bpnr\b|\bp n r\b"
    r"|\b(confirmation|booking|reservation) code\b"
    # "booking" as Whisper hears it: "What's the book in code?", "your book in reference?"
    r"|\bbook in (code|reference|number)\b"
    # the reference a bill or an authority gave the caller, asked for by whose it is: "your council tax reference?",
    # or had, by what it is however heard: "do you have the book in reference?" (booking reference), "What's the walking
    # reference?"; or asked for by the caller: "Can I get a reference for this call?"
    r"|\byour (\w+ ){1,2}reference\b|\b(have|got|get) (the|a) (\w+ ){0,2}reference\b"
    r"|\b(what's|what is) the (\w+ )?reference\b"
    # a number read off what the business sent: "and the schedule number from your tax notice."
    r"|\b(number|reference|id) (from|on) your (\w+ ){0,2}(notice|bill|letter|statement|invoice|certificate)\b"
)
# The kinds of a caller's record an id is named by, theirs or given them: "the refund number", "your job reference"
_RECORD_KINDS = (
    r"(order|booking|reservation|case|claim|ticket|policy|account|member|membership|customer|confirmation|incident"
    r"|job|refund|report|request|dispute|complaint|application|payment|return|repair|work order|service request"
    r"|cancellation|invoice|receipt)"
)
# ... or named as the caller's own before they give it, so their record can be found: "my order number is ...",
# "I've got a ticket number from last time, INC0047731", "I was given a case number", "they gave me a case number",
# "my frequent flyer number", "the order number is ...".
OWN_ACCOUNT_CONTEXT = re.compile(
    r"\b(my|our|(i've|ive|i have|we've|we have) got (a|an|the|my|our)|(i|we) have (a|an|the)"
    r"|(i|we) (was|were) given (a|an|the)|(they|you|someone|somebody|he|she) gave (me|us) (a|an|the))"
    r" (\w+ )?(order|reference|confirmation|booking|reservation|ticket|case|claim|tracking|incident|loyalty|rewards"
    r"|frequent flyer|frequent flier|skywards|avios|aeroplan|clubcard|nectar)"
    r" (number|id|reference|ref|no)('s)?\b"
    rf"|\b(the )?{_RECORD_KINDS} (number|id|reference|ref|no)( (?!is\b|was\b)\w+){{0,6}} (is|was)\b"
    # a kind named as a heading before it: "Order number, hang on, 114-...", "It's order 4 0 1 7 ...", "with the
    # refund number RF661092"
    rf"|\b{_RECORD_KINDS} (number|id|reference|ref|no)('s)?$"
    # a document's reference named as a heading: "reference letter number L, 0, 0, 4, ..."
    r"|\b(reference|ref) (letter|notice|document|form) (number|no)$"
    rf"|\b{_RECORD_KINDS} (number|id|reference|no) (hang on|hold on|one sec|one second|let me see|let me check)$"
    r"|\b(it's|its|it is) (order|case|claim|ticket|policy|account) (number |no )?$"
    # or named right before it, whoever says it: "I'm chasing order 112-...", "I see order 5520-1187", "the case is
    # 7739015"
    # (not "just in case" or "with reference to", nor ordering: "I'd like to order 2500")
    r"|(?<!\bin )(?<!\bwith )(?<!\bto )(?<!\bi )(?<!\bwe )(?<!\bi'll )(?<!\bwe'll )(?<!\bplease )(?<!\bcan )"
    r"\b(order|ticket|case|claim|incident|confirmation|reference|ref)$"
    r"|\b(the|my|our) (order|booking|reservation|ticket|case|claim|incident)('s| is| was)$"
    # or found and read out: "I've found your order, it's 40-77193-2"; a meter by its serial: "Meter's E12Z044719"
    r"|\b(the|my|our|your) (order|booking|reservation|ticket|case|claim|policy) (it's|it is)$|\bmeter('s| is)$"
    # given to the caller by the business, for their case: "your claim number is ...", "your reference is ...",
    # "the reference for today's call is ...", "case number for your reference is ...", "I've opened case ..." (or
    # "I'm opened the claim", as Whisper hears it)
    rf"|\byour (\w+ )?({_RECORD_KINDS}|reference|tracking)"
    # (not what it costs or when: "your order total is 87.40")
    r"( number| id| reference| ref| no| code)?"
    r"( (?!is\b|was\b|will\b|total\b|amount\b|price\b|cost\b|balance\b|value\b|fee\b|date\b)\w+){0,3}"
    r" (is|are|was|will be)\b"
    r"|\byour (\w+ )?(reference|ref)( (?!is\b|was\b)\w+){0,3} (is|was)\b"
    # or named "the reference", given or got: "the reference is PT 226 ...", "they gave me a reference, it's ..."
    r"|\b(the )?(reference|ref|confirmation)( number| no| code)? (is|was)\b"
    r"|\b((i've|ive|i have|we've|we have) got|(i|we) have|(i|we) (was|were) given|(they|you|someone|somebody|he|she)"
    r" gave (me|us)) (a|an|the) (reference|ref)\b"
    # its "is" heard as "in", right before the id: "The incident number in MP5582", "your reference in SR 833", its
    # "your" heard as "you're" too: "You're looking reference in MP66201." (your booking reference is)
    rf"|\b(your|you're|the) (\w+ )?({_RECORD_KINDS}|reference)( number| id| reference| ref| no)? in"
    r"( (?!(the|my|your|our|may|june|july)\b)[a-z]{1,4})?$"
    # or run into it as "-s": "Your case references DR -4419", "your dispute references be 774102"
    rf"|\byour (\w+ )?{_RECORD_KINDS} references\b"
    # ... its "your" heard as "you're" too: "you're working references D .P. 5, 5, 8, 1, 0" (your booking reference is)
    r"|\byou're (\w+ )?references\b"
    r"|\b(reference|ref|case|claim|ticket)( number)? for (this|that|the|today's|your) (\w+ )?(is|was)\b"
    r"|\b(i've|we've|i have|we have|i'm) (just )?(opened|raised|logged|created) (a |an |the |your |this )?(\w+ )?"
    r"(case|claim|ticket|complaint|dispute|request|incident|report)( number| reference| ref| no)?\b"
    # or doing so as they speak: "I'm opening a fraud case. The number is ...", "I'm raising a lost item ticket"
    r"|\b(i'm|i am|we're|we are) (just |now )?(opening|raising|logging|creating) (a |an |the |your |this )?(\w+ ){0,2}"
    r"(case|claim|ticket|complaint|dispute|request|incident|report)\b"
)
# A quote's number is the caller's record when the agent asks for it to find them ("Have you got the quote
# number?"), not when the agent tells them it beside the price.
_QUOTE_NUMBER = re.compile(r"\bquote (number|reference)\b")
_REQUEST_WORDS = {"confirm", "verify", "read", "give", "provide", "tell", "need", "what", "what's", "which", "spell"}
DIGIT_LENGTHS: dict[EntityType, range] = {
    EntityType.SSN: range(9, 10),
    EntityType.CARD_EXPIRY: range(3, 7),
    EntityType.CARD_SECURITY_CODE: range(2, 5),  # two: one digit of the code was misheard or taken elsewhere
    EntityType.DATE_OF_BIRTH: range(4, 9),
    EntityType.PHONE_NUMBER: range(7, 12),
    EntityType.ACCOUNT_NUMBER: range(4, 21),
    EntityType.ADDRESS: range(5, 10),  # a ZIP code, ZIP+4
}
# Card numbers asked for: a misheard digit breaks the Luhn check but the number is still the card.
# Networks beyond the four best known are named too: "my UnionPay number", "a JCB", "the RuPay one".
# A card that is an id, not a way to pay: "the loyalty card number is 9826 ...", whatever its digits' check.
_ID_CARDS = (
    "loyalty", "reward", "rewards", "member", "membership", "library", "id", "identity", "student", "staff",
    "employee", "insurance", "health", "medicare", "medicaid", "medical", "patient", "club", "clubcard", "nectar",
    "points",
)  # fmt: skip
# The card networks, named wherever a card is talked about.
CARD_NETWORKS = (
    r"visa|mastercard|amex|american express|discover|union ?pay|jcb|diners(?: club)?|maestro|rupay|elo|hipercard"
)
CARD_CONTEXT = re.compile(
    r"\b(" + "".join(rf"(?<!\b{kind} )" for kind in _ID_CARDS) + rf"cards?|credit|debit|{CARD_NETWORKS})\b"
)
# Where a card was talked about, "code" alone is its security code, unless it says which other code it is.
CODE = re.compile(
    r"(?<!zip )(?<!postal )(?<!post )(?<!promo )(?<!discount )(?<!voucher )(?<!area )(?<!country )(?<!sort )"
    r"(?<!access )(?<!booking )(?<!confirmation )(?<!version )\bcode\b"
)


def window_before(tokens: Sequence[Token], position: int, since: int = 0) -> str:
    """What was said in the ``CONTEXT_WINDOW`` tokens before ``position`` (none before ``since``)."""
    return " ".join(token.norm for token in tokens[max(0, since, position - CONTEXT_WINDOW) : position])


def oh_said_as_word(tokens: Sequence[Token], token: Token) -> bool:
    """Whether "oh" is said as a word, not as a zero: written "Oh," as a sentence starts ("Oh, 4 1 2"), or after a
    number, after a pause in writing and before words ("4402 7719, oh no, ...", "552 oh wait")."""
    if token.text in {"Oh,", "Oh.", "Oh!", "Oh..."}:
        return True
    if token.norm not in {"oh", "o"} or not token.position or token.position + 1 >= len(tokens):
        return False
    before, after = tokens[token.position - 1], tokens[token.position + 1]
    if before.segment != token.segment or after.segment != token.segment:
        return False
    # a reading broken off after it is a zero: "nine nine oh... no, nine oh nine four"
    broken_off = token.text.endswith(ELLIPSES)
    return (
        digits_of(after) is None
        and after.norm not in TENS
        and after.norm not in REPEATS
        and (
            before.text[-1] in PUNCTUATION
            or (not broken_off and after.norm in {"no", "wait", "sorry", "actually", "hang", "hold"})
        )
    )


# A price written with its cents, as Whisper writes an amount: "29.99"
WRITTEN_PRICE = re.compile(r"\d{1,4}\.\d\d")
# Said before "one" where it stands for a thing, not a digit: "my old one", "the other one", "that one".
_ONE_AS_WORD_AFTER = frozenset(
    {"old", "new", "other", "another", "that", "this", "the", "same", "right", "wrong", "which", "each", "every"}
)


# ... or after a word that names which, itself after "the", "a" or whose: "use the home one, 416-...", "Is it the 312
# one?", "Maestro, it's a long one, 6304 ..."
_PICKING_OUT = frozenset({"the", "a", "an", "my", "your", "his", "her", "our", "their"})


def _named_by(tokens: Sequence[Token], token: Token) -> bool:
    if token.position < 2:
        return False
    picked, named = tokens[token.position - 2], tokens[token.position - 1]
    in_figures = named.norm.isdigit()  # not a digit word: "the seven one" may be digits
    said_word = named.norm.isalpha() and digits_of(named) is None and named.norm not in TENS
    return picked.segment == token.segment and picked.norm in _PICKING_OUT and (in_figures or said_word)


def one_said_as_word(tokens: Sequence[Token], token: Token) -> bool:
    """Whether "one" stands for a thing named before ("No wait, that's my old one. 8, 8, 2, 6."), not a digit: said
    after a word that picks a thing out and ending its sentence or followed by words."""
    if token.norm != "one" or not token.position:
        return False
    before = tokens[token.position - 1]
    after = tokens[token.position + 1] if token.position + 1 < len(tokens) else None
    priced = WRITTEN_PRICE.fullmatch(before.norm) is not None  # "the 29.99 one": the thing at that price
    if before.segment != token.segment or not (before.norm in _ONE_AS_WORD_AFTER or priced or _named_by(tokens, token)):
        return False
    if token.text[-1] in PUNCTUATION or after is None or after.segment != token.segment:
        return True
    return digits_of(after) is None and after.norm not in TENS and after.norm not in REPEATS


# A group named by its place among a number's groups: "last four, 6 7 8 9", "so that's the first eight, 4917 6103".
# (a length in words: "call my mobile first, 050 417 2290" gives a number)
_PLACES_OF_GROUPS = frozenset({"last", "first", "next", "final", "middle"})


def says_length(stream: Sequence[Token], index: int) -> bool:
    """Whether the number at ``index`` says how long another is: "the 4 digit code", "a 16-digit number", "last
    four, 6 7 8 9", "the first eight, 4917 6103"."""
    nxt = stream[index + 1] if index + 1 < len(stream) else None
    before = stream[index - 1] if index else None
    said = stream[index].norm
    return (
        said.endswith(("-digit", "-digits"))
        or (nxt is not None and nxt.segment == stream[index].segment and nxt.norm in {"digit", "digits"})
        or (
            before is not None
            and before.segment == stream[index].segment
            and (before.norm == "last" or (before.norm in _PLACES_OF_GROUPS and said.isalpha()))
        )
    )


def previous_number(tokens: Sequence[Token], position: int) -> Token | None:
    """The last digit the same speaker said in the window before ``position``."""
    speaker = tokens[position].speaker
    for token in reversed(tokens[max(0, position - CONTEXT_WINDOW) : position]):
        if token.speaker == speaker and digits_of(token) is not None and not _too_heard_as_two(tokens, token):
            if says_length(tokens, token.position) or _stands_for_a_thing(tokens, token):
                continue  # "The CVV, is that the 4 digit one on the front?": no number given, the question stands
            return token
    return None


def _stands_for_a_thing(tokens: Sequence[Token], token: Token) -> bool:
    """Whether "one" stands for a thing: "that one", or after its length ("the 4 digit one")."""
    before = tokens[token.position - 1] if token.position else None
    after_length = before is not None and before.segment == token.segment and before.norm.endswith("digit")
    return oh_said_as_word(tokens, token) or one_said_as_word(tokens, token) or (token.norm == "one" and after_length)


def _too_heard_as_two(tokens: Sequence[Token], token: Token) -> bool:
    """Whether a "2" ending a question after "number" is the word "too" ("Can you add my frequent flyer number 2?")."""
    before = tokens[token.position - 1] if token.position else None
    return token.text == "2?" and before is not None and before.segment == token.segment and before.norm == "number"


# The roles a transcript names its speakers by, where it names them: the business's side and the one calling.
AGENT = "agent"
CALLER = "customer"

BACKCHANNEL_WORDS = 4  # "okay", "go on", "mm-hmm, got it": more than this is a turn of its own
_READ_BACK_WORDS = 8  # around all the digits so far read back: "okay, so that's the first eight, ..., go on"


# What the other side may ask for: any kind of number, or a card.
ASKED_CONTEXTS: dict[EntityType, re.Pattern[str]] = {**CONTEXTS, EntityType.CARD_NUMBER: CARD_CONTEXT}


# The rest of a number asked for, nothing else: "And the last four?", "and the last group?", "Next four?", "and the
# last eight?", "Okay, and the rest when you're ready."
REST_ASKED = re.compile(
    r"((thanks|thank you|okay|ok|great|yes|yep|right) )?(and )?((what's|what is) )?(the )?"
    r"((last|next|final|other|remaining|second)"
    r" (group|bit|part|block|half|four|eight|(four|eight) digits|digits|numbers)"
    r"|rest( of it)?)"
    r"( (when|whenever) you're ready| please| go ahead)?"
)

# The line failing in the middle of a number, so the rest is wanted: "Sorry, you broke up after the first eight.",
# "You cut out there."
_LINE_BROKE_UP = re.compile(
    r"((sorry|oh|hello|um|uh) )*(you|it|the line|your line) (just )?(broke|breaking|went|cut|cutting|dropped)"
    r" (up|out|off)( (there|again|a bit))?( (after|at|around) (the )?(first|last) (\w+)( digits| numbers)?)?"
    r"( (go on|sorry|please|can you repeat that|carry on))?"
)


_PROMPT_TO_GO_ON = re.compile(r"(yes|yeah|yep|mhm|mm-hmm|uh-huh|okay|ok|go on|and|and then|right)\W*")


def asks_anew(said: Sequence[Token], answered: str) -> bool:
    """Whether what the other side said is more than a backchannel ("okay", "go on", or reading back some of the
    digits ``answered`` so far), so what the speaker says next answers it rather than going on: many words, a
    question, a number of their own, or a thing asked for by name ("the expiry", "card")."""
    text = " ".join(t.norm for t in said)
    if REST_ASKED.fullmatch(text) or _LINE_BROKE_UP.fullmatch(text):
        return False  # "And the last four?", "Sorry, you broke up after the first eight.": the rest wanted, nothing new
    # not a group's length named with the digits: "so that's the first eight, 4917 6103"
    their_digits = digits_said([t for index, t in enumerate(said) if not says_length(said, index)])
    # all the digits given so far read back to confirm them: "5270 7984, yes?"
    confirming = their_digits != "" and their_digits == answered
    words = sum(1 for t in said if digits_of(t) is None)
    # (a prompt to go on asks nothing: "It's 6508 2952..." / "Yes?" / "1298 2482.")
    asked = any("?" in t.text for t in said) and not _PROMPT_TO_GO_ON.fullmatch(text)
    return (
        # the digits read back are no words of a question: "Four four one one, go on.", "Okay, so that's the first
        # eight, 4917 6103. Go on."
        words > (_READ_BACK_WORDS if confirming and not asked else BACKCHANNEL_WORDS)
        or (asked and not confirming)
        or (their_digits != "" and their_digits not in answered)
        or any(pattern.search(text) for pattern in ASKED_CONTEXTS.values())
        # asked without a question mark: "and the delivery address," "and your email,"
        or any(pattern.search(text) for pattern in (ADDRESS_CONTEXT, EMAIL_CONTEXT, NAME_ASKED))
    )


def said_between(tokens: Sequence[Token], previous: Token, token: Token) -> list[Token]:
    """What the others said between two words of one speaker."""
    return [t for t in tokens[previous.position + 1 : token.position] if t.speaker != token.speaker]


def others_between_parts(
    tokens: Sequence[Token], last: Token, first: Token, leads: Iterable[str]
) -> list[Token] | None:
    """What the others said between two parts of one value (``last`` ending one, ``first`` beginning the next), or
    None when the speaker says more between them than words that lead on to the next part (``leads``: "and then",
    "dash")."""
    between = tokens[last.position + 1 : first.position]
    own_words = {t.norm for t in between if t.speaker == first.speaker}
    if not own_words <= set(leads):
        return None
    return [t for t in between if t.speaker != first.speaker]


def asks_for_a_number(said: Sequence[Token], *, besides: EntityType | None = None) -> bool:
    """Whether ``said`` asks for any kind of number or a card (but ``besides``)."""
    text = " ".join(t.norm for t in said)
    return any(pattern.search(text) for kind, pattern in ASKED_CONTEXTS.items() if kind is not besides)


# Said of a card only where one was talked about: "security number" (not a login's), "it runs until" (not an offer),
# "COVID" (the CVV misheard, not the illness), "fiery", "Pires", "appearance" (the expiry misheard).
_CARD_ONLY_CONTEXTS = re.compile(rf"security number|it runs |xperi|covid|{_EXPIRY_MISHEARD}")


def card_word_without_card(pattern: re.Pattern[str], window: str, tokens: Sequence[Token], position: int) -> bool:
    """Whether the last match of ``pattern`` in ``window`` is said of cards alone, and no card was talked about
    before in the call, nor a month and year asked for (what a card's expiry is)."""
    last = None
    for last in pattern.finditer(window):  # noqa: B007 - the last match is the nearest
        pass
    return (
        last is not None
        and _CARD_ONLY_CONTEXTS.match(last.group()) is not None
        and not card_talked_about(tokens, position)
        and "month and year" not in window
    )


def card_talked_about(tokens: Sequence[Token], position: int) -> bool:
    """Whether a card was talked about anywhere in the call before ``position``, or its speaker read a card number
    just before, though nobody said "card" ("5192 5522" / "Mm-hmm." / "8794 0610. It runs out 11/27")."""
    before = " ".join(token.norm for token in tokens[:position])
    return (
        CARD_CONTEXT.search(before) is not None
        or _EXPIRY_NAMED.search(before) is not None
        or _card_just_read(tokens, position)
    )


# The last four digits of a card asked for: "the last four digits on the card?", "last 4 of your Visa" (not of a
# social or a phone).
_CARD_WORDS = rf"(cards?|{CARD_NETWORKS})"
_CARD_ENDING_ASKED = re.compile(
    # ("the last forum the card?": "four of" as Whisper may run it together)
    rf"\b(last|final) ((four|4)( digits?| numbers?)? (of|on|from)|forum) (the|your|that|this|my)( \w+){{0,2}} "
    rf"{_CARD_WORDS}\b"
    # or the card named first: "Can you confirm the card, just the last four?"
    rf"|\b{_CARD_WORDS} (just |only )?(the )?(last|final) (four|4)( digits?| numbers?)?\b"
)


def card_ending_asked(tokens: Sequence[Token], first: Token) -> bool:
    """Whether a card's last four digits were named just before ``first`` ("the last four of the card you paid
    with?"), and nothing else asked for after."""
    asked = window_before(tokens, first.position)
    last = None
    for last in _CARD_ENDING_ASKED.finditer(asked):  # noqa: B007 - the last match is the nearest
        pass
    return last is not None and not any(pattern.search(asked[last.end() :]) for pattern in CONTEXTS.values())


# A card's first six digits asked for, the bank's number that begins it: "Can you read me the first six digits?"; not
# of another number ("the first six digits of your account number").
_CARD_START_ASKED = re.compile(r"\bfirst (six|6)( digits?| numbers?)\b(?P<of> (of|on|from)( \w+){1,3})?")
_CARD_NAMED = re.compile(rf"\b{_CARD_WORDS}\b")


def card_start_asked(tokens: Sequence[Token], first: Token) -> bool:
    """Whether a card's first six digits were asked for just before ``first``, of a card or of nothing named, and
    nothing else asked for after."""
    asked = window_before(tokens, first.position)
    last = None
    for last in _CARD_START_ASKED.finditer(asked):  # noqa: B007 - the last match is the nearest
        pass
    if last is None or (last.group("of") and not _CARD_NAMED.search(last.group("of"))):
        return False
    return not any(pattern.search(asked[last.start() :]) for pattern in CONTEXTS.values())


# An expiry named as such, which only cards have here ("Expires oh four thirty. Security number ...").
_EXPIRY_NAMED = re.compile(r"\b(expir\w*|(valid|good)[ -](thru|through|until|till))\b")


# digits, at most: an expiry said between the card and what follows ("... Expires 0430. Security ...")
_DETAILS_AFTER_CARD = 4


def _card_just_read(tokens: Sequence[Token], position: int) -> bool:
    speaker = tokens[position].speaker
    said = digits_said([t for t in tokens[max(0, position - CONTEXT_WINDOW) : position] if t.speaker == speaker])
    return any(
        luhn(said[: len(said) - after][-length:])
        # the expiry's digits as counted: "Twelve twenty-six" may count as its month alone
        for after in range(_DETAILS_AFTER_CARD + 1)
        for length in range(13, min(19, len(said) - after) + 1)
    )


# One's number with no kind named, which is one's phone where nothing else was asked or named: "My number is zero two
# four, ...", "Mi número, my number, is ..." (not "my account number is", nor "Your member number?" / "My number is
# 88120457").
_NUMBER_OF_NO_KIND = re.compile(
    # (nor "mi número de póliza": the kind named after it)
    r"\b((my|your|his|her|their) number,? (is|was)|(my|his|her|their) number's|(mi|su) n[uú]mero(?! de)"
    r"|mon num[eé]ro(?! de)|meine nummer)\b"
)


_TRACKING_NAMED = re.compile(r"\btracking (number|id|reference)\b")


def context_distances(tokens: Sequence[Token], position: int) -> dict[EntityType, int]:
    """For each kind of context said before ``position``, since the speaker's previous number (each question
    is answered once): how many characters ago."""
    previous = previous_number(tokens, position)
    answered = previous is not None and previous.segment != tokens[position].segment
    since = previous.position + 1 if answered and previous else 0
    window = window_before(tokens, position, since=since)
    distances: dict[EntityType, int] = {}
    for entity_type, pattern in CONTEXTS.items():
        distance = nearest_match(pattern, window)
        if distance is not None and not card_word_without_card(pattern, window, tokens, position):
            distances[entity_type] = distance
    speaker = tokens[position].speaker
    said = [token for token in tokens[max(0, since, position - CONTEXT_WINDOW) : position] if token.speaker != speaker]
    # Only where they asked: "Can you confirm the order number?", not "Your order number is 448120."
    asking = {token.segment for token in said if "?" in token.text or token.norm in _REQUEST_WORDS}
    asked = " ".join(token.norm for token in said if token.segment in asking)
    distance = nearest_match(ASKED_ACCOUNT_CONTEXT, asked)
    if distance is None:
        distance = nearest_match(_QUOTE_NUMBER, asked)
    if distance is not None and EntityType.ACCOUNT_NUMBER not in distances:
        distances[EntityType.ACCOUNT_NUMBER] = distance
    own = " ".join(
        token.norm for token in tokens[max(0, since, position - CONTEXT_WINDOW) : position] if token.speaker == speaker
    )
    owned = nearest_match(OWN_ACCOUNT_CONTEXT, own)
    if owned is not None and EntityType.ACCOUNT_NUMBER not in distances:
        distance = distances[EntityType.ACCOUNT_NUMBER] = owned
    named = nearest_match(ASKED_ACCOUNT_CONTEXT, window)
    if distance is None and named is not None:
        # "... my date of birth is ... your policy ... your claim number is 2291 8840": named last, the number is a
        # claim's, none of the kinds named before it ("on the Pune account. Order number 40 71 88 2"); not a parcel's
        # tracking number, which is no one's record
        distances = {entity_type: d for entity_type, d in distances.items() if d <= named}
        if nearest_match(_TRACKING_NAMED, window) != named:
            distances.setdefault(EntityType.ACCOUNT_NUMBER, named)
    own_number = nearest_match(_NUMBER_OF_NO_KIND, window)
    # one's phone where no other kind was asked or named, or where a number was given for each kind named before it:
    # "my account number is 7720 3316 and ... my number's 647-291-0058"
    if own_number is not None and all(
        re.search(r"\d", window[len(window) - distance : len(window) - own_number]) for distance in distances.values()
    ):
        distances = {EntityType.PHONE_NUMBER: own_number}
    return distances


def nearest_match(pattern: re.Pattern[str], window: str) -> int | None:
    """How many characters before the end of ``window`` the last match of ``pattern`` ends, if any."""
    last = None
    for last in pattern.finditer(window):  # noqa: B007 - the last match is the nearest
        pass
    return None if last is None else len(window) - last.end()


_ASKED_TOGETHER_CHARACTERS = 30  # "the expiry and the security code": asked in one breath


def asked_first(fitting: Sequence[tuple[int, EntityType]], tokens: Sequence[Token], first: Token) -> EntityType:
    """Of two things asked for together ("expiry and security code?"), the first number of the answer gives the one
    asked first, unless the answer names what it gives ("Phone's 0421 ..."); later numbers, and answers to
    questions asked apart, the one asked last."""
    (nearest, kind), (farther, asked_before) = fitting[0], fitting[1]
    previous = previous_number(tokens, first.position)
    answer_starts = previous is None or previous.segment != first.segment
    lead_in = words_before(first, tokens, CONTEXT_WINDOW)
    named = [k for _, k in fitting if ASKED_CONTEXTS[k].search(lead_in)]
    if len(named) == 1:
        return named[0]  # "Account's 8802 1473 and birthday is ...": the answer says which it gives
    # counted from where the one asked last starts: "the expiry and the last three on the back"
    window = window_before(tokens, first.position)
    asked_last = list(ASKED_CONTEXTS[kind].finditer(window))
    said_for = asked_last[-1].end() - asked_last[-1].start() if asked_last else 0
    # Not together where the first was given its value before the second was asked ("expiry 01/29. And the code?")
    between = window[len(window) - farther : len(window) - nearest - said_for]
    together = farther - nearest - said_for <= _ASKED_TOGETHER_CHARACTERS and not re.search(r"\d", between)
    names_any = any(pattern.search(lead_in) for pattern in ASKED_CONTEXTS.values())
    return asked_before if answer_starts and together and not names_any else kind


_AFTER_WORDS = 6  # "..., that's my social security number"


def words_before(first: Token, tokens: Sequence[Token], words: int | None = None) -> str:
    """The words said before ``first`` in its segment: all of them, or the last ``words`` tokens' worth."""
    start = 0 if words is None else max(0, first.position - words)
    return " ".join(token.norm for token in tokens[start : first.position] if token.segment == first.segment)


def said_after(last: Token, tokens: Sequence[Token], *, into_next: bool = False) -> str:
    """The words said right after ``last`` in its segment; with ``into_next``, where ``last`` ends its segment, those
    that begin the same speaker's next one ("It's 8 .03 .412 .776." / "I'm still your number.")."""
    after = tokens[last.position + 1 : last.position + 1 + _AFTER_WORDS]
    segment = last.segment
    if into_next and after and after[0].segment != segment and after[0].speaker == last.speaker:
        segment = after[0].segment
    return " ".join(token.norm for token in after if token.segment == segment)


GIVEN_UP = re.compile(r"\b(no|sorry|wait|again|actually|hang on|hold on|let me|scratch that|i mean|start over)\b")

# Asked for or announced: then a house number and the words after it are the address, even where the street's
# kind was misheard ("77 large portort, Austin, Texas").
ADDRESS_CONTEXT = re.compile(
    r"(?<!email )(?<!e-mail )(?<!web )\baddress\b|\b(live|lives|living|located|moved|moving) (at|to)\b"
    # where someone else is, their home: "my mother's bill, she's at 57 rue Saint-Paul in Quebec City"
    r"|\b(she's|he's|they're|she is|he is|they are) (now |still )?at\b"
    r"|\b(ship|send|deliver|post|mail)(ed)?( it| them| that)? to\b"
    r"|\bwhere (should|shall|do|can|would|will) (we|i|you) (ship|send|deliver|post|mail)\b"
    # post sent to someone else's for one: "Care of Achnashellach Lodge, Strathcarron, IV54 8YU."
    r"|\bcare of\b|\bc/o\b"
    # a student's room in halls: "I'm in halls of residence, Room 214, Carrington Hall, Oxford Road."
    r"|\bhalls of residence\b|\b(in|into) (student )?halls\b"
    # one's home asked for as where one lives: "And where do you live?", "where's she living now?"
    r"|\b(where|whereabouts) (do|does) (you|he|she|they) (live|stay)\b"
    r"|\b((where|whereabouts) (are you|is he|is she|are they)|where's (he|she)) living\b"
    # where a courier is to fetch something from the caller: "Sure, where should the courier collect?" (not where a
    # courier will, asked of the firm: "Where will the courier pick it up from, your depot?")
    r"|\bwhere (should|shall) (the |our |a )?(courier|driver) (collect|pick (it |them |that )?up)\b"
    # a flat asked for with its building or street: "What's your unit and building?"
    r"|\byour (unit|flat|apartment|suite) (number )?and (building|street)\b"
    # an address's first line asked for alone: "Just the first line and postcode is fine."
    r"|\bfirst line\b"
    # the street one is on asked for: "Which street are you on?", "What road do you live on?"
    r"|\b(which|what) (street|road) (are|do) you\b"
    # one's flat asked for in a block or an estate: "Which apartment are you?", "what unit number is it?"
    r"|\b(which|what) (apartment|flat|unit|house)( number)? (are|is)\b"
    # one's home said to be at it: "my flat's 14C Thornhill House"
    r"|\bmy (flat|apartment|house|home)('s| is)\b"
    # ... or where one's home stands: "The croft's at 6 Balallan, ...", "our cottage is on ..."
    r"|\b(the|my|our) (croft|cottage|farmhouse|bungalow|caravan|mobile home|annexe|granny flat|house|flat|home)"
    r"('s| is) (at|on)\b"
)

ANSWER_LEAD_WORDS = 3  # "Sure, it's 77 ...": the address starts the answer
# words that may lead an answer before the value it gives: "Yeah, so it's 353 87 ...", "Sure, the 3rd of March."
ANSWER_LEAD_INS = frozenset(
    {"so", "um", "uh", "yes", "yeah", "sure", "okay", "ok", "it's", "its", "it", "is", "that's", "right"}
)

EMAIL_CONTEXT = re.compile(r"\b(e-?mail|e mail)\b")


def answers(
    segments: Sequence[Segment], tokens: Sequence[Token], going_on: bool = False
) -> Iterable[tuple[Segment, str, int | None]]:
    """Each segment with words, and what the others said since its speaker last spoke (what it may answer). With
    ``going_on``, a segment said after only a backchannel ("It's 12 Elm Road," / "Uh-huh." / "Unit 4, ...") goes on
    with its speaker's answer before it: it answers that answer's question too, and the index of the segment it
    goes on from comes with it."""
    first_tokens = segment_starts(tokens)
    for segment in segments:
        first = first_tokens.get(segment.index)
        if first is None:
            continue
        asked = said_since_own_turn(tokens, first)
        before = gone_on_from(tokens, first) if going_on else None
        if before is None:
            yield segment, asked, None
        else:
            yield segment, f"{said_since_own_turn(tokens, first_tokens[before.segment])} {asked}", before.segment


def gone_on_from(tokens: Sequence[Token], first: Token) -> Token | None:
    """The speaker's last word before ``first``, where the others said no more than a backchannel between."""
    between: list[Token] = []
    for position in range(first.position - 1, -1, -1):
        token = tokens[position]
        if token.speaker == first.speaker:
            going_on = not asks_anew(between, "") and pause_ms(token, first) <= MAX_PAUSE_MS
            return token if going_on and token.segment != first.segment else None
        between.insert(0, token)
        if len(between) > BACKCHANNEL_WORDS:
            return None
    return None


# The other side asked for a name: the answer starts with it ("Carlos Mendes.", "Hi, it's Rebecca Stone.").
# Things and animals with names of their own: "the dog's name?", "Company's name?" ask for no person's.
_THINGS_NAMED = (
    r"company|business|street|road|shop|store|product|brand|pet|dog|cat|puppy|kitten|horse|hotel|school|firm|"
    r"restaurant|venue|building|app|website|bank|practice|surgery|hospital|clinic|team|band|boat|car|vehicle|policy|"
    r"file|document|house|property|estate|village|town|city"
)
NAME_ASKED = re.compile(
    # "your good name?": how Indian English asks it
    # "your full names": how Southern African English asks for one's names, given and family
    r"\b(your|the) (good |full |first |last |sur)?name\b|\byour (full )?names\b|\bname on the \w+\b|"
    r"\b(his|her|their) (full |first |last |sur)?name\b(?! is| was|'s)|"  # asked, not told: "her name is Amara"
    # whose name: "the patient's name", "passenger name", "cardholder name as it appears"
    r"\b(patient|passenger|cardholder|holder|member|beneficiary|caller|child|baby|son|daughter|customer)('s)? "
    r"(full |first |last |sur)?name\b(?! is| was)|\bwho (am i|i'm) (speaking|talking)"
    # who of the business's people the caller dealt with: "Who was the last person you spoke to?"
    r"|\bwho (was|is) the (\w+ )?person (you|that)\b|\bwho did you (speak|talk) (to|with)\b"
    # "the insured's name", "your mum's name"; whose, in two words: "the policy holder's name"
    rf"|\b(the|your|his|her|their) (\w+ )?(?!({_THINGS_NAMED})'s)\w+'s (full |first |last |sur)?name\b(?! is| was)"
    # who, asked after one's own name is given or of whom a booking is: "And you are?", "And the lead passenger?"
    r"|\band (you are|you're)\W*$|\b(lead|main|named) (passenger|driver|guest|traveller|traveler)\b(?! is| was)"
    # who holds a role, asked by the role alone: "And the beneficiary?", "Your next of kin?"
    # or after what was read back: "IE64 BOFI ..., and the account holder?"
    r"|(^|\band )(and )?(the|your) (beneficiary|policyholder|policy holder|account holder|cardholder|"
    r"next of kin|executor|guarantor|joint account holder|other driver|named driver)\W*$"
    # asked with no "your" before it: "Full name and date of birth, please."; whose, after it: "Name of the
    # policyholder?", "the name of the insured driver"
    r"|\bfull names?\b(?! is| was| are)|\b(full |first |last |sur)?name (of|for) the (\w+ )?(patient|passenger|holder|"
    r"cardholder|policyholder|member|beneficiary|caller|child|baby|son|daughter|customer|insured|driver|owner|"
    r"tenant|applicant|subscriber|payee|recipient|deceased)\b"
    # the question starting with the name: "Surname?", "And first name?", "Name, date of birth and ..."
    r"|^(and )?(the |your )?(first |last |family |given |middle |sur)?name\b"
    r"(?! is| was| of the (shop|company|business|street|hotel|town))"
    r"|\bwho('s| is) (calling|this)\b|\bmay i ask who\b|\bmaiden name\b"
    # what one is to be called: "Shall I call you Miss Nune?"
    r"|\b(shall|should) i call you\b(?! (back|on|at|later|again|tomorrow|today|in|when))"
    # whose name a booking or an account is under: "Who's the order under?", "What name is it under?"
    r"|\bwho('s| is) (it|this|that|the \w+( \w+)?) under\b|\b(what|which|whose) name\b|\bunder (what|which|whose)\b"
    # who holds a role in the account: "Who's the account holder?", "who is the beneficiary?"
    r"|\bwho('s| is| was| are) the (\w+ )?(holder|owner|beneficiary|payee|recipient|insured|policyholder|"
    r"cardholder|subscriber|policy holder|card holder)s?\b"
    # whose name, the question asked by the role alone: "Driver's name?", "And the tenant's surname?" (not a thing's:
    # "Company's name?")
    rf"|\b(?!({_THINGS_NAMED}|it|that|this|what|who|there|here)'s)[a-z-]+'s (full |first |last |sur)?name\W*$"
    # who the caller is, the question left for them to end: "And I'm speaking with?", "Am I talking to...?"; or
    # asked with the name however heard, answered with it: "Am I speaking with low and less pened?" / "Yes, Rohan."
    # (not a role or a department asked about: "Am I speaking with the account holder?")
    r"|\b(i'm|i am|am i) (speaking|talking) (to|with)( (?!(the|a|an|your|my|someone|somebody)\b)[\w'-]+){0,4}\W*$"
    # who the caller is, asked as the role they are checked against: "And you're the parent on file?", "You are the
    # account holder?" (answered "Yes, Ama Boateng.")
    r"|\b(you're|you are) the (\w+ )?(parent|guardian|holder|account holder|policyholder|policy holder|cardholder|"
    r"card holder|owner|tenant|member|patient|customer|caller|subscriber|applicant|beneficiary|next of kin|driver|"
    r"named driver)( (on|in) (file|the file|record|the account|the policy|the system))?\W*$"
    # asked in the caller's own language: "¿Y su nombre completo?", "Votre nom, s'il vous plaît ?", "O seu nome?",
    # "Wie heißen Sie?" (not a street's name: "el nombre de la calle", "le nom de la rue")
    r"|\b(su|tu|sus) (nombre|apellidos?)\b|\bnombre completo\b|\bc[oó]mo se llama\b|\bc[oó]mo te llamas\b"
    r"|\b(votre|ton) (nom|pr[ée]nom)\b|\bnom (complet|de famille)\b|\bcomment vous appelez\b"
    r"|\b(seu|teu) (nome|sobrenome|apelido)\b|\bnome completo\b|\bcomo (se|te) chama\b"
    r"|\bwie hei(ß|ss)en sie\b|\b(ihr|dein) (vor|nach|familien)?name\b|\b(suo|tuo) (nome|cognome)\b"
)


def said_since_own_turn(tokens: Sequence[Token], first: Token) -> str:
    """What the others said since ``first``'s speaker last spoke, within the context window."""
    said: list[str] = []
    for token in reversed(tokens[max(0, first.position - CONTEXT_WINDOW) : first.position]):
        if token.speaker == first.speaker:
            break
        said.append(token.norm)
    return " ".join(reversed(said))


# --- what a turn asks for, whatever the answer's words: read by ``answers`` ------------------------------------

# A name asked for by the word alone ("Name for the booking.", "And the name?"), not one's own told ("my name is")
# nor a thing's ("the street name", "user name").
_NAME_NAMED = re.compile(
    r"(?<!\bmy )(?<!\bfile )(?<!\buser )(?<!\bcompany )(?<!\bbusiness )(?<!\bstreet )(?<!\broad )(?<!\bproduct )"
    r"(?<!\bbrand )(?<!\bdomain )(?<!\bscreen )(?<!\bhost )(?<!\bpet's )(?<!\bdog's )(?<!\bcat's )\bname\b"
    # a thing's name: "Name of the street?", "the name of your company"
    r"(?! (of|for) (the|your|a|an|this|that) (street|road|company|business|shop|store|school|town|city|village|"
    r"hotel|product|bank|firm|practice|surgery|hospital|building|estate|house|property|app|website|site|file|"
    r"document|form|item|plan|package|course|pet|dog|cat|medication|drug|medicine|brand|model|place|restaurant|"
    r"venue|event|team|department|account)\b)"
    # who the caller is: "Who do I have the pleasure of speaking with?"
    r"|\bwho\b[^.?!]*\b(speaking|talking) (to|with)\b"
)
ASKED_FOR: dict[EntityType, tuple[re.Pattern[str], ...]] = {
    EntityType.PERSON_NAME: (NAME_ASKED, _NAME_NAMED),
    EntityType.ADDRESS: (ADDRESS_CONTEXT, CONTEXTS[EntityType.ADDRESS], re.compile(r"\b(first line|eircode)\b")),
    EntityType.ACCOUNT_NUMBER: (CONTEXTS[EntityType.ACCOUNT_NUMBER], ASKED_ACCOUNT_CONTEXT),
    EntityType.CARD_NUMBER: (CARD_CONTEXT,),
    EntityType.CARD_EXPIRY: (re.compile(rf"\b({EXPIRY_SAID})\b"),),
    **{
        kind: (CONTEXTS[kind],)
        for kind in (
            EntityType.CARD_SECURITY_CODE,
            EntityType.DATE_OF_BIRTH,
            EntityType.PHONE_NUMBER,
            EntityType.SSN,
        )
    },
}
# A request, wherever the thing asked for is named in it: "Can I take ...", "what's ...", "... please".
_REQUEST = re.compile(
    r"\b((can|could|may|would|will) (i|you|we)|please|what|what's|whats|which|whose|confirm|verify|tell me|give me|"
    r"read( me)?|spell|go ahead|ready|let me (have|take|get)|need)\b"
)
# After the thing's name, a value told or read back: "your claim number is CL99421", "your phone, 805 441 7732".
# "whose name is it under?", "what name is that under?", "what postcode are you in?": asked, the verb before its
# subject
_TOLD_AFTER = re.compile(
    r"^\W*(number |no |id )?(is|was|are|'s|were|will be|has been)\b(?! (it|that|this|he|she|they|there|you|we)\b)"
    r"|\d|^\W*[A-Z][a-z]"
)
# Some digits of a number asked for by their place ("the last four digits", "the other 3 numbers"), which the security
# code's "three digits" or "four numbers" are not; and of which number, named after: "the last 3 digits of the phone
# number".
PART_OF_NUMBER = re.compile(r"\b(last|first|final|middle|other) (three|four|3|4)[ -](digits?|numbers?)\b")
_PART_OF_ANOTHER_NUMBER = re.compile(PART_OF_NUMBER.pattern + r" (of|from)\b")
_TAIL_WORDS = 4  # "Name for the booking.": the thing's name ends the sentence, said as a question
_TAIL_VERBS = re.compile(
    r"\b(is|are|was|were|be|been|has|have|had|will|would|can|could|should|do|does|did|get|got|go|goes|went|"
    r"come|comes|came|arrive|arrives|change|changed|update|updated|send|sent|post|posted|take|takes|need|needs)\b"
)
_ASKING_SENTENCES = 2  # "Do you have the card number? If not, the last four digits will do."


def kinds_asked(turn: str) -> list[EntityType]:
    """The kinds of personal data a speaker's turn asks the other side for, in the order named: those named in the
    last sentence that names any, if it is one of the turn's last two and no question about something else follows
    it, and asks rather than tells (a question mark, a request, or the thing's name ending it) with no value after
    the name (told or read back)."""
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", turn.strip()) if s.strip()]
    for position, sentence in enumerate(reversed(sentences[-_ASKING_SENTENCES:])):
        lower = sentence.lower()
        named: list[tuple[int, EntityType, int]] = []
        for kind, patterns in ASKED_FOR.items():
            matches = [m for pattern in patterns for m in pattern.finditer(lower)]
            if matches:
                named.append((min(m.start() for m in matches), kind, max(m.end() for m in matches)))
        if not named and position == 0 and sentence.rstrip().endswith("?"):
            return []  # asked something else last: "I see the policy. Where was the car when it happened?"
        if not named:
            continue
        if re.search(r"\d(?:[ ,.-]?\d){2}", sentence):
            return []  # a value read back: "We have 646-555-0121 as your mobile, still right?"
        last_end = max(end for _, _, end in named)
        after = sentence[last_end:]
        if _TOLD_AFTER.search(after) and not re.fullmatch(r"\W*(please|for me)?\W*", after):
            return []
        tail = re.findall(r"[\w'-]+", after)
        asking = (
            sentence.rstrip().endswith("?")
            or _REQUEST.search(lower) is not None
            or (len(tail) <= _TAIL_WORDS and not _TAIL_VERBS.search(after.lower()))
        )
        if not asking:
            return []
        part = _PART_OF_ANOTHER_NUMBER.search(lower)
        if part and any(kind is not EntityType.CARD_SECURITY_CODE and start >= part.end() for start, kind, _ in named):
            # "the last 3 digits of the phone number on the account?": the phone's, not a card's code
            named = [n for n in named if n[1] is not EntityType.CARD_SECURITY_CODE]
        kinds = [kind for _, kind, _ in sorted(named, key=lambda n: (n[0], n[2]))]
        if EntityType.CARD_NUMBER in kinds and {EntityType.CARD_EXPIRY, EntityType.CARD_SECURITY_CODE} & set(kinds):
            kinds.remove(EntityType.CARD_NUMBER)  # "the code on the back of the card": the card's code, not its number
        return kinds
    return []
