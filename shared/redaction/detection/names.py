"""Person names: known by what is said around them (cues, greetings, answers), then wherever they are said again."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from shared.models.transcript import Segment
from shared.redaction.detection.context import NAME_ASKED, answers
from shared.redaction.detection.emails import ROLE_MAILBOXES, SEPARATOR_WORDS
from shared.redaction.detection.gazetteers import english_words, person_names, place_names
from shared.redaction.detection.spoken import (
    DIGIT_WORDS,
    MONTHS,
    RADIO_LETTER,
    SPELLED_LETTERS,
    TENS,
    YES_ABROAD,
    TextSpan,
    Token,
    heard_words,
    in_order_in_common,
    in_time_order,
    unsure_words,
    with_segment_before,
)

# In lower-case text a name is known only by what is said around it: "this is declan mcbride calling", "my name is
# tomas"; its words must be none of those the sentence goes on with ("this is just calling", "my name is on it").
_NOT_NAME_WORDS = (
    r"(?:just|only|still|also|really|actually|not|me|the|a|an|your|my|our|his|her|their|calling|about|from|with|back|"
    r"again|now|finally|regarding|re|someone|somebody|us|him|them|on|in|at|for|to|and|so|here|speaking|going|trying|"
    r"afraid|sorry|fine|good|well|happy|glad|ringing|phoning|returning|following|hoping|wondering|spelled|spelt|"
    r"wrong|right|correct|missing|different|changed|important|down|up|there|gone)"
)
# lower-case letters beyond ASCII too: "krüger", "núñez", and beyond Latin-1: "łukasz", "šimková", "ğ"
_LOWER_CASE_LETTERS = "a-zß-öø-ÿ" + "".join(char for char in map(chr, range(0x100, 0x250)) if char.islower())
_LOWER_CASE_NAME_WORD = rf"(?!{_NOT_NAME_WORDS}\b)[{_LOWER_CASE_LETTERS}][{_LOWER_CASE_LETTERS}'-]+"
# Who an answer says the name is of, before the name: "my husband graham o'rourke", "my mum, Rita Okafor".
_RELATIONS = (
    r"(?:husband|wife|partner|son|daughter|mother|mum|mom|mam|mammy|mummy|mommy|mama|father|dad|daddy|papa|brother|"
    r"sister|grandmother|grandfather|grandma|grandpa|nan|aunt|uncle)"
)
_NAME_ANSWER_LEAD = (
    # "yes" in the languages callers switch to too: "Sí, María José Fernández Ruiz", "Haan ji, Ravi Kumar"
    r"(?:(?i:it's|its|it is|yes|yeah|yep|sure|of course|okay|ok|hi|hello|um|uh|oh|this is|i'm|i am|my name is|"
    # (not those that are names too: "Si", "Ji", "Sim")
    r"sí|oui|haan ji|haan|opo|ndiyo|"
    # whom a thing asked about is for, oneself: "It's for me, Winifred Abernethy"
    r"that's me|it's me|that's|that is|under|it's under|it's for me|for me|me|"
    rf"(?:it's |its |that's )?my {_RELATIONS}|i think it was|i think|it was)[,.]?\s+)*"
)
# A name asked for and answered in lower case: two or three words that end the answer or its first part
# ("roberto villanueva", "seamus doherty, 2 29 1984"); none a word an answer is otherwise made of.
_NOT_ANSWERED_NAME_WORDS = (
    r"(?:same|as|one|please|hold|sec|second|minute|what|which|who|i|i'm|don't|dont|know|can|you|repeat|that|it|is|"
    r"was|yes|no|ok|okay|sure|of|course|name|names|mine|account|card|is|be|yeah|yep|hmm|um|uh|oh|umm|sounds|great|"
    r"thanks|thank|let|think|wait|need|why|how|where|when|hang|nope|both|joint|excuse|pardon|come|again|do|did|"
    r"does|have|has|had|got|get|looks|seems|good|perfect|lovely|cool|nice|alright)"
)
_LOWER_CASE_ANSWERED_NAME_WORD = rf"(?!{_NOT_ANSWERED_NAME_WORDS}\b){_LOWER_CASE_NAME_WORD}"
# Said after whose name something is in, to say more of it: "in my name, obviously".
_NOT_HOLDER_WORDS = (
    r"(?:obviously|unfortunately|though|anyway|anyways|too|yet|currently|sadly|apparently|technically|originally|"
    r"unless|but|because|since|mate|love|sir|madam|innit|right|then|still|now)"
)
# Someone said to be the one who will do something: "it'll be Rukhsana collecting it", "it'll be sunita picking up"
_WILL_BE = r"(?:it'll|it will|it's going to|it is going to|it'd|it would|that'll|that will) be"
# what a person does in someone's place, not a company ("it'll be PayPal taking the payment")
_DOING = (
    r"(?:(?:who(?:'ll| will)\s+(?:be\s+)?)?(?:collecting|picking|signing|coming|dropping|bringing|fetching|"
    r"meeting|driving|attending|visiting|looking after))"
)
# when, not who: "it'll be Easter coming up"
_WHEN_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|"
    r"Halloween|New Year)"
)
# When or how something will be done, not who does it: "it'll be monday collecting it", "it'll be easier booking"
_NOT_DOER_WORDS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|later|then|after|before|"
    r"next|last|this|that|everyone|everybody|nobody|anyone|anybody|easier|harder|quicker|faster|cheaper|worth|best|"
    r"better|worse|someone|somebody|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|morning|afternoon|evening|week|weekend|month|year|no|one|two|both|whoever|christmas|easter)"
)
# Someone of one's family or household, or in one's care, named in lower case right after who they are: "so my
# daughter keisha she's moved", "for my lodger femi adeyemi he can't", "it's for my son tobias wren".
# Family by marriage, a step-parent, a godchild or a former spouse too: "my mother-in-law", "my stepfather", "my
# goddaughter", "my ex-husband", "my great-aunt".
_LOWER_CASE_KIN = (
    r"(?:(?:step|god|ex-|great-|great )?"
    r"(?:husband|wife|partner|son|daughter|mother|mum|mom|mam|mammy|mummy|mommy|mama|father|dad|daddy|papa|brother|"
    r"sister|grandmother|grandfather|grandma|"
    r"grandpa|granddaughter|grandson|nan|nana|aunt|auntie|uncle|niece|nephew|cousin|fianc[eé]e?|boyfriend|"
    r"girlfriend|stepson|stepdaughter|tenant|lodger|flatmate|housemate|neighbour|neighbor|carer|patient|friend|"
    # grandparents as callers of many places call them: "my koro, Hemi" (Māori), "my lola, Rosario" (Filipino), "my
    # ouma" (South African), "my abuela", "my nonna", "my oma", "my gran"
    r"koro|kuia|gran|granny|grandad|granddad|nanna|abuela|abuelo|lola|lolo|ouma|oupa|nonna|nonno|oma|opa|"
    # the people one has by what they do for one: "my sponsor is Gloria Mensah", "our priest, Declan Moriarty"
    r"sponsor|dentist|doctor|landlord|landlady|priest|pastor|vicar|imam|rabbi|boss|manager|supervisor|lawyer|"
    r"solicitor|accountant|caseworker|case worker|social worker|guardian|executor|godparent|physio|therapist|"
    r"counsellor|counselor|midwife|tutor|coach|trainer|mentor|teacher|instructor|"
    # ... and who minds one's children or home: "Our nanny, Imelda, picks them up."
    r"nanny|babysitter|childminder|au pair|housekeeper|nurse|health visitor|support worker|key worker|keyworker)"
    r"(?:-in-law)?)"
)
# what is said of someone right after their name, not a name: "my son he's ...", "my wife works nights"
_NOT_KIN_NAME_WORDS = (
    r"(?:he|she|he's|she's|hes|shes|they|they're|who|whos|who's|has|had|will|would|could|can|can't|cant|won't|"
    r"doesn't|didn't|isn't|wasn't|lives|works|says|said|wants|needs|thinks|does|goes|went|gets|got|rang|called|"
    r"told|asked|passed|died|uses|used|pays|paid|set|put|took|takes|keeps|left|moved|usually|normally|always|never|"
    r"sometimes|too|as|well|though|who|that|this|these|those)"
)
_LOWER_CASE_KIN_NAME_WORD = (
    rf"(?!(?:{_NOT_KIN_NAME_WORDS}|{_NOT_DOER_WORDS}|yesterday|instead|either)\b)(?![a-z]+(?:ed|ing)\b)"
    rf"{_LOWER_CASE_ANSWERED_NAME_WORD}"
)
# Where in a business someone works, said after their name: "Bev in the office", "Marta in accounts"
_WORKPLACES = (
    r"(?:(?i:office|back office|front office|head office|front desk|desk|reception|accounts|accounts payable|"
    r"accounts receivable|accounting|finance|billing|payroll|human resources|admin|administration|sales|marketing|"
    r"purchasing|procurement|legal|compliance|operations|dispatch|warehouse|logistics|customer services?|support|"
    r"management|claims|underwriting|collections|bookings|lettings|shop|store|workshop|depot|branch|lab|kitchen|"
    r"practice|surgery|pharmacy)|IT|HR)"
)
# Not a person where a workplace or a use follows: "to work in the office", "the one people use"
_NOT_POINTED_AT_WORDS = (
    r"(?:we|people|staff|colleagues|everyone|whoever|work|home|lunch|folk|folks|guys|team|management|head|boss|"
    r"manager|supervisor|someone|somebody|anyone|anybody|nobody|most|many|some|others?|mine|yours|kids|children)"
)
LOWER_CASE_NAME = re.compile(
    # "its": the apostrophe is often not written
    rf"\b(?:(?:this is|it's|its|i'm|i am)\s+(?P<caller>{_LOWER_CASE_NAME_WORD}(?:\s+{_LOWER_CASE_NAME_WORD})?)"
    r"\s+(?:(?:calling|ringing)(?=\s*(?:[,.!?]|$)|\s+(?:about|from|regarding|re|for|on|back|because|to)\b)"
    r"|(?:i'm|i am) (?:calling|ringing)\b|here\b|speaking\b)"
    rf"|(?:my name is|my name's|name's|(?:his|her|their) name (?:is|was))\s+"
    rf"(?P<named>{_LOWER_CASE_NAME_WORD}(?:\s+{_LOWER_CASE_NAME_WORD}){{0,2}})"
    r"(?=\s*(?:[,.!?]|$)|\s+(?:and|calling|from|here|speaking)\b)"
    # one's own name as the call is put through: "you're through to lukasz on renewals how can i help"; a team
    # said there is no name (its word is a business's, checked where this is used)
    rf"|(?:you're|youre|you are|you've been put) (?:through|speaking|connected) to\s+(?P<agent>{_LOWER_CASE_NAME_WORD})"
    r"(?=\s+(?:on|in|at|from|with|here|speaking)\s|\s*[,.!?]?\s+(?:how|what) can i\b)"
    # whose name an account is in: "the account's in my mum's name, grainne o'sullivan-hart"
    rf"|\bin (?:my|his|her|their|our)(?: {_RELATIONS}'?s)? name[,:]?\s+(?:(?:it's|its|that's|which is)\s+)?"
    rf"(?P<holder>(?!{_NOT_HOLDER_WORDS}\b){_LOWER_CASE_ANSWERED_NAME_WORD}"
    rf"(?:\s+{_LOWER_CASE_ANSWERED_NAME_WORD}){{0,2}})(?=\s*(?:[,.!?]|$))"
    rf"|\b{_WILL_BE}\s+(?P<doer>(?!{_NOT_DOER_WORDS}\b){_LOWER_CASE_ANSWERED_NAME_WORD}"
    rf"(?:\s+(?!{_NOT_DOER_WORDS}\b){_LOWER_CASE_ANSWERED_NAME_WORD})?)\s+{_DOING}\b"
    rf"|\b(?:my|our|his|her|their) (?:late |elderly |little |eldest |youngest )?{_LOWER_CASE_KIN},?\s+"
    rf"(?P<kin>{_LOWER_CASE_KIN_NAME_WORD}(?:\s+{_LOWER_CASE_KIN_NAME_WORD}){{0,2}})"
    r"(?=\s*(?:[,.!?]|$)|\s+(?:he|she|he's|she's|hes|shes|who|who's|they|they're)\b)"
    # someone named in passing, or whom one is speaking to: "a letter for someone called gerald fenwick-hart at my
    # address", "you're speaking to eilidh macaskill"
    r"|\b(?:(?:someone|somebody|a (?:man|woman|lady|gentleman|guy|bloke|chap|girl|boy|person)) (?:called|named)"
    r"|(?:you're|youre|you are) (?:speaking|talking) (?:to|with))\s+"
    rf"(?P<called>{_LOWER_CASE_KIN_NAME_WORD}(?:\s+{_LOWER_CASE_KIN_NAME_WORD})?)"
    r"(?=\s*(?:[,.!?]|$)|\s+(?:at|from|on|in|and|but|he|she|who)\b)"
    # someone pointed at by what they use or where they work: "the one kofi uses too", "it goes to bev in the office"
    # (not "a letter from tesco in the shop": whom something goes to or is left with)
    rf"|\bthe (?:one|card|account) (?:that )?(?P<user>(?!(?:{_LOWER_CASE_KIN}|{_NOT_POINTED_AT_WORDS})\b)"
    rf"{_LOWER_CASE_KIN_NAME_WORD})"
    r"(?:'s got| (?:(?:normally|usually|always|also|still) )?(?:uses|used|shares|drives))\b"
    rf"|\b(?:to|with) (?P<colleague>(?!(?:{_LOWER_CASE_KIN}|{_NOT_POINTED_AT_WORDS})\b)"
    rf"{_LOWER_CASE_KIN_NAME_WORD}),? (?:in|on|at) (?:the |our |your |their )?{_WORKPLACES}\b)"
)
LOWER_CASE_NAME_GROUPS = ("caller", "named", "agent", "holder", "doer", "kin", "called", "user", "colleague")
# Addressed by title in lower case ("thank you mister oconnell", "hi miss hwang."): after a greeting or thanks, so
# "miss" is no verb ("I'll miss the bus") and "doctor" no one's doctor.
LOWER_CASE_TITLED_NAME = re.compile(
    r"\b(?:thank you|thanks|hi|hello|hey|sorry|okay|ok|yes|right|alright|great|perfect|bye|goodbye|morning|"
    r"afternoon|evening),?\s+(?:mister|mr|mrs|missus|ms|miss|doctor|dr)\.?\s+"
    rf"(?P<name>{_LOWER_CASE_NAME_WORD})\b"
)
_LOWER_CASE_NAME_ANSWER = re.compile(
    rf"{_NAME_ANSWER_LEAD}(?P<name>{_LOWER_CASE_ANSWERED_NAME_WORD}(?:\s+{_LOWER_CASE_ANSWERED_NAME_WORD}){{1,2}})"
    r"(?=\s*(?:[,.!?]|$))"
)
# The surname, then the whole name: "it's ferreira, joana ferreira"
_LOWER_CASE_SURNAME_THEN_NAME = re.compile(
    rf"{_NAME_ANSWER_LEAD}(?P<name>{_LOWER_CASE_ANSWERED_NAME_WORD}(?:\s+{_LOWER_CASE_ANSWERED_NAME_WORD}){{0,2}})"
    rf"(?=,\s+{_LOWER_CASE_ANSWERED_NAME_WORD}\s+(?:{_LOWER_CASE_ANSWERED_NAME_WORD}\s+)?(?P=name)\s*(?:[,.!?]|$))"
)

# "Grace", "O'Connell", "McKenna", "Smith-Jones"
# Lower-case letters beyond ASCII too: "Wróblewski", "Müller", "Núñez"
# and capitals beyond Latin-1, Central European and Baltic among them: "Łukasz", "Šimková", "Żaneta", "Ārija"
# and Vietnamese capitals with two marks, spelled as written: "N-G-U-Y-Ễ-N"
_CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(
    char for char in [*map(chr, range(0x100, 0x250)), *map(chr, range(0x1E00, 0x1F00))] if char.isupper()
)
_LOWER = rf"[^\W\d_{_CAPITALS}]"
# A word that goes on in lower case after a hyphen is no name: "Mr. Fix-it", "Know-how".
# A name of several words may be heard run together: "AnacManderMurray".
# The second half of a hyphenated name may start with any capital: "Marie-Élise", "Anna-Łucja".
# A given name's second syllable may follow its hyphen in lower case ("Hyun-woo", "Xiao-mei"), a short one that is
# no word English joins so ("Check-in", "Wi-fi", "Know-how").
_NOT_SYLLABLE = (
    r"(?:in|up|on|off|out|it|how|by|ups|ins|ons|end|way|day|all|old|new|fi|op|ed|to|go|do|be|me|man|men|led|run|"
    r"ray|box|car|air|bag|cut|top|pay|fit|for|and|the|ins|use|yes|now|red|sit|set|lay|tie|one|two|ten|log|web|mail|"
    r"line|like|free|made|type|back|down|over|time|year|hand|home|side|wide|less|self|well|only|term|fold|even|ever|"
    r"long|sale|shop|stop|site|work|care|call|book|bank|card|plan|rate|cost|paid|sure|fire|fuel|fast|able)"
)
_HYPHEN_SYLLABLE = rf"-(?!{_NOT_SYLLABLE}(?![a-z])){_LOWER}{{2,4}}(?!-?{_LOWER})"
# (after a first part of three letters or more: not "Wi-fi", "Hi-fi")
# A first part of two letters too, as Korean given names start ("Ji-hoon", "Su-bin"), but for what English joins so or
# a sound makes ("Co-pay", "Re-sent", "Ex-wife", "Uh-huh", "Ha-ha").
_NOT_FIRST_SYLLABLE = (
    r"(?:Re|Co|Hi|Wi|No|So|Go|Bi|De|Be|Ex|Up|Uh|Ah|Oh|Um|Mm|Hm|Ha|Ho|He|Pa|Ma|To|Do|Me|We|By|My|Ok|Un|In|On|Of|Is|It|"
    r"At|As|An|Or|If|Us|Am|Yo|Er|Eh|Hu|Ow|Aw|Ya|La|Lo|Tv|Dj|Pe|Mo|Ta|Ti|Vs|Pm|Eu|Uk|Us)"
)
_NAME = (
    rf"(?:(?!{_NOT_FIRST_SYLLABLE}-)[{_CAPITALS}]{_LOWER}{_HYPHEN_SYLLABLE}"
    # an Italian surname's elided article: "Dell'Acqua", "Sant'Angelo"
    rf"|[{_CAPITALS}](?:'[A-Z])?{_LOWER}+(?:[A-Z]{_LOWER}+){{0,2}}(?:'[{_CAPITALS}]{_LOWER}+)?"
    rf"(?:-[{_CAPITALS}]{_LOWER}+|(?<![{_CAPITALS}]{_LOWER}){_HYPHEN_SYLLABLE})?(?!-?{_LOWER}))"
)
# Said in lower case between the words of a name, or as a capital with no word of its own: "Van der Merwe",
# "Ana de la Cruz", "Pádraig Ó Murchú"
# a Welsh "ap" (son of): "Rhys ap Gwilym"; a Malay "binti" (daughter of): "Siti Aminah binti Yusof"; a surname's
# "St." (Saint): "Marlon St. Hill", "Aaliyah St. Louis"; an Irish woman's "Ní" and "Nic" (daughter of) and "Uí"
# (wife of): "Siobhán Ní Dhomhnaill"
_PARTICLE = (
    r"(?:Ó|Ní|Nic|Uí|van|von|der|den|de|del|della|dela|delos|di|da|du|la|le|dos|das|ter|ten|bin|binti|binte|bint|ibn|al|el|ap|"
    r"St\.)"
)
# An Irish surname's "Ó", a word of one letter, before the rest: "Ó Súilleabháin", "Ó Briain"; or a surname's two
# particles in lower case, as it is written when said alone: "under van der Berg", "it's de la Cruz" (not one alone:
# "it's a van Gogh").
_LEADING_PARTICLE = r"(?:Ó|(?:van|von) (?:der|den|de)|de (?:la|las|los))"
# the next word of a name, with the particles before it
_NEXT_NAME = rf"\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME}"
NOT_NAMES = {
    "Sorry", "Fine", "Good", "Great", "Calling", "Just", "Not", "Here", "The", "Your", "Our", "This", "That",
    "Okay", "Ok", "Yes", "No", "So", "Well", "Thanks", "Thank", "Happy", "Glad", "Looking", "Trying", "Sure",
    "Speaking",  # "Am I speaking to Mrs Kaczmarek?" / "Speaking, yes."
    "Google", "Alexa", "Siri",  # "Okay Google, ...": a voice assistant, not a person
    # "Is that your debit card, Visa?", "it's an Elo card": a card's brand
    "Visa", "Mastercard", "Amex", "Maestro", "Paypal", "PayPal", "Elo", "Hipercard",
    "Still", "Also", "Really", "Very", "Hello", "Hi", "Unable", "Afraid", "Going", "With", "In", "On", "At",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Tomorrow",
    "There", "Everyone", "All", "Again", "Sir", "Madam", "Team", "Guys", "Folks", "Both", "Everybody", "Then",
    "Bye", "Much", "Anyway", "Though", "Morning", "Afternoon", "Evening", "Night", "Love", "Mate", "Mr", "Mrs",
    "Ms", "Miss", "Mx", "Dr", "Doctor", "Mister", "Missus", "Someone", "Somebody", "Nobody", "Anyone", "Anybody",
    "Nothing", "Everything", "Who",
    "Me", "Us", "Myself", "Joint", "Congratulations", "Oh", "Um", "Uh", "Ah", "Er", "Erm", "Hmm", "Yeah", "Yep",
    "God",  # "my nan, God rest her, ..."
    # family said to as what they are: "Hi Mum", "Sorry Dad, one sec"
    "Mum", "Dad", "Mom", "Mam", "Mummy", "Daddy", "Mommy", "Mammy", "Gran", "Granny", "Grandma", "Grandpa", "Nan",
    "Goodbye",
    # thanks, greetings and "I am" in the languages callers switch to: "Hola Javier", "Soy Lucía"
    "Hola", "Gracias", "Danke", "Merci", "Grazie", "Obrigado", "Obrigada", "Tack", "Bonjour", "Ciao", "Hallo", "Hej",
    "Salamat", "Asante", "Soy", "Adios", "Adiós",
    # what Whisper makes of "ma'am", of the Filipino "po" said to be polite, and of "thanks": "And your name, Mem?",
    # "Sure, Po.", "Enks."
    "Mem", "Po", "Enks", "Anx", "Anks",
    "Tussauds",  # "Madame Tussauds": a museum, not a woman
    # firms callers name as if a person ("Amazon said I should call back", "Tesco told me to ring you")
    "Amazon", "Apple", "Microsoft", "Netflix", "Tesco", "Asda", "Argos", "Lidl", "Aldi", "Ikea", "Vodafone",
    "Verizon", "Comcast", "Uber", "Samsung", "Facebook", "Instagram", "Spotify", "Walmart", "Costco", "Ebay", "Etsy",
    # mobile networks, named after a number: "Number is 0722 448 190. It's Safaricom."
    "Safaricom", "Airtel", "Vodacom", "Telkom", "Digicel", "Telstra", "Optus", "Jio",
    *(word.capitalize() for word in YES_ABROAD),
}  # fmt: skip
# Of those, the words that are surnames too, after a first name: "she's Akosua Asante", "It's Darlene Love"
SURNAMES_TOO = {"Asante", "Love"}
# Words of a business's or department's name: "Northgate Veterinary calling", "Harbourview Dental speaking" announce a
# business, not a person.
BUSINESS_WORDS = {
    "Veterinary", "Vet", "Vets", "Clinic", "Dental", "Dentistry", "Pharmacy", "Bank", "Banking", "Insurance",
    "Services", "Service", "Solutions", "Company", "Co", "Ltd", "Inc", "Llc", "Group", "Hospital", "Surgery",
    "Motors", "Energy", "Electric", "Utilities", "Water", "Gas", "Telecom", "Mobile", "Wireless", "Airlines",
    "Airways", "Travel", "Hotel", "Hotels", "Resort", "Furniture", "Store", "Stores", "Shop", "Market", "Pizza",
    "Restaurant", "Garage", "Auto", "Medical", "Health", "Healthcare", "Care", "Credit", "Union", "Finance",
    "Financial", "Capital", "Realty", "Properties", "Estates", "Housing", "Council", "Office", "Department",
    "Support", "Desk", "Centre", "Center", "Practice", "Associates", "Partners", "Law", "Legal", "Logistics",
    "Delivery", "Deliveries", "Couriers", "Express", "Ferries", "Library", "School", "University", "College",
    "Academy", "Studio", "Studios", "Salon", "Spa", "Fitness", "Gym", "Plumbing", "Heating", "Cleaning", "Repairs",
    "Systems", "Technologies", "Tech", "Labs", "Optical", "Opticians", "Vision", "Physio", "Physiotherapy",
    "Kennels", "Grooming", "Animal", "Pets", "Florist", "Bakery", "Books", "Broadband", "Internet", "Cable",
    "Billing", "Claims", "Sales", "Accounts", "Reception", "Street", "Road", "Avenue", "Help", "Helpdesk", "Customer",
    "Customers", "Relations", "Complaints", "Returns", "Membership", "Plus", "Premium", "Warranty", "Plan", "Cover",
    "Protection", "Package", "Bundle",
    # teams a call is put through to: "you're through to renewals"
    "Renewals", "Bookings", "Payments", "Collections", "Retentions", "Enquiries", "Inquiries", "Lending",
    "Mortgages", "Pensions", "Savings", "Fraud", "Disputes", "Switchboard", "Admissions", "Appointments", "Orders",
    "Dispatch", "Operations", "Technical", "Onboarding", "Cancellations", "Lettings", "Maintenance", "Underwriting",
    "Quotes", "Servicing", "Voicemail", "Reservations", "Refunds",
    "Mail", "Post", "Courier",  # "it'll be Royal Mail collecting it"
}  # fmt: skip
TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)"
# Courtesy titles of other languages, and "ma'am" or "sir" said before a name, as in Filipino or Indian English: said
# to a caller before their name ("Gracias, señora Ana Gómez", "Danke, Frau Strauß", "Salamat po, Ma'am Rosario"),
# capitalised or not; Whisper writes "Ms." as "MS." and "ma'am" as "ma 'am". Never in capitals alone: "PAN" is India's
# tax number, "MS Word" a program.
COURTESY_TITLES = (
    r"(?:[Hh]err|[Ff]rau|[Ss]eñor(?:a|ita)?|[Ss]r(?:a|ta)?\.|[Dd]on|[Dd]oña|[Ss]enhor(?:a)?|[Ss]ignor(?:a|e|ina)?|"
    r"[Mm]onsieur|[Mm]adame?|[Mm]ademoiselle|Mme\.?|Mlle\.?|[Mm]eneer|[Mm]evrouw|Pan|[Pp]ani|[Mm]a ?'am|[Ss]ir|"
    r"MS\.|MR\.|MRS\.)"
)
# A name's initials before it: "M. J. Abernathy", "S. Karthikeyan"; not a time's "P.M." nor a country's "U.S.". Or
# capitals alone, as Whisper writes initials: "under G Mensah", "K L M Dube".
INITIALS = r"(?!(?:[AaPp]\.[Mm]\.|U\.[SK]\.))(?:(?:[A-Z]\.\s?){1,3}\s*|(?:[A-Z]\s){1,3})"
# After initials, one particle in lower case starts a surname ("J. P. van Rensburg"); alone, it may be a street's or a
# painter's ("This is la Rambla").
_PARTICLE_AFTER_INITIALS = r"(?:(?<=[A-Z]\s)|(?<=[A-Z]\.\s))(?:van|von|de|du|da|di|le|la)\s+"
_MAY_HAVE_AS = (
    r"(?:you|you'll|you will|you'd|you would|we|we'll|they|they'll|"
    r"(?:the|your) (?:bank|system|records?|file|account|computer|database|company|office))"
    r"(?: probably| might| may| should| would| will|"
    r" still)? (?:have|see|find) (?:it|me|him|her|them|us)(?: down| listed| on file| on record| on the system)? as"
)
_KIN_AGE = r"(?:late |elderly |little |eldest |youngest |older |younger |oldest )?"
# "my wife is Anneke", "my son is called Kai", "my pal's called Aileen Drummond"
_KIN_IS = (
    rf"(?:my|our|his|her|their) {_KIN_AGE}(?:{_LOWER_CASE_KIN}|pal|mate|buddy)"
    r"(?: (?:is|was)(?: called| named)?|'s (?:called|named))"
)
NAME_CUES = re.compile(
    r"(?:\b(?i:my name is|my name's|name is|name was|the name is|name's|i am|i'm|this is|it's|its|it was|he's|she's|"
    # "names" for the name on an account, as East Africans say it: "..., 0722 458 913, names Wanjiru Kamau"
    r"(?<=,\s)names|"
    # one's own name in the languages callers and agents switch to: "soy María José", "le atiende Javier"
    r"soy|me llamo|mi nombre es|(?:le|te) atiende|(?:le|te) habla|je m'appelle|ich heiße|mein name ist|"
    r"hier ist|mi chiamo|me chamo|meu nome é|nazywam się|mam na imię|ik heet|mijn naam is|jag heter|jeg heter|"
    r"jmenuji se|zovem se|"
    r"he is|she is|speaking with|talking to|"
    # one's own name as the call is put through: "You're through to Ines at ...", "you're speaking to Tomas"
    r"(?:you're|you are|you've been put) (?:through|speaking|connected) to|"
    r"you've reached|you have reached|(?:first|last|middle|family|given|maiden|sur|full) ?name(?: is|'s)?,?|"
    # a maiden name after the married one: "Siobhan Ryan, née Kavanagh"
    r"n[ée]e|"
    # the name after what it is given with, after a comma: "Send it to my M-Pesa, 0722 418 905, name Wanjiru Kamau"
    r"(?<=,\s)name|"
    # whose an account, card or policy is: "The account holder is Ifeoma Eze", "the policyholder's Jo Reyes"
    r"(?:(?:account|card|policy|joint|primary) ?holder|beneficiary|payee|recipient|deceased|insured)"
    r"(?: is| as|'s| was)?,?|"
    # whom a parcel goes to: "The addressee is Rosa Lim", "Receiver is ..."
    r"(?:addressee|consignee|receiver)(?: is|'s| will be)|"
    # whom a booking or a visit is for, by their role (a full name only: "the patient is Ahmed bin Rashid Al-Mansoori",
    # not "the guest is Hilton Honors")
    r"the (?:patient|passenger|guest|student|tenant|applicant|traveller|traveler|resident|pupil|neighbour|neighbor|"
    r"landlord|landlady|lodger|other driver)(?: is|'s| will be)|"
    # a newborn or child named: "and the baby is Zain"
    r"the (?:baby|newborn|infant|little one)(?: is|'s| will be)(?: called| named)?|"
    # read from the records: "I have the payee as Ines Vidal", "what I have: Ada Lowe, 4 Elm Road"
    r"(?:i have|i've got) (?:you|it|them|him|her) (?:down )?as|i have(?: here| on file| on record)?:|"
    # the name the records show, a full name only: "It's showing as Gillian Routledge in HR", "the account comes up
    # under Ada Lowe"
    r"(?:showing|shows|comes up|coming up) (?:as|under)|"
    # how the records may have it, a weak cue: "You'll probably have it as Rory Fitzpatrick", "they might have me as"
    rf"{_MAY_HAVE_AS}|"
    # one's family named: "my wife is Anneke de Vries", "it's my partner's, Alexandre Lopes" (a full name after "is")
    # or counted: "One son, Kai", "a daughter, Mia, aged six"
    rf"{_KIN_IS}|(?:my|our|his|her|their|one|a|an) {_KIN_AGE}{_LOWER_CASE_KIN}(?:'s)?,|"
    # whom something is under or for, or whom to ask for: "it's under Ana Ruiz", "addressed to Li Wei", "ask for Sam"
    r"(?:it's|it is|it was|it(?:'ll| will|'d| would| should| might| may| must) be|is|was|all|put it|book it|booked|"
    r"registered|listed|reserved) under|"
    # "The account's under Ana Ruiz"; without the "'s" a weak cue: "Reservation under Kowalczyk, party of four"
    r"(?:account|booking|reservation|order|policy|appointment|card|subscription|membership)(?:'s)? under|"
    # ... also in the languages callers switch to: "a nombre de Alejandro Ruiz", "em nome de", "au nom de"
    r"(?:addressed|made out|made payable|payable) to|in the name of|under the name(?: of)?|a nombre de|em nome de"
    r"|au nom de|op naam van|auf den namen|a nome di|"
    # whom a vehicle, a phone or a licence is registered to (a full name only: "registered to Ford Motor Credit")
    r"registered to|"
    # whom post is sent through: "..., care of Ruth Obi"
    r"care of|"
    # whom what was said before the comma is under, a full name: "registered at 9 Elm Way, Didcot, under Jo Reyes"
    rf"(?<=,\s)under(?-i:(?=\s+{_NAME}\s+{_NAME}\s*(?:[.!?]|$)))|"
    # what one is called (a weak cue): "You can call me Bertie", "I go by Sunny"
    r"(?:call|calls|called) me|(?:i|we|he|she) go(?:es)? by|"
    # whom a booking is for: "The booking's for Harriet Oyelaran", "a table for Chen" (a weak cue: not "a table for
    # Four Seasons brunch")
    r"(?:booking|reservation|table|appointment|ticket|room)(?:'s| is| was)? for|"
    # whom a message is left for, or who took something: "leave a message for Kwame", "signed for by Shauna"
    r"(?:leave|leaving|left|pass|passing|give|take|taking) (?:a |the )?(?:message|note) (?:for|to)|"
    r"say (?:hi|hello) to|(?:signed for|collected|picked up) by|"
    # the name where it is written of one's own: "my name there is ...", "Name on the card is ..." (not "the name on
    # the box")
    r"name (?:there|on (?:it|file|record|(?:(?:the|my|your|his|her) )?(?:account|card|policy|booking|reservation|"
    # or after a comma: "Name on the card, Ana Ruiz"; or said short: "name on card Gerald Finch"
    # whose name is on the door: "the name on the door is Vosskamp-Ilić", "name on the buzzer's Okafor"
    r"order|licen[cs]e|passport|lease|ticket|certificate|id|form|application|deed|contract|door|buzzer|bell|"
    r"doorbell|letterbox|mailbox|postbox|intercom)))(?: is|'s| was|,)?|"
    # whom a booking or list is put under: "Put me down as Tom Okafor", "book us in as ..."
    r"(?:put|book|sign|write) (?:me|us|him|her|them) (?:down|in|up) as|"
    # someone named in passing: "a letter for someone called Gerald Fenwick", "a lady named Ruth Obi"
    # "some guy called... Bjørn?": said with "some", a hesitation before the name
    r"(?:someone|somebody|(?:a|some) (?:man|woman|lady|gentleman|guy|bloke|chap|fella|fellow|lad|lass|girl|boy|"
    r"person)) (?:called|named)(?:\.\.\.|\u2026)?|"
    # ... or who came out or dealt with it, by their role: "The captain was named Pollard.", "the officer was called"
    r"the (?:captain|officer|inspector|sergeant|constable|fireman|firefighter|paramedic|driver|engineer|technician|"
    r"manager|supervisor|nurse|doctor|agent|adviser|advisor|rep|lady|man|woman|guy|chap) (?:was|is) (?:called|named)|"
    # ... or who is of one's household or cares for one: "The carer is called Blessing.", "the lodger's called Femi"
    rf"the {_LOWER_CASE_KIN}(?: (?:was|is)|'s) (?:called|named)|"
    # whose name it is in: "It's in my husband's name, Tomasz Wieczorek"
    rf"in (?:my|his|her|their|our)(?: {_RELATIONS}'?s)? name,?|"
    # ... also someone one did not know before: "I called yesterday and spoke to a Deborah"
    r"(?:ask|asking|asked) for|(?:speak|spoke|spoken|talk|talked) (?:to|with)(?: an?(?=\s+[A-Z]))?|"
    # the speaker naming themself as whom the talk is of: "The owner is me, Yolanda Casilanos."
    r"(?:is|it's) me,|"
    # a name one had or goes by beside another: "Formerly Jessica Holt, now ...", "Known as Mac, but ...", "My
    # nickname's Bunmi, it's short for Olubunmi"; and the name one has now, after the one before it (below)
    r"formerly|(?:also |better |otherwise )?known as|nickname(?:'s| is| was)?,?|short for|(?<=,\s)now)"
    r"(?:\s+|,\s+(?=(?i:uh|um|er|erm)\b))(?:(?i:uh|um|er|erm),?\s+)?"  # "this is uh Yusuf", "her name was, uh, Bim"
    # a title, or "Doctor" written in full with its capital ("with Doctor Patel"; not "the doctor"), or a post held
    # by a person, capitalised before their name ("Attorney Rosalind Pack will call you"; not a thing's name: "the
    # Attorney General", "a Detective Story")
    rf"|\b(?:{TITLES}\.?|Doctor)\s+"
    # ... or a cleric's ("Father Michael Kearney", "Imam Yusuf"; not "Brother", a printer's make)
    r"|(?<!\b[Tt]he )(?<!\b[Aa] )(?<!\b[Aa]n )\b(?:Attorney|Detective|Sergeant|Constable|Professor|Pastor|Reverend|"
    r"Father|Sister|Imam|Rabbi|Canon|Deacon|Bishop|Monsignor)\s+"
    rf"|(?<![\w'-]){COURTESY_TITLES}\s+"
    # a relative called by what they are to the speaker, capitalised as a title: "Auntie Folake", "Uncle Tunde"
    r"|(?<![\w'-])(?:Auntie|Aunty|Aunt|Uncle|Cousin|Grandma|Grandpa|Granny|Nana)\s+)"
    # (a title is no name alone: "It's Doctor, actually.")
    rf"(?P<initials>{INITIALS})?(?P<name>(?!(?:{TITLES}|Doctor|Mister|Missus)\b)"
    rf"(?:{_LEADING_PARTICLE}\s+|{_PARTICLE_AFTER_INITIALS})?{_NAME}(?:{_NEXT_NAME}){{0,3}})"
)
# "..., under Jo Reyes" names whom a thing is held under only where the sentence says it was put in a name.
HELD_UNDER = re.compile(
    # or the thing held named with its number: "It's booking XK44P, under Fatima Bello"
    r"\b(?i:registered|booked|reserved|listed|filed|opened|held|taken out|set up|put|made|in (?:the|a) name"
    r"|booking|reservation|order|policy|account)\b"
    r"[^.!?]*,\s*$"
)
# A name said before what it is of the speaker's: "Park is my family name", "Okafor's her maiden name", "Siobhán is
# my first name, but ..."; not a pronoun: "It's my name then the year, so ..."
NAME_BEFORE_TOLD = re.compile(
    r"(?<![\w'-])(?!(?:It|That|This|What|Which|There|Here|Mine|Yours|Hers|His)\b)"
    rf"(?P<name>{_NAME}(?:{_NEXT_NAME}){{0,2}})(?:'s|\s+is|\s+was|(?P<apart>,\s+(?:that's|that is|it's|it is)))\s+"
    r"(?:my|his|her|their|our)\s+"
    # or a name one works or performs under: "Dolly Dagger, that's my stage name"
    r"(?:(?:family|first|last|middle|given|maiden|married|legal|full|christian|real|proper|stage|pen|screen|"
    r"professional)\s+|sur)?name\b"
)
# A name whose details are asked for or given: "And Lachlan's date of birth?", "What's Pooja's number?"
NAME_OWNING_DETAILS = re.compile(
    rf"(?<![\w'-])(?P<name>{_NAME}(?:{_NEXT_NAME})?)'s\s+"
    r"(?:(?P<where>(?i:address|postcode|zip code))|(?i:date of birth|birthday|dob|d\.?o\.?b\.?|e-?mail|phone|mobile|"
    r"cell|number|middle name|surname|last name|full name|social|ssn|passport|account number|policy number|"
    r"member number))\b"
)
# A name whose order is told right after it, the words however heard: "Matsumoto Yuki, family name first", "Nguyen Van
# An, surname first" (not "Surname first, then the given name": the order told before any name; nor the question,
# "And the name, family name first?").
_NOT_ORDERED_NAME_WORD = r"(?!(?i:surname|family|last|first|given|name|and|the|your|my|his|her|please|so|now)\b)"
NAME_ORDER_TOLD = re.compile(
    r"(?:^|(?<=[.!?]\s))\s*(?:(?i:it's|its|it is|that's|that is|so)\s+)?"
    rf"(?P<name>{_NOT_ORDERED_NAME_WORD}[^\W\d_][\w'-]*(?:\s+{_NOT_ORDERED_NAME_WORD}[^\W\d_][\w'-]*){{0,2}}),?\s+"
    r"(?i:(?:the )?(?:family|last|sur) ?name (?:first|comes first|goes first)|(?:first|given) name (?:last|second))\b"
    r"(?![^.!?]*\?)"
)
# Someone listed with their age: "Two kids, Ava who's eleven and Noah who's eight", "my nephews, Kai, aged 6".
_AGE = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)"
)
NAMED_WITH_AGE = re.compile(
    rf"(?:,|\band)\s+(?P<name>{_NAME}(?:{_NEXT_NAME})?),?\s+(?:who's|who is|aged)\s+{_AGE}"
    r"(?!\s*(?:%|percent|per cent|pounds|dollars|euros|minutes|hours|days|weeks|months)\b)(?![\w.,]\d)\b"
)
# A relative named after a comma in capitals, as recognition writes a name it does not know: "me and my daughter,
# FUF." (Efua); not letters that stand for something ("my son, ASAP", "my wife, OK?").
KIN_NAMED_IN_CAPITALS = re.compile(
    rf"\b(?i:my|our|his|her|their) {_KIN_AGE}{_LOWER_CASE_KIN},\s+"
    r"(?P<name>(?!(?:OK|ASAP|FYI|TBC|TBD|USA|UK|UAE|NHS|ATM|PIN|SMS|GP|ID|DOB|NI|PO|AM|PM|TV|IT|HR|CEO)\b)[A-Z]{3,12})"
    r"(?=\s*[.!]?\s*$|\s*[.!]\s)"
)
# After "this is", "it's", "I am": only a name followed by what people say after their name counts.
WEAK_CUES = re.compile(
    r"(?i:this is|it's|its|it was|he's|she's|he is|she is|i am|i'm|you've reached|you have reached|"
    r"(?:put|book|sign|write) (?:me|us|him|her|them) (?:down|in|up) as|"
    r"(?:booking|reservation|table|appointment|ticket|room)(?:'s| is| was)? for|"
    r"(?:account|booking|reservation|order|policy|appointment|card|subscription|membership) under|"
    r"(?:call|calls|called) me|(?:i|we|he|she) go(?:es)? by|"
    rf"{_MAY_HAVE_AS}|{_KIN_IS})\s+"
    r"(?:(?i:uh|um|er|erm),?\s+)?$"
)
# Only a full name after these: "he's Canadian", "the receiver is Bluetooth" (a device).
THIRD_PERSON_CUE = re.compile(
    r"(?i:he's|she's|he is|she is|receiver(?: is|'s| will be)|"
    # "my son is Canadian", "my wife is English Heritage staff"; but "my son is called Kai"
    # or whose a thing is, a full name after it: "it's my partner's, Alexandre Lopes"; not "the car's my dad's, Bertie"
    rf"(?:my|our|his|her|their) {_KIN_AGE}{_LOWER_CASE_KIN}(?: is| was|'s,)|registered to|"
    # what the records show: "It's showing as Gillian Routledge"; not "showing as Dispatched"
    r"(?:showing|shows|comes up|coming up) (?:as|under)|"
    r"the (?:patient|passenger|guest|student|tenant|applicant|traveller|traveler|resident|pupil)(?: is|'s| will be))"
    r"\s+(?:(?i:uh|um|er|erm),?\s+)?$"
)
# What follows "<name> here" when one announces oneself: the end of what is said, or whence and why ("Kevin here
# from accounts", "Ines here at Harbour Dental", "Sam here again"); not "Calls here get taped", "Prices here are".
_ANNOUNCED_HERE = (
    r"(?=\s*(?:[,.!?;:]|$)|\s+(?:from|with|again|calling|speaking|to help|for you)\b|\s+(?:at|in|on)\s+[A-Z])"
)
# Thanks and greetings said before a name: very many thanks in English, and in the languages callers switch to.
_THANKS_AND_GREETINGS = (
    r"(?:thank you|thanks) (?:very|so) much|thanks a (?:million|lot|bunch|mil)|many thanks|you're welcome|"
    r"danke(?: schön| sehr)?|(?:muchas )?gracias|obrigad[oa]|"
    r"grazie(?: mille)?|merci(?: beaucoup)?|tack(?: så mycket)?|dank je(?: wel)?|bedankt|salamat(?: po)?|"
    r"asante(?: sana)?|hola|bonjour|bonsoir|buenos días|buenas tardes|buenas noches|buongiorno|ciao|hallo|guten tag|"
    r"hej|olá|bom dia|boa tarde|diolch(?: yn fawr)?|shukriya|dhanyavaad|dhanyavad|terima kasih|kiitos|takk|"
    r"spasibo|shukran|kia ora|ngiyabonga|xie xie|merhaba|marhaba|jambo|habari|namaste|namaskar|vanakkam"
)
# A name said to greet or thank someone ("Hi Daniel,", "Thanks Grace."), or to announce oneself ("Kevin here").
GREETED = re.compile(
    # "Okay Zanele, I've found ...": said to whom one is talking, a comma after the name; thanks in the middle of a
    # sentence too: "Great, thanks Imran!"
    r"\b(?:Hi|Hello|Hey|(?i:thanks|thank you|sorry)|Bye|Goodbye|Morning|Cheers|Dear|Okay|OK|Alright|All right|"
    # thanks, or very many, and greetings in the languages callers switch to: "Tack, Karin Lindqvist.", "Hola Javier,",
    # "Merci beaucoup, Camille."
    rf"(?i:{_THANKS_AND_GREETINGS})|"
    # "Thanks" opening a segment as Whisper hears it from synthetic speech: "Anx, Jasmine.", "Enx, Calum, and ..."
    r"^(?i:anx|enx|anks|enks|hanks|hank's|tanks))\s*,?\s+"
    # an honorific may follow the name: "Thank you Rohit ji."
    rf"(?P<name>{_NAME}(?:\s+{_NAME})?)(?=(?:\s(?:ji|san|sama))?\s*[,.!?]|$)"
    # a name of three words too: "Jean François Tremblay here"; but "Calls here get taped" says where
    rf"|(?:^|(?<=[.,!?]\s))(?P<self>{_NAME}(?:\s+{_NAME}){{0,2}})\s+(?:here{_ANNOUNCED_HERE}|speaking\b)"
    # "Bartholomew calling about ...", "Dana Ruiz calling from ...": one's own name before "calling"
    rf"|(?:^|(?<=[.,!?]\s))(?P<caller>{_NAME}(?:\s+{_NAME}){{0,2}})\s+calling\b"
    # or, a full name, as a sentence of its own that opens the turn: "Tendai Moyo. Calling about my bill."
    rf"|^(?P<opener>{_NAME}(?:{_NEXT_NAME}){{1,3}})\.\s+(?:(?:I'm|I am)\s+)?(?i:calling|ringing|phoning)\b"
    # whom the agent booked in: "I've booked Ines Vidal in at the clinic"
    rf"|\b(?i:booked|book|pencilled|penciled|squeezed|fitted)\s+(?P<booked_in>(?!{_WHEN_NAMES}\b){_NAME}"
    rf"(?:{_NEXT_NAME}){{0,3}})\s+in\s+(?i:at|for|with|on|to)\b"
    # whoever told the caller to call again, a colleague: "Priya said I should ring back today", "Dan told me to call"
    rf"|(?:^|(?<=[.,!?]\s))(?P<adviser>(?!{_WHEN_NAMES}\b){_NAME}(?:\s+{_NAME})?)\s+(?:said\s+(?:that\s+)?"
    r"(?:I|we)\s+(?:should|could|would|had to|have to|need to|needed to|must|can|'d)|told\s+(?:me|us)\s+to)\s+"
    r"(?i:ring|call|phone|try)\s+(?:back|again|today|tomorrow|in|this)\b"
    # Said back after an acknowledgement: "Sure, Karin. For the application ..."
    r"|\b(?:Sure|Okay|OK|Right|Certainly|Of course|Perfect|Lovely|Alright|All right|Absolutely|No problem),\s+"
    rf"(?P<acknowledged>{_NAME})(?=[.!]\s+[A-Z]|,\s)"
    # said to whom one helps, after what one does for them: "I can help with that, Laura."
    r"|\b(?i:help(?: you)? with that|sort that(?: out)? for you|do that for you|look into that for you|no problem|"
    # ... or after saying one has it: "Got you, Tomás.", "Got it, Mark."
    r"no worries|not at all|got you|got it|gotcha)\s*,\s+"
    rf"(?P<helped>(?!{_WHEN_NAMES}\b){_NAME})(?=\s*[.!?]|,\s)"
    # A relative or someone one speaks for, named: "on behalf of my father, Anselm Richter, he's ..."
    r"|\b(?i:(?:(?:my|our|his|her|their|your)\s+(?:late\s+|elderly\s+)?(?:father|mother|dad|daddy|papa|mum|mom|mam"
    r"|mammy|mummy|mommy|mama|husband|wife|son|"
    r"daughter|brother|sister|partner|grandmother|grandfather|grandma|grandpa|granddaughter|grandson|aunt|uncle|"
    r"niece|nephew|cousin|fianc[eé]e?|boyfriend|girlfriend|stepfather|stepmother|stepson|stepdaughter|"
    r"father-in-law|mother-in-law|son-in-law|daughter-in-law|brother-in-law|sister-in-law|"
    # ... fostered or a godchild: "my foster daughter, Kayla", "my godson Thabo"
    r"foster (?:son|daughter|child|kid|mum|mom|mother|dad|father|carer|parent)|"
    r"godson|goddaughter|godchild|godmother|godfather)(?:'s name)?|on behalf of"
    # someone of one's household or a colleague named in passing: "my neighbour Gladys took me", "your colleague,
    # Priya I think"
    # where a neighbour lives may come between: "my upstairs neighbor Tom", "my next-door neighbour Gladys"
    r"|(?:my|our|his|her|their|your)\s+(?:(?:upstairs|downstairs|next-door|next door|old|new)\s+)?"
    r"(?:neighbour|neighbor|tenant|lodger|landlord|landlady|flatmate|housemate|"
    r"roommate|carer|friend|colleague|manager|supervisor|boss|team leader|team lead|line manager|assistant|secretary|"
    r"caseworker|case worker|adviser|advisor|solicitor|accountant|representative|"
    # ... or who minds one's children, or supports one: "our babysitter Maisie was in", "my social worker Tendai"
    r"nanny|babysitter|childminder|au pair|housekeeper|social worker|support worker|key worker|keyworker|sponsor)"
    # ... or "the" one, named between commas: "The landlord, Pansy Linsky, said the flat was fine"
    r"|the\s+(?:landlord|landlady|tenant|lodger|caretaker|carer|neighbour|neighbor|caseworker|solicitor|accountant|"
    r"nanny|babysitter|childminder|locum|"
    # ... or at a wedding: "The best man, Rory Gallagher, paid the deposit."
    r"best man|bridesmaid|maid of honou?r|matron of honou?r)"
    r"(?=,))),?\s+"
    # when they were born may follow, heard capitalised: "Our son Diego Born November 9, 2018"
    rf"(?P<relative>{_NAME}(?:{_NEXT_NAME}){{0,2}})"
    r"(?=\s*[,.!?;]|\s+[a-z]|\s+I think\b|'s\s|\s+I(?:'\w+)?\s|\s+(?i:born)\b|$)"
    # whoever is sent or assigned to the caller, named by their work: "We'll assign an investigator, Laura Whitfield",
    # "your nurse is Lerato", "the driver was Edson" (not a firm that does it: no courier, host or platform)
    r"|\b(?i:(?:my|our|your|the|an?|his|her|their)\s+(?:assigned\s+|allocated\s+|named\s+)?(?:engineer|technician|"
    r"investigator|assessor|loss adjuster|adjuster|inspector|surveyor|installer|fitter|midwife|driver|"
    # ... or who calls on the caller or oversees them: "the district nurse, Mrs. Adeyemi", "my probation officer,
    # Gareth Lewis", "the health visitor, Sinead, came"
    r"(?:district |practice |community |school )?nurse|health visitor|warden|"
    r"(?:probation|parole|housing|welfare|liaison) officer|"
    # ... who sees to one's faith, or sees children across the road: "The chaplain, Father Michael Kearney, said ..."
    r"chaplain|vicar|priest|pastor|rabbi|imam|lollipop (?:lady|man)|crossing guard|"
    r"case handler|claims handler|handler|case manager|case officer|caseworker|case worker|account manager|"
    r"relationship manager|coordinator|co-ordinator|instructor|tutor|teacher|"
    r"therapist|physio|counsellor|counselor|interpreter|paralegal|attorney|lawyer|solicitor|plumber|electrician|"
    # what they see to may come between: "the adjuster for your area is Paul Kinsella"
    r"locksmith|mechanic|valuer|dentist|vet|hygienist|optician)"
    r"(?:\s+(?:for|on|handling|dealing with)\s+(?:your|the|this)\s+(?:area|case|claim|account|region|file|job))?"
    r"(?:,|\s+(?:is|was|will be|'ll be))?)\s+"
    rf"(?P<worker>(?!{_WHEN_NAMES}\b){_NAME}(?:{_NEXT_NAME})?)"
    r"(?=\s*[,.!?;]|\s+(?:will|is|and|who|from|at|on|to|has|said|can|should)\b|$)"
    # whose a relative's thing is, named after it: "My wife's cell, that's Renata, is ..."
    r"|\b(?i:(?:my|our|his|her|their)\s+(?:husband|wife|partner|son|daughter|mother|mum|mom|father|dad|brother|"
    r"sister|grandmother|grandfather|grandma|grandpa|aunt|uncle|niece|nephew|cousin)'s\s+[a-z]+),?\s+"
    rf"(?i:that's|that is|who's|who is|called|named)\s+(?P<relatives>{_NAME}(?:\s+{_NAME})?)(?=\s*[,.!?;])"
    # who will do something: "it'll be Rukhsana collecting it, not me" (a day or month there is when)
    rf"|\b(?i:{_WILL_BE})\s+(?P<doer>(?!{_WHEN_NAMES}\b){_NAME}(?:\s+{_NAME})?)\s+(?i:{_DOING})\b"
    # said to whom one asks, after what is asked for: "And the account number, Marisol?" (no place or number in it:
    # "the same address, 12 Elm Road, Tulsa?")
    r"|\b(?i:your|the)\s+(?:[A-Za-z][a-z'-]*\s+){0,4}[A-Za-z][a-z'-]*,\s+"
    rf"(?P<asked>(?!{_WHEN_NAMES}\b){_NAME})\?\s*$"
    # someone named, then what of theirs follows: "Yeah, Thandiwe, her cell is ...", "Olu, his email's ..."
    rf"|(?:^|(?<=[.,!?]\s))(?P<whose>{_NAME}(?:{_NEXT_NAME})?),\s+(?i:her|his)\s+(?:\w+\s+)?(?i:cell|mobile|phone|"
    r"number|e-?mail|birthday|date of birth|dob|address)\b"
    # whose a person's own number or birthday is: "And the Medicare number for Noah?", "date of birth for Aroha?"
    r"|\b(?i:date of birth|birthday|dob|medicare(?: number)?|medicaid(?: number)?|nhs number|social security number|"
    rf"ssn|passport number|middle name|age)\s+(?i:for|of)\s+(?P<owner>(?!{_WHEN_NAMES}\b){_NAME}(?:{_NEXT_NAME})?)"
    r"(?=\s*[,.!?]|$)"
    # someone a message that one called is left for, who knows the caller: "Could you tell Mike I called?", "let
    # Aoife know I rang" (not "tell Amazon I want a refund", "ask Tesco to call me back")
    rf"|\b(?i:tell|let)\s+(?P<told>(?!{_WHEN_NAMES}\b){_NAME}(?:\s+{_NAME})?)"
    r"\s+(?:know\s+)?(?:that\s+)?(?:I|we)(?:'ve)?\s+(?:called|rang|rung|phoned|been in touch)\b"
    # someone pointed at by what they use: "the one Kofi uses too", "the card Ines has got"
    r"|\b(?i:the (?:one|card|account|number|address|e-?mail|phone|car|login|log-in))\s+(?:(?i:that)\s+)?"
    rf"(?P<user>(?!{_WHEN_NAMES}\b){_NAME}(?:\s+{_NAME})?)(?:'s got|\s+(?i:(?:normally |usually |always |also |still )?"
    r"(?:uses|used|has|had|has got|shares|drives|owns|pays with|paid with|set up|opened|gave (?:me|us))))\b"
    # or by where they work: "it goes to Marta in accounts", "a call from Dev on reception", "to Ruth at the front desk"
    rf"|\b(?i:to|from|for|with)\s+(?P<colleague>(?!{_WHEN_NAMES}\b){_NAME}(?:\s+{_NAME})?),?\s+"
    rf"(?i:in|on|at|from|over in|down in|up in)\s+(?:(?i:the|our|your|their)\s+)?{_WORKPLACES}\b"
    # one's own relation to someone named: "I'm Yuki's mum, calling about ..."
    rf"|\b(?i:i'm|i am|this is|it's)\s+(?P<kin_of>(?!{_WHEN_NAMES}\b){_NAME})'s\s+(?i:{_RELATIONS}|mam|mummy|daddy|"
    r"guardian|carer|neighbour|neighbor|landlord|landlady|flatmate|friend|boss|colleague)\b"
    # someone named, then who they are to the speaker: "I'm with Declan, my partner, ..."
    # (looked ahead at, not taken: the relative may be named next, "me, Aisha Karimi, my husband Reza")
    rf"|(?<![\w'])(?P<appositive>(?!{_WHEN_NAMES}\b){_NAME}(?:{_NEXT_NAME})?)(?=,\s+(?i:my|our)\s+(?:(?i:{_RELATIONS})|"
    r"(?i:partner|fianc[eé]e?|boyfriend|girlfriend|carer|neighbour|neighbor|flatmate|housemate|landlord|landlady|"
    r"colleague|friend|son-in-law|daughter-in-law|mother-in-law|father-in-law))\b)"
    # whose call one returns: "this is Lars returning a call from Sandra"
    rf"|\b(?i:returning (?:a|your|the|her|his) (?:missed )?(?:call|message|voicemail) from)\s+"
    rf"(?P<returned>(?!{_WHEN_NAMES}\b){_NAME}(?:{_NEXT_NAME})?)(?=\s*[,.!?]|$)"
    # a relative's thing, then the relative's name: "It's my father's policy, Patrick Flynn."
    rf"|\b(?i:my|our)\s+(?i:{_RELATIONS})'s\s+(?i:[a-z]+),\s+(?P<kin_thing>{_NAME}(?:{_NEXT_NAME}){{0,2}})"
    r"(?=\s*[,.!?]|$)"
    # a relative named in Spanish: "Es para mi abuela, Rosa Elena Martínez"
    r"|\b(?i:mi|nuestra|nuestro)\s+(?i:abuela|abuelo|madre|padre|mamá|mama|papá|papa|hijo|hija|esposo|esposa|marido|"
    rf"hermano|hermana|tía|tia|tío|tio),\s+(?P<pariente>{_NAME}(?:{_NEXT_NAME}){{0,2}})(?=\s*[,.!?]|$)"
    # thanked or bidden goodbye for something, the name last or before more is said: "Thanks for holding, Precious.",
    # "Thanks for that, Kwabena, and ...", "Bye now, Malik." (not "Thanks for calling Acme, Dublin": whom one called,
    # then where)
    rf"|\b(?:Thanks|Thank you) for (?:\w+ing|your \w+|that|this),\s+(?P<thanked>{_NAME})(?=\s*[.!,]|$)"
    rf"|\b(?:Bye|Goodbye|Cheers|Take care)(?: now| then| for now)?,\s+(?P<bidden>{_NAME})(?=\s*[.!]|$)"
    # a name with a Japanese, Korean or Hindi honorific joined to it: "Kobayashi-sama, understood", "Tanaka-san"
    rf"|(?<![\w'-])(?P<honoured>(?!{_WHEN_NAMES}\b)[{_CAPITALS}]{_LOWER}+)-(?:sama|san|sensei|kun|chan|ssi|nim|ji)\b"
    # a full name one has, then when they were born: "I have Gabriela Souza, born 2 July 1988, is that correct?"
    r"|(?:(?<=\b[Hh]ave )|(?<=\b[Ff]or )|(?<=\b[Pp]atient )|(?<=\b[Nn]ame is )|(?<=\b[Nn]ame's ))"
    rf"(?P<born>(?!{_WHEN_NAMES}\b){_NAME}(?:{_NEXT_NAME}){{1,2}}),?\s+(?i:born|date of birth|dob)"
    rf"\s+(?:(?i:on|in)\s+)?(?=\d|(?i:the|{_WHEN_NAMES})\b)"
)
GREETED_GROUPS = (
    "name", "self", "caller", "opener", "booked_in", "adviser", "acknowledged", "helped", "relative", "relatives",
    "doer", "asked", "whose", "owner", "told", "user", "colleague", "kin_of", "appositive", "returned", "kin_thing",
    "pariente", "thanked", "bidden", "honoured", "born", "worker",
)  # fmt: skip
# Letters spelled after a name, or after "spelled": "Sam, S A M", "spelled K-O-W-A-L-S-K-I".
# What is said after a letter to give its accent: "N with a tilde", "O with the two dots", "E with an accent", "C
# cedilla", "O with a line through it", "two dots over the O", "accent on the E".
_ACCENT_MARKS = (
    r"(?:accent|acute|grave|tilde|umlaut|diaeresis|cedilla|circumflex|caron|hacek|háček|ogonek|macron|breve)"
)
_ACCENT_NOTE = (
    r",?\s+(?i:(?:(?:with\s+)?(?:(?:an?|the|two|little|small|acute|grave|french)\s+){1,3}|with\s+)"
    rf"(?:{_ACCENT_MARKS}|ring|circle|dots|slash|stroke|line through it)|{_ACCENT_MARKS})"
    r"(?i:\s+(?:accent|on (?:it|top)|over it|above it|(?:on|over|above) (?:the|that|this)(?: last| first)? [A-Z]))?"
    r"(?![\w'])"
)
# A letter spelled, twice or three times ("double L"), also with a word for it ("N as in Nancy", "G for golf") or its
# accent; one with its accent written too ("B-J-Ö-R-N"). Letters in the radio alphabet.
# A capital said as one to tell it from a small letter: "capital G" (MacGillicuddy), "small d".
# (not a word written with an apostrophe: the "I" of "R-U-A-I-R-I, I'm in ...")
_SPELLED_CAPITAL = (
    rf"(?:(?i:double|triple|capital|big|small|little|upper case|lower case)\s+)?[{_CAPITALS}]\b(?!['\u2019][a-z])"
)
# a letter on its own, with its accent said after it
_SPELLED_ACCENTED = rf"{_SPELLED_CAPITAL}(?![\w'])(?:{_ACCENT_NOTE})?"
# "as in" or "for" between a letter and the word that tells it: "N as in Nancy", "G for golf"
_TOLD_BY_A_WORD = r"\s+(?i:as in|for)\s+"
_SPELLED_LETTER = rf"{_SPELLED_CAPITAL}(?:{_TOLD_BY_A_WORD}[A-Za-z]+\b|{_ACCENT_NOTE})?"
# Said between the letters of a name of two words, of a double-barrelled one, or at its apostrophe: "T-E, new word,
# W-H-I-T-I", "D, apostrophe, S-O-U-Z-A".
_SPELLING_BREAK = r"(?i:hyphen|dash|apostrophe|then|new word|next word|another word|space|then a space)"
_APOSTROPHE_SAID = re.compile(r"[\s,.-]*\b(?i:apostrophe)\b[\s,.-]*")
_RADIO_SPELLING = rf"{RADIO_LETTER}(?:[\s,.-]+{RADIO_LETTER}){{2,30}}"
SPELLED_AFTER_NAME = re.compile(
    # a double-barrelled name's hyphen said between its letters: "W-I-L-K-S, hyphen, N-G"
    rf"[,.]?\s+(?:(?i:that's|spelled|spelt)\s+)?(?:{_SPELLED_LETTER}"
    rf"(?:(?:[\s.-]+|,\s*)(?:{_SPELLING_BREAK}(?:[\s.-]+|,\s*))?{_SPELLED_LETTER}){{1,30}}"
    # the other half of a double-barrelled name said as a word: "N A K A S H I M A, hyphen, Ruiz"
    rf"(?:,?\s+(?i:hyphen|dash),?\s+{_NAME}(?=\s*[,.!?]|$))?"
    rf"|{_RADIO_SPELLING})"
)
# the letters may be written in lower case: "Fionnuala, spelled f i o n n u a l a"
_ANY_CASE_SPELLED_LETTER = (
    rf"(?:(?i:double|triple)\s+)?[A-Za-z{_CAPITALS}{_LOWER_CASE_LETTERS}](?![\w'])(?:{_ACCENT_NOTE})?"
)
SPELLED_NAME = re.compile(
    r"\b(?i:spelled|spelt|spell it|spelling is)[:,]?\s+"
    rf"(?P<name>{_ANY_CASE_SPELLED_LETTER}(?:[\s.,-]+{_ANY_CASE_SPELLED_LETTER}){{2,30}})"
)
# A word said, then spelled letter by letter, some with a word for them: "Fiadh, F as in Frank, I, A, D as in dog,
# H." Only a name is spelled so; its letters must be the word's.
# The spelling may follow a name of two words and spell either ("Bjørn Halvorsen, B-J-O-R-N"), come after the name
# broken off ("Jürgen... J, U, R, G, E, N"), spell the name's letters without their accents, and go on to the next
# name ("C-H-I-D-I-N-M-A, Eze", "S-I-O-B-H-A-N, Ní Dhomhnaill").
_WORD_THEN_SPELLED = re.compile(
    rf"(?<![\w'])(?P<name>{_NAME}(?:\s+{_NAME})?)(?:,|\.\.\.|\u2026|\.)?\s+"
    r"(?:(?i:that's|that is|is|spelled|spelt),?\s+)?"
    rf"(?P<spelled>{_SPELLED_LETTER}(?:(?:[\s.-]+|,\s*)(?:{_SPELLING_BREAK}(?:[\s.-]+|,\s*))?{_SPELLED_LETTER}){{2,30}})"
    # the given names after a surname spelled first: "It's Tan, T-A-N, Wei Ling."
    rf"(?P<next>,?\s+(?:{_PARTICLE}\s+)?{_NAME}(?:\s+{_NAME})?(?=\s*(?:[.!?]|,\s|$)))?"
)

# A name spelled first, then said as it sounds, which its letters need not tell: "It's S, A, O, I, R, S, E,
# Sersha." Five letters at least, and the word starts with the first of them.
_SPELLED_THEN_SAID = re.compile(
    rf"(?<![\w'])(?P<spelled>{_SPELLED_CAPITAL}(?:(?:[\s.-]+|,\s*){_SPELLED_CAPITAL}){{4,30}})[,.]?\s+"
    rf"(?P<name>{_NAME})(?=\s*(?:[.!?]|,\s|$))"
)


def spelled_letters(spelled: str) -> str:
    """The letters a spelling says, in lower case: "G-I double L" as "gill", "N with a tilde" as "n"."""
    return "".join(
        letter.lower() * {"double": 2, "triple": 3}.get(times.lower(), 1)
        for times, letter in re.findall(
            rf"(?<![\w'])(?:((?i:double|triple))\s+)?([{_CAPITALS}])(?![\w'])", re.sub(_ACCENT_NOTE, "", spelled)
        )
    )


def _spelled_as_heard(word: str, letters: str) -> bool:
    """Whether ``letters`` are ``word`` spelled as recognition may hear it, a letter or two misheard: "Lindquist, L -I
    -N -D -Q -V -I -S -D". It must start as the word does and have most of its letters, in order."""
    return len(letters) >= _MIN_SPELLING_LETTERS and any(
        written[:1] == letters[:1]
        and in_order_in_common(written, letters) >= _SPELLING_LIKENESS * max(len(written), len(letters))
        for written in _letters_of(word)
    )


# Letters written without their accents, as a name with them is spelled: "Jürgen" as J U R G E N (or J U E R G E N),
# "Bjørn" as B J O R N, "Ó Súilleabháin" as O S U I ...
_UNACCENTED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th", "ł": "l", "đ": "d"})
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa"})


def spellings(word: str) -> set[str]:
    """The letters ``word`` may be spelled with: as written, its accents dropped, or German and Nordic letters written
    out ("ü" as "ue", "ø" as "oe")."""
    lower = word.lower()
    dropped = "".join(
        char for char in unicodedata.normalize("NFKD", lower.translate(_UNACCENTED)) if not unicodedata.combining(char)
    )
    written_out = "".join(
        char
        for char in unicodedata.normalize("NFKD", lower.translate(_SPELLED_OUT).translate(_UNACCENTED))
        if not unicodedata.combining(char)
    )
    return {lower, dropped, written_out}


def _letters_of(word: str) -> set[str]:
    """The letters alone ``word`` may be spelled with, a hyphen or an apostrophe in it said apart ("Hyun-woo" as
    H-Y-U-N dash W-O-O)."""
    return {re.sub(r"[\W\d_]", "", spelled) for spelled in spellings(word)}


# A word said, "is", then its spelling as recognition heard it: letters alone, run together in capitals, led by a
# hyphen, or a "T" heard as "the" ("Trembrat is the REMBL -Y." for "Tremblay is T R E M B L A Y").
# A letter may be one beyond ASCII: "Ødegaard is Ø D E G A A R D".
_SPELLING_PIECE = (
    rf"(?:(?<![\w'])[{_CAPITALS}](?![\w'])|-?[A-Z]{{2,8}}(?![\w'])|-[{_CAPITALS}](?![\w'])"
    r"|(?i:the)(?=\s+-?[A-Z]{1,8}(?![\w'])))"
)
_WORD_IS_SPELLED = re.compile(
    rf"(?<![\w'])(?P<name>{_NAME})(?:,\s*|\s+)(?i:is|that's|that is)(?:\s+(?i:spelled|spelt))?,?\s+"
    rf"(?P<spelled>{_SPELLING_PIECE}(?:[\s,.]+{_SPELLING_PIECE}){{1,12}})"
)
_MIN_SPELLING_LETTERS = 4
_SPELLING_LIKENESS = 0.6  # of the letters heard, how many are the word's, in order


# A name, then which of its letters to write: "Priya with an I Y A", "Jon without an H", "Stephen with a P H",
# "Juergen with U-E", "Venkataraman with two A's after the R", "Müller but with U-E".
_NAME_WITH_LETTERS = re.compile(
    rf"(?<![\w'])(?P<name>{_NAME}),?\s+(?:(?i:but)\s+)?(?P<how>with|without)\s+(?i:(?:a|an|two|double)\s+){{0,2}}"
    r"(?P<letters>[A-Z](?:[\s,-]+[A-Z]){0,3})(?:'s)?(?![\w'])"
)


# A name written with a hyphen or an apostrophe, then said to be: "Hyun-woo with a hyphen", "O'Neill with an
# apostrophe".
_NAME_WITH_MARK = re.compile(
    rf"(?<![\w'])(?P<name>{_NAME}),?\s+(?i:with\s+(?:a|an|the)\s+(?:hyphen|dash|apostrophe))\b"
)


# Initials of an e-mail address said before, told by the name they stand for: "jp.desrosiers@..., J P for
# Jean-Pierre" (not "A B for Alpha Bravo", "U N for United Nations").
_INITIALS_FOR = re.compile(
    rf"(?<![\w'])(?P<initials>[{_CAPITALS}](?:[\s.-]+[{_CAPITALS}]){{1,3}})\.?\s+(?:(?i:is|stands)\s+)?(?i:for)\s+"
    rf"(?P<name>{_NAME}(?:{_NEXT_NAME})?)"
)


def _initials_told(text: str) -> Iterable[tuple[int, int]]:
    """Where a name is that initials of an address said before it stand for, each letter its part's first."""
    for told in _INITIALS_FOR.finditer(text):
        initials = re.findall(rf"[{_CAPITALS}]", told.group("initials"))
        parts = [part for part in re.split(r"[\s-]+", told.group("name")) if part[:1].isupper()]
        in_address = re.search(
            rf"(?<![a-z]){''.join(initials).lower()}(?:[._@]|\s+(?:dot|at|underscore)\b)", text[: told.start()].lower()
        )
        if in_address and [part[0] for part in parts] == initials and not NOT_NAMES.intersection(parts):
            yield told.start("name"), told.end("name")


def names_spelled_after_themselves(text: str) -> Iterable[tuple[int, int]]:
    """Where a capitalised word and its own spelling right after it are: the name, then the letters."""
    yield from _initials_told(text)
    for marked in _NAME_WITH_MARK.finditer(text):
        name = marked.group("name")
        if ("-" in name or "'" in name) and name not in NOT_NAMES and name not in BUSINESS_WORDS:
            yield marked.start("name"), marked.end("name")
    for match in _NAME_WITH_LETTERS.finditer(text):
        name = match.group("name")
        written = re.findall(r"[A-Z]", match.group("letters"))
        has_them = any(all(letter.lower() in spelled for letter in written) for spelled in spellings(name))
        if name in NOT_NAMES or name in BUSINESS_WORDS or len(name) < _MIN_NAME_LETTERS:
            continue
        if re.search(r"\b(?i:the|a|an|my|your|our|this|(?<!is )(?<!was )that)\s+$", text[: match.start()]):
            continue  # a thing: "the Apple with a P" (not a name asked about: "Is that Catherine with a C?")
        if has_them == (match.group("how") == "with"):
            yield match.start("name"), match.end("name")
    for match in _SPELLED_THEN_SAID.finditer(text):
        name, letters = match.group("name"), spelled_letters(match.group("spelled"))
        if name in NOT_NAMES or name in BUSINESS_WORDS or name in _PLACE_WORDS or re.fullmatch(RADIO_LETTER, name):
            continue
        if name[0].lower() == letters[:1]:
            yield match.start("spelled"), match.end("spelled")
            yield match.start("name"), match.end("name")
    for match in _WORD_IS_SPELLED.finditer(text):
        name = match.group("name")
        letters = "".join(
            "t" if piece.lower() == "the" else piece.strip("-").lower()
            for piece in re.split(r"[\s,.]+", match.group("spelled"))
        )
        if name in NOT_NAMES or name in BUSINESS_WORDS or len(letters) < _MIN_SPELLING_LETTERS:
            continue
        if in_order_in_common(name.lower(), letters) >= _SPELLING_LIKENESS * len(letters):
            yield match.start("name"), match.end("name")
            yield match.start("spelled"), match.end("spelled")
    for match in _WORD_THEN_SPELLED.finditer(text):
        words = match.group("name").split()
        letters = spelled_letters(match.group("spelled"))
        spelled = next((word for word in words if letters in _letters_of(word)), None)
        if spelled is None and len(words) > 1 and letters in _letters_of("".join(words)):
            spelled = words[-1]  # both words of it: "Te Whiti, T-E, new word, W-H-I-T-I"
        if spelled is None:
            spelled = next((word for word in reversed(words) if _spelled_as_heard(word, letters)), None)
        if spelled is None or spelled in NOT_NAMES or spelled in BUSINESS_WORDS:
            continue
        if spelled is not words[-1] and (
            words[-1] in NOT_NAMES or words[-1] in BUSINESS_WORDS or words[-1] in _PLACE_WORDS
        ):
            continue  # a street's name spelled, the town after it: "19 Kowhai Lane, that's K-O-W-H-A-I, Whanganui."
        next_name = match.group("next")
        if next_name and any(word in NOT_NAMES for word in next_name.strip(" ,").split()):
            next_name = None
        after = re.match(r"[,.]?\s+(\w+)", text[match.end("next") if next_name else match.end("spelled") :])
        if after is not None and after.group(1).capitalize() in _PLACE_WORDS:
            continue  # a street's or a building's name spelled: "Ranelagh, R A N E L A G H, Road"
        if next_name and any(word.capitalize() in _PLACE_WORDS for word in next_name.strip(" ,").split()):
            continue
        end = match.end("next") if next_name else match.end("spelled")
        if re.fullmatch(r"\s+(?i:is)\s+", text[match.end("name") : match.start("spelled")]):
            # "Kang is K-A-N-G", the letters joined by hyphens: one telling of the name (letters heard apart after
            # "is" are read above)
            if "-" in match.group("spelled"):
                yield match.start("name"), end
            continue
        yield match.start("name"), match.end("name")
        yield match.start("spelled"), end


# Which of a family's namesakes someone is, ending what is said of them: "Robert Castellano the third", "Peter Walsh
# III" (not "Peter Walsh, the second one on the account")
_NAMESAKE = r"\s(?:the (?:second|third|fourth|fifth)|II|III|IV)(?=\s*(?:[,.!?;]|$))"
AFTER_NAME = re.compile(
    rf"\s*(?:,|\.|$|\s+(?i:speaking|from|calling|here|with|at|and|in|again|by the way|who)\b)|{_NAMESAKE}"
    # or where the name is written: "it's Malcolm MacLeod on the policy"
    r"|\s+on\s+(?:the|my|your|his|her|our|their)\s+(?i:policy|account|card|licen[cs]e|passport|booking|form|file|"
    r"system|records?|certificate|deed|lease|bill)\b"
    # or whom one dealt with: "It was Bríd on the phone last time"
    r"|\s+on\s+the\s+(?i:phone|line|call)\b"
)
# After a booking's "for", a full name is whom it is for where what they travel on and where to follow: "Booking for
# Ama Mensah on flight KQ 101 to Nairobi" (with no "to", what follows "for" may be the place: "a booking for Hong
# Kong on flight CX 250")
AFTER_BOOKED_NAME = re.compile(
    r"\s+on\s+(?:the\s+)?(?i:flight|train|ferry|coach|bus|sailing|cruise)\b[^.!?]*?\s(?i:to)\s+[A-Z]"
)

# A word of a name heard as a number word and written as its digit, between two words of the name: "Charlotte 2 and
# Walsh" (Nguyen-Walsh), "Ana 4 Tess" (Fortes).
_DIGIT_IN_NAME = rf"\s+\d(?:\s+(?:and|an|in))?(?={_NEXT_NAME})"
_NAME_ANSWER = re.compile(
    _NAME_ANSWER_LEAD + rf"(?:{TITLES}\.?\s+)?"  # "Mrs R Adeyemi"
    # a first name may be spelled before the last name is said: "Chidi, C-H-I-D-I, Nwosu"; or given as initials
    # a word heard with its last letter dropped keeps an apostrophe: "Necklin' Moriardi"
    # or a first name or a surname heard as capitals: "CNN Marshall", "Mina GP"
    rf"(?P<name>(?!{TITLES}\b)(?:(?!I\b)[A-Z]\.?\s+|[A-Z]{{2,4}}\s+(?=[A-Z][a-z])){{0,2}}{_NAME}(?:'(?=\s+[A-Z]))?"
    r"(?:\s+[A-Z]{2,4}(?![\w'-]))?"
    rf"(?:,?\s+{_SPELLED_ACCENTED}(?:(?:[\s.-]+|,\s*){_SPELLED_ACCENTED}){{1,30}},?)?"
    rf"(?:\s+[A-Z]\.|{_NEXT_NAME}|{_DIGIT_IN_NAME}){{0,3}}"
    rf"|{_SPELLED_ACCENTED}(?:[\s.,-]+{_SPELLED_ACCENTED}){{2,30}}"
    rf"|{_RADIO_SPELLING})"
    # or where they work: "Marcus in billing", "Dana from the claims team"; or the other of two: "Lena and Jonas Vogt";
    # or the postcode asked for with it, its comma heard as "in": "Gareth Lowell in CF -10, 4 -PQ"
    # or a word of respect after it, as Filipino and Hindi speakers say it: "Maria Cristina Dela Cruz po."
    r"(?=\s*(?:[,.!?]|$)|\s+(?:in|from) (?:the )?[a-z]+\b|\s+and\s+[A-Z]|\s+in\s+[A-Z]{1,2}\s*-?\d"
    r"|\s+(?:po|ji)\s*[,.!?]?\s*$)"
)


# Asked for a name, a short reply that is nothing but a few words ending in a capitalised one is the name, however
# recognition heard its words: "Mechla no Sullivan." (Declan O'Sullivan), "And goalsie blessing a Demy, born on ..."
# (the name, then the date of birth asked for with it), "..., please." Its first and last words are none a reply is
# otherwise made of ("For my Mum.", "Sorry, what?").
_ANY_CASE_NOT_NAME_WORD = rf"(?i:(?:{_NOT_NAME_WORDS}|{_NOT_ANSWERED_NAME_WORDS}|sorry)\b)"
_MISHEARD_NAME_ANSWER = re.compile(
    rf"{_NAME_ANSWER_LEAD}(?:(?i:and|so|well),?\s+)?"
    rf"(?P<name>(?!{_ANY_CASE_NOT_NAME_WORD})[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){{0,3}}?"
    rf"\s+(?!{_ANY_CASE_NOT_NAME_WORD})[A-Z][A-Za-z'-]*)"
    r"(?=(?:,?\s+(?i:please|thanks|thank you|yeah|yes))?\s*[.!]?\s*$|,\s+(?i:born|date of birth|dob|d\.o\.b)\b"
    # or the name's last syllable heard as a short word of its own: "Harjit Korsand who," (Kaur Sandhu)
    r"|\s+[a-z]{2,3}\s*[,.]?\s*$)"
)


# Asked for a name, a reply in lower case that is nothing but a few words is the name written as the common words
# recognition heard ("It's a leader wit field." for Eleanor Whitfield), where the transcript writes names with
# capitals elsewhere; none of its words is one a reply is otherwise made of ("It's a joint account.").
_LOWER_CASE_MISHEARD_NAME_ANSWER = re.compile(
    rf"{_NAME_ANSWER_LEAD}(?P<name>(?:an?\s+)?{_LOWER_CASE_ANSWERED_NAME_WORD}"
    rf"(?:\s+{_LOWER_CASE_ANSWERED_NAME_WORD}){{1,3}})"
    r"(?=(?:,?\s+(?i:please|thanks|thank you))?\s*[.!]?\s*$)"
)


# Thanked by name right after answering it, the thanks and the name misheard as two capitalised words before a comma:
# "Mechla no Sullivan." / "Hank Smecklin, what's the new address?" (Thanks Declan), "Enk's Jack, I can move you".
# Not whom one speaks to, said after a greeting or a kind word: "Hi there,", "No problem, my mistake.", "Sorry about
# that, again."; days and months are when.
_NOT_SAID_TO_WORDS = (
    r"(?:sir|madam|ma'am|mate|love|dear|all|everyone|everybody|there|again|too|though|then|now|today|anyway|anyways|"
    r"really|indeed|okay|ok|yes|yeah|no|bye|goodbye|cheers|thanks|thank|you|go|take|my|your|our|i|i'm|i've|we|it|"
    r"it's|that|that's|this|is|fine|sure|so|very|much|folks|guys|team|right|alright|for|at|of|in|on|to|and|but|um|"
    rf"uh|{_NOT_DOER_WORDS})"
)
# not what was done: "sorry about that, corrected."
_SAID_TO_WORD = rf"(?!(?i:{_NOT_SAID_TO_WORDS})\b)(?![a-z]+(?:ed|ing)\b)-?[A-Za-z][\w'-]*"
# ... before a comma, or as all the reply's first segment: "Hank Strang." (Thanks Greg), "Enx Customs." (Thanks Kostas)
_SAID_BACK_AFTER_ANSWER = re.compile(r"\s*(?P<name>[A-Z][a-z]+(?:'s)?\s+[A-Z][a-z'-]+)(?:,\s|[.!]?\s*$)")
# What one says to acknowledge an answer, not a name: "Perfect, ...", "Got it, ...".
_ACKNOWLEDGING_WORDS = (
    r"(?:perfect|great|lovely|brilliant|excellent|wonderful|fantastic|super|grand|cool|nice|right|sure|certainly|"
    r"absolutely|alright|ta|noted|understood|sorry|apologies|hmm|ah|oh|got|gotcha|done|one|just|bear|hold|let|also|"
    r"next|lastly|finally|and|well|now|okay|ok|thanks|thank)"
)
# The name said back, misheard as any words, as a vocative opening the reply: "And scary, there's a 30-day notice
# period" (Thanks Gareth), "Xanxan, we need to email you a form" (Thanks Anh).
_SAID_BACK_MISHEARD = re.compile(
    r"\s*(?:(?i:and|okay|ok|thanks|thank you),?\s+)?"
    rf"(?P<name>(?!(?i:{_ACKNOWLEDGING_WORDS})\b){_SAID_TO_WORD}(?:\s+{_SAID_TO_WORD})?),\s+[a-z]"
)

# Or as a vocative ending the reply's first sentence, a question asked of whom just gave their name, a word
# capitalised after its comma: "What happened, Brain?" (Gráinne), "And your postcode, Milo?"
_SAID_BACK_ENDING_QUESTION = re.compile(r"\s*(?:[\w'-]+\s+){0,7}[\w'-]+,\s+(?P<name>[A-Z][a-z'-]+)\s*\?")


def names_said_back(segments: Sequence[Segment], answered: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """The name said back to start (or end the first question of) the asker's turn right after each answer a name
    was ``answered`` in. Heard so unlike the name, it is not looked for again elsewhere."""
    by_index = {segment.index: segment for segment in segments}
    for index in sorted({span.segment for span in answered}):
        if (said_back := _said_back(segments, by_index[index])) is not None:
            yield said_back


def _said_back(segments: Sequence[Segment], answer: Segment) -> TextSpan | None:
    """The name said back to start, or end the first question of, the asker's turn right after ``answer``."""
    after = in_time_order(s for s in segments if s.start_ms >= answer.end_ms)
    reply = after[0] if after else None
    if reply is None or reply.speaker == answer.speaker:
        return None
    match = (
        _SAID_BACK_AFTER_ANSWER.match(reply.text)
        or _SAID_BACK_MISHEARD.match(reply.text)
        or _SAID_BACK_ENDING_QUESTION.match(reply.text)
    )
    if (
        match is None
        or match.group("name").lower() in MONTHS
        or any(
            word.removesuffix("'s") in NOT_NAMES | _NOT_NAME_BEFORE | BUSINESS_WORDS
            for word in match.group("name").split()
        )
    ):
        return None
    return TextSpan(reply.index, match.start("name"), match.end("name"))


def _not_a_name(words: str) -> bool:
    return any(word in NOT_NAMES or word in BUSINESS_WORDS for word in words.split())


def answered_names(segments: Sequence[Segment], tokens: Sequence[Token]) -> Iterable[TextSpan]:
    """The name that starts the answer when the other side asked for one."""
    for segment, asked, _ in answers(segments, tokens):
        if not NAME_ASKED.search(asked):
            continue
        match = _NAME_ANSWER.match(segment.text.lstrip())
        if match is None and segment.text == segment.text.lower():
            match = _LOWER_CASE_SURNAME_THEN_NAME.match(segment.text.lstrip()) or _LOWER_CASE_NAME_ANSWER.match(
                segment.text.lstrip()
            )
        if match is None or _not_a_name(match.group("name")):
            match = _MISHEARD_NAME_ANSWER.match(segment.text.lstrip())
            if match is not None and match.group("name").split()[-1].lower() in MONTHS:
                match = None
        if match is None and segment.text != segment.text.lower():
            match = _LOWER_CASE_MISHEARD_NAME_ANSWER.match(segment.text.lstrip())
            if match is not None and any(
                word in MONTHS or _not_a_name(word.capitalize()) for word in match.group("name").split()
            ):
                match = None
        if match is None or _not_a_name(match.group("name")):
            continue
        offset = len(segment.text) - len(segment.text.lstrip())
        end = offset + match.end("name")
        spelled = SPELLED_AFTER_NAME.match(segment.text, end)  # "Szymanski, S-Z-Y-M-A-N-S-K-I."
        yield TextSpan(segment.index, offset + match.start("name"), spelled.end() if spelled else end)
        if joined := _said_whole_after_parts(segment.text, match.group("name"), spelled.end() if spelled else end):
            yield TextSpan(segment.index, *joined)
        # the name one goes by, then the whole name: "it's Bec, Rebecca Thornton, and my mobile's ..."
        full = _WHOLE_AFTER_SHORT.match(segment.text, end)
        if full is not None and " " not in match.group("name") and not spelled and not _not_a_name(full.group("whole")):
            yield TextSpan(segment.index, full.start("whole"), full.end("whole"))
        # a double-barrelled surname's hyphen heard as "and", the answer ending with it: "Liam and Walsh," (Liam
        # Nguyen-Walsh); or the other of two named in the answer
        other = _AND_ONE_WORD_ENDING.match(segment.text, end)
        if other is not None and not spelled and not _not_one_more_name(other.group("other")):
            yield TextSpan(segment.index, other.start("other"), other.end("other"))
        # the surname said first, then the whole name: "it's de la cruz, marisol de la cruz"
        whole = re.match(
            # any case: the words a lower-case name is checked against, whatever case they are written in
            rf",\s+{_LOWER_CASE_ANSWERED_NAME_WORD}\s+(?:{_LOWER_CASE_ANSWERED_NAME_WORD}\s+)?"
            rf"{re.escape(match.group('name'))}"
            r"(?=\s*(?:[,.!?]|$))",
            segment.text[end:],
            re.IGNORECASE,
        )
        if whole is not None and not spelled:
            yield TextSpan(segment.index, end + whole.start() + 1, end + whole.end())


_WHOLE_AFTER_SHORT = re.compile(rf",\s+(?P<whole>{_NAME}{_NEXT_NAME})(?=\s*(?:[,.!?]|$)|\s+and\b)")
_AND_ONE_WORD_ENDING = re.compile(rf"\s+and\s+(?P<other>{_NAME})\s*[,.!?]?\s*$")


# the words a firm's name ends in after "and": "Priya and Daughters", "Okafor and Sons"
_FIRMS_KIN = {"Sons", "Son", "Daughters", "Daughter", "Brothers", "Sisters", "Family", "Friends", "Children", "Kids"}


def _not_one_more_name(word: str) -> bool:
    return (
        word in NOT_NAMES or word in BUSINESS_WORDS or word in _PLACE_WORDS or word in _FIRMS_KIN
        or word.lower() in MONTHS
    )  # fmt: skip


_WHOLE_AFTER_PARTS = re.compile(rf"[.,]?\s+(?P<whole>{_NAME})(?=\s*[.!?]?\s*$)")
_MIN_PART_LETTERS = 4


def _said_whole_after_parts(text: str, name: str, end: int) -> tuple[int, int] | None:
    """Where a name told in parts and letters is said again whole, as one word ending the answer: "Mac, M-A-C,
    capital G, Illicuddy. MacGillicuddy."; the word must end with the last part."""
    whole = _WHOLE_AFTER_PARTS.match(text, end)
    last = re.findall(r"[^\W\d_]+", name)[-1].lower() if re.search(r"[^\W\d_]", name) else ""
    if whole is None or len(last) < _MIN_PART_LETTERS or whole.group("whole") in NOT_NAMES:
        return None
    word = whole.group("whole").lower()
    return (whole.start("whole"), whole.end("whole")) if word.endswith(last) and word != last else None


# Asked whether one is talking to someone ("Hello, is that Wiremu?", "Am I speaking with Mr Osei?") and answered as
# only that person would ("Speaking.", "That's me."): the name asked about is theirs.
_IS_THAT = re.compile(
    # ... or whose name a record is under ("and that's under Susan Pereira?")
    rf"\b(?i:is (?:that|this|it)|am i (?:speaking|talking) (?:to|with)|are you"
    rf"|(?:that's|that is|it's|it is|is (?:it|that|this)) (?:under|in the name of))\s+(?:(?i:still)\s+)?"
    rf"(?:{TITLES}\.?\s+)?(?P<name>(?!{TITLES}\b){_NAME}(?:\s+{_NAME})?)"
    # whose a record still is: "is that still Caoimhe Fitzgerald on the account?"
    r"(?:\s+(?i:on the (?:account|booking|policy|card|file|record|reservation|order)))?\s*\?"
)
# the name however recognition heard it, in words of any case: "Am I speaking with all my bank code?" / "Yes,
# speaking." (Olumide Bankole); not who or how the other side is ("Is this a good time?", "Is that you?", "is that
# yours?")
_IS_THAT_HEARD = re.compile(
    r"\b(?i:is (?:that|this)|am i (?:speaking|talking) (?:to|with))\s+"
    r"(?P<name>(?!(?i:the|a|an|my|your|our|his|her|their|this|that|it|you|me|him|them|us|someone|somebody|anyone|"
    r"anybody|right|correct|ok|okay|still|about|for|regarding|with|to|in|on|at|all right|alright|true|so|how|what|"
    r"who|where|why|when|yours|mine|hers|his|theirs|ours|one|fine|possible|everything|everyone|ready|there|"
    r"here|free|available|him|her|them|she|he|they|we|i)\b)[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,3})\s*\?"
)
_ONLY_THEY_ANSWER = re.compile(
    r"\s*(?i:(?:yes|yeah|yep|that's right|it is)[,.]?\s+)?(?i:speaking|that's me|that is me|it's me|it is me|"
    r"this is (?:she|he|him|her)|you're talking to (?:her|him|me))(?=\s*(?:[,.!?]|$))"
)

# A name read back as a question of its own, nothing but the name ("That's Mr Adebayo Okafor?" heard as "Matt Smith,
# Jeremy O 'Kuffer?"): an Irish "O'" may be heard apart from the rest.
_NAME_READ_BACK = re.compile(
    rf"\s*(?:(?i:so|and|that's|that is)\s+){{0,2}}(?:{TITLES}\.?\s+)?"
    r"(?P<name>[A-Z][a-z'-]+(?:,?\s+(?:[A-Z]\s?'\s?)?[A-Z][a-z'-]+){1,4})\s*\?\s*$"
)


def confirmed_names(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """A name asked about ("is that Wiremu?") or read back ("Ada Lowe?") that the other side confirms is theirs
    ("Speaking.")."""
    ordered = in_time_order(segments)
    for position, segment in enumerate(ordered):
        reply = next((s for s in ordered[position + 1 :] if s.speaker != segment.speaker), None)
        if reply is None or not _ONLY_THEY_ANSWER.match(reply.text):
            continue
        for match in [*_IS_THAT.finditer(segment.text), *filter(None, [_NAME_READ_BACK.match(segment.text)])]:
            words = match.group("name").replace(",", "").split()
            if not NOT_NAMES.intersection(words) and not BUSINESS_WORDS.intersection(words):
                yield TextSpan(segment.index, match.start("name"), match.end("name"))


def names_confirmed_as_heard(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words asked about ("Am I speaking with all my bank code?") that the other side confirms are them
    ("Speaking."): their name however it was heard. Heard so unlike the name, it is not looked for again elsewhere."""
    ordered = in_time_order(segments)
    for position, segment in enumerate(ordered):
        reply = next((s for s in ordered[position + 1 :] if s.speaker != segment.speaker), None)
        if reply is None or not _ONLY_THEY_ANSWER.match(reply.text) or _IS_THAT.search(segment.text):
            continue
        for match in _IS_THAT_HEARD.finditer(segment.text):
            if not _not_a_name(match.group("name")):  # as written: "all my" may be how "Olumide" was heard
                yield TextSpan(segment.index, match.start("name"), match.end("name"))


_MIN_NAME_LETTERS = 3
# Words a surname is made with that are words on their own capitalised too: "van der berg", "mac an tsaoir"
_NAME_PARTICLES = {"van", "von", "der", "den", "del", "della", "mac", "bin", "ben", "ibn", "abu", "dos", "das", "les"}

# A title said right before a name is part of it: "speak to Ms. Brannigan", "thank you mister oconnell".
_TITLE_BEFORE = re.compile(
    rf"(?:^|(?<=[\s,.!?;:(\"]))(?:(?i:mr|mrs|ms|miss|mx|dr|mister|missus|doctor)\.?|{COURTESY_TITLES})\s+$"
)


# An honorific said right after a name is part of it, as recognition writes it too: "Yoshida-san", "Yoshida -san",
# "Min-jun-ssi", "Priya-ji"; some with a space too: "Rohit ji", "Tanaka san"; and a namesake's ordinal.
_HONORIFIC_AFTER = re.compile(
    r"(?:\s?-(?i:san|sama|kun|chan|sensei|senpai|dono|shi|ssi|nim|ji)|\s(?:ji|san|sama)"
    rf"|{_NAMESAKE})(?![\w'-])"
)


_INITIALS_BEFORE = re.compile(rf"(?:^|(?<=[\s,(\"])){INITIALS}$")


def with_title(span: TextSpan, text: str) -> TextSpan:
    """``span`` widened back over the initials and the title said right before the name in it, and on over an
    honorific after it."""
    initials = _INITIALS_BEFORE.search(text[: span.start])
    start = span.start if initials is None else initials.start()
    title = _TITLE_BEFORE.search(text[:start])
    honorific = _HONORIFIC_AFTER.match(text, span.end)
    return TextSpan(
        span.segment, start if title is None else title.start(), span.end if honorific is None else honorific.end()
    )


# Said before a name to greet or acknowledge someone, or opening the sentence it is in: not part of the name when
# capitalised ("Perfect Anna", "For Ana Lima, born ...").
_NOT_NAME_BEFORE = {
    "Sure", "Right", "Certainly", "Perfect", "Lovely", "Alright", "Absolutely", "Cheers", "Dear", "Hey", "Goodbye",
    "Welcome", "Congratulations", "Please", "Excellent", "Wonderful", "Brilliant", "Awesome", "Cool", "Nice",
    "Fantastic", "Ask", "Tell", "Call", "Dial", "For", "Have",
    "Under",  # "Under Mohammed Al-Farsi": whose name a booking is under
    "Formerly", "Now",  # "Formerly Jessica Holt, now ...": the name one had
    "And", "But", "Or", "What", "Is", "Was", "Can", "Could",  # "And Lachlan's date of birth?": a question's start
}  # fmt: skip
# What one says after one's own name, however capitalised: "Ahmed Speaking."; or after someone's: "Diego Born ..."
_NOT_NAME_AFTER = {"Speaking", "Here", "Calling", "Born"}
# Written in lower case, a name is known by what comes before it: "hi bree", "this is harold".
_LOWER_CASE_NAME_CUE = re.compile(
    r"\b(?:hi|hello|hey|kia ora|kia or a|kiora|g'day|thanks|thank you|bye|this is|it's|its|i'm|i am)\s+$"
)


def _name_words_around(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` widened over the name words said right next to it: "Darnell" before a known "Whitcombe",
    "-Baird" after a known "Fenwick"."""
    while True:
        # the particles between them go with them: "Luísa Ferreira da Silva", "Van der Merwe-Botha"
        before = re.search(rf"(?:^|(?<=[\s,.!?])){_NAME}(?:\s+{_PARTICLE})*(?:\s|-)$", text[:start])
        if before is None:
            break
        word = re.match(_NAME, text[before.start() : start]).group()  # type: ignore[union-attr]
        if word in NOT_NAMES or word in _NOT_NAME_BEFORE or word in BUSINESS_WORDS or word.lower() in MONTHS:
            break
        start = before.start()
    while True:
        # the hyphen of a double-barrelled name may be said: "Adeyemi hyphen Clarke"
        after = re.match(
            rf"(?:\s+{_PARTICLE})*(?:\s+(?i:hyphen|dash)\s+|\s|-)(?P<word>{_NAME}|[A-Z]\.(?=\s+[A-Z]))", text[end:]
        )
        if after is None:
            break
        word = after.group("word")
        if word in NOT_NAMES or word in BUSINESS_WORDS or word.lower() in MONTHS or word in _NOT_NAME_AFTER:
            break
        end += after.end()
    # the particles said before a surname alone: "use de la Cruz", "under van der Berg" (not the preposition before
    # a whole name: "a nombre de Lucía Pardo Gil")
    particles = re.search(rf"(?:^|(?<=[\s,.!?]))(?:{_PARTICLE}\s+)+$", text[:start])
    if particles is not None and not re.search(r"\s", text[start:end]):
        start = particles.start()
    return start, end


def _mailbox_words(email: str) -> list[str]:
    """The words of an e-mail address's mailbox, written ("priya.natarajan@...") or read aloud ("j dot blackwood dot
    44 at protonmail dot com"), or spelled ("T-A-M-A-R-A dot O-S-E-I at ...": "tamara", "osei")."""
    mailbox = re.split(r"@|\s+at\s+", email.lower())[0]
    mailbox = re.sub(r"(?<![\w'])[a-z](?:-[a-z](?![\w']))+", lambda run: run.group().replace("-", ""), mailbox)
    return [word for word in re.split(r"[._\s-]+", mailbox) if word not in SEPARATOR_WORDS]


# A name said last, after a question or thanks put to its owner: "what's your date of birth lorcan", "ta ines".
_SAID_TO_BEFORE = re.compile(r"\b(?:your|you|thanks|thank you|ta|cheers)\b[\w\s']*\s$")
_SAID_TO_AFTER = re.compile(r"\s*[?.!]?\s*$")
# Names that are words too, said last as the word: "did you see the price rose"
_WORD_NAMES = {
    "rose", "will", "mark", "bill", "sue", "pat", "drew", "chase", "grace", "hope", "faith", "joy", "may", "june",
    "summer", "dawn", "bob", "jack", "frank", "art", "ray", "rich", "penny", "ruby", "amber", "holly", "ivy", "lily",
    "daisy", "iris", "robin", "carol", "august", "sunny", "rob", "gene", "dean", "miles", "heather", "crystal",
    "pearl", "jade", "hunter", "cliff", "glen", "dale", "sterling", "guy", "max", "nick", "sandy", "rusty", "woody",
    # and words Whisper writes as names, or that are names somewhere: "Matt" for "that", "Pires" for "expires", "my
    # French mobile", "Kia ora" (a greeting) and the car maker
    "matt", "pires", "french", "kia",
}  # fmt: skip


# How a name is written, told right after it: "Is that de la Cruz, three words?", "Yes, Van Rensburg, two words,
# capital V.", "van den Berg all run together"; its initials may come first ("D. Van Rensburg"). Only a name or a
# place is told of so, and places are left by their word lists. "One word" is not read so: it is said of a suburb's
# name as often.
_NAME_TOLD_HOW_WRITTEN = re.compile(
    rf"(?<![\w'])(?P<name>(?:[A-Z]\.?\s+){{0,2}}(?:(?i:{_LEADING_PARTICLE}|{_PARTICLE})\s+)?{_NAME}(?:{_NEXT_NAME}){{0,4}})"
    r",?\s+(?i:(?:two|three|four)\s+words|(?:all\s+)?run\s+together|capital\s+[a-z](?![\w']))"
)


def names_told_how_written(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """A name said with how many words it is, that they run together, or which letter is a capital."""
    for segment in segments:
        for match in _NAME_TOLD_HOW_WRITTEN.finditer(segment.text):
            # its words apart from the particles: "Van" is a town too
            words = [
                word for word in re.findall(_NAME, match.group("name")) if not re.fullmatch(f"(?i:{_PARTICLE})", word)
            ]
            if any(
                word in NOT_NAMES or word in BUSINESS_WORDS or word in _PLACE_WORDS or word in place_names()
                for word in words
            ):
                continue
            yield TextSpan(segment.index, match.start("name"), match.end("name"))


# Which of two names someone is, asked: "Sorry, was it Aleksandr or Alexander?", "And is this Sipho or Sibusiso?"
_ONE_OF_TWO_NAMES = re.compile(
    rf"\b(?i:was it|is it|is this|is that|did you say)\s+(?P<first>{_NAME})\s+or\s+(?P<second>{_NAME})\s*\?"
)


def names_asked_as_one_of_two(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """Both names of a question which of two someone is, where the answer says one of them again ("Aleksandr, with
    the K-S."): not two places, days or cards ("Is that London or Leeds?", "Visa or Mastercard?")."""
    ordered = in_time_order(segments)
    for position, segment in enumerate(ordered):
        for asked in _ONE_OF_TWO_NAMES.finditer(segment.text):
            words = (asked.group("first"), asked.group("second"))
            if any(w in NOT_NAMES or w in BUSINESS_WORDS or w in _PLACE_WORDS or w in place_names() for w in words):
                continue
            reply = next((s for s in ordered[position + 1 :] if s.speaker != segment.speaker), None)
            if reply is None or not any(re.search(rf"\b{re.escape(word)}\b", reply.text) for word in words):
                continue
            yield TextSpan(segment.index, asked.start("first"), asked.end("first"))
            yield TextSpan(segment.index, asked.start("second"), asked.end("second"))


# How a name said again is written, after it: "Bello with two Ls", "O'Brien without the apostrophe", "Reid, as in"
_HOW_WRITTEN_AFTER = re.compile(
    r"\s+(?i:with(?:out)?\s+(?:a|an|the|two|double|one|no)\s+(?:[a-z]|[a-z]s|ls|apostrophe|accent|hyphen|space|"
    r"capital|dash|fada|umlaut|e|y|h)\b|is\s+spel[lt]|spel[lt]\s+(?:with|like|as))"
)
# Said of how an e-mail address is written, around a word of its mailbox said again: "with a hyphen after oyelaran?"
_HOW_WRITTEN_NEAR = re.compile(r"\b(?i:hyphen|dash|underscore|no space|one word|spel[lt]|capital|lower case)\b")
# ... but not in the address said again: "mary dash kate, all lowercase"
_SEPARATOR_AFTER = re.compile(rf"\s+(?i:{'|'.join(sorted(SEPARATOR_WORDS))})\b")
_SEPARATOR_BEFORE = re.compile(rf"\b(?i:{'|'.join(sorted(SEPARATOR_WORDS))})\s+$")
# A word joined to the next or the one before by a dot, an underscore or an "@" with no space is part of a handle.
# ... or said so ("Priya dot raman, 88?"); not every separator word: "Adebayo hyphen Okafor" is a double-barrelled name
_IN_HANDLE_AFTER = re.compile(r"[._@]\w|\s+(?i:dot|underscore)\s+\w")
_IN_HANDLE_BEFORE = re.compile(r"\w[._@]$")
# a word of an e-mail address as recognition wrote it heard, its domain's ending a few words on: "F -N -O -Harley
# adamantil .net .om"
_IN_ADDRESS_HEARD_AFTER = re.compile(r"[^?!]{0,40}?\s\.(?:com|net|org|co|om|uk|ie|io|edu|gov|au|nz|za|ca)\b")


def _told_how_written(text: str, match: re.Match[str], surnames: set[str]) -> bool:
    """Whether the word ``match`` is a surname of a mailbox said again in lower case as the speaker tells how it is
    written ("a hyphen after oyelaran?", "alrashid, no space"), not inside the address said again ("mary dash kate")."""
    return (
        match.group().capitalize() in surnames
        and _HOW_WRITTEN_NEAR.search(text) is not None
        and not _SEPARATOR_AFTER.match(text, match.end())
        and not _SEPARATOR_BEFORE.search(text, 0, match.start())
    )


def names_said_again(
    segments: Sequence[Segment], names: Iterable[TextSpan], emails: Iterable[TextSpan] = ()
) -> Iterable[TextSpan]:
    """Every other place a name found once is said: "my name is Anna" ... "Hi Anna", also with the rest of the name
    next to it ("Anna Quist" read back): that rest is then known too. An e-mail address's words name its owner
    ("priya.natarajan@..." ... "thank you priya")."""
    texts = {segment.index: segment.text for segment in segments}
    spans = list(names)
    parts = {
        part
        for span in spans
        for part in re.findall(_NAME, texts[span.segment][span.start : span.end])
        if len(part) >= _MIN_NAME_LETTERS and part not in NOT_NAMES
    }
    # each half of a double-barrelled name may be said alone, or with the hyphen said: "Adeyemi hyphen Clarke"
    parts |= {
        half
        for part in list(parts)
        if re.fullmatch(rf"[{_CAPITALS}]\S*-[{_CAPITALS}]\S*", part)
        for half in part.split("-")
        if len(half) >= _MIN_NAME_LETTERS and half not in NOT_NAMES and half not in BUSINESS_WORDS
    }
    # a name with accents is said again without them, as one writes it who has no such letters: "Þór" as "Thor",
    # "Nguyễn" as "Nguyen"
    parts |= {
        plain.capitalize()
        for part in list(parts)
        for plain in spellings(part) - {part.lower()}
        if plain.isalpha() and plain.capitalize() not in NOT_NAMES and plain.capitalize() not in BUSINESS_WORDS
    }
    # a name spelled ("K-O-W-A-L-S-K-I") is said again as a word ("Kowalski, thank you"), its apostrophe said too
    # ("D, apostrophe, S-O-U-Z-A" as "D'Souza")
    parts |= {
        letters.capitalize()
        for span in spans
        if SPELLED_LETTERS.fullmatch(spelled := texts[span.segment][span.start : span.end])
        and len(letters := re.sub(r"[^A-Za-z]", "", spelled)) >= _MIN_SPELLED_NAME_LETTERS
    }
    parts |= {
        "'".join(spelled_letters(piece).capitalize() for piece in pieces)
        for span in spans
        if len(pieces := _APOSTROPHE_SAID.split(texts[span.segment][span.start : span.end])) == 2
        and all(spelled_letters(piece) for piece in pieces)
    }
    # a name learned in lower case ("it's de la cruz, marisol de la cruz") is said again capitalised ("Marisol?")
    learned_in_lower_case = {
        word
        for span in spans
        if (name := texts[span.segment][span.start : span.end]) == name.lower()
        for word in name.split()
        if len(word) >= _MIN_NAME_LETTERS
        and word.isalpha()
        and word not in _NAME_PARTICLES
        and word.capitalize() not in NOT_NAMES
        and word.capitalize() not in BUSINESS_WORDS
    }
    # a mailbox's word with digits after it names its owner too: "jiwoo.park91" ... "Park"
    mailbox_parts = {
        part.capitalize()
        for span in emails
        for word in _mailbox_words(texts[span.segment][span.start : span.end])
        if (part := re.sub(r"\d+$", "", word)).isalpha()
        and len(part) >= _MIN_NAME_LETTERS
        and part not in ROLE_MAILBOXES
        and part.capitalize() not in NOT_NAMES
        and part.capitalize() not in BUSINESS_WORDS
    }
    parts |= mailbox_parts
    # a mailbox of an initial and a word is a person's ("k.oyelaran-smith", "m dash alrashid"); one of words alone
    # may be a team's ("baggage claim at ...")
    mailboxes = [_mailbox_words(texts[span.segment][span.start : span.end]) for span in emails]
    initialled_surnames = {
        part.capitalize()
        for words in mailboxes
        if any(len(word) == 1 for word in words)
        for part in words
        if part.capitalize() in mailbox_parts
    }
    # a mailbox's "jiwoo" is said with the hyphen of a given name of two syllables: "Ji-woo"
    parts |= {
        hyphenated
        for segment in segments
        for hyphenated in re.findall(rf"\b[{_CAPITALS}]{_LOWER}+-{_LOWER}+\b", segment.text)
        if hyphenated.replace("-", "").capitalize() in mailbox_parts
    }
    # a mailbox's "alrashid", "elamin" is said with its hyphen: "Al-Rashid", "El-Amin"
    parts |= {
        f"{part[:2]}-{part[2].upper()}{part[3:]}"
        for part in mailbox_parts
        if re.fullmatch(r"(?:Al|El)[b-df-hj-np-tv-z]\w{2,}", part)
    }
    # a mailbox's "obrien", "dsouza" is said with its apostrophe: "O'Brien", "D'Souza"
    parts |= {
        f"{part[0]}'{part[1].upper()}{part[2:]}"
        for part in list(parts)
        if re.fullmatch(r"[OD][b-df-hj-np-tv-z]\w+", part)
    }
    found: list[TextSpan] = []
    for _ in range(2):  # once more with the words found next to a known name
        if not parts and not learned_in_lower_case:
            return
        said = re.compile(
            r"\b(?:" + "|".join(re.escape(part) for part in sorted(parts | learned_in_lower_case)) + r")\b",
            re.IGNORECASE,
        )
        found = []
        for segment in segments:
            text = segment.text
            for match in said.finditer(text):
                if (
                    _IN_HANDLE_AFTER.match(text, match.end())
                    or _IN_HANDLE_BEFORE.search(text, 0, match.start())
                    or _IN_ADDRESS_HEARD_AFTER.match(text, match.end())
                ):
                    continue  # a word of a handle written out, not said on its own: "sam.o'brien", "jo_k"
                if match.group() not in parts and not (
                    match.group()[0].isupper() and match.group().lower() in learned_in_lower_case
                ):
                    # a name in lower case, only where a greeting or an introduction says it is one, or where it
                    # ends what is said to its owner: "and what's your date of birth lorcan"
                    if (
                        match.group() != match.group().lower()
                        or not (
                            _LOWER_CASE_NAME_CUE.search(text[: match.start()].lower())
                            or _told_how_written(text, match, initialled_surnames)
                            or (
                                match.group() not in _WORD_NAMES
                                and match.group() not in english_words()  # "Which email do you have?"
                                and _SAID_TO_BEFORE.search(text[: match.start()])
                                and _SAID_TO_AFTER.match(text, match.end())
                            )
                        )
                    ):
                        continue
                    found.append(TextSpan(segment.index, match.start(), match.end()))
                    continue
                sentence_start = re.search(r"(?:^|[.!?])\s*$", text[: match.start()]) is not None
                how_written = _HOW_WRITTEN_AFTER.match(text, match.end()) is not None
                # At a sentence's start a name that is also a word ("Will", "Mark") is capitalised anyway: only
                # "Anna, ..." counts there, not "Will that be all?"; one no dictionary has is no word ("D'Souza.",
                # "Hollingsworth. Gareth Hollingsworth.").
                no_word = match.group().lower() not in english_words()
                # or said alone as its own sentence: "Thanks. Jasmine. We need ..."
                # (not a handle heard apart: "Jasmine .leblanc at shaw .ca")
                alone = re.match(r"\s*(?:[,!?]|\.(?:\s|$))", text[match.end() :])
                if not sentence_start or how_written or no_word or alone:
                    start, end = _name_words_around(text, match.start(), match.end())
                    found.append(TextSpan(segment.index, start, end))
                elif re.match(rf"\s{_NAME}\b", text[match.end() :]):  # "Rosalind Quist" starting an answer
                    start, end = _name_words_around(text, match.start(), match.end())
                    if end > match.end():
                        found.append(TextSpan(segment.index, start, end))
        more = {
            part
            for span in found
            for part in re.findall(_NAME, texts[span.segment][span.start : span.end])
            if len(part) >= _MIN_NAME_LETTERS and part not in NOT_NAMES
        }
        if more <= parts:
            break
        parts |= more
    yield from found


# A name said right before an e-mail address, as whose it is: "Jean-Pierre, J-P dot Lefebvre at ...", "Ana María:
# amr@..."
_NAME_BEFORE_EMAIL = re.compile(rf"(?<![\w'-])(?P<name>{_NAME}(?:{_NEXT_NAME}){{0,2}})[,:]\s*$")
_MIN_INITIALS = 2


def names_before_emails(segments: Sequence[Segment], emails: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """The name said right before an e-mail address whose mailbox is made of its words or its initials: the owner's
    name ("Jean-Pierre" before "jp.lefebvre@...", "Mary Ellen" before "m.e.obrien@...")."""
    texts = {segment.index: segment.text for segment in segments}
    for email in emails:
        match = _NAME_BEFORE_EMAIL.search(texts[email.segment][: email.start])
        if match is None or _not_a_name(match.group("name")):
            continue
        words = _mailbox_words(texts[email.segment][email.start : email.end])
        parts = [part for part in re.split(r"[\s-]+", match.group("name")) if part[0].isupper()]
        initials = "".join(part[0] for part in parts).lower()
        # the initials as one word ("jp"), or as letters apart ("j.p"), or before the surname ("jplefebvre")
        letters = "".join(word if len(word) == 1 else " " for word in words).split()
        by_initials = len(initials) >= _MIN_INITIALS and (
            initials in words or initials in letters or any(w.startswith(initials) and len(w) > 4 for w in words)
        )
        by_words = any(spellings(part) & set(words) for part in parts if len(part) >= _MIN_NAME_LETTERS)
        if by_initials or by_words:
            yield TextSpan(email.segment, match.start("name"), match.end("name"))


# One letter of a name spelled, or two or three the same ("double E"), or the mark between its letters
# ("apostrophe", "hyphen"): "O apostrophe K double E double F E", "M-C-C-A-R-T-H-Y"
_SPELLED_UNIT = re.compile(
    rf"(?<![\w'])(?:(?P<times>(?i:double|triple))\s+)?(?P<letter>[A-Za-z{_CAPITALS}])(?![\w'])"
    r"|(?<![\w'])(?i:apostrophe|hyphen|dash|space)\b"
)
_SPELLED_GAP = re.compile(r"[\s,.-]*")
# Three letters may spell a name as well as a code's ("L double E"): only longer names are looked for.
_MIN_SPELLED_NAME_LETTERS = 4
# Said right before or after the letters of an e-mail address read back: "R dot F-E-R-R-E-I-R-A, at gmail"
_MAILBOX_NEXT_TO = re.compile(r"\b(?i:dot|at|underscore)\s*$")
_MAILBOX_AFTER = re.compile(r"[\s,]*(?:@|(?i:dot|at|underscore)\b)")


def names_spelled_again(
    segments: Sequence[Segment], names: Iterable[TextSpan], emails: Iterable[TextSpan] = ()
) -> Iterable[TextSpan]:
    """A name found once, or a word of an e-mail address's mailbox, spelled letter by letter where it is read back:
    "And is that O apostrophe K double E double F E?" after "Deirdre dot O'Keeffe at eircom dot net"."""
    texts = {segment.index: segment.text for segment in segments}
    said = [re.findall(_NAME, texts[span.segment][span.start : span.end]) for span in names]
    words = [word for name in said for word in name]
    # a surname of two words spelled as one run: "El Amrani" as E-L, space, A-M-R-A-N-I
    words += [
        "".join(name[first:last])
        for name in said
        for first, last in itertools.combinations(range(len(name) + 1), 2)
        if last - first > 1
    ]
    words += [word for span in emails for word in _mailbox_words(texts[span.segment][span.start : span.end])]
    # an accented name spelled with its accents or without: "Castañeda" as C-A-S-T-A-N-E-D-A too
    known = {
        letters
        for word in words
        if word.capitalize() not in NOT_NAMES and word not in ROLE_MAILBOXES
        for spelled in spellings(word)
        if len(letters := "".join(char for char in spelled if char.isalpha())) >= _MIN_SPELLED_NAME_LETTERS
    }
    if not known:
        return
    for segment in segments:
        text = segment.text
        # an accent said after a letter is no letter of its own: "N with a tilde"
        unaccented = re.sub(_ACCENT_NOTE, lambda note: " " * len(note.group()), text)
        units: list[tuple[int, int, str]] = []  # each unit's start, end and letters, in one run of units
        for unit in _SPELLED_UNIT.finditer(unaccented):
            if units and not _SPELLED_GAP.fullmatch(unaccented, units[-1][1], unit.start()):
                yield from _spelled_known(segment.index, text, units, known)
                units = []
            times = {"double": 2, "triple": 3}.get((unit.group("times") or "").lower(), 1)
            units.append((unit.start(), unit.end(), (unit.group("letter") or "").lower() * times))
        yield from _spelled_known(segment.index, text, units, known)


def _spelled_known(index: int, text: str, units: Sequence[tuple[int, int, str]], known: set[str]) -> Iterable[TextSpan]:
    """The stretches of ``units`` that spell one of the ``known`` names' letters, from a letter to a letter."""
    for first, (start, _, letters) in enumerate(units):
        if not letters:
            continue
        spelled = ""
        for _, end, more in units[first:]:
            spelled += more
            if len(spelled) > max(map(len, known)):
                break
            if more and spelled in known:
                if not _MAILBOX_NEXT_TO.search(text[:start]) and not _MAILBOX_AFTER.match(text, end):
                    yield TextSpan(index, start, end)
                break


# Yes said to a question about someone named, with another of their names: "Is the landlord still Mr. Van der
# Merwe?" / "Yeah, Johan."
_YES_THEN_NAME = re.compile(
    rf"\s*(?i:yes|yeah|yep|yup|that's right|correct|that's (?:him|her)|it is|still)[,.]?\s+(?P<name>{_NAME})"
    r"\s*[.!]?\s*$"
)


def names_confirmed_by_another(segments: Sequence[Segment], names: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """The name said with a yes to a question about someone named: another of their names."""
    named = {span.segment for span in names}
    ordered = in_time_order(segments)
    for position, segment in enumerate(ordered):
        if segment.index not in named or not segment.text.rstrip().endswith("?"):
            continue
        reply = next((s for s in ordered[position + 1 :] if s.speaker != segment.speaker), None)
        match = None if reply is None else _YES_THEN_NAME.match(reply.text)
        if reply is None or match is None:
            continue
        name = match.group("name")
        if name not in NOT_NAMES and name not in BUSINESS_WORDS and name.lower() not in MONTHS:
            yield TextSpan(reply.index, match.start("name"), match.end("name"))


# A name put right in the other side's answer: a word no dictionary has, its first letter the name's and at most two
# letters different ("Is that Shivani with a V?" / "No, with a B, Shibani.").
_MIN_PUT_RIGHT_LETTERS = 4
_MAX_LETTERS_PUT_RIGHT = 2


def names_put_right(segments: Sequence[Segment], names: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """A name said in the answer to a segment a name was found in, spelled a letter or two differently."""
    texts = {segment.index: segment.text for segment in segments}
    said = {
        (span.segment, word)
        for span in names
        for word in re.findall(_NAME, texts[span.segment][span.start : span.end])
        if len(word) >= _MIN_PUT_RIGHT_LETTERS
    }
    ordered = in_time_order(segments)
    for position, segment in enumerate(ordered):
        named = [word for index, word in said if index == segment.index]
        reply = next((s for s in ordered[position + 1 :] if s.speaker != segment.speaker), None)
        if not named or reply is None:
            continue
        for word in re.finditer(_NAME, reply.text):
            heard = word.group()
            if (
                len(heard) >= _MIN_PUT_RIGHT_LETTERS
                and heard not in NOT_NAMES
                and heard.lower() not in english_words()
                and any(
                    heard != name
                    and heard[0] == name[0]
                    and max(len(heard), len(name)) - in_order_in_common(heard.lower(), name.lower())
                    <= _MAX_LETTERS_PUT_RIGHT
                    for name in named
                )
            ):
                yield TextSpan(reply.index, word.start(), word.end())


# A reply that says a name asked about is not theirs and gives theirs: "No, Sean, S-E-A-N.", "Nope, it's Shona."
_NAME_PUT_RIGHT_IN_REPLY = re.compile(r"\s*(?i:no|nope|not quite)[,.!]?\s+(?:(?i:it's|its|it is|actually),?\s+)?")


def names_asked_and_put_right(segments: Sequence[Segment], names: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """A name asked about ("Is that Shawn?") that the other side puts right, with "no" and a name found in their reply
    ("No, Sean, S-E-A-N."): the name as the asker heard it."""
    found_at = {(span.segment, span.start) for span in names}
    ordered = in_time_order(segments)
    for position, segment in enumerate(ordered):
        reply = next((s for s in ordered[position + 1 :] if s.speaker != segment.speaker), None)
        put_right = _NAME_PUT_RIGHT_IN_REPLY.match(reply.text) if reply is not None else None
        if reply is None or put_right is None or (reply.index, put_right.end()) not in found_at:
            continue
        for match in _IS_THAT.finditer(segment.text):
            words = match.group("name").split()
            if not NOT_NAMES.intersection(words) and not BUSINESS_WORDS.intersection(words):
                yield TextSpan(segment.index, match.start("name"), match.end("name"))


# A full name starting a sentence, right before an address: "Anneliese Vorster, 12 Protea Street, ..." read back; or
# where they are: "a policy for Gregor Lindqvist at 9 Ferny Rise, Albury".
_NAME_BEFORE_DETAIL = re.compile(
    # or after what one has on record, read back: "So I've got Ngozi Chukwu, 62 Ash Grove, ..."; or before a phone
    # or a birth date, named or not: "Eleni Georgiou, mobile 694 521 8307."
    r"(?:(?:^|(?<=[.:!?]\s)|(?<=\b(?i:i've got)\s)|(?<=\b(?i:we've got)\s)|(?<=\b(?i:i have)\s)"
    rf"|(?<=\b(?i:we have)\s))(?P<name>{_NAME}(?:{_NEXT_NAME}){{1,2}}),\s*"
    r"(?:(?i:mobile|phone|cell|tel|born|dob|date of birth|birthday)[:,]?\s+)?"
    rf"|(?<![\w'])(?P<found_at>{_NAME}(?:{_NEXT_NAME}){{1,2}})\s+at\s+"
    # or who is to be called back on the phone, a first name alone too: "a callback to Marisol on 214 908 3316" (not
    # "Ring Dublin on ...": a call to a place)
    r"|\b(?i:callback|call back)\s+(?:(?i:to|for)\s+)?"
    rf"(?P<called>{_NAME}(?:{_NEXT_NAME}){{0,2}})\s+on\s+)$"
)


# Words of a building's, an estate's or a street's name, said before an address as well: "Rose Cottage, 12 ..."
_PLACE_WORDS = {
    "Street", "Road", "Avenue", "Lane", "Drive", "Court", "Way", "Place", "Terrace", "Circle", "Parkway", "Highway",
    "Square", "Trail", "Alley", "Parade", "Crescent", "Row", "Close", "Mews", "Grove", "Gardens", "Hollow", "Walk",
    "Rise", "Green", "Hill", "Heights", "Ridge", "Loop", "Bend", "Path", "Cottages", "Villas", "Cottage", "House",
    "Farm", "Farmhouse", "Rectory", "Vicarage", "Lodge", "Barn", "Mill", "Hall", "Manor", "Villa", "Grange",
    "Granary", "Croft", "Bungalow", "Chapel", "Stables", "Orchard", "Oast", "Park", "Estate", "Building", "Tower",
    "Towers", "Block", "Apartments", "Flats", "Plaza", "Quay", "Wharf", "Yard", "Point", "View", "Industrial",
    "Business", "Retail", "Trading", "Unit", "Suite", "Floor", "Flat", "Apartment", "North", "South", "East", "West",
    "New", "Saint", "Port", "Fort", "Mount", "Lake", "Upper", "Lower", "Great", "Little", "Old", "City", "Town",
}  # fmt: skip


def names_before_details(segments: Sequence[Segment], details: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """The full name said right before an address, a phone number or a birth date, as a record is read out: whose
    they are."""
    texts = {segment.index: segment.text for segment in segments}
    for detail in details:
        match = _NAME_BEFORE_DETAIL.search(texts[detail.segment][: detail.start])
        if match is None:
            continue
        group = next(group for group in ("name", "found_at", "called") if match.group(group))
        words = match.group(group).split()
        if words[0] in _NOT_NAME_BEFORE:
            continue  # "For Ana Lima, born ...": the sentence's first word, no name's
        if not any(w in NOT_NAMES or w in BUSINESS_WORDS or w in _PLACE_WORDS or w.lower() in MONTHS for w in words):
            yield TextSpan(detail.segment, match.start(group), match.end(group))


# Two people named together, the surname said once: "Ahmed and Samira Qureshi"; or another way the name may be
# said or written: "Niamh, or Neve?", "Is it Sean or Shaun?"
_AND_ANOTHER_NAME = re.compile(
    rf"\s+and\s+(?P<name>{_NAME}(?:{_NEXT_NAME}){{1,2}})(?=\s*(?:[,.!?]|$))"
    rf"|,?\s+or\s+(?:(?i:maybe|perhaps|possibly)\s+)?(?P<other>{_NAME}(?:{_NEXT_NAME}){{0,2}})"
    r"(?=\s*(?:[,.!?]|$)|\s+(?i:maybe|perhaps|i think)\b)"
)


# Whom a thing is for or goes to, read back or asked for, a full name: "And that's for Patrick Doyle?", "it's a
# corporate card for Ibrahim Haddad.", "Can you do the transfer to Lupe Taufa?", "deliver to Ingrid Haugen, ...".
_WHOM_FOR = re.compile(
    r"\b(?i:(?:that's|that is|this is|it's|it is|is this|is that|is it)\s+for|"
    r"(?:card|transfer|payment|prescription|parcel|package|gift|refund)(?:\s+in)?\s+for|"
    r"(?:deliver|send|transfer|pay|post|ship|forward)(?:\s+(?:it|this|that|them|the money|money|the parcel|"
    r"the payment))?\s+to)\s+"
    rf"(?P<name>{_NAME}(?:{_NEXT_NAME}){{1,2}})(?=\s*[,.!?;]|\s+(?i:born|please|instead)\b|\s*$)"
)
# The first words of places and firms of two words or more, that something may be for or go to too: "send it to Los
# Angeles", "deliver to Santa Monica", "that's for Hong Kong", "transfer to Wells Fargo", "pay it to American Express".
_NOT_WHOM_STARTS = {
    "Wells", "American", "British", "Royal", "Western", "National", "First", "Bank", "Air",
    "Los", "Las", "San", "Santa", "Santo", "São", "Sao", "St", "El", "La", "Le", "Hong", "Abu", "Buenos", "Rio",
    "Kuala", "Tel", "Costa", "Cape", "Palm", "Salt", "Puerto", "Ho", "Addis", "Dar", "Sri", "Saudi", "Port", "Fort",
}  # fmt: skip


def _no_name_word(word: str) -> bool:
    """A word no name is made of: a firm's, a place's, a kin word, a day or a month."""
    return _not_one_more_name(word) or re.fullmatch(_DAYS_AND_MONTHS, word) is not None


# Someone named, then said to be one's family or oneself: "Best ring Janet, that's my daughter, on ...", "Tomasz,
# he's my husband, will collect it", "Yep, Mike Sullivan, that's me."
_NAME_THEN_KIN = re.compile(
    rf"(?<![\w'-])(?P<name>{_NAME}(?:{_NEXT_NAME}){{0,2}}),\s+"
    r"(?:(?i:that's|that is|she's|she is|he's|he is|who's|who is)\s+(?i:my|our)\s+"
    rf"(?i:{_KIN_AGE}{_LOWER_CASE_KIN})|(?i:that's|that is|it's|it is) me)\b"
)


def names_then_kin(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """A name said just before who it is to the speaker, or that it is them ("Saturday, that's my son's birthday" is
    when, not whom)."""
    return _people_named(segments, _NAME_THEN_KIN)


def names_something_is_for(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The full name of whom a card, a transfer or a delivery is for or goes to ("a gift for Mother's Day", "send it
    to New Zealand" are when or where, not whom)."""
    return _people_named(segments, _WHOM_FOR)


def _people_named(segments: Sequence[Segment], pattern: re.Pattern[str]) -> Iterable[TextSpan]:
    """Each ``name`` group of ``pattern`` that has no word of a place, a firm, a kin word, a day or a month."""
    for segment in segments:
        for match in pattern.finditer(segment.text):
            words = match.group("name").split()
            if words[0] not in _NOT_WHOM_STARTS and not any(_no_name_word(word) for word in words):
                yield TextSpan(segment.index, match.start("name"), match.end("name"))


# The short or spoken form of a name told after it: "It's Ray, short for Raymond.", "Ailbhe, it's pronounced Alva.",
# "Most people just say Emeka.", "just put Przemek.", "everyone calls me JB" (initials, in capitals). One word, ending
# what is said, and only after a name found before it in the same turn: "SUV, short for Sport Utility Vehicle", "PIN,
# short for Personal", "just put Pending" are no one.
_NAME_AS_SAID = re.compile(
    r"\b(?:(?i:short for|(?:it's |it is )?pronounced(?: like)?|(?:most people|everyone|everybody|people|friends|they)"
    rf"(?: just)? say|just put)\s+(?P<name>{_NAME})"
    r"|(?i:(?:most people|everyone|everybody|people|friends|they)(?: just)? calls? (?:me|him|her|them))\s+"
    rf"(?P<initials>{_NAME}|[A-Z]{{2,3}}))(?=\s*[,.!?]|\s*$)"
)


# The name one was given, said before the one everyone uses: "it's Ignacio but everyone calls me Nacho".
_NAME_BEFORE_ONE_USED = re.compile(
    rf"(?<![\w'-])(?P<name>{_NAME}),?\s+(?i:but|though|although|and)\s+"
    r"(?i:most people|everyone|everybody|people|friends|my friends)(?: just)? (?i:calls? me|say)\s+"
    rf"(?P<used>{_NAME})(?=\s*[,.!?]|\s*$)"
)


def names_as_said(segments: Sequence[Segment], names: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """The short, long or spoken form of a name found before it in the same turn, told as what to say or write
    for it; and the name one was given, said before the one everyone uses."""
    first_name_ends: dict[int, int] = {}
    for span in names:
        first_name_ends[span.segment] = min(span.end, first_name_ends.get(span.segment, span.end))
    for segment in segments:
        for given in _NAME_BEFORE_ONE_USED.finditer(segment.text):
            if not any(_no_name_word(given.group(group)) for group in ("name", "used")):
                yield TextSpan(segment.index, given.start("name"), given.end("name"))
        if segment.index not in first_name_ends:
            continue
        for match in _NAME_AS_SAID.finditer(segment.text, first_name_ends[segment.index]):
            group = "name" if match.group("name") else "initials"
            word = match.group(group)
            if not _no_name_word(word):
                yield TextSpan(segment.index, match.start(group), match.end(group))


# Children or grandchildren named together after who they are: "my two sons, Oliver and Henry Whitaker", "the kids,
# Dara and Leila", "our daughters are Mia, Ava and Zoe". Two names at least, the last after "and".
_KIN_NAMED_TOGETHER = re.compile(
    r"\b(?i:my|our|his|her|their|the)\s+(?:(?i:two|three|four|five|twin|little|grown-up)\s+)?"
    r"(?i:sons|daughters|kids|children|boys|girls|grandchildren|grandkids|twins|grandsons|granddaughters|nieces|"
    r"nephews|stepchildren|stepsons|stepdaughters)(?:\s+(?i:are|were))?,?\s+"
    rf"(?P<names>{_NAME}(?:{_NEXT_NAME})?(?:,\s+{_NAME}(?:{_NEXT_NAME})?)*,?\s+and\s+{_NAME}(?:{_NEXT_NAME})?)"
    r"(?=\s*[,.!?;]|\s*$)"
)


def names_of_kin_named_together(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """Each name in a list of children or grandchildren named after who they are."""
    for segment in segments:
        for match in _KIN_NAMED_TOGETHER.finditer(segment.text):
            names = list(re.finditer(rf"{_NAME}(?:{_NEXT_NAME})?", match.group("names")))
            if any(_not_one_more_name(word) for name in names for word in name.group().split()):
                continue  # "my kids, Disney and Pixar": what they like, not who they are
            for name in names:
                start = match.start("names") + name.start()
                yield TextSpan(segment.index, start, start + len(name.group()))


def names_and_another(segments: Sequence[Segment], names: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """The full name said right after a found name and "and": the other of two people named together."""
    texts = {segment.index: segment.text for segment in segments}
    for span in names:
        other = _AND_ANOTHER_NAME.match(texts[span.segment], span.end)
        if other is None:
            continue
        group = "name" if other.group("name") else "other"
        words = other.group(group).split()
        if not any(w in NOT_NAMES or w in BUSINESS_WORDS or w in _PLACE_WORDS or w.lower() in MONTHS for w in words):
            yield TextSpan(span.segment, other.start(group), other.end(group))


# Whisper ends a segment after a title's full stop, and the name starts the next one: "Thank you Ms." / "Marchetti."
_TITLE_ENDING_SEGMENT = re.compile(r"(?:^|(?<=[\s,]))(?i:mr|mrs|ms|miss|mx|mister|missus)\.?[?!]?\s*$")
_NAME_STARTING_SEGMENT = re.compile(rf"\s*(?P<name>{_NAME}(?:{_NEXT_NAME}){{0,2}})(?=\s*[,.!?]|$)")


def names_after_title_ending_segment(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The name that starts a segment when the speaker's segment before ended with a title."""
    ordered = in_time_order(segments)
    for before, segment in itertools.pairwise(ordered):
        if before.speaker != segment.speaker or not _TITLE_ENDING_SEGMENT.search(before.text):
            continue
        match = _NAME_STARTING_SEGMENT.match(segment.text)
        # after a title a month's word is a surname: "Ms." / "March."
        if match is not None and not any(w in NOT_NAMES or w in BUSINESS_WORDS for w in match.group("name").split()):
            yield TextSpan(segment.index, match.start("name"), match.end("name"))


# Someone named between commas after who they are, before what they will do or did: "The fitter, Dale, will ring
# you" (heard "The figure, Dale, will bring you"), "Your group leader, Mama Wanjiru, will also be informed".
_IN_APPOSITION = re.compile(
    r"\b(?i:the|your|my|our|his|her|their)\s+(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*,\s+"
    rf"(?P<name>(?!{_WHEN_NAMES}\b){_NAME}(?:\s+{_NAME})?),\s+"
    r"(?:will|is|was|can|could|should|would|has|had|may|might|rang|called|said)\b"
)


def names_in_apposition(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words between commas after "the", "your" (...) and a noun, before a verb, where none is a number, a
    place's kind or a business's."""
    for segment in segments:
        for match in _IN_APPOSITION.finditer(segment.text):
            words = match.group("name").split()
            if not _holds_no_name_word(words) and not any(
                w in _PLACE_WORDS or w.lower() in DIGIT_WORDS or w.lower() in TENS for w in words
            ):
                yield TextSpan(segment.index, match.start("name"), match.end("name"))


# The words after a title up to a pause, the first none a sentence goes on with.
_NAME_UP_TO_PAUSE = (
    r"(?P<name>(?!(?i:please|sir|madam|thanks|thank|yes|no|okay|ok|right|sorry|what|what's|how|where|when|why|who|"
    r"can|could|would|will|is|are|was|do|does|did|i|i'm|you|you're|we|they|he|she|it|it's|that|this|there|here|and|"
    r"but|so|or|if)\b)[A-Za-z][\w'-]*"
    r"(?:\s+[A-Za-z][\w'-]*){0,2})(?=\s*[,.!?]|\s*$)"
)
# "Mister" and "missus" said in full are titles, never verbs: the words after them up to a pause are a name,
# however Whisper heard it ("thanks mister, a mail, your refund ...").
_SPOKEN_TITLE_NAME = re.compile(
    # "Mrs" said to someone is heard as "mission" too: "Anx, you mission penberton!" (thank you, Mrs Pemberton)
    rf"(?:\b(?i:mister|missus)|(?<=\b(?i:you)\s)(?i:mission)),?\s+{_NAME_UP_TO_PAUSE}"
)


# A title as Whisper writes it, in capitals or with a comma after it, said to someone after a word of acknowledgement:
# the words after it up to a pause are the name, however heard ("Okay, MS, organ, I see your return." for Ms Ortega,
# "You're welcome MS Loom."; not "her MS, sadly", nor a program: "Okay, MS Teams is fine").
_TITLE_AS_WRITTEN_NAME = re.compile(
    r"\b(?i:okay|ok|right|alright|yes|thanks|thank you|sorry|great|perfect|lovely|hello|hi|welcome),?\s+"
    rf"(?:M[Ss]|M[Rr][Ss]?|Mx)\.?,?\s+(?!(?i:teams|word|office|excel|outlook|access|dos)\b){_NAME_UP_TO_PAUSE}"
)


# A title and a few words, all a segment says, ending in a capitalised one: whom one addresses, the name however
# heard ("Thanks." / "Miss you Deiren." for "Thanks, Miss Gutiérrez.").
_TITLE_ALONE = re.compile(
    r"\s*(?i:mr|mrs|ms|miss|mx|mister|missus)\.?,?\s+"
    r"(?P<name>(?!(?i:the|a|an|it|that|this|out|on|thank|thanks|my|your|his|her|their|our)\b)"
    r"(?:[A-Za-z][\w'-]*\s+){0,2}(?!You\b)[A-Z][a-z'-]+)\s*[.!]?\s*$"
)


def names_after_spoken_title(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words right after "mister" or "missus", or a title as Whisper writes it, up to a pause; the words after a
    title said alone."""
    for segment in segments:
        for match in itertools.chain(
            _SPOKEN_TITLE_NAME.finditer(segment.text), _TITLE_AS_WRITTEN_NAME.finditer(segment.text)
        ):
            yield TextSpan(segment.index, match.start("name"), match.end("name"))
        alone = _TITLE_ALONE.fullmatch(segment.text)
        if alone is not None and not _not_a_name(alone.group("name")):
            yield TextSpan(segment.index, alone.start("name"), alone.end("name"))


# One's name announced as the call is answered, after the business's: "Harbourside Hotel, pre -enka speaking.",
# "Fernhill Dental, this is the mouth." (a name misheard as words). In the greeting those words are a name, but for
# an adverb ("broadly speaking"), oneself, what the call is ("this is a recorded line") or how it is ("this is
# ridiculous", "this is annoying").
_NOT_ANNOUNCED_WORDS = (
    r"(?:i|i'm|am|who|who's|is|it|it's|me|you|you're|he|him|she|her|they|them|we|us|yes|yeah|generally|broadly|"
    r"technically|strictly|honestly|roughly|personally|frankly|legally|medically|recorded|recording|monitored|"
    r"automated|courtesy|reminder|call|message|line|voicemail|about|regarding|urgent|important|your|not|just|still|"
    r"speaking|speakin'|here|calling|great|good|fine|ok|okay|perfect|lovely|brilliant|so|really|very|too|quite|"
    r"ridiculous|urgent|awful|terrible|weird|odd|strange|wrong|right|correct|true|"
    # a verb's form in lower case; capitalised, a name that ends so: "Ahmed speaking", "Tunned Speaking" (Tunde)
    r"(?-i:[a-z]+ing|[a-z]+ed))"
)
_DAYS_AND_MONTHS = rf"(?:{_WHEN_NAMES}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ANNOUNCED_NAME = re.compile(
    rf"(?:(?<=,\s)(?P<before>(?!(?i:{_NOT_ANNOUNCED_WORDS})\b)[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)"
    r"\s+(?i:speaking|speakin')"
    # a capitalised name right after the business's words, the comma not written: "box office Oliver speaking."
    rf"|(?<=[a-z]\s)(?P<capitalised>(?!{_DAYS_AND_MONTHS}\b)[A-Z][a-z'-]+)\s+(?:speaking|speakin')"
    # after a comma or a sentence's end, or "and": "..., and this is my liver." (Oliver); the agent putting the call
    # through to themselves: "you're speaking to pre -encore.", "you've got time." (Tomasz)
    r"|(?:(?<=,\s)|(?<=[.!?]\s)|^|(?<=,\s)(?i:and)\s+)"
    # who one is put through to is a person, not "the manager" or "our billing team"
    r"(?i:this is\s+|(?:you're speaking (?:with|to)|you are speaking (?:with|to)|you've got|you're through to)\s+"
    r"(?!(?:the|a|an|our|my|your|his|her|their)\b))"
    rf"(?P<after>(?!(?i:{_NOT_ANNOUNCED_WORDS})\b)[A-Za-z][\w'-]*"
    rf"(?:\s+-?(?!(?i:{_NOT_ANNOUNCED_WORDS})\b)[A-Za-z][\w'-]*){{0,2}}))"
    # the greeting's end: the segment's, the offer of help after it, or the business after "from"
    # calling out, the name before why: "This is a money. I'm calling about a charge" (Imani)
    r"(?=\s*[.,!]?\s*$|\s*[.,!]\s*(?i:how|what) (?:can|may) (?i:i|we)\b|\s+(?i:from)\s"
    r"|\s*[.,!]\s*(?i:i'm|i am) (?:calling|ringing)\b)"
)
# Before the offer of help the words after "this is" are the one answering, "your" too as it was heard: "May belief
# tell a come, this is your treat, how can I help?" (this is Gurpreet); not the business or its team.
_ANNOUNCED_BEFORE_HELP = re.compile(
    r"(?<=,\s)(?i:this is)\s+(?P<after>(?!(?i:i|i'm|me|it|it's|we|us|you|he|she|they|the|a|an|our|my)\b)"
    r"[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,2})(?=,\s*(?i:how|what) (?:can|may) (?i:i|we) (?:help|do)\b)"
)
# The caller introducing themselves in the call's first words, the name misheard in part: "it's Eroka T -Ware here"
# (Aroha Te Whare), "Yes, this is Quame Mansovo -10," (Kwame Mensah Boateng): a capitalised word, then up to two
# more of any case or led by a hyphen, before "here", "speaking" or "calling", or, after "this is", a comma.
_INTRODUCED_NAME_WORDS = r"[A-Z][\w'-]*(?:\s+[-&]?[A-Za-z0-9][\w'-]*){0,2}"  # "M &D" (Amandeep)
_INTRODUCED_NAME = re.compile(
    rf"\b(?i:this is|it's|it is|i'm|i am)\s+(?P<after>(?!(?i:{_NOT_ANNOUNCED_WORDS})\b){_INTRODUCED_NAME_WORDS})"
    r"\s+(?i:here|speaking|calling)\b"
    # ... and in Hindi: "main Rajesh Kumar bol raha hoon" (I am Rajesh Kumar speaking)
    rf"|\b(?i:main|mai|mein)\s+(?P<hindi>(?!(?i:{_NOT_ANNOUNCED_WORDS})\b){_INTRODUCED_NAME_WORDS})"
    r"\s+(?i:bol (?:raha|rahi) (?:hoon|hun|hu|hoo|hai))\b"
    rf"|(?:^|(?<=[.,!?]\s))(?i:(?:yes|yeah|hi|hello),?\s+)?(?i:this is)\s+"
    rf"(?P<before>(?!(?i:{_NOT_ANNOUNCED_WORDS})\b){_INTRODUCED_NAME_WORDS}),"
    # the name heard as lower-case words, anywhere in the greeting before "speaking": "... listen this is any
    # circumflex speaking" (Inês)
    rf"|\b(?i:this is)\s+"
    rf"(?P<lower>(?:(?!(?:{_NOT_ANNOUNCED_WORDS}|the|a|an|our|my|his|their)\b)[a-z][\w'-]*\s+){{1,2}})"
    r"(?i:speaking)\b"
)
# The agent's name heard as words that are no name, right before "speaking" as the call is answered: "Shannon
# Broadman, and I am speaking." (Niamh), "Riverside Medical Practice and Speaking." (Hannah). Only the call's very
# first words: later "I am speaking" is said of oneself.
_ANNOUNCED_AS_NO_NAME = re.compile(
    r"(?:(?<=,\s)|(?<=[a-z]\s))(?P<heard>(?i:and i am|and i'm|i am|and))\s+(?i:speaking)(?=\s*[.,!]|\s*$)"
    # "a" is never said before "speaking" that ends the greeting: the name heard as "I'm a", "you're a" (Gemma, Jarrah)
    r"|(?:(?<=,\s)|(?<=[a-z]\s)|^)(?P<article>(?:[A-Za-z][\w']*\s+)?(?i:a))\s+(?i:speaking)(?=\s*[.,!]|\s*$)"
    # "Mrs" heard as "mission" before the surname: "school of this mission hotel speaking." (Mrs Patel)
    r"|(?<=\s)(?P<titled>(?i:mission)\s+[A-Za-z][\w'-]*)\s+(?i:speaking)(?=\s*[.,!]|\s*$)"
    # a name heard in lower case right after the business's words: "little proud preschool finance may speaking," (Mei)
    rf"|(?<=[a-z]\s)(?P<lowered>(?!(?i:{_NOT_ANNOUNCED_WORDS})\b|[a-z]+n't\b)[a-z][\w'-]*)\s+(?i:speaking)"
    r"(?=\s*[.,!]|\s*$)"
)
_GREETING_SEGMENTS = 2  # the call's first segments: the business and who answers
# Who answers that is no one: the business, its team.
_NOT_WHO_ANSWERS = BUSINESS_WORDS | NOT_NAMES | {"Team", "Teams", "Staff", "Crew", "Line", "Desk"}
# The caller greeting the agent by the name just heard, misheard in any case: "Hi honor, I have a question" (Ana),
# "High -tiler, my payment failed" (Tyler), "Hai, Gripreat! I never get ..." (Gurpreet); New Zealand's "kia ora" as
# Whisper writes it: "Kia or a mania, ..." (Manaia).
_GREETING_WORDS = (
    r"^(?i:hi|hiya|high|hai|hey|hello|(?:good )?(?:morning|afternoon|evening)|good day|kia ora|kia or a|kiora|g'day)"
)
# A name's last syllable heard as a word of its own before the comma: "High Tams in, ..." (Tamsin), "and sit in,"
# (Étienne).
_NAME_ENDING_HEARD_AS_WORD = r"(?i:in|on)"
_GREETED_BACK = re.compile(
    rf"{_GREETING_WORDS}[,!]?\s+"
    # before a comma, or ending a sentence: "Good morning, Mardos. I got a fine ..." (Bartosz)
    rf"(?P<name>{_SAID_TO_WORD}(?:\s+(?:{_SAID_TO_WORD}|{_NAME_ENDING_HEARD_AS_WORD}))?)(?=\s*[,!]|\.\s+[A-Z])"
)


def _without_ending(words: str) -> str:
    """The words of a name said to someone, without the ending heard as a word of its own ("Tams in": "Tams")."""
    return re.sub(rf"\s+{_NAME_ENDING_HEARD_AS_WORD}$", "", words)


def _no_name_said_to(words: str) -> bool:
    """Whether a word of ``words``, but for a name's ending heard as a word, is a business's or no name's."""
    return _holds_no_name_word(_without_ending(words).split())


def _holds_no_name_word(words: Sequence[str]) -> bool:
    """Whether one of ``words``, however capitalised, is a business's or no name's."""
    return bool({word.capitalize() for word in words} & (NOT_NAMES | BUSINESS_WORDS))


def _said_to(words: str, elsewhere: str) -> bool:
    """Whether ``words`` can be whom one speaks to: none a word of a business or no name, none said ``elsewhere`` (a
    place or a business said back: "Dublin Zoo, how can I help?" / "Hi, Dublin, ...")."""
    said = [word.strip("-") for word in words.split()]
    if _holds_no_name_word(said):
        return False
    return not any(re.search(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", elsewhere, re.IGNORECASE) for word in said)


# Said to show respect where a name would be, as Nigerians and Filipinos do: "Good morning Ma.", "Good morning, Po."
_RESPECT_SAID_TO = {"Ma", "Maam", "Ma'am", "Po", "Opo"}


def names_greeted_back(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words after "Hi" that open the first segment of whoever did not answer the call, before a comma or ending
    a sentence; none said in the call's first segment (what the agent's greeting names is found there), nor a word of
    respect ("Good morning Ma.")."""
    ordered = in_time_order(segments)
    other = next((s for s in ordered if ordered and s.speaker != ordered[0].speaker), None)
    match = _GREETED_BACK.search(other.text) if other is not None else None
    if match is not None and match.group("name") in _RESPECT_SAID_TO:
        match = None
    if other is not None and match is not None and _said_to(_without_ending(match.group("name")), ordered[0].text):
        yield TextSpan(other.index, match.start("name"), match.end("name"))
    elif other is not None:
        # greeted by the words the agent's name was heard as, which are no name: "Emerald Fibre, I am speaking." /
        # "Hi, I am, I'm booking ..." (Niamh)
        for announced in _ANNOUNCED_AS_NO_NAME.finditer(ordered[0].text):
            heard = re.sub(r"^(?i:and)\s*", "", announced.group("heard") or "")
            back = re.match(rf"{_GREETING_WORDS}[,!]?\s+(?P<name>(?i:{re.escape(heard)}))(?=\s*[,!])", other.text)
            if heard and back is not None:
                yield TextSpan(other.index, back.start("name"), back.end("name"))


# Where the call's first segment announces who answers, the words there are their name however they were heard:
# "..., this is 10 years speaking." (Tanvir), "..., there are no other speaking," (Fionnuala), "..., you're speaking
# to the owner." (Fiona), "..., you're through to the mouth, how can I help today?" (Jamal), "..., my name is half
# -in, how may I help?" (Hafiz). At most a few words, none a business's or a team's ("Riverside Medical Practice
# speaking", "you're through to renewals").
_ANNOUNCED_HOWEVER_HEARD = re.compile(
    r"(?:^|(?<=[,.!?])\s+)(?:(?i:and|so|yes|yeah|hi|hello)\s+)?(?:(?i:this is|i'm|i am|it's|my name is)\s+)?"
    r"(?P<before>[^,.!?]+?)\s+(?:(?i:is)\s+)?(?i:speaking)(?=\s*[.,!]|\s*$|\s+(?i:how|what)\b)"
    r"|(?i:you're|youre|you are) (?i:speaking|through|talking) (?i:to|with)\s+(?P<after>[^,.!?]+?)"
    r"(?=\s*[,.!?]|\s*$|\s+(?i:(?:how|what) (?:can|may) i|calls?|this|and|our|we|just|please)\b)"
    r"|(?i:my name is|my name's)\s+(?P<named>[^,.!?]+?)(?=\s*,\s*(?i:(?:how|what) (?:can|may) i)\b)"
)
_MAX_ANNOUNCED_WORDS = 4
# Said before "you're through to ...": a greeting alone, after which the business is named, not who answers
_GREETING_ALONE = re.compile(
    r"\b(?i:hello|hi|hiya|hey|there|good|morning|afternoon|evening|day|g'day|kia ora|welcome|thanks|thank you)\b"
)
# Who answers when it is no person: "you're speaking with an automated system", "your virtual assistant speaking"
_NO_PERSON_ANSWERS = {
    "Automated", "Automatic", "Virtual", "Assistant", "Agent", "System", "Computer", "Voice", "Bot", "Chatbot",
    "Robot", "Ai", "Machine", "Digital", "Line", "Team", "Operator", "Recorded", "Recording", "Software", "Program",
    "Programme", "Human", "Helper", "Uncle", "Auntie", "Aunty",
}  # fmt: skip
# "generally speaking", "strictly speaking": how one speaks, not who
_SPEAKING_HOW = re.compile(r"(?i:\w{3,}ally|strictly|frankly|roughly|broadly|loosely|honestly|\w+tively)")


def names_announced_however_heard(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words that announce who answers in the call's first segment, before "speaking", after "you're speaking
    to" or "my name is" before "how can I help", where they are words no name is written as."""
    first = min(segments, key=lambda s: (s.start_ms, s.index), default=None)
    if first is None or first.text.lower() == first.text:
        return  # a transcript without capitals: other rules read its names
    for match in _ANNOUNCED_HOWEVER_HEARD.finditer(first.text):
        group = next(name for name in ("before", "after", "named") if match.group(name))
        said = match.group(group).split()
        words = [word.strip("-'").capitalize() for word in said]
        if all(word[:1].isupper() for word in said) or len(words) > _MAX_ANNOUNCED_WORDS:
            continue  # a name written in capitals, which other rules read, or a sentence
        if BUSINESS_WORDS.intersection(words) or _NO_PERSON_ANSWERS.intersection(words):
            continue
        if len(words) == 1 and _SPEAKING_HOW.fullmatch(words[0]):
            continue
        if group == "after" and not _GREETING_ALONE.sub("", first.text[: match.start()]).strip(" ,.!?"):
            continue  # "Hello, you're through to Midlands Car Auctions.": the business, named after a greeting
        yield TextSpan(first.index, match.start(group), match.end(group))


def names_announced_in_greeting(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The name said before "speaking" or after "this is" to end one of the call's first segments, after a comma."""
    greeting = in_time_order(segments)[:_GREETING_SEGMENTS]
    for match in _ANNOUNCED_AS_NO_NAME.finditer(greeting[0].text if greeting else ""):
        group = next(name for name in ("heard", "article", "titled", "lowered") if match.group(name))
        if group == "lowered" and _NOT_WHO_ANSWERS.intersection({match.group(group).capitalize()}):
            continue  # "this is the lettings team speaking."
        yield TextSpan(greeting[0].index, match.start(group), match.end(group))
    for segment in greeting:
        announced = [*_ANNOUNCED_NAME.finditer(segment.text), *_ANNOUNCED_BEFORE_HELP.finditer(segment.text)]
        for match in announced:
            group = next(name for name in ("after", "before", "capitalised") if match.groupdict().get(name))
            words = {word.capitalize() for word in match.group(group).split()}
            # when, not who: "This is Monday's last call"
            when = any(re.fullmatch(_DAYS_AND_MONTHS, w.removesuffix("'s")) for w in words)
            if not BUSINESS_WORDS.intersection(words) and not (words & NOT_NAMES and len(words) == 1) and not when:
                yield TextSpan(segment.index, match.start(group), match.end(group))
        for match in _INTRODUCED_NAME.finditer(segment.text):
            group = next(name for name in ("after", "hindi", "before", "lower") if match.group(name))
            said = [word.capitalize() if group == "lower" else word for word in match.group(group).split()]
            # when, not who: "it's Good Friday here", "This is Monday's last call,"
            said = [w.removesuffix("'s") for w in said]
            if not any(w in NOT_NAMES or w in BUSINESS_WORDS or re.fullmatch(_WHEN_NAMES, w) for w in said):
                yield TextSpan(segment.index, match.start(group), match.start(group) + len(match.group(group).rstrip()))
    yield from names_greeted_back(segments)


# Letters spelled one at a time as Whisper writes them ("a -p -p -a -y -o"), a letter's name heard as a word ("me").
_SPELLED_RUN = re.compile(r"(?<![\w'])[A-Za-z]{1,2}(?:[\s,.-]+[A-Za-z]{1,2}(?![\w'])){4,}")
_MIN_SPELLED_RUN_LETTERS = 4


def names_spelled_after_email(segments: Sequence[Segment], emails: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """Letters spelled in the segment right after the one an e-mail address was in, by its speaker or, naming them a
    part of a name, by the other side: the name in it."""
    emailed = {span.segment for span in emails}
    ordered = in_time_order(segments)
    for before, segment in itertools.pairwise(ordered):
        if before.index not in emailed:
            continue
        for run in _SPELLED_RUN.finditer(segment.text):
            # the other side's answer to an address read to them names what it spells: "Q-U-I-S-P-E, the full surname"
            if before.speaker != segment.speaker and not _NAME_PART_NAMED.search(segment.text, run.end()):
                continue
            if len(re.findall(r"(?<![\w'])[A-Za-z](?![\w'])", run.group())) >= _MIN_SPELLED_RUN_LETTERS:
                yield TextSpan(segment.index, run.start(), run.end())


_NAME_PART_NAMED = re.compile(r"\b(?i:surname|last name|family name|first name|maiden name)\b")


# Asked to spell a name, or asked for one: letters said one at a time in the reply are the name's, even where
# recognition lost the name itself ("Could you spell your surname?" / "Sure, it's N, I," / "B, H, R, I, A, I, N").
# or asked which letter a name has: "Is it Catherine with a C or a K?"
_SPELL_ASKED = re.compile(r"\bspell\b(?P<what>(?:\s+\S+){0,3})|\bwith an? [a-z] or an? [a-z]\b")
_NOT_A_NAME = re.compile(
    r"\b(e-?mail|postcode|post code|zip|eircode|reference|code|number|registration|plate|address|password|username)\b"
)
# a letter may be told by a word for it: "W as in whiskey, A, T, A, N as in Nancy"
_LETTER_IN_RUN = rf"{_SPELLED_ACCENTED}(?:{_TOLD_BY_A_WORD}[A-Za-z]+\b)?"
_LETTER_RUN = re.compile(
    rf"(?<![\w']){_LETTER_IN_RUN}(?:(?:\s*,\s*|\s+|\s*-\s*)(?:{_SPELLING_BREAK}(?:\s*,\s*|\s+))?{_LETTER_IN_RUN}){{1,30}}"
)
_LETTERS_SPELLED_ASKED = 2  # "N, I": asked to spell, two letters are a short name's
_LETTERS_NAME_ASKED = 3  # asked for a name, not to spell it: "I, F, E, A, N, Y, I"


# Asked after someone of the family, nothing else said: "And your son?" (after "the full name and date of birth?")
_SOMEONE_ELSE_ASKED = re.compile(rf"^(?:and |what about |how about )?(?:your|his|her|their|the) {_LOWER_CASE_KIN}$")


def names_spelled_when_asked(segments: Sequence[Segment], tokens: Sequence[Token]) -> Iterable[TextSpan]:
    """Letters spelled one at a time in the reply to "spell your surname?" or "your son's name?"."""
    for segment, asked, _ in answers(segments, tokens, going_on=True):
        spell = _SPELL_ASKED.search(asked)
        if spell is not None and _NOT_A_NAME.search(spell.group("what") or "") is None:
            least = _LETTERS_SPELLED_ASKED
        elif spell is None and (NAME_ASKED.search(asked) or _SOMEONE_ELSE_ASKED.search(asked)):
            least = _LETTERS_NAME_ASKED
        else:
            continue
        for run in _LETTER_RUN.finditer(segment.text):
            if len(spelled_letters(run.group())) >= least:
                yield TextSpan(segment.index, run.start(), run.end())


# A name said to someone after a goodbye, a wish or a thanks, ending the sentence or before more goodbye: "Have a good
# day, Maria.", "Have a good one, Pieter.", "You're welcome, Kayla, have a good one."; "thanks" run into the name, so
# that "thank" goes on with a word that is no one it is said to: "thank season." (thanks Ethan)
_NAME_SAID_TO_ON_LEAVING = re.compile(
    r"(?:(?i:\b(?:day|evening|afternoon|morning|weekend|thanks|thank you|bye|goodbye|cheers|no worries|no problem|"
    r"anything else|welcome|good one|take care)),"
    # a wish said on leaving, the name as a sentence of its own too: "Get well soon. Larissa."
    r"|(?i:\bget well soon)[,.])\s+(?P<name>[A-Z][a-z'-]+"
    # "Mrs" heard as "mission", the surname after it as any word or two, before more farewell: "welcome, mission colon,
    # take care!" (Mrs Cullen)
    r"|(?i:mission)\s+[\w'-]+(?:\s+[\w'-]+)?(?=,\s+(?i:take care|bye|goodbye|see you|all the best)\b))"
    # or before more farewell: "You're welcome, Kayla, have a good one."
    r"(?=\s*[.!?]*\s*$|,\s+(?i:have a|take care|bye|goodbye|see you|all the best|enjoy)\b)"
    r"|\b(?i:thank)\s+(?P<run_into>(?!(?i:you|u|ya|god|goodness|heavens?|them|him|her|us|me|everyone|everybody|all|"
    r"the|a|an|your|my|our|their|his)\b)[A-Za-z][\w'-]*)(?=\s*[.!?]*\s*$)"
)


# How a kind word or thanks is meant, said after it: "No matter, honestly.", "Thank you, kindly."
_HOW_SAID = (
    r"(?i:honestly|really|seriously|truly|totally|absolutely|definitely|certainly|obviously|actually|basically|"
    r"literally|kindly|genuinely|sincerely|anyway|anyways|either|whatsoever|at all)\b"
)
# A name said to the other side after a kind word, ending a sentence that more follows, misheard in any case: "Happy
# to help, Tiwu. The total is ..." (Jiwoo), "I'm sorry about that, wanderoo. Do you have ..." (Wanjiru).
_NAME_SAID_TO_AFTER_KIND_WORDS = re.compile(
    # "no bother" heard as "no matter" too: "No matter, Pairing. Welcome aboard." (Pádraig)
    r"\b(?i:happy to help|glad to help|sorry about that|sorry to hear that|no problem|no worries|no bother|no matter|"
    r"anything else),\s+"
    # more said after it: at the segment's end it is a farewell ("No worries, hooroo.", "No problem, see ya.")
    rf"(?P<name>(?!{_HOW_SAID}){_SAID_TO_WORD}(?:\s+{_SAID_TO_WORD})?)(?=\s*[.!?]\s+[A-Z])"
    # one word after thanks, the name heard in lower case: "Thank you, quame. And a phone number?" (Kwame); not how
    # one thanks ("Thank you, kindly.", "Thanks, pal.", "Thanks, understood.")
    r"|\b(?i:thank you|thanks),\s+(?P<thanked>"
    rf"(?!(?i:{_ACKNOWLEDGING_WORDS}|darling|sweetheart|sweetie|hun|hon|honey|pet|buddy|pal|man|bro|doc|officer|boss|"
    rf"chief|mister|missus|miss|ma'am|so|much|everybody|again|guys)\b)(?!{_HOW_SAID}){_SAID_TO_WORD})"
    r"(?=\s*[.!?]\s+[A-Z])"
)


# A name said after thanks or a goodbye as a sentence of its own, ending the segment: "Updated. Thanks. Tanya."
_NAME_ALONE_AFTER_THANKS = re.compile(
    r"\b(?i:thanks|thank you|cheers|bye|goodbye)[.!]\s+(?P<name>[A-Z][a-z'-]+)[.!]?\s*$"
)


def names_said_on_leaving(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """A name said to the other side after thanks or a goodbye, at the end of a segment, or after a kind word, at
    the end of a sentence; not words said again from the segment before or elsewhere in the segment ("Leeds." /
    "No problem, Leeds.")."""
    for before, segment in with_segment_before(segments):
        for match in _NAME_SAID_TO_ON_LEAVING.finditer(segment.text):
            group = "name" if match.group("name") else "run_into"
            if match.group(group).capitalize() not in NOT_NAMES | BUSINESS_WORDS:
                yield TextSpan(segment.index, match.start(group), match.end(group))
        for match in _NAME_SAID_TO_AFTER_KIND_WORDS.finditer(segment.text):
            group = "name" if match.group("name") else "thanked"
            elsewhere = f"{before.text if before else ''} {segment.text[: match.start()]} {segment.text[match.end() :]}"
            if _said_to(match.group(group), elsewhere):
                yield TextSpan(segment.index, match.start(group), match.end(group))
        alone = _NAME_ALONE_AFTER_THANKS.search(segment.text)
        if alone is not None and alone.group("name") in person_names():  # a given name or surname, no word
            yield TextSpan(segment.index, alone.start("name"), alone.end("name"))


# Thanks ending a segment with a word or two Whisper was unsure of: the name said to the other side, heard as any
# words ("Thank you so much, mere." for Mia, "Thank you, son of -" for Sana).
_THANKS_ENDING = re.compile(
    r"\b(?i:thank you|thanks|cheers)(?:\s+(?i:so much|very much|a million|a lot))?,\s+"
    # no word with "'s", which says what was done ("Thank you, Matt's process." for "that's processed")
    r"(?P<name>(?![\w'-]*'s\b)-?[\w'-]+(?:\s+(?![\w'-]*'s\b)-?[\w'-]+)?)(?=[\s.!?-]*$)"
)


def names_thanked_unsure(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words after thanks that end a segment, where Whisper was unsure of one of them."""
    unsure = unsure_words(segments)
    for segment in segments:
        match = _THANKS_ENDING.search(segment.text)
        if match is not None and any(
            (segment.index, start) in unsure for start in range(match.start("name"), match.end("name"))
        ):
            yield TextSpan(segment.index, match.start("name"), match.end("name"))


# The agent's own name, ending the greeting that opens the call (or before the offer of help), heard as common words
# Whisper was unsure of: "Good morning, Lakeside Microfinance, this is a cheering" (Achieng), "Maritime Home and Auto,
# oh, this is calling." (Colin), "End of an island. This is not a pun." (Nattapong), "Tuck Refresh. This is never how
# may I help you?" (Sneha).
_INTRODUCED_ENDING = re.compile(
    r"\b(?i:this is|my name is|you're through to|you're speaking to|you're speaking with)\s+"
    r"(?P<name>[\w'-]+(?:\s+[\w'-]+){0,2})[\s.,!?-]*"
    r"(?:(?i:how (?:can|may) i help(?: you)?(?: today)?)[\s.,!?]*)?$"
)
_UNHEARD_NAME = 0.75  # Whisper's mean confidence in the words it made of a name: "a cheering" (0.46)


def names_introduced_unheard(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words after "this is" (or "my name is", "you're through to") ending a segment of the call's first turn,
    or before the offer of help that ends it, where Whisper's mean confidence in them is low."""
    opening = list(itertools.takewhile(lambda segment: segment.speaker == segments[0].speaker, segments))
    for segment in opening:
        match = _INTRODUCED_ENDING.search(segment.text)
        if match is None:
            continue
        said = [sure for start, sure in heard_words(segment) if match.start("name") <= start < match.end("name")]
        if said and sum(said) / len(said) < _UNHEARD_NAME:
            yield TextSpan(segment.index, match.start("name"), match.end("name"))


# "Thanks" that opens a sentence is heard as "and" before the name said to someone, more following a comma: "And
# family, the balance is ..." (thanks Emily), "lovely, and proof, as booked." (thanks Ruth); not the words that go on
# a sentence or ask for something ("And then, ...", "And your date of birth, please?").
_NOT_THANKED_WORDS = (
    r"(?:you|your|yours|the|a|an|for|my|his|her|our|their|its|this|that|these|those|then|also|so|now|finally|lastly|"
    r"firstly|secondly|thirdly|second|first|next|last|additionally|obviously|honestly|basically|actually|luckily|"
    r"unfortunately|fortunately|hopefully|anyway|anyways|otherwise|meanwhile|besides|yes|yeah|no|okay|ok|right|"
    r"well|sorry|please|again|if|what|when|where|how|who|why|which|see|there|here|just|one|another|i|we|they|he|"
    r"she|it|is|are|was|were|do|did|does|can|could|will|would|should|may|might|must|to|in|on|at|by|with|from|of|"
    r"as|or|but|not|both|all|any|some|each|every|other|um|uh|oh|me|us|them|him|today|tomorrow|yesterday|later|"
    r"soon|after|before|since|because|while|once|too|more|most|still|even|only|thanks|thank|sir|madam)"
)
_THANKED_WORD = rf"(?!(?i:{_NOT_THANKED_WORDS})\b)[A-Za-z][\w'-]*"
_THANKS_HEARD_AS_AND = re.compile(
    r"^(?:(?i:lovely|great|perfect|brilliant|okay|ok|right|cheers)[,.!]\s+)?(?i:and)\s+"
    rf"(?P<name>{_THANKED_WORD}(?:\s+(?:{_THANKED_WORD}|{_NAME_ENDING_HEARD_AS_WORD}))?),\s+(?=[A-Za-z])"
)


def names_thanked_as_heard(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The name after "thanks" heard as "and" at a segment's start, before a comma that more words follow."""
    for segment in segments:
        match = _THANKS_HEARD_AS_AND.match(segment.text)
        if match is not None and not _no_name_said_to(match.group("name")):
            yield TextSpan(segment.index, match.start("name"), match.end("name"))


# Asked last whether there is anything else, the caller addressed by name however heard: "Anything else? McLain?"
# (Declan), "Anything else, sci -fo?" (Sipho), "Anything else, none?" (Donna).
_ANYTHING_ELSE_THEN_NAME = re.compile(
    rf"\b(?i:anything else)[,?]\s+(?P<name>{_THANKED_WORD}(?:\s+-?[A-Za-z][\w'-]*){{0,2}})\?\s*$"
)


_ADDRESSED_WITHOUT_NAME = re.compile(r"ma|ma'am|mam|maam|madam|sir|mate|love|dear|boss|buddy|pal|hun|friend|folks")


def names_addressed_after_anything_else(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words after "anything else" that end a segment as a question: whom it is asked."""
    for segment in segments:
        match = _ANYTHING_ELSE_THEN_NAME.search(segment.text)
        said_to = match.group("name").lower() if match is not None else ""
        if match is not None and not _no_name_said_to(said_to) and not _ADDRESSED_WITHOUT_NAME.fullmatch(said_to):
            yield TextSpan(segment.index, match.start("name"), match.end("name"))


# The name said after whose kin it is, its first sound heard as "and": "to my cousin and Jerry's place," (Njeri), "I'm
# her mother, and go see a concuo." (Ngozi Okonkwo); the words up to a pause, the first none that goes on with more of
# the family or of oneself ("my wife and I", "my son and his friend", "my mum and the kids").
_NOT_KIN_NAMED_WORDS = (
    rf"(?:i|i'm|me|my|mine|myself|we|us|our|you|your|he|he's|him|his|she|she's|her|they|them|their|it|the|a|an|"
    rf"kids|children|family|baby|twins|dog|cat|all|both|then|so|also|too|now|yes|no|two|three|four|"
    rf"{_LOWER_CASE_KIN}s?)"
)
_KIN_NAMED_WORD = rf"(?!(?i:{_NOT_KIN_NAMED_WORDS})\b)[A-Za-z][\w'-]*"  # the first: later ones are any, "go see a"
_KIN_THEN_AND_NAME = re.compile(
    rf"\b(?i:my|his|her|your|our|their)\s+(?i:{_LOWER_CASE_KIN}),?\s+(?i:and)\s+"
    rf"(?P<name>{_KIN_NAMED_WORD}(?:\s+[A-Za-z][\w'-]*){{0,3}})(?=\s*[,.!?]|\s*$)"
)


def names_after_kin_and(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words after "my cousin and", up to a pause: a name whose first sound was heard as "and"."""
    for segment in segments:
        for match in _KIN_THEN_AND_NAME.finditer(segment.text):
            if not _no_name_said_to(match.group("name")):
                yield TextSpan(segment.index, match.start("name"), match.end("name"))


# Someone named with the speaker, a capitalised word not the first of its sentence: "Yeah, me and Colleen.", "It's
# for Colleen and me" (not kin called so, a day or a month: "me and Mum", "Monday and I")
_NOT_WITH_ME = rf"(?!{_DAYS_AND_MONTHS}\b|(?i:{_LOWER_CASE_KIN})\b|I\b|I')"  # nor "me and I'll pass it on"
_WITH_ME = re.compile(
    rf"\b(?i:me|myself)\s+and\s+{_NOT_WITH_ME}(?P<after>[A-Z][a-z'-]+)\b"
    rf"|(?<=[a-z,] ){_NOT_WITH_ME}(?P<before>[A-Z][a-z'-]+)\s+and\s+(?:me|myself)\b"
)


def names_with_me(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """A name said with "me": "me and Colleen", "for Colleen and me"; not a business's ("me and Tesco")."""
    for segment in segments:
        for match in _WITH_ME.finditer(segment.text):
            group = "after" if match.group("after") else "before"
            if match.group(group) not in NOT_NAMES | BUSINESS_WORDS:
                yield TextSpan(segment.index, match.start(group), match.end(group))


# A name said alone to open what one says, then told of part by part: "Nguyễn Văn Thành. The surname's Nguyen, ...",
# "João Pedro Gonçalves da Silva, with the cedilla under the C.", "Fatima Zahra El Amrani, that's two words for the
# surname". Only a name is told of so: which of its words is the surname, its accents, its hyphen.
_OPENING_NAME = re.compile(
    rf"\s*(?:(?i:it's|it is|yes|yeah|sure|okay|ok|um|uh|oh),?\s+)?"
    rf"(?P<name>(?:{_LEADING_PARTICLE}\s+)?{_NAME}(?:{_NEXT_NAME}){{1,4}})(?=\s*[.,;]\s)"
)
_NAME_PART_TOLD = re.compile(
    r"\b(?i:surname|first name|last name|given name|family name|second name|middle name|maiden name|christian name|"
    r"first names|given names|(?:the|an?) (?:cedilla|accent|tilde|umlaut|acute|grave|circumflex|hyphen|apostrophe))\b"
)


def names_opening_told_by_parts(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The words of a name that open a segment, where the rest of it tells of the name's parts or spells one of
    them: "Hyun-woo Kang. Kang is K-A-N-G"."""
    for segment in segments:
        match = _OPENING_NAME.match(segment.text)
        if match is None:
            continue
        words = re.findall(_NAME, match.group("name"))
        if any(
            word in NOT_NAMES
            or word in BUSINESS_WORDS
            or word in _PLACE_WORDS
            or word.lower() in MONTHS
            or re.fullmatch(_DAYS_AND_MONTHS, word)
            for word in words
        ):
            continue
        rest = segment.text[match.end() :]
        letters = {spelled_letters(run.group()) for run in _LETTER_RUN.finditer(rest)}
        spelled = any(letters & _letters_of(word) for word in words if len(word) >= _MIN_NAME_LETTERS)
        if _NAME_PART_TOLD.search(rest) or spelled:
            yield TextSpan(segment.index, match.start("name"), match.end("name"))


# A word said as a shop's or a firm's name somewhere in the call: "the Rimi store near the station", "at the Lidl on
# Main Street" (a shop's brand; "Okay, Rimi, got it." said back is the shop, not a person).
_SHOP_NAMED = re.compile(
    rf"\b(?i:the|a|an|that|this|their|your|our)\s+(?P<name>{_NAME})\s+(?i:store|shop|supermarket|hypermarket|"
    r"outlet|branch|mall|app|website|site|superstore|megastore|showroom|pharmacy|petrol station|garage|counter)\b"
)


# ... or before what kind of firm it is: "Is this Brightwater Dental?" / "You're through to Brightwater, ..." (the
# practice, not a person put through to). Only a firm's kind ("Dental", "Motors"), not a place's, which is named after
# a person as often ("Mercy Hospital" / "You're through to Mercy").
_FIRM_NAMED = re.compile(
    rf"\b(?P<name>{_NAME})\s+(?:Dental|Dentistry|Veterinary|Insurance|Motors|Pharmacy|Opticians|Physio|Physiotherapy|"
    r"Logistics|Couriers|Realty|Lettings|Plumbing|Telecom|Airlines|Airways|Solutions|Ltd|Inc|Llc)\b"
)


def shop_names(segments: Sequence[Segment]) -> set[str]:
    """The words said as a shop's or a firm's name anywhere in ``segments``."""
    return {
        match.group("name")
        for segment in segments
        for pattern in (_SHOP_NAMED, _FIRM_NAMED)
        for match in pattern.finditer(segment.text)
    }


# A name spelled letter by letter, then said as the word it spells, in the same turn or later: "W-I-S-N-I-E-W-S-K-A.
# Wiśniewska.", "B-R-O-W-N-I-N-G, Browning".
_WHOLLY_SPELLED = re.compile(rf"^{_SPELLED_LETTER}(?:[\s,.-]+{_SPELLED_LETTER}){{3,30}}$")


def names_said_after_spelling(segments: Sequence[Segment], names: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """Each word that says the letters of a name found spelled out."""
    texts = {segment.index: segment.text for segment in segments}
    spelled = {
        letters
        for span in names
        if _WHOLLY_SPELLED.match(said := texts[span.segment][span.start : span.end].strip(" ,."))
        and len(letters := spelled_letters(said)) >= _MIN_SPELLED_NAME_LETTERS
    }
    if not spelled:
        return
    for segment in segments:
        for word in re.finditer(_NAME, segment.text):
            if word.group().capitalize() not in NOT_NAMES and spellings(word.group()) & spelled:
                # with the rest of the name said with it: "W-O-J-C-I-K, it's Polish, Małgorzata Wójcik."
                yield TextSpan(segment.index, *_name_words_around(segment.text, word.start(), word.end()))


# A name of several words spelled word by word, its pieces joined by "then" or "new word": "S-I-O-B-H-A-N, fada on
# the A, then N-I, then B-H-R-I-A-I-N", "E-L, then I-D-R-I-S-S-I", "N, I with a fada, then B-H-R-I-A-I-N". A piece of
# two letters is no name alone; with the others it is.
_SPELLED_PIECE = rf"[{_CAPITALS}](?:(?:-|,\s)[{_CAPITALS}]\b(?!['\u2019][a-z]))+(?:\s+with\s+a\s+fada)?"
_PIECE_LINK = r"(?:,?\s+(?:and\s+)?then,?|,\s+(?:new|next|another)\s+word,|,\s+fada\s+on\s+the\s+[A-Z],\s+then,?)\s+"
_SPELLED_PIECES = re.compile(rf"(?<![\w'-]){_SPELLED_PIECE}(?:{_PIECE_LINK}{_SPELLED_PIECE})+")
# Hesitations between a name and its spelling: "Shivawn Nee Vreen, um, S-I-O-B-H-A-N, ..."
_HESITATING = re.compile(r"(?:[,.]?\s+(?i:um|uh|er|erm|so))*[,.]?\s+$")


def names_spelled_in_pieces(segments: Sequence[Segment], names: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """Each piece of a name spelled word by word where one of its pieces is a name found, or where it follows one:
    "It's Shivawn Nee Vreen, um, S-I-O-B-H-A-N, and then N-I, new word, B-H-R-I-A-I-N."."""
    found = list(names)
    for segment in segments:
        spans = [span for span in found if span.segment == segment.index]
        for chain in _SPELLED_PIECES.finditer(segment.text):
            named = any(span.start < chain.end() and chain.start() < span.end for span in spans) or any(
                _HESITATING.fullmatch(segment.text, span.end, chain.start()) for span in spans
            )
            if named:
                for piece in re.finditer(_SPELLED_PIECE, chain.group()):
                    yield TextSpan(segment.index, chain.start() + piece.start(), chain.start() + piece.end())


# Told that a name will be spelled, by the one who then spells it: "I'll spell the surname." / "W -R -O -B -L -E -W
# -S -K -I.", "Let me spell my last name: Q-U-I-S-P-E." (not "I'll spell it": a postcode or a car's plate may be)
_SPELLING_PROMISED = re.compile(
    r"\b(?i:i'll|i will|let me|i can|i'd better|i should)\s+(?i:spell)\s+"
    r"(?i:(?:the|my|our|his|her|their)\s+(?:sur|first |last |family |middle |maiden |given |full )?names?)\b"
    r"(?!\s+(?i:of|for)\b)"  # not a thing's: "the name of the street"
)


def names_spelled_as_promised(segments: Sequence[Segment]) -> Iterable[TextSpan]:
    """The letters spelled after one says they will spell a name: in the rest of the segment it was said in, or in
    the same speaker's next segment."""
    for before, segment in with_segment_before(segments):
        promised = _SPELLING_PROMISED.search(segment.text)
        start = promised.end() if promised else None
        if (
            start is None
            and before is not None
            and before.speaker == segment.speaker
            and (earlier := _SPELLING_PROMISED.search(before.text)) is not None
            and not before.text[earlier.end() :].strip(" .,:;!")
        ):
            start = 0
        if start is None:
            continue
        for run in _SPELLED_RUN.finditer(segment.text, start):
            if len(re.findall(r"(?<![\w'])[A-Za-z](?![\w'])", run.group())) >= _MIN_SPELLED_RUN_LETTERS:
                yield TextSpan(segment.index, run.start(), run.end())


# A thing named after someone, or a saint's or a street's name: "the Hemingway suite", "St. Patrick's", "Rue ..."
_THING_BEFORE = re.compile(
    r"\b(?i:the|a|an|this|that|those|these|our|like|st\.?|san|santa|rue|calle|avenida|rua|via)\s+$"
)
# A thing said to be someone's, then its own name: "The van is my dad's, Bessie"
_OWNED_BEFORE = re.compile(r"\w's,\s*$")
# A maker's name: "Hoover, the vacuum brand"
_BRAND_AFTER = re.compile(r",?\s+(?:the\s+)?(?:\w+\s+)?(?i:brand|make|maker|label)\b")
# A letter told by a word: "D as in David", "O for Oscar"
_SPELLING_BEFORE = re.compile(rf"\b[A-Za-z]{_TOLD_BY_A_WORD}$")
# Places named after someone, besides the place words: "Patrick Station", "Thorvald Meyers gate" (a street abroad)
_MORE_PLACE_WORDS = {
    "Bridge", "Station", "Airport", "Memorial", "Stadium", "Arena", "Mall", "Center", "Gate", "Gata", "Gatan", "Vei",
    "Veien", "Vej", "Weg", "Straße", "Strasse", "Laan", "Allee", "Platz", "Plein", "Utca", "Katu", "Tie",
}  # fmt: skip
_NAME_WORD = re.compile(rf"(?<![\w'-]){_NAME}")
_NEXT_NAME_WORD = re.compile(rf"\s+({_NAME}|[a-zß-ÿ]+)")
# The turn tells of a person: "my daughter", "he's", "Mr", "her name", "a son called ..." (not "named after")
_PERSON_CUE = re.compile(
    rf"\b(?i:(?:my|his|her|our|their|your)\s+{_LOWER_CASE_KIN}|he's|she's|he is|she is|hes|shes|him|her|himself|"
    r"herself|mr|mrs|ms|miss|dr|madam|sir|name|named(?! after)|called|surname|spelled|spelt)\b"
)


# A record asked for as Whisper hears it, like a given name: "Nate of birth" ("date of birth"), "your Ivan" (the
# IBAN).
_HEARD_FOR_A_RECORD = re.compile(r"\s+(?i:of birth)\b")
_OWNED_THING_BEFORE = re.compile(r"\b(?i:your|my|the|an|new)\s+$")


def names_known_from_lists(segments: Sequence[Segment], found: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """A given name or a surname of many countries, capitalised as a recogniser writes names, with the name words said
    next to it ("my brother in Lagos, Chinedu Okafor"), where the turn tells of a person or personal data is ``found``
    in it or the turns next to it: no cue is said, but the name is one. Names that are English words or places
    ("Sydney") are left to the cues."""
    near = {span.segment + step for span in found for step in (-1, 0, 1)}
    for segment in segments:
        text = segment.text
        if segment.index not in near and not _PERSON_CUE.search(text):
            continue
        for match in _NAME_WORD.finditer(text):
            word = match.group()
            if word not in person_names() or word.lower() in _WORD_NAMES or word in NOT_NAMES or word in BUSINESS_WORDS:
                continue
            if word.lower() in MONTHS or re.fullmatch(RADIO_LETTER, word):
                continue
            before = text[: match.start()]
            if _THING_BEFORE.search(before) or _SPELLING_BEFORE.search(before) or _OWNED_BEFORE.search(before):
                continue  # "the Hemingway suite", "D as in David", "my dad's, Bessie"
            if re.search(r"\d\s*$", before):
                continue  # a month of another calendar after its day: "9 Ramadan 1410"
            if re.match(r"-[A-Z]{2,}\b", text[match.end() :]):
                continue  # a word joined to initials: "my Steuer-ID"
            if _HEARD_FOR_A_RECORD.match(text, match.end()) or (word == "Ivan" and _OWNED_THING_BEFORE.search(before)):
                continue  # "Nate of birth." ("date"), "I need your Ivan." (an IBAN), as Whisper hears them
            start, end = _name_words_around(text, *match.span())
            if word in place_names() or text[start:end] in place_names():
                continue  # "Sydney", "San Francisco"
            if _MAILBOX_AFTER.match(text, end) or _BRAND_AFTER.match(text, match.end()):
                continue  # "Priya dot raman", "Hoover, the vacuum brand"
            if _place_or_business_after(text, match.end()) or _place_or_business_after(text, end):
                continue  # "Patrick Station", "Al Noor Telecom", "Thorvald Meyers gate"
            yield TextSpan(segment.index, start, end)


def _place_or_business_after(text: str, end: int) -> bool:
    """Whether the word right after ``end`` makes what is before it a place's or a business's name."""
    following = _NEXT_NAME_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1).capitalize()
    return word in _PLACE_WORDS or word in _MORE_PLACE_WORDS or word in BUSINESS_WORDS


# A word spelled with hyphens between its letters: "C-H-I-D-I"
_HYPHEN_SPELLED = re.compile(r"(?<![\w'-])[A-Za-z](?:-[A-Za-z]){2,}(?![\w'-])")
# a word written as a name is: a capital, then small letters ("Chidi", "Huamán"; not "DOB", "SPRING25")
_CAPITALISED_WORD = re.compile(r"(?<![\w'-])[A-Z][a-z\u00df-\u00ff\u0100-\u024f'\u2019]+(?![\w-])")


def names_spelled_beside_them(segments: Sequence[Segment], found: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """A word spelled letter by letter and said as a capitalised word in the same turn or the one before: "Just put
    Chidi on the delivery, C-H-I-D-I.", "No, just the one, S-I-D-H-A-R-T-H, Sidharth.": a name, as no one spells a
    word everyone knows. Not a place ("the Durban depot, D-U-R-B-A-N"), nor a word in what was ``found`` already (an
    e-mail's or a street's)."""
    taken: dict[int, list[TextSpan]] = {}
    for span in found:
        taken.setdefault(span.segment, []).append(span)

    def free(segment: Segment, match: re.Match[str]) -> bool:
        return not any(s.start < match.end() and match.start() < s.end for s in taken.get(segment.index, ()))

    for before, segment in with_segment_before(segments):
        for spelled in _HYPHEN_SPELLED.finditer(segment.text):
            letters = spelled.group().replace("-", "").lower()
            said = [
                (said_in, word)
                for said_in in (segment, before)
                if said_in is not None
                for word in _CAPITALISED_WORD.finditer(said_in.text)
                if letters in _letters_of(word.group()) and free(said_in, word)
            ]
            if not said or any(word.group() in place_names() for _, word in said):
                continue
            yield TextSpan(segment.index, spelled.start(), spelled.end())
            yield from (TextSpan(said_in.index, word.start(), word.end()) for said_in, word in said)


# A short form of one's name offered as what will do: "Seun is fine.", "Just Lupe's fine."
_SHORT_NAME_OFFERED = re.compile(
    r"(?<![\w'])(?:(?i:just)\s+)?(?P<short>[A-Z][a-z]{2,})(?:\s+is|'s)\s+(?:fine|okay|ok|good|grand)\b"
)


def short_names_offered(segments: Sequence[Segment], names: Iterable[TextSpan]) -> Iterable[TextSpan]:
    """A short form of a name found in the same turn or the one before, offered as what to be called: "Oluwaseun
    Adebayo-Cole. Seun is fine.", "Got it, Guadalupe." / "Lupe is fine." Not a word that is in no name found there
    ("Got it, Guadalupe." / "Email is fine.")."""
    texts = {segment.index: segment.text for segment in segments}
    said: dict[int, list[str]] = {}
    for span in names:
        said.setdefault(span.segment, []).append(texts[span.segment][span.start : span.end].lower())
    for before, segment in with_segment_before(segments):
        near = said.get(segment.index, []) + (said.get(before.index, []) if before is not None else [])
        for offered in _SHORT_NAME_OFFERED.finditer(segment.text):
            short = offered.group("short").lower()
            if any(short in name for name in near):
                yield TextSpan(segment.index, offered.start("short"), offered.end("short"))
