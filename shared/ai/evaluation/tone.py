"""What a sentence does to the customer, beyond its words: talking down to them, dismissing them, promising what
cannot be promised, blaming them, or saying the opposite of what it says (sarcasm).

Similarity to a card's examples does not separate these from innocent sentences: "are you slow?" shares no word
with "that is a stupid question", and "thats honestly on you" is as close to a rude example as "that is on your
account" is. What they share is their grammar: an address to the customer ("you", "your") with a judgment of
them ("slow", "your own fault"), a command to stop ("calm down"), a refusal to care ("not my problem",
"whatever", "dunno" with no offer to find out), or an outcome guaranteed ("definitely ..., guaranteed"). Each
rule here is a regular expression over normalized text (contractions expanded: "that's" is "that is"), named by
the kind of language it finds, so a verdict can say why.

A scorecard's criterion takes up a kind only when its own fail examples show it (``kinds_shown_by``): a card
whose violations include "not my problem" is about dismissing customers; a campaign card that prohibits naming
a competitor is not, and is left to its own wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from shared.ai.evaluation.matching import normalize_phrase

# Filler that may sit inside a judgment ("that is honestly on you", "it is just your own fault").
_FILLER = r"(?: (?:honestly|really|just|all|kind of|totally|entirely|frankly|basically|like|completely|literally))*"
_IS = r"(?:that is|it is|its|this is|thats)"

# Sarcasm: an apology or sympathy that says the opposite ("oh I'm so sorry you had to wait two whole minutes",
# "what a shock, never heard that one before").
SARCASM = re.compile(
    r"\b(?:(?:never )?heard that (?:one|1) before|a likely story|boo hoo|cry me a river|my heart bleeds"
    r"|whole (?:\d+|few|couple of) (?:seconds?|minutes?|hours?)|hurt your (?:little )?feelings|big mean"
    r"|(?:\d+|few|couple of) whole (?:seconds?|minutes?)"
    r"|oh the horror|oh the humanity|end of the world is it"
    # The customer mocked in the third person ("sounds like somebody can't handle the heat") or praised for the
    # obvious ("well done, Sherlock", "do you want a medal").
    r"|(?:somebody|someone) (?:can not|could not) (?:handle|cope with|take)|(?:woke|got) up on the wrong side"
    r"|(?:well done|nice one|good job|congratulations|thanks|thank you|no kidding|no shit) (?:sherlock|einstein"
    r"|genius|captain obvious)|(?:want|do you want|deserve) a (?:medal|gold star|round of applause|pat on the back)"
    r"|diddums|knock yourself out|if it makes you feel (?:any )?(?:better|happier)"
    # Luck wished for what the agent will not help with ("Good luck with that."); not "good luck with that exam".
    r"|good luck with (?:that|all that)(?= (?:then|mate|buddy|pal|bye|sir|madam|maam|love|dear|friend)\b|$)"
    # What the customer will ask for next, as absurd ("next you will want it to fly"), or the impossible mocked
    # ("ah sure, I'll just magic them up").
    r"|next (?:thing )?you will (?:be )?(?:want(?:ing)? (?:it|us|me|them) to|asking (?:us|me) to|expect(?:ing)? (?:us"
    r"|me|it) to)|i will just magic"
    # A small upset called a tragedy ("oh wow, what a tragedy, two whole days", "however will the show go on").
    r"|what an? (?:absolute |utter |total |real )?tragedy|however will (?:you|we|they|the \w+) (?:go on|cope|survive"
    r"|manage)|how will you ever (?:cope|survive|manage|get through)"
    # Sympathy with the harm made small straight after it ("how dreadful for you, a mildly dented tin").
    r"|(?:how|what) (?:awful|terrible|dreadful|tragic|horrible|devastating|a nightmare|a disaster)(?: for you)?"
    r" (?:a|an|one|some|your) (?:slightly|mildly|tiny|teeny|little|bit|wee|barely|faintly)"
    r"|(?:boo hoo|oh dear|oh no)(?: \w+){0,3} (?:whole|entire) (?:\d+|few|couple of|day|hour|minute|week|night"
    r"|evening|weekend)"
    r")\b"
)

# The call itself blamed on the customer or theirs ("if you had a valid permit you wouldn't be calling", "if your mall
# didn't run them into the ground we wouldn't keep having this conversation", "if she had paid on time we would not be
# here", "if you'd pegged your bank out like the rest of them did years ago, you wouldn't be on to me now", "... we
# wouldn't be sitting here"): dismissing as a rule of its own, and blame that undoes an apology.
_CALL_BLAMED_ON_THEM = (
    r"if (?:you|your \w+|he|she|they)(?: \w+){1,14} (?:you|we|i) (?:would not|wouldnae|wouldna|wouldn)"
    r" (?:be (?:calling|ringing|phoning|here"
    r"|on the phone|having|on to (?:me|us)|onto (?:me|us)|(?:sitting|stood|standing|stuck) here)"
    r"|keep (?:having|calling|ringing|getting (?:these|those|the|your|all these) (?:calls|complaints))"
    r"|have to(?: keep)?|need to"
    r"|be in (?:this|that|such a|the) (?:pickle|mess|situation|predicament|state|fix|jam|spot|position))"
)

# The customer's trouble put down to not doing as they were told ("if you'd booked in May like I told you", "if
# y'all had run the pump like the leaflet said"): a counterfactual on their doing, with the advice they ignored.
# "if you'd like, as I said, we can ..." is an offer.
_DID_NOT_DO_AS_TOLD = (
    r"if (?:you|ya|ye|yous)(?: had| would have| would(?! like\b))(?: \w+){1,8} (?:like|as)"
    r" (?:i|we|(?:the|your|our|my) (?:\w+ ){0,2}\w+) (?:said|says|told you|told ya|showed you|advised|recommended"
    r"|instructed|asked)"
)

# The customer's trouble put down to what they did or did not do, in a counterfactual whose outcome would not have
# been ("if you had come to collect it yourself this one would not happen", "if yuh did keep it in the fridge it
# wouldn't spoil"). "If you had called, we could have sorted it" says what the firm would have done; "if you had
# the older frame it would still be under warranty" and "if you had the receipt it wouldn't matter" harm no one. A
# bare "if you'd" is read as "if you would", a request as often as a past ("if you'd bring it in, it wouldn't take
# long"), so it is left to the advice ignored.
_WOULD_NOT_HAVE_BEEN = (
    r"if (?:you|ya|ye|yuh|yu|yous)(?: had| did| would have| would of)(?: \w+){1,16}?"
    r" (?:it|this|that|they|he|she|there|(?:this|that|the|your|them|those|these) \w+|this one|that one)"
    r" (?:would|could) (?:not|never)\b(?! (?:have )?(?:matter|mattered|need|needed|cost|charge|make"
    r"|be (?:a problem|an issue|necessary|needed|required))\b)"
)

# Money owed and not paid, as the condition of what follows ("if you do not pay by Thursday", "if the balance is not
# cleared by Friday"); "if the part is not in by Friday" owes nothing.
_UNPAID = (
    r"if (?:(?:you|ya|ye|yuh|yous) (?:do not|did not|can not|have not|fail to|will not) (?:pay|clear|settle)"
    r"|(?:the |that |this |your )?(?:money|payment|balance|amount|rent|fee|fees|instalment|installment|arrears|bill"
    r"|dues|loan|debt)(?: \w+)? (?:is|are|has|have) (?:not|still not)(?: been)? (?:in|paid|cleared|settled|received))\b"
)

# People of the firm's, sent to the customer ("our boys", "our field officer", "a bailiff"); an engineer or a driver
# comes to do a job.
_SENT_PEOPLE = (
    r"(?:(?:our|my|the|a|an|some) )?(?:\w+ )?(?:boys|lads|men|guys|heavies|officers?|collectors?|bailiffs?|agents?"
    r"|enforcers?)|someone|somebody"
)

# Where the customer lives or works.
_THEIR_PLACE = (
    r"(?:your|the) (?:house|home|shop|door|doorstep|field|farm|place|work|workplace|office|business|stall|shamba"
    r"|compound|yard|plot)"
)

# The customer set below the others of their kind, who manage alone ("most people figure it out on their own", "many
# families manage this by themselves without calling").
_OTHERS = (
    r"(?:(?:most|many|plenty of|lots of|loads of|other|all the other|the other|everyone|everybody)(?: \w+){0,2}"
    r" (?:\w+s|people|folk|children|else)"
    r"|(?:our|my) (?:other |regular |usual |normal )?(?:customers|clients|guests|users|members|patients|callers"
    r"|tenants|passengers))"
)

# The same conduct in the languages calls switch into (Spanish, Portuguese, French; Hindi and Urdu, Tagalog and
# Swahili as written in Latin script): the fault put on the customer ("yeh aap ki apni galti hai"), insults and
# belittling ("hasta un niño lo entiende"), and an outcome as a certainty ("se lo garantizo que ...").
_BLAMED_ELSEWHERE = (
    r"(?:es|fue|era) (?:su|tu) (?:culpa|problema)|por (?:su|tu) (?:culpa|descuido)|(?:a )?culpa (?:e )?(?:sua|do senhor"
    r"|da senhora)|c est (?:de )?votre faute|par votre faute"
    r"|(?:aapki|aap ki|tumhari|tumhaari|teri|aap ke)(?: apni| khud ki| hi)? (?:galti|ghalti|kasoor|qasoor)"
    r"|(?<!meri )(?<!hamari )(?<!humari )(?<!apni )(?:apni|khud ki) (?:hi )?(?:galti|ghalti)"
    r"|kasalanan (?:mo|nyo|ninyo|niyo)|kosa lako"
)
_INSULTED_ELSEWHERE = (
    r"(?:usted|tu) (?:es|eres) (?:un |una )?(?:idiota|tont[oa]|estupid[oa]|inutil|ignorante|burr[oa])|idiota"
    r"|pendej[oa]|imbecil|estupid[oa]|pinche|carajo|mierda|cabron|pelotud[oa]|gilipollas|hasta un nino|imbecile"
    r"|abruti|cretin|connard|porra|bewakoof|bevkoof|bewkoof|bevakoof|gadhe|ullu ke|dimaag kharab|jahil|anpadh"
    r"|walang utak|tanga ka|bobo ka|gago|mjinga|mpumbavu|pumbavu|punguani"
)
_PROMISED_ELSEWHERE = (
    r"(?<!no )(?:se lo|se la|le|te) (?:garantizo|aseguro|prometo) que|(?:cien|100) por ciento (?:segur[oa]"
    r"|garantizad[oa])|(?:eu )?(?:te|lhe) garanto|je vous (?:le )?garantis"
)

# The customer's trouble guessed to be their own handling ("maybe you stored it wrong"): blame, said outright or
# after an apology.
_MAYBE_YOU_DID_IT_WRONG = (
    r"(?:maybe|perhaps|probably) you (?:\w+ )?(?:\w+ed|put|set|kept|left|read|made|did|wrote|sent) (?:it|them|that"
    r"|this|the \w+) (?:wrong|wrongly|incorrectly|badly)"
)
# ... or put down to a warning they did not read, after an apology ("sorry po, but if you read the care card, it
# says do not put the box on the floor"); said alone, "if you read the leaflet, it says not to take it with food"
# is advice.
_IF_YOU_HAD_READ = (
    r"if you (?:had )?(?:read|check|checked|look at|looked at) (?:the|our|your) (?:\w+ ){1,8}(?:it|they|that)"
    r" (?:says|said|states|stated|tells you|told you)(?: clearly| very clearly)? (?:do not|not to|never)"
)

# Kind of language -> its rules.
RULES: dict[str, tuple[str, ...]] = {
    "dismisses the customer": (
        rf"\b{_IS}{_FILLER} (?:on you|your (?:own )?(?:problem|fault|lookout|issue|funeral))\b",
        r"\byour own fault\b",
        # "Too bad" in Taglish ("sorry na lang po if the party has to wait"), and the rule as the only answer ("I'm
        # telling you how it goes."; not "I'm telling you how it works so you can plan").
        r"\bsorry na lang\b",
        r"\bi am (?:just |only |simply )?telling you how it (?:is|goes|works)$",
        # Ready when it is ready: no answer to when ("they'll be ready when they're ready").
        r"\b(?:it|they|that|this|she|he) (?:will|would) be (?:ready|done|there|here|finished|fixed|back)"
        r" when (?:it|they|that|this|she|he) (?:is|are|will be) (?:ready|done|there|here|finished|fixed|back)\b",
        rf"\b(?:{_BLAMED_ELSEWHERE})\b",
        r"\b(?:not|none of|hardly)(?: really| exactly| actually| even)? my (?:problem|job|concern|business|headache)\b",
        # ... or the firm's ("if the driver goes to the wrong place, this is not our problem"); "none of our business"
        # can be discretion.
        r"\b(?:not|hardly)(?: really| exactly| actually| even)? our (?:problem|headache)\b",
        # The trouble someone else's and not the agent's ("that's the store's mess, honestly, not mine"); "not ours to
        # fix" says who fixes it.
        r"\b(?:mess|problem|fault|doing|headache|lookout|issue)(?: honestly| really| frankly| though)? not (?:mine"
        r"|ours)\b(?! to\b)",
        # The customer's part in it as theirs, said of a thing ("that one's on you two"); "that one is on you to
        # choose" asks them.
        rf"\b(?:that|this) (?:1|one|bit|part|lot)(?: is)?{_FILLER} on (?:you|ya|yous)(?: (?:2|two|both|lot))?\b"
        r"(?! to\b)",
        rf"\b{_DID_NOT_DO_AS_TOLD}\b",
        rf"\b{_WOULD_NOT_HAVE_BEEN}",
        # The fault named the customer's kind ("so this is a user mistake and charges apply", "that's your own doing").
        r"\b(?:is|was|as|be|its|counts as|put down to|down to) (?:a |an |just |simply |clearly |obviously )?"
        r"(?:user|customer|operator|owner) (?:error|mistake|fault|misuse)\b|\byour own doing\b|\bself inflicted\b",
        # The firm's part in it denied ("that's not down to us"); "it's not on us to decide" says who decides.
        rf"\b{_IS}{_FILLER} not (?:on|down to) (?:us|me)\b(?! to\b)",
        # Asked for more than the agent is ("I'm not a mind reader", "the courier is no magician").
        r"\b(?:not|no be|no|aint|never) (?:a |an |some )?(?:magician|miracle worker|mind reader|psychic|wizard"
        r"|fortune teller)s?\b",
        r"\b(?:can not|will not|am not going to|not here to|do not"
        r"|(?:do not have|have not got|have no|got no) (?:the )?time to) hold"
        r" (?:your|everyones?|everybodys?|every \w+ s)(?: s)? hands?\b",
        # What the customer should have seen, as the reason for their trouble ("if you'd read the sign you'd have
        # known"); "if you had called we would have sent one" is about the firm.
        r"\bif you (?:had|would have|would)(?: \w+){1,8} you would (?:have |not have )?"
        r"(?:seen|noticed|spotted|known|read|caught|avoided)\b",
        # An apology taken back by the customer's own error ("sorry, but you sent us the wrong form").
        r"\bsorry\b(?: \w+){0,4} but (?:\w+ ){0,2}(?:you|your \w+) (?:gave|give|sent|send|told|put|typed|entered"
        r"|wrote|picked|chose) (?:us |me )?(?:a |an |the )?wrong\b",
        # The customer's mistake handed back as theirs, the firm's denied ("that's your error, not ours").
        r"\byour (?:own )?(?:mistake|fault|error|doing|problem|lookout) not (?:ours|mine|our \w+|my \w+)\b",
        r"\b(?:i|we) (?:could not|can not|do not|could) care less\b",
        r"\b(?:i|we) (?:really )?do not care\b",
        r"\bwho cares\b",
        r"\btough luck\b",
        r"\b(?:deal|live) with it\b",
        # Told to stop minding it ("bottles break, get over it", "like it or lump it").
        r"\b(?:get over it|suck it up|like it or lump it|take it or leave it)\b",
        r"\b(?:do not|doh|don|dinnae|stop|you are) wast(?:e|ing) (?:my|me|meh|mi) time\b",
        # Sent elsewhere for what they want ("if you want the exact colour then go buy from the mall"); "you can also
        # buy them at the mall" only says where.
        r"\bif (?:you|ya|yuh) (?:want|wanted|need|expect)(?: \w+){1,8} (?:then )?go (?:and )?(?:buy|shop|get|look|try"
        r"|order)(?: \w+){0,3} (?:elsewhere|somewhere else|(?:from|at|in) the mall"
        r"|(?:from|at) (?:another|a different) (?:shop|store|place|company|firm))\b",
        # Told to fetch it themselves if they want it sooner ("you want it faster, come pick it up yourself"); "if you
        # want it sooner, you can collect it yourself" offers it.
        r"\b(?:you want|if you want|want) (?:it|them|that|this) (?:faster|quicker|sooner|earlier|cheaper|now|today)"
        r"(?: then)? (?:come|go|do|get|fetch|collect|pick)(?: \w+){0,4} yourself\b",
        # A doctor's or an engineer's time held too good for the customer's trouble ("sore throats aren't really worth
        # a GP's time"); "it's not worth your time driving in" spares theirs.
        r"\b(?:is|are|was|were|be) (?:not|hardly|never) (?:really |even |usually |exactly )?worth (?:our|my"
        r"|(?:a|an|the|our|my) (?:gp|doctor|doctors|nurse|nurses|engineer|engineers|technician|vet|lawyer|officer"
        r"|officers|mechanic|specialist|consultant)) time\b"
        r"(?!.*\b(?:let me|i (?:can|will)|we (?:can|will)|talk you through|walk you through)\b)",
        # The customer's trouble as what they should have expected ("and then you're surprised it fogs").
        r"(?:\band (?:then )?|^then )(?:you|ya|ye) (?:are|act|seem) (?:all )?(?:surprised|shocked|amazed)\b"
        r"(?!.*\b(?:i would be|i get it|understandably|of course|fair enough|let me|i (?:can|will))\b)",
        r"\bi (?:have got|have|got) a (?:queue|line) (?:waiting|behind you|of (?:people|callers|customers))\b",
        # What the customer does about it left to them ("how you pay the vet is your business").
        r"\b(?:how|what|where|whether) you (?:\w+ ){1,4}is your (?:business|problem|lookout|headache|concern)\b",
        rf"\b{_CALL_BLAMED_ON_THEM}\b",
        r"\b(?:figure|work|sort) (?:it|that|this) out (?:yourself|for yourself|on your own)\b",
        # Sent off to sort it out with someone else ("figure it out with your bank"), not "we will figure it out".
        r"(?<!\bwe )(?<!\bi )(?<!\bwill )(?<!\bus )(?<!\bcan )\bfigure (?:it |that |this )?out with\b",
        # Not their department, with no offer to put the customer through to the one that is.
        r"\b(?:not|none of) my department\b"
        r"(?!.*\b(?:let me|i will|i can|transfer|put you through|pass you|connect you)\b)",
        r"\b(?:google|look) it up yourself\b",
        r"\b(?:nothing|none of it) to do with me\b",
        r"\b(?:chase|take|follow) (?:that|it|this) up (?:yourself|with them yourself)\b",
        r"\b(?:have|need|got) to chase (?:them|him|her|it|that|this|the \w+)(?: up)? (?:yourself|on your own)\b",
        # A shrug at the start of a turn, with no offer to find out ("dunno, when the lorry is round your way").
        r"^(?:i )?(?:dunno|no idea|not a clue|no clue|search me|who knows)\b"
        r"(?!.*\b(?:let me|i will|i can|we will|we can|find out|check|look into|ask|see if)\b)",
        # "whatever" said as a shrug, not as a determiner ("whatever time suits you").
        r"(?:^|\b(?:i mean|oh|yeah|like|well|okay|ok|fine|so|and) )whatever\b"
        r"(?= (?:what|who|where|when|which|how|anyway|moving on|next|then|right|okay|ok)\b| ?$)",
        r"\bwhatever you say\b",
        rf"\b{_IS}{_FILLER} a you problem\b",
        r"\bi (?:have not got|do not have|have not) (?:got )?all day\b",
        # The problem handed back as theirs and not the agent's ("your responsibility, not mine"); "your
        # responsibility until handover" or "not the landlord's" only says whose it is.
        r"\byour (?:responsibility|problem|job|business|concern) not (?:mine|ours"
        r"|something (?:i|we) (?:need|have|want|ought|am going|are going) to (?:deal with|bother with|worry about))\b",
        r"\bnot something i (?:need|have|want|ought|am going) to (?:deal with|bother with|get involved (?:in|with))\b",
        # Told to sort it out alone ("figure out another way to get there yourself"), not offered it as a choice
        # ("you can work out the fee yourself", "happy for you to sort out the colour yourself").
        r"(?<!\byou )(?<!\bcan )(?<!\bcould )(?<!\bwill )(?<!\bto )(?<!\bi )(?<!\bwe )(?<!\bmay )(?<!\bmight )"
        r"\b(?:(?:figure|work|sort|find) out (?:\w+ ){1,6}|(?:find|get|arrange|book) (?:some |an )?(?:other|another)"
        r" (?:\w+ ){0,5})(?:yourself|on your own)\b",
        # The agent's other callers put before this one ("I've got other calls waiting"); "we've got other calls
        # about the outage" only says the fault is known, and people waiting at the depot are staff.
        r"\bi (?:have got|have|got|have still got) (?:(?:other|more|loads of|lots of|plenty of|a queue of) )?"
        r"(?:other )?(?:calls|customers|callers|people) (?:waiting|to (?:deal with|get to|answer|take|see to)|on hold"
        r"|queuing|in the queue)\b(?! (?:at|outside|on site|in|for you|to (?:help|see|meet|load|serve))\b)",
        # The fault put down to how the customer did it ("or you didn't shake the bottle properly"); "if you didn't
        # tighten it properly, ring us" asks, and "you haven't been billed correctly" is the firm's doing.
        r"(?<!\bif )(?<!\bcase )(?<!\bwhether )\b(?:you|ya|ye) (?:did not|never|have not|had not|failed to|forgot to)"
        r" (?!been\b|get\b|got\b|receive\b|received\b|hear\b|heard\b)(?:\w+ ){1,4}(?:properly|correctly|right)\b",
        # The choice made theirs ("sorry, but you chose the colour yourself"); "you can choose it yourself" offers it.
        r"\b(?:you|ya|ye) (?:chose|picked|selected|approved|signed off|asked for|insisted on)(?: (?!up\b)\w+){1,3}"
        r" (?:yourself|yourselves)\b",
        # What they wanted, and where they should have gone for it ("if you wanted it perfect you should have bought one
        # at the mall"); "if you wanted the blue one, you should have it by Friday" tells them when.
        r"\bif (?:you|ya|ye|yous) (?:wanted|were after|needed|expected)(?: \w+){1,10} (?:you|ya|ye|yous)"
        r" (?:should|ought to) (?:have|of)(?: \w+)? (?:bought|gone|got|paid|booked|ordered|chosen|picked|asked|read"
        r"|shopped|stayed|looked|checked|taken|used)\b",
        # The fault in the one using it ("the problem is usually the person holding the screwdriver").
        r"\bthe (?:problem|fault|issue|trouble) is (?:usually |normally |often |generally |always |probably |mostly )?"
        r"(?:the (?:person|user|one|guy|operator|customer|owner)|whoever)(?: \w+)? (?:holding|using|behind|at|driving"
        r"|operating|pressing|doing)\b",
        # The customer called a liar ("your claim is not very believable", "I don't believe you."); "I don't believe
        # you'll need it" says what they need.
        r"\byour (?:claim|story|complaint|excuse|account|version) (?:is|was|sounds) (?:not|hardly|barely)"
        r" (?:very |really |that |exactly |all that )?(?:believable|credible|convincing|plausible)\b"
        r"|\bi do not believe you\b(?! (?:have|had|will|would|need|are|were|can|could|should|did|do)\b)"
        r"|\byou are (?:lying|making (?:it|this|that) up)\b",
        # Serving this caller made a chore done for every one of them ("I'm not going to sit here reading the website
        # out for every tourist who rings").
        r"\b(?:i am|we are) not (?:going to|here to) (?:sit|stand|spend|waste)(?: \w+){0,10} for (?:every|each|all the"
        r"|any) (?:\w+ ){0,3}(?:who|that) (?:rings|calls|phones|asks|comes)\b",
        # The firm denied to be the customer's help ("we are not your house help"); "I'm not your usual contact, but"
        # only says who is.
        r"\b(?:we|i) (?:are|am) not your (?:house help|houseboy|housegirl|maid|servant|slave|babysitter|nanny|mum"
        r"|mother|mommy|mummy|personal (?:assistant|servant)|secretary|butler|cleaner|errand boy)\b",
        r"\b(?:na|is) your own (?:wahala|palava|palaver|headache|lookout|funeral|trouble)\b",
        # The trouble put down to the customer's carelessness or own neglect ("lost items are usually due to
        # carelessness", "the result of the customer not checking the chart", "left items are the passenger's own
        # responsibility"); "your responsibility until handover" only says whose it is.
        r"\b(?:due to|because of|result of|down to|caused by|comes from) (?:\w+ ){0,3}carelessness\b"
        r"|\b(?:you|ya|ye) (?:were|was|are|have been) (?:a bit |very |so |quite |just |being )?careless\b",
        r"\b(?:result|fault|because) of (?:the (?:customer|passenger|user|buyer|client|guest|owner|caller)|you"
        r"|your \w+) not (?:checking|reading|measuring|following|looking|listening|paying attention)\b",
        r"\b(?:is|are|was|were) (?:the (?:customer|passenger|user|buyer|client|guest|owner|member|tenant|caller)s?"
        r"|your) own responsibility\b",
        # What happens to people who do not do as they should, said of the customer's trouble ("this is what happens
        # when students don't look after their things"); "that's what happens when the frost gets in" blames no one.
        r"\b(?:this|that|it) is (?:just |exactly |simply )?what happens (?:when|if) (?:you|ya|people|customers|\w+s)"
        r" (?:do not|never|forget|fail|leave|ignore|skip|will not|can not be bothered)\b",
        # The customer's word doubted as what they all say ("everybody says they didn't leave it tight").
        r"\b(?:everybody|everyone|they all|you all) (?:says|say|claims|claim) (?:that )?(?:they|you) (?:did not|never"
        r"|do not|have not|had not|were not)\b",
        # The customer's kind held up as the trouble every time ("every week is the same thing with the gringos").
        # Their complaint refused a hearing ("don't call here telling me it's our fault", "look, everybody's got a
        # reason").
        r"\bdo not (?:call|ring|phone|come) (?:here|us|me|in) (?:telling|saying|blaming|complaining)\b"
        r"|\b(?:everybody|everyone) (?:has|has got|is got|got) (?:a|an|their) (?:reason|excuse|story|sob story)\b",
        r"\b(?:every|each) (?:single )?(?:week|day|time|month|year|weekend|summer|season) (?:it is |is |its )?the same"
        r" (?:thing|story|problem|nonsense|drama) with (?:you|the|these|those|your) (?:\w+ )?(?:gringos|tourists"
        r"|foreigners|students|customers|people|kids|youngsters|lot|types|callers|clients|guests|owners|drivers)\b",
        # An error named the customer's to carry ("this error is your responsibility, not ColdChain's").
        r"\b(?:error|mistake|fault|damage|loss|problem|breakage|delay) (?:is|was) (?:entirely |completely |solely |all"
        r" |totally )?your (?:own )?responsibility\b",
        # ... or a delay their calling causes ("any further delay caused by repeated calls is your responsibility").
        r"\bdelays? (?:caused by|due to|from|because of) (?:your |repeated |the |these |all these |constant )*(?:calls"
        r"|calling|chasing|emails|complaints)(?: \w+){0,3} (?:is|are|will be) (?:entirely |solely |all )?your (?:own )?"
        r"(?:responsibility|fault|problem|doing)\b",
        # ... or put down to what they should have done first ("you should have unplugged everything before the power
        # came back"); "you should have received a text" tells them what happens.
        r"\b(?:you|ya|ye) (?:should|ought to) (?:have|of) (?:unplugged|switched off|turned off|read|known|listened"
        r"|measured|followed|backed up|thought)\b(?! (?:in|out|access|it by|by now)\b)",
        # ... or guessed to be their handling (see ``_MAYBE_YOU_DID_IT_WRONG``).
        rf"\b{_MAYBE_YOU_DID_IT_WRONG}\b",
        # ... or made by them ("this error was made by you, not by the system").
        r"\b(?:error|mistake|fault|blunder|mess) (?:is|was|has been) (?:made|caused|done) by (?:you|yourself)\b",
        # The trouble put down to what the customer or theirs failed to do ("this error happened because you did not
        # check the date", "skipped because your staff had not cleaned the tank"); "because you didn't receive the
        # code" is no failing of theirs.
        r"\bbecause (?:you|ya|your \w+) (?:had not|did not|have not|never|failed to|forgot to) (?:check|checked|read"
        r"|follow|followed|clean|cleaned|enter|entered|select|selected|measure|measured|look|looked|fill|filled|label"
        r"|labelled|labeled|pack|packed|register|registered|update|updated|keep|kept|store|stored|tighten|tightened"
        r"|lock|locked|submit|submitted|listen|listened)\b",
        # The trouble put down to their neglect ("that's just not looking after your gear").
        rf"\b{_IS}(?: just| simply)? not looking after (?:your|ur|yer) \w+",
        # The firm's fault denied, with nothing done about it ("a nuh fi wi fault dat", "that's not our fault"); "not
        # our fault, but I'll sort it" takes it on.
        r"\b(?:nuh|not|no) (?:fi |for )?(?:wi|our|my) fault\b"
        r"(?!.*\b(?:but (?:i|we)|let me|i (?:can|will|am going to)|we (?:can|will)|happy to|sort|fix)\b)",
    ),
    "talks down to the customer": (
        rf"\b(?:{_INSULTED_ELSEWHERE})\b",
        r"\bare you (?:slow|deaf|thick|dense|daft|dim|dumb|stupid|simple|even listening|not listening|kidding me)\b",
        # Said to the customer, not of someone else ("the dog needs to calm down", "it helps her settle down").
        r"\byou (?:need to|have to|must|should|got to) (?:calm|settle) down\b",
        r"(?<!\bto )(?<!\bwill )(?<!\bcan )(?<!\bcould )(?<!\bshould )(?<!\bwould )(?<!\bit )(?<!\bshe )"
        r"(?<!\bhe )(?<!\bthey )(?<!\bher )(?<!\bhim )(?<!\bthem )\b(?:calm down|settle down|chill out)\b",
        r"\bstop (?:whinging|whining|moaning|complaining|crying|going on|being (?:difficult|silly|dramatic))\b",
        # Told to listen or keep up this time ("please try to follow along this time"); "we'll follow along this time"
        # is the agent's doing.
        r"(?<!\bwe )(?<!\bi )(?<!\bwill )(?<!\bcan )\b(?:listen|follow(?: along)?|pay attention|concentrate)"
        r"(?: (?:a bit |a little )?(?:more )?(?:carefully|properly|closely))? this time\b",
        r"\b(?:as|like) i (?:have )?(?:now |already )?(?:said|told you|explained) (?:it |this |that )?"
        r"(?:twice|(?:3|three|several|many) times|before|already)\b",
        # Impatience at explaining again ("I have already explained this."); "I've already explained this to the
        # courier" says who was told.
        r"\bi (?:have )?(?:already|now) explained (?:this|that|it)(?: (?:twice|already|(?:3|three|several) times))?"
        r"(?! (?:to|in|on|by|with|for)\b)",
        r"\byou (?:really|clearly|obviously|honestly|just) (?:can not|cannot|could not)"
        r" (?:work|use|follow|read|understand|manage|do)\b",
        r"\b(?:explain|say|go through) (?:it|this|that) (?:really |very )?slowly\b",
        r"\b(?:silly|stupid|dumb|daft|ridiculous|pointless) question\b",
        # Called a name as a kind of person ("what kind of numpty does that").
        r"\bwhat (?:kind|sort|type) of (?:an? )?(?:idiot|moron|muppet|numpty|plonker|eejit|pillock|clown|donkey|wally"
        r"|nitwit|halfwit|dimwit|fool|dummy|prat|imbecile|cretin)\b",
        r"\byou are (?:just |really |totally |probably |maybe |perhaps |a bit |a little |kind of |slightly )?"
        r"(?:overreacting|being (?:dramatic|silly|ridiculous|hysterical|unreasonable))\b",
        # Their attention doubted ("maybe you were not listening so closely"); "you were not listed" is a record.
        r"\b(?:maybe|perhaps|clearly|obviously|evidently|probably|apparently) (?:you|ya) (?:were|are|was) not"
        r" (?:listening|paying attention)\b",
        # An apology for the customer's own failure to follow ("I am sorry if you did not understand our rules",
        # "sorry it's not clicking for you"); "sorry if you didn't receive the letter" owns the firm's failure.
        r"\bsorry (?:if |that )?(?:you|ya) (?:did not|do not|could not|can not|have not|failed to|were not able to)"
        r" (?:understand|read|follow|grasp|listen)\b(?!.*\b(?:let me|i will|my (?:fault|accent|line)|i (?:was|am) not"
        r" clear|badly|confusing|unclear|not clear|our fault|on us)\b)"
        r"|\bsorry (?:if |that )?(?:it is|its|this is|that is) not (?:clicking|sinking in|going in)\b",
        # People of the customer's kind said not to grasp how things work ("some people they just don't get how these
        # things work"); "some people don't get the email, so check your spam" names no failing, and "... so let me
        # show you" helps.
        r"\bsome (?:people|folk|folks|customers|of you|users|owners)(?: they)?(?: just| simply| really| never)?"
        r" (?:do not|can not|never|will not) (?:get|understand|grasp|learn) (?:how|what|the (?:basics|point))\b"
        r"(?!.*\b(?:let me|i will|i can|we can|so i|happy to)\b)",
        # A place or pastime held above them ("maybe the spa at your hotel is more your level", "perhaps driving in a
        # city centre isn't for you").
        r"\b(?:is|are|be|sounds) (?:probably |maybe |perhaps )?more your (?:level|league)\b",
        r"\b(?:perhaps|maybe) \w+ing(?: \w+){0,5} (?:is|are) not (?:really )?for you\b"
        r"(?!.*\b(?:suit|suits|better|instead|rather|we (?:can|could)|i (?:can|could|will))\b)",
        # Measured against a child ("even my little brother scores better", "like the little kids do").
        r"\beven (?:my|our|a|the) (?:\w+ ){0,2}(?:brother|sister|kid|kids|son|daughter|nan|gran|granny|grandma|grandad"
        r"|child|toddler|year old|niece|nephew|dog|cat)s? (?:(?:scores?|scored|does|did|would do|could do|can do|gets?"
        r"|got) (?:it |that |this )?(?:better|right)|(?:knows?|gets?|understands?|got) (?:that|this|it|not to)\b)\b",
        # A skill said plainly to be beyond them ("since arithmetic clearly ain't your strong suit"); staff of theirs
        # who did not finish school.
        r"\b(?:clearly|obviously|evidently|apparently) (?:is not|isnt|aint|not|was never|are not) (?:your|ur|yer)"
        r" (?:strong suit|strong point|forte|thing)\b",
        r"\b(?:staff|people|someone|employees|workers|somebody) who (?:actually )?(?:finished|went to|passed|completed)"
        r" (?:school|primary school|high school|primary)\b",
        r"\blike (?:the |a |some )?(?:little |small |young )?(?:kids|children|toddlers|babies|schoolkids"
        r"|five year olds) do\b",
        # Told to cope as everyone else does ("I'm sure you can catch a tram like everybody else").
        r"\byou (?:can|could|will|should|just|have to|need to|will have to)(?: \w+){0,3} (?:catch|take|get|use|queue"
        r"|wait|manage|cope|read|walk|deal with|pay|find|do|work around)(?: \w+){0,5} like (?:everybody|everyone)"
        r" else\b(?!.*\b(?:or (?:i|we)|but (?:i|we)|let me|i (?:can|will|am happy)|happy to|we (?:can|will))\b)",
        # ... or as most of their kind manage to ("most drivers manage to read a sign that size").
        rf"\b(?:{_OTHERS}) manage to (?:read|follow|spot|understand|tick|fill|press|click|type|pay|remember)\b"
        r"(?!.*\b(?:but (?:i|we)|let me|i (?:can|will|am happy)|happy to|we (?:can|will))\b)",
        r"\b(?:it is|its|this is|that is) (?:not|hardly) (?:exactly |really |quite |just |all that )?"
        r"(?:rocket science|brain surgery)\b",
        # A small thing set against one that needs a specialist ("it's a form, not neurosurgery").
        r"\bnot (?:exactly )?(?:rocket science|brain surgery|(?:open )?heart surgery|neurosurgery|quantum physics"
        r"|nuclear physics|astrophysics|a (?:moon landing|degree in \w+))\b",
        # Told they will get over a small loss ("you'll live", "you will survive one late delivery").
        r"\byou will (?:survive|live|cope|get over it)\b(?! (?:in|at|on|near|there|here|longer|with|to|for)\b)",
        # The ease of it stressed to someone who could not ("it really isn't hard to spot").
        r"\b(?:it|that|this) (?:really|honestly|seriously|genuinely) is not (?:that |very |exactly )?"
        r"(?:hard|difficult|complicated)\b|\b(?:really|honestly|seriously) (?:it|that|this) is not (?:that |very )?"
        r"(?:hard|difficult|complicated)\b",
        # ... with the adverb after the verb ("it's really not that complicated."), when no help follows; "it's really
        # not hard, I'll talk you through it" offers it.
        r"\b(?:it|that|this) is (?:really|honestly|seriously|genuinely|just) not"
        r" (?:that |very |so |all that |exactly )?(?:hard|difficult|complicated|tricky)\b"
        r"(?!.*\b(?:let me|i will|i can|we will|we can|walk you|show you|talk you|together)\b)",
        r"\bif you (?:can not|could not|do not know how to) (?:even )?(?:follow|read|fill in|fill out|understand"
        r"|manage|use|work) (?:a |an |the |our |my )?(?:simple|basic|easy|straightforward|short)\b",
        r"\bare you sure you are (?:doing|using|reading|holding|working) (?:it|that|this|them) (?:right|properly"
        r"|correctly)\b",
        # Scorn for the customer's skill in an idiom ("you couldn't organise a party in a brewery").
        r"\b(?:you|your lot|ya|ye|yous) (?:\w+ )?(?:could not|can not) (?:hit a barn door|organi[sz]e a \w+(?: \w+)? in"
        r" a brewery|find (?:your|ya) (?:way|backside|arse) (?:out of|with)|tie (?:your|ya) (?:own )?(?:shoe ?laces"
        r"|shoes)|boil an egg|run a bath)\b",
        # Their trouble put down to their wits ("no wonder you lost it"); "no wonder you're upset" is sympathy.
        r"\bno wonder (?:you|ya|ye|your lot) (?:forgot|lost|missed|messed|broke|got (?:it )?wrong|got lost"
        r"|could not|can not|did not|never)\b",
        # The customer's wits doubted ("you're not very bright", "not the sharpest tool in the box").
        r"\byou are not (?:very|that|exactly|too|the most|all that|the) (?:bright|clever|smart|sharp|quick"
        r"|brightest|cleverest|smartest|sharpest|quickest)\b",
        r"\bnot the (?:sharpest|brightest|quickest) (?:tool|knife|bulb|crayon|spark|penny|button|star)\b",
        r"\byou are (?:a bit |really |so |just |clearly |obviously |totally )?(?:thick|dense|dim|clueless|hopeless"
        r"|useless)\b",
        # Called a name ("you muppet", "you absolute donkey"); "thank you, Clown Around" is a name.
        r"(?<!\bthank )\b(?:you|ya|ye) (?:absolute |complete |utter |total |silly |stupid |daft |big |bloody )?"
        r"(?:idiot|moron|muppet|numpty|plonker|eejit|pillock|clown|donkey|wally|nitwit|halfwit|dimwit|dope|fool"
        r"|dummy|prat|div|drongo|galah|dingbat|doughnut|imbecile|cretin)s?\b",
        r"\byou are (?:a|an) (?:absolute |complete |utter |total )?(?:idiot|moron|muppet|numpty|plonker|eejit"
        r"|pillock|clown|donkey|wally|nitwit|halfwit|dimwit|fool|dummy|prat|imbecile|cretin|joke)\b",
        # Asked whether they bothered at all ("did you even read it", "did you actually read the email").
        r"\bdid you (?:even|actually) (?:read|listen|bother|look at|open)\b",
        r"\bwhat (?:did|do) you expect\b",
        r"\bdo you not (?:read|check|listen|look at)\b",
        # "it's not hard, is it", "honestly it's not hard": the customer's ability doubted ("it's not hard to fix" is
        # not)
        r"\b(?:not) (?:that |exactly )?(?:hard|difficult)\b(?: \w+){0,8} is it\b",
        r"\bhonestly (?:it is|its|that is) not (?:that |exactly )?(?:hard|difficult)\b",
        r"\bi (?:literally just|already|just) (?:said|told you)\b",
        r"\bhardly worth (?:a |the )?(?:phone call|call|ringing|calling|complaining about|a fuss)\b",
        r"\byou (?:should have|should of|shoulda|could have) (?:\w+ ){0,2}(?:read|listened|checked|looked)(?: \w+){0,4}"
        r" properly\b",
        r"\b(?:pretty|really|very|fairly|just) basic stuff\b",
        # "my nine year old can work it": someone the customer is measured against, and found wanting.
        r"\b(?:my|mi|me) (?:\w+ ){0,3}(?:year old|kid|kids|son|daughter|nan|gran|granny|grandma|grandad|niece|nephew"
        r"|little (?:brother|sister))"
        r" (?:can|could|coulda|could have) (?:do|work|manage|use|figure|follow|understand)\b",
        r"\bhow (?:hard|difficult) (?:is it|can it be)\b",
        r"\bgrown (?:adults|men|women|ups) (?:can not|could not|do not know how to|still can not)\b",
        r"\bif you (?:(?:had|would have|would|did)(?: actually| even| just| ever)?|actually|even)"
        r" (?:bothered|read|listened)\b(?= (?:to|the|what|your|our))",
        r"\b(?:obviously|clearly) you (?:did not|can not|do not|have not|are not)\b",
        r"\bwhat part of( \w+){1,6} do you not (?:understand|get)\b",
        r"\b(?:even )?a (?:small |little |young )?(?:child|toddler|kid) (?:could|can) (?:do|understand|manage|work)\b",
        # ... what the customer could not find or do ("a kid could find it"); "a kid could use the wall from five" is
        # about the wall.
        r"\b(?:even a|a) (?:child|toddler|kid|five year old|5 year old|monkey|chimp) (?:could|can|would)"
        r" (?:\w+ )?(?:find|use|follow|figure|fix|sort|spot|see|read|do|manage) (?:it|that|this|them)\b"
        r"|\beven a (?:child|toddler|kid|five year old|5 year old|monkey|chimp) (?:could|can|would)\b",
        r"\bi (?:already )?told you (?:that )?(?:already|twice|before|three times)\b",
        # Impatience at being asked again ("as I've already explained"); "as I explained in the email" or "as I
        # mentioned" only points back.
        r"\b(?:as|like) i (?:have )?already (?:explained|said|told you|went through|covered)\b",
        # What the customer asked called simple, with no help to follow ("it's pretty simple."); "it's pretty simple
        # to reset, I'll walk you through it" offers it.
        rf"\b{_IS} (?:pretty|really|very|quite|dead|so) simple\b(?! to\b| enough\b| process\b| fix\b| job\b)"
        r"(?!.*\b(?:let me|i will|i can|we will|we can|walk you|show you|talk you|just|all you)\b)",
        # Words made small for the customer ("I'll use real small words so it's easier for you"); "we use small
        # words in the children's guide" is about a guide.
        r"\b(?:i will|let me|i am going to|i will have to|i will try to|i will try and) (?:\w+ ){0,2}"
        r"(?:use|put it in|say it in|explain it in|spell it out in) (?:\w+ ){0,2}(?:small|little|tiny|short|baby)"
        r" words\b",
        r"\b(?:small|little|tiny|short|baby|one syllable) words (?:so|for) (?:it is (?:easier )?(?:for )?)?you\b",
        # The customer's trouble as what they should have seen coming ("what did ye think would happen"); "what do
        # you think will happen to the old meter" asks.
        r"\bwhat (?:did|do) (?:you|ye|ya|yous) (?:think|reckon|imagine) (?:would|was going to|will|is going to)"
        r" happen\b(?! (?:to|with|next|at|after)\b)",
        # Exasperation in a minced oath ("for feck's sake", "for flip's sake"); "for the sake of time" or "for
        # safety's sake" are not oaths.
        # Measured against others who manage ("even the backpackers from the city manage to find it"); "even if you
        # manage to", "we even managed to" and "even the engineers couldn't manage to" measure no one.
        r"\beven (?!if |though |when |after |so |with |without |before |where |as |then |now |just |more |less )"
        r"(?:the |a |an |some |my |our |your )?\w+(?: (?!not\b|never\b)\w+){0,3} (?:manage|manages|managed"
        r"|can manage|could manage) to\b",
        # What everyone is supposed to know ("I figured everybody who owns a kayak knew that much").
        r"\b(?:everybody|everyone|anybody|anyone|every \w+|any \w+|most people)(?: \w+){0,5} (?:knew|knows|would know"
        r"|should know|would have known) (?:that much|that by now|by now"
        # ... or before they buy ("we don't refund clouds, everybody knows that before they book")
        r"|(?:that|this|it) (?:before|when) (?:they|you) (?:book|buy|order|sign|come|pay|travel))\b",
        r"\bi (?:would have|would of|had) thought you (?:knew|would know|would have known|of all people)\b",
        # Told to be realistic, as an order ("be practical, madam"); "it should be practical" and "to be realistic"
        # are not said to anyone.
        r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bshould )(?<!\bcan )(?<!\bcould )(?<!\bmay )(?<!\bmight )"
        r"(?<!\bmust )(?<!\bus )(?<!\bwe )(?<!\bi )(?<!\bnot )\bbe (?:practical|realistic)\b",
        # One of a kind of customer, exclaimed at ("wow, another one who didn't read the forecast"); "we've had another
        # one who didn't get the email" only counts.
        r"(?:^|\b(?:wow|oh|ah|well|look|great|brilliant|right|ha|classic|yet) )another (?:one|1|genius|bright spark)"
        r" who (?:did not|does not|can not|could not|never|forgot|failed)\b",
        # What the customer was given, guessed unread ("the manual, which I rather suspect nobody has read").
        r"\bi (?:\w+ )?(?:suspect|bet|doubt|reckon|imagine) (?:nobody|no one|noone)(?: \w+){0,4} (?:has|have|had"
        r"|ever|bothered to)(?: ever| actually)? read\b",
        # The customer's time mocked as idle ("you must really have a lot of free time"); "you must have a lot on" is
        # sympathy.
        r"\byou must (?:really |surely )?have (?:a lot of|lots of|plenty of|too much|so much|loads of) (?:free|spare)"
        r" time\b",
        # What they failed to do, advised in general as if to a child ("reading emails is generally a good idea");
        # "reading the meter monthly is a good idea" is advice about the future.
        r"^(?:reading|checking|opening|looking at) (?:your |the |our )?(?:emails?|letters?|post|mail|messages|texts"
        r"|instructions|manual|small print|terms) is (?:generally |usually |always |normally |often )?(?:a good idea"
        r"|advisable|recommended|helpful)$",
        # The customer's kind told the firm is above them ("it's not really for the likes of small breeders").
        r"\bnot (?:really |exactly |quite )?(?:for|meant for|made for|aimed at) the likes of (?:you|yourself|ye|ya"
        r"|yous|small \w+|poor \w+|\w+ like you)\b",
        r"\bfor (?:feck|fecks|flip|flips|frig|frigs|friggin|fook|fooks|fudge|fudges|pete|petes|crying out loud"
        r"|christ|christs|cripes|f|god|gods|heaven|heavens)(?: s)? sake\b|\bfor crying out loud\b",
        # Told to take more care, as a child is ("Please be more careful next time."; not "we'll be more careful").
        r"(?:^|\bplease |\byou (?:should|need to|must|ought to|have to|will have to|will need to) )be"
        r" (?:a (?:bit|little|lot) )?more careful (?:next time|in future|in the future|from now on)\b",
        # The customer's kind named as trouble ("people like this really make our life very hard").
        r"\bpeople like (?:this|that|them|yourself)\b(?! (?:can|could|may|might|will|should|often|usually|tend)\b)",
        # The customer set below others of their kind, who manage alone ("most people figure it out on their own",
        # "many families manage this by themselves without calling"); "most people find the online form quickest"
        # and "most people do it themselves, but I can do it now" set no one below.
        rf"\b{_OTHERS}\b(?: \w+){{0,3}}? (?:(?:figure|work|sort) (?:it|this|that) out|manage|manages|cope|get by"
        r"|understand (?:it|this|that)|know (?:it|this|that)|read (?:it|this|that))"
        r"(?: \w+){0,4}? (?:on their own|by themselves|for themselves|themselves|without (?:any )?(?:help|calling"
        r"|ringing|phoning|asking|a call|trouble|a problem|any trouble|fuss))\b"
        r"(?!.*\b(?:but (?:i|we)|let me|i (?:can|will|am happy)|happy to|we (?:can|will))\b)",
        # ... everyone else, who managed ("sorry, but everyone else managed to read it").
        r"\b(?:everyone|everybody|all the others) else(?: (?!or\b|but\b|and\b)\w+){0,2} (?:managed|manages|manage"
        r"|coped|copes|figured|figures"
        r"|understood|understands|got it|gets it|(?:could|can) (?:read|follow|see|understand|manage|do))\b",
        # ... who can manage what is asked of everyone ("most folk can manage to read a box on a form").
        rf"\b(?:{_OTHERS}|everyone|everybody|anyone|anybody|the rest(?: of (?:them|us))?)(?: \w+)?"
        r" (?:can|could) manage to (?:read|follow|spot|see|find|tick|fill|understand|press|click|type|use|do)\b",
        # ... who manage it, down to the least of them ("everyone manages it, even the tourists").
        r"\b(?:everyone|everybody|most people|most folk|anybody|anyone)(?: (?!if\b|who\b)\w+){0,3} (?:manages|manage"
        r"|can manage|can do|copes with|figures out|works out) (?:it|this|that)(?: fine| easily| okay| no problem)?"
        r" even (?:the|a|an|my|our|young|old|little) \w+",
        # "Even you" can do it ("I'm sure even you can do it"); "even if you can" and "even you, as a member, can" are
        # no such measure.
        r"\beven (?:you|ya|ye|yous)(?: \w+)? (?:can|could|will be able to|would be able to|should be able to|manage"
        r"|ought to)\b",
        # Sent to a grown-up to have it read to them ("maybe ask a parent to read it with you").
        r"\b(?:ask|get|have) (?:a |an |your )?(?:parent|parents|mum|mom|mam|dad|grown up|adult|older \w+|grandchild"
        r"|grandkids|teenager)(?: or (?:a |an |your )?(?:\w+ )?\w+)? to (?:read|explain)(?: (?:it|this|that|the \w+))?"
        r"(?: out)? (?:with|to|for) you\b",
        # Told to look at a map before they next book ("maybe have a look at a map before you book your next
        # holiday"); "check a map before you set off, the bridge is closed" is advice for the trip.
        r"\b(?:look at|have a look at|read|check|consult|buy|get|glance at|open) (?:a|an) (?:map|atlas|globe|calendar"
        r"|clock|dictionary)\b(?: \w+){0,3}? (?:before you|next time you) (?:book|order|buy|ring|call|phone|complain"
        r"|come)\b",
        # A step called basic, with no help to follow ("this is a pretty basic step"); "a basic step, I'll walk you
        # through it" offers it.
        r"\b(?:pretty|really|very|fairly|quite) basic (?:step|thing|bit|part|task|question)\b"
        r"(?!.*\b(?:let me|i will|i can|we will|we can|walk you|show you|talk you|together)\b)",
        # Told they expect too much ("and then you bring it to us and you expect a miracle").
        r"\b(?:you|ya|ye|people) (?:expect|want)(?: (?:me|us|them) to (?:perform|work|do|pull off))?"
        r" (?:a )?miracles?\b",
        # What the customer owns called worthless ("the problem is the bow is, how do you say, rubbish.").
        r"\b(?:your|the|this|that|these|those) (?:\w+ ){0,2}(?:is|are) (?:how do you say |basically |just |total"
        r" |complete |absolute |pure |utter |frankly |honestly )*(?:rubbish|junk|garbage|trash|crap)$",
        # Surprise that the customer's thing worked at all ("I am surprised it made any sound at all").
        r"\bi am (?:honestly |really |frankly |actually |quite )?(?:surprised|amazed|astonished) (?:that )?(?:it|they"
        r"|this \w+|that \w+|you) (?:\w+ ){1,4}at all\b",
        # The firm's clarity held up against the customer's understanding ("I'm not sure how much clearer we
        # could've made it").
        r"\b(?:not sure|do not know|no idea|dunno) how (?:much )?(?:clearer|simpler|plainer|easier) (?:we|i|they|it)"
        r" (?:could|can) (?:have )?(?:made|make|be|been|put|say|said|write|written|explain|explained)\b",
        # The customer's trouble made ordinary ("you're hardly the only farmer in Monaghan").
        r"\byou are hardly the only\b",
        # ... or one of too many to bother with ("do you know how many calls I've taken today about this?", "you're the
        # third call this week about one tap").
        # The customer's kind held up as the trouble ("people with ideas like that are the reason the helicopter is so
        # busy", "every week we have offices where nobody can put a bottle on", "people love to think espresso
        # machines are microwaves").
        r"\bpeople (?:like you|like that|with (?:ideas|plans) like (?:that|yours|this)) are (?:the reason|why)\b"
        r"(?!.*\b(?:thank|thanks|love|loves|enjoy|enjoys|great|happy|proud|glad)\b)",
        r"\b(?:every|each) (?:single )?(?:week|day|time|month) (?:we|i) (?:have|get|see) (?:\w+ ){0,3}"
        r"(?:where|who|that) (?:nobody|no one|(?:can|could) not|do not know how to)\b",
        r"\b(?:people|customers|folks|everyone|everybody) (?:love|like) to think\b",
        r"\bdo you (?:know|have any idea|realise|realize) how many (?:calls|people|customers|callers|complaints"
        r"|emails)\b",
        r"\byou are the (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|hundredth|nth"
        r"|\d+(?:nd|rd|th)) (?:call|caller|person|customer|complaint|one)(?: (?:today|this (?:week|morning"
        r"|afternoon|month))| about| to (?:call|ring|phone|complain))\b",
        # Those who do read, set against the customer ("customers who actually read the reminder emails don't run
        # into this").
        r"\b(?:customers|people|folk|folks|clients|those|anyone|everyone|parents|users) who (?:actually|bother to"
        r"|take the time to|care to) (?:read|check|follow|look at|open|listen)\b",
        # ... or who know what the customer did not ("people who buy premium cigars usually know this"); "people who
        # travel a lot usually know this, but let me explain" helps.
        r"\b(?:customers|people|folk|folks|clients|anyone|everyone|buyers|owners|users) who (?:\w+ ){1,4}(?:usually"
        r"|normally|generally|always|already) know (?:this|that|it|these things|how)\b"
        r"(?!.*\b(?:but (?:i|we|let)|let me|i (?:can|will|am happy)|happy to|we (?:can|will))\b)",
        # Slowed down for them ("let me go real slow for you so you can follow").
        # ... "so it doesn't get confusing"; "I'll go slowly so you can write it down" is a courtesy.
        r"\b(?:go|talk|speak|explain (?:it|this|that))(?: \w+){0,3}? (?:slow|slowly|slower|more slowly)(?: \w+){0,2}?"
        r" (?:for you|so (?:that )?(?:you (?:can|could|will) (?:follow|keep up|understand|get it)"
        r"|(?:it|this|that|things) (?:does not|do not|will not|is not going to) (?:get |become |go )?(?:confusing"
        r"|complicated|too much)|you (?:do not|will not) get (?:confused|lost|muddled)))\b",
        # The customer's age as the reason they cannot follow ("these things can be a bit much for some of our older
        # customers"); "the stairs are hard for older guests, so ..." says why the firm does something.
        r"\b(?:these things|this stuff|all this|all of this|it all|technology|tech|computers|apps|the internet|online"
        r" \w+)(?: \w+){0,2} (?:can be|is|are|gets|get|can get)"
        r" (?:a bit |a little |a tad |rather |quite |very |too |so )?(?:much|confusing|complicated|tricky|overwhelming"
        r"|hard|difficult) for (?:some of )?(?:our |the |you )?"
        r"(?:older|elderly|old|senior|aged)(?: \w+)?\b",
        # ... who follow it with no trouble ("most of our customers, they follow it and no problem"); "most customers
        # follow the link with no problem, but I can send it again" helps.
        rf"\b{_OTHERS}\b(?: \w+){{0,3}}? (?:follow|read|understand|manage|use|do) (?:it|them|this|that|the \w+)"
        r"(?: \w+){0,2}? (?:and|with) (?:have )?(?:no|never (?:a|any)|never have (?:a|any))"
        r" (?:problem|problems|issue|issues|trouble)\b"
        r"(?!.*\b(?:but (?:i|we)|let me|i (?:can|will|am happy)|happy to|we (?:can|will))\b)",
        # ... or wait their turn ("I suppose it is easier to cancel than to wait two days like everybody else").
        r"\bthan to (?:wait|queue|pay|follow|read|book)(?: \w+){0,4} like (?:everybody|everyone|the rest)(?: else)?\b",
        # What others manage, as the end of it ("Other parents manage to do it.").
        rf"\b{_OTHERS} (?:\w+ )?(?:manage|managed|manages|cope|coped)"
        r"(?: to do (?:it|this|that)| with (?:it|this|that))?"
        r"(?: (?:fine|just fine|all right|alright|somehow|okay|ok))?$",
        # The ease of what they failed at, stressed ("frankly, checking the sender address is not complicated").
        r"\b(?:frankly|honestly|really|seriously|clearly) \w+ing (?:\w+ ){0,4}(?:is|was) not (?:that |very |so )?"
        r"(?:complicated|hard|difficult)\b",
        # What they were given called too much for them ("the order form was maybe a little bit much for you").
        r"\b(?:was|were) (?:maybe |perhaps |probably )?(?:a )?(?:little )?(?:bit )?(?:much|too much|too complicated"
        r"|too hard|too difficult|too technical) for you\b",
    ),
    # Menace: harm to the customer if they carry on ("you'll regret it", "I'll have you banned").
    "threatens the customer": (
        r"\byou will (?:live to )?regret (?:it|this|that|calling|ringing|talking)\b",
        # Shut out of a whole trade ("no shop in Kansai will rent to you again"), punished for calling again ("if you
        # continue to call this line ..., your producer number will be suspended"), or named to everyone ("your name
        # goes up on the board at reception with the other defaulters").
        r"\bno (?:\w+ ){0,3}(?:will|would|is going to) (?:ever )?(?:rent|lend|sell|deal|work|do business|insure|hire"
        r"|serve)(?: \w+){0,2} (?:to|with) you (?:again|ever again)\b"
        r"(?!.*\b(?:let me|i (?:can|will)|we (?:can|will)|unless|without|if you)\b)",
        r"\bif you (?:continue to|keep|keep on|carry on) (?:call|calling|ring|ringing|phone|phoning|contact|contacting)"
        r"(?: \w+){0,12} (?:will be|we will|i will|is going to be) (?:suspended|blocked|cancelled|canceled|closed"
        r"|banned|blacklisted|terminated|cut off|suspend|block|cancel|close|ban|blacklist|terminate|cut you off)\b",
        r"\byour name (?:goes|will go|is going|gets put|will be put|will be) (?:up )?on (?:the|a|our) (?:board|wall"
        r"|notice ?board|list of (?:defaulters|bad payers|non payers))\b",
        r"\byou will be sorry(?! to| for| about| if| that)\b",
        r"\bwatch (?:your|yer|ya) (?:back|mouth)\b|\bwatch yourself\b",
        r"\bi know where you live\b",
        r"\b(?:i will|i can|i could|we will|we can|i am going to|we are going to) (?:have|get) you (?:banned"
        r"|blacklisted|barred|arrested|thrown out|kicked off|struck off|reported)\b",
        r"\b(?:i will|i am going to) make sure you (?:regret|pay for|never (?:work|get served|shop|fly|bank))\b",
        r"\b(?:one|1) more word (?:out of you )?and\b",
        r"\byou can kiss (?:\w+ ){0,3}goodbye\b",
        r"\bor else$",
        # A sanction if the customer's conduct goes on ("keep shouting and your account gets flagged", "continue with
        # this tone and the number will be blocked"); "if you keep the receipt, we'll cancel the order" is no conduct.
        r"\b(?:if you |you )?(?:keep(?: on)?|carry on|continue|go on)(?: with)? (?:\w+ ){0,2}(?:shouting|yelling"
        r"|screaming|swearing|cursing|talking to me like (?:that|this)|talkin to me like (?:that|this)|being (?:rude"
        r"|abusive|aggressive)|raising your voice|(?:this|that|your) (?:tone|attitude|language|behaviou?r))\b"
        r"(?: \w+){0,10} (?:will|may|might|is going to|are going to|am going to) (?:\w+ ){0,3}(?:flag|flagged|block"
        r"|blocked|ban|banned|bar|barred|blacklist|blacklisted|suspend|suspended|cancel|cancelled|close|closed"
        r"|disconnect|disconnected|cut (?:you )?off|lose|report|reported|terminate|terminated)\b",
        # An ultimatum to stop getting in touch ("quit ringing us about it or we'll cancel the order").
        r"\b(?:stop|quit|no more) (?:\w+ ){0,2}(?:calling|ringing|phoning|emailing|complaining|moaning|whinging"
        r"|bothering|pestering|hassling|chasing)\b(?: \w+){0,10} or (?:else|(?:we|i) (?:will|are going to|am going to)"
        r"|you will)\b",
        # A sanction if the customer goes on getting in touch or speaking so ("if you keep phoning every day I'll move
        # your order to the back of the queue"); "if you keep getting the error we'll cancel it and refund you" is
        # no conduct of theirs.
        r"\bif (?:you|ya|ye|yuh|yous) (?:keep|carry on|continue|go on)(?: on)? (?:calling|ringing|phoning|emailing"
        r"|texting|messaging|chasing|mouthing|shouting|yelling|swearing|complaining|moaning|whinging|pestering"
        r"|hassling|bothering|harassing|badgering|turning up|coming in|arguing|threatening"
        r"|making (?:\w+ ){0,3}(?:fuss|scene|noise|trouble|drama|racket))\b(?: \w+){0,14}"
        r" (?:i|we) (?:will|am going to|are going to|shall|can) (?:just |simply |have to |be forced to |happily )?"
        r"(?:blacklist|ban|bar|block|cancel|close|cut|drop|refuse|stop (?:serving|dealing|taking)|hang up|report"
        r"|charge|keep (?:the|your) (?:deposit|money|payment)|terminate|suspend|flag|ignore"
        r"|(?:move|put|push|bump|send|stick) (?:\w+ ){1,3}(?:to|at) the (?:back|bottom|end))\b",
        # Harm to others laid on the customer's choice ("a patient could die because of your decision"), and the guilt
        # pressed on them ("you'd have to live with that").
        r"\b(?:could|would|might|will|may) (?:die|suffer|get hurt|be hurt|lose (?:\w+ ){0,2}\w+) because of"
        r" (?:you|your (?:decision|choice|actions|selfishness|doing))\b",
        r"\byou (?:would|will) have to live with (?:that|it|this|yourself)$",
        # The customer handed to the firm's lawyers or heavies ("I pass it also to our solicitor").
        r"\b(?:i|we) (?:will |am going to |are going to |shall )?(?:give|pass|hand|send|set|put)"
        r" (?:it |this |you |that )?(?:also |straight |over |on )?(?:to|on) (?:our|my|the)"
        r" (?:lawyers?|solicitors?|attorneys?|bailiffs?|debt collectors?|heavies|enforcers?)\b",
        # A last warning ("this is your final warning"); "the final warning letter went out" and "just a warning,
        # there is a fine" are not given as one.
        r"\b(?:this is|consider this|take this as|treat this as|i am giving you|you are getting|here is)"
        r" (?:your|a|the|my) (?:final|last|only) warning\b(?! (?:letter|notice|email|text|message|light|sign)\b)",
        # People sent to the customer's home or shop if they do not pay ("if you don't pay by Thursday our field
        # officer will come to your house", "... I will send our boys to your shop"); "if the part is not in by
        # Friday, our engineer will come on Monday" owes nothing, and an engineer comes to do a job.
        rf"\b{_UNPAID}(?: \w+){{0,8}} (?:{_SENT_PEOPLE}) (?:will|am going to|are going to|is going to|shall)"
        r" (?:personally )?(?:come|be round|be coming|turn up|show up|visit|pay you a visit|call round)"
        rf"(?: \w+){{0,10}} {_THEIR_PLACE}\b",
        rf"\b{_UNPAID}(?: \w+){{0,8}} (?:i|we) (?:will|am going to|are going to|shall) (?:personally )?send"
        rf" (?:{_SENT_PEOPLE})(?: \w+){{0,4}} (?:round|over|to|out to) {_THEIR_PLACE}\b",
        # ... "I'm sending our boys to dig out every pipe from your shamba".
        rf"\b{_UNPAID}(?: \w+){{0,8}} (?:i|we) (?:am|are) (?:personally )?sending (?:{_SENT_PEOPLE})(?: \w+){{0,8}}"
        rf" (?:round|over|to|out to|from|at|into|on) {_THEIR_PLACE}\b",
        # A trade shut to them by the agent's doing ("I'll make sure no agro-dealer in Machakos gives you credit
        # again").
        r"\b(?:i|we) will (?:make sure|see to it|ensure) (?:that )?no (?:\w+ ){1,5}(?:gives|will give|lends|will lend"
        r"|rents|will rent|sells|will sell|offers|will offer|serves|will serve|extends) (?:to )?you\b",
        # Their request sent to the back for how they speak ("keep talking to me like that and your job goes to the
        # bottom of the pile").
        r"\b(?:keep|carry on|continue|go on)(?: on)? (?:\w+ ){0,4}like (?:that|this)(?: \w+){0,3} (?:and|or)"
        r" (?:your|the) (?:\w+ )?(?:job|claim|case|ticket|order|request|file|application|repair|booking|complaint)s?"
        r" (?:goes|go|will go|is going|gets|will get) (?:straight )?(?:to|moved to|put at|sent to) the"
        r" (?:bottom|back|end) of the (?:pile|list|queue|stack|line)\b",
        # Shamed before those around them ("... will come to your house in front of your neighbours"); "in front of
        # your neighbour's house" is a place.
        r"\b(?:will|going to)(?: \w+){1,10} in front of (?:your|the|all your) (?:whole |entire )?(?:neighbours"
        r"|neighbors|village|street|family|kids|children|colleagues|customers|friends|community|group|congregation)\b"
        r"(?! (?:house|home|door|gate|garden|drive|driveway|shop|s)\b)",
        # A sanction on the customer if they go on taking up the line's time ("if you keep wasting this line's time,
        # your number will be blocked", "if you call again about this voucher, your number will be flagged"); "if you
        # keep getting cut off, your call will be logged" is no sanction.
        r"\bif (?:you|ya|ye|yuh|yous) (?:(?:call|ring|phone|text|email|contact us) (?:us |me |this line )?again"
        r"|(?:keep|carry on|continue|go on)(?: on)? (?:wasting|tying up|clogging|abusing"
        r"|misusing|calling|ringing|phoning|shouting|yelling|swearing|pestering|hassling|bothering|harassing"
        r"|badgering))\b(?: \w+){0,14} (?:you|your (?:\w+ )?\w+) (?:will|is going to|are going to|may|might|could)"
        r" (?:be |get )(?:blocked|banned|barred|blacklisted|suspended|cut off|cancelled|canceled|closed|terminated"
        r"|disconnected|flagged|reported)\b",
        # The customer's matter put last on purpose ("I will make sure your application sits right at the bottom of
        # the pile"); "I'll make sure it goes to the top of the pile" favours them.
        r"\b(?:i|we) (?:will|am going to|are going to|can|could|shall) (?:personally )?(?:make sure|see to it|ensure)"
        r" (?:that )?(?:you|your \w+)(?: (?!not\b|never\b)\w+){0,5} (?:at|to|on) the (?:very )?(?:back|bottom|end) of"
        r" (?:the|my|our) (?:pile|queue|heap|stack)\b",
        # The customer's name put about as a sanction ("your name will be reported to the sender as a problem
        # customer", "... shared with every agency so you never rent again"); "your name will be added to the list for
        # the draw" is no sanction.
        r"\byour (?:name|details|number|account) (?:will|is going to|would) (?:be|get) (?:reported|shared|circulated"
        r"|blacklisted|flagged|passed on|put on|added to|listed|sent)(?: \w+){0,8} (?:as (?:a|an) (?:problem|bad"
        r"|difficult|troublesome|high risk|nuisance|unreliable) \w+|so (?:that )?you (?:never|can never|will never)"
        r" (?!have to\b|need to\b|miss\b|lose\b|forget\b)\w+(?: \w+){0,3} again)\b",
        r"\b(?:will|is going to|would) (?:mark|flag|list|label|brand|record) you (?:down )?as (?:unreliable|a problem"
        r"|difficult|a troublemaker|high risk|a nuisance|a bad \w+)\b",
        # What they lose if they go on ("if you keep calling in ..., you can forget about overtime").
        r"\bif (?:you|ya) (?:(?:keep|carry on|continue|go on)(?: on)? (?:calling|ringing|phoning|emailing|changing"
        r"|swapping|cancelling|canceling|complaining|asking|chasing|pestering|arguing|shouting)|do (?:that|this|it)"
        r" again)(?: \w+){0,16}"
        r" you can forget (?:about )?\w+",
        # Shamed where those around them will see ("... pinned up at the clubhouse where all your neighbors can see
        # it").
        r"\b(?:delinquent|debtors?|arrears|overdue|defaulters?|late payers?|non payers?|unpaid|bad payers?|shame)"
        r"(?: \w+){0,10} (?:where|so) (?:all |every one"
        r" of |each of )?your (?:neighbours|neighbors|friends|family|colleagues|coworkers|co workers|community"
        r"|village|street|whole street|whole village) (?:can|will|get to|are going to) (?:see|read|know)\b",
        # The customer shut out of the trade ("I will personally make sure no dealer in Karachi touches your shop").
        r"\b(?:i|we) (?:will|am going to|are going to|shall) (?:personally )?make sure (?:that )?(?:no|nobody|no one"
        r"|noone)(?: \w+){0,4} (?:(?:will |would |ever )?(?:touches|touch|serves|serve|works with|work with"
        r"|deals with|deal with|sells to|sell to|supplies|supply|hires|hire|employs|employ|rents to|rent to|lends to"
        r"|lend to|insures|insure|services|service)) (?:you|your)\b",
        # Guilt pressed through the customer's family ("do you want them to carry that shame?").
        # Shut out for what they do ("customers who keep cancelling get put on a blocked list, and then nobody here will
        # take your bookings again"); "you've been added to our do-not-call list" is what they asked for.
        r"\b(?:put|added|placed) (?:on|to) (?:a|the|our) (?:blocked|block|black|ban|banned) ?list\b"
        r"|\b(?:nobody|no one|noone) (?:here )?will (?:ever )?(?:take|accept|serve|deal with|touch|insure|rent to)"
        r" (?:you|your \w+)(?: \w+){0,3} again\b",
        r"\bdo you want (?:them|your (?:\w+ )?(?:children|kids|family|wife|husband|parents|mother|father|son"
        r"|daughter|widow))(?: \w+){0,2} to (?:carry|bear|suffer|struggle|live with|go through|feel)\b"
        r"|\b(?:carry|bear|live with) (?:that|the|this|such) shame\b",
        # Shamed before everyone they know ("we will message every contact in your phone, including your employer,
        # and tell them you are someone who does not pay", "I'll make sure every rental company in the country knows
        # your name"); "we will contact your employer to confirm your income" shames no one.
        r"\b(?:message|text|call|ring|phone|email|contact|tell|inform|notify|write to) (?:every|all|each)(?: of)?"
        r" (?:the )?(?:\w+ )?(?:contacts?|numbers?|people) (?:in|on|from) your (?:phone|mobile|contacts"
        r"|contact list)\b",
        r"\b(?:tell|inform|notify|let) (?:them|everyone|everybody|all of them|your (?:\w+ )?\w+)(?: know)?"
        r" (?:that )?you (?:are (?:a|an|someone|somebody|one|the kind)\b(?: \w+){0,3} (?:who|that) (?:does not"
        r"|do not|never|can not|will not) (?:pay|pays)|(?:do not|never|will not|did not) pay"
        r"|are (?:a )?(?:bad payer|debtor|defaulter|deadbeat|thief|fraud|cheat|liar))\b",
        r"\b(?:i|we) (?:will|am going to|are going to|shall) (?:personally )?make sure (?:that )?(?:every|all|each"
        r"|everyone|everybody|the whole)(?: \w+){0,6} (?:knows?|hears? about|finds? out about|learns?)"
        r" (?:your name|who you are|about you|what you (?:did|have done))\b",
    ),
    # Sympathy said to mean its opposite ("boo hoo, two whole minutes"): mocking the customer.
    "mocks the customer": (
        SARCASM.pattern,
        # A plain step asked about as if beyond them ("did you think of phoning first, or is that too modern?").
        r"\bor is (?:that|it|this) (?:a bit |a little |just )?too (?:modern|hard|difficult|complicated|much to ask"
        r"|advanced|technical|high tech)\b",
        # The customer's trouble kept as a story for the agent's colleagues ("I'm putting that one on the whiteboard
        # for the boys", "wait till I tell the lads").
        r"\b(?:putting|put|going|goes|writing|sticking|stick|pinning) (?:that|this) (?:1 |one )?(?:up )?on the"
        r" (?:whiteboard|wall|fridge|noticeboard|notice board)\b",
        r"\b(?:wait till|wait until|wait til|can not wait to) (?:i )?tell (?:the|my) (?:boys|lads|guys|girls|team"
        r"|colleagues|mates|crew|others)\b",
        # The customer's mishap exclaimed at as typical ("Lost it again? Classic!", "dropped it, did ya, classic");
        # "a classic car" and "the classic model" name a thing.
        r"^(?:oh |ah |well |so |that is |thats |how )?classic(?: (?:mate|man|love|buddy|pal|one|that))?$"
        r"|\b(?:did (?:ya|you|ye)|again|yet again) classic\b",
        # ... or as a child's ("get your mum to hold onto it for you", "most folks work it out by the time they're
        # grown").
        r"\b(?:get|ask|have) your (?:mum|mom|mam|mummy|mommy|mother|dad|daddy|parents?) to (?:hold onto|hold on to"
        r"|hold|keep|look after|mind|carry|keep hold of) (?:it|them|that|this|your \w+)(?: for you)?\b",
        r"\bby the time (?:they are|you are|we are|people are|folks are) (?:grown|grown up|all grown up|adults?"
        r"|out of nappies|out of diapers)\b",
    ),
    "promises an outcome": (
        r"\bi (?:guarantee|promise)\b",
        # A certainty put before an outcome ("hundred percent it will reach by Friday").
        r"\b(?:hundred|100) percent (?:it|they|he|she|your \w+|the \w+) will\b",
        rf"\b(?:{_PROMISED_ELSEWHERE})\b",
        # A promise tagged on to an outcome ("you'll make it, I can promise you that", "that much I can promise");
        # "I can promise you that I'll ring back" is the agent's own doing.
        r"\b(?:i (?:can|could) promise (?:you )?(?:that|this)|(?:that|this) much i (?:can )?promise)\b(?! (?:i|we)\b)",
        r"\bguarantee from (?:me|my side|my end|us|our side|our end)\b",
        # "I can guarantee it" of an outcome ("rain or shine, the hill will be open, I can guarantee it"); "I can
        # guarantee I'll call you back" is the agent's own doing.
        r"\bi (?:can|could) (?:absolutely |definitely |personally )?guarantee (?:it|that|this|you)\b(?! (?:i|we)\b)",
        r"\b(?:you have|you got|you have got|i give you|i give ya|i am giving you|i am giving ya) my"
        r" (?:personal |solemn |honest |absolute )?word\b",
        r"\b(?:it is|its|that is|thats|\w+ is) a done deal\b",
        r"\byou can take (?:that|it) to the bank\b",
        r"\b(?:definitely|certainly|for sure|hundred percent|100 percent)( \w+){0,12} guaranteed\b",
        r"\bguaranteed$",
        # ... or tagged on mid-sentence to what will happen ("you'll be through security in under five minutes,
        # guaranteed, even in the rush"); "your deposit will be guaranteed by the scheme" and "the price will stay the
        # same, guaranteed by contract" say what secures it.
        r"\b(?:you|it|they|he|she|your \w+|the \w+) will (?:\w+ ){1,10}(?<!\bbe )guaranteed\b(?! by\b)",
        # "Pakka" (for sure) put on an outcome: "the money is pakka coming back by tomorrow morning".
        r"\b(?:is|are|will be|will|its|it is) pakka\b",
        # An outcome for the customer that nobody controls, as a certainty ("you'll 100% get the job").
        r"\b(?:you|your \w+) will (?:100(?: percent)?|hundred percent) \w+",
        r"\b(?:you|your \w+) will (?:definitely|certainly|absolutely) (?:be (?:approved|accepted|perfect|successful)"
        r"|get (?:approved|accepted|the job|in)|pass|win)\b",
        r"\b(?:no) (?:two|2) ways about it\b",
        # An outcome others decide, with a certainty after it ("you'll pass this time for sure", "no guard will ever
        # stop you again, that one is sure").
        r"\b(?:you|he|she|they|your \w+) will (?:\w+ )?(?:pass|win|be (?:approved|accepted|picked|selected|chosen"
        r"|granted)|get (?:\w+ ){1,5}back|get (?:in|approved|accepted|picked|selected|through|the (?:job|visa|place"
        r"|loan|grant|mortgage|role|position|contract|apprenticeship|scholarship|offer|permit|licence|license|part)))"
        r"(?: \w+){0,4} (?:for sure|for certain|no doubt|no question|guaranteed|100 percent|hundred percent)\b",
        # ... or a decision's going through ("the plan will go through for sure"); "the payment will go through
        # tonight" has no certainty tagged on.
        r"\b(?:the|this|that|your|my|his|her|their) (?:plan|application|claim|loan|visa|appeal|mortgage|request"
        r"|permit|case|transfer|adoption|licence|license) will (?:\w+ )?(?:go through|be (?:approved|accepted|granted))"
        r"(?: \w+){0,4} (?:for sure|for certain|no doubt|no question|guaranteed|100 percent|hundred percent)\b",
        r"\b(?:no )?(?!i |we )\w+ will (?:\w+ ){1,8}(?:that (?:1|one|much) is (?:for )?sure|mark my words"
        r"|take it from me|(?:that )?i can assure you (?:a )?(?:100|hundred) percent)\b",
        # ... or what others will do or what will happen, as a certainty tagged on ("the ministry will sign it off by
        # Friday, no question at all", "it will be at your shop tomorrow without fail", "the lift will never break down
        # again, not in ten years, you take it from me"); "we will call you no matter what" is the agent's own doing.
        r"\b(?!i |we )\w+ will (?:\w+ ){1,12}(?:without fail|no matter what|no question|no exceptions|take it from me"
        r"|no doubt about it|no ifs (?:or|and) buts)\b",
        # That something will never go wrong again ("this boiler will never break down again"): no one can promise
        # it of a thing or of others; "we will never charge you again" is the agent's own doing.
        r"\b(?!i |we )\w+ will never (?:\w+ ){1,3}again\b",
        r"\b(?:nobody|no one|noone|nothing)(?: \w+){1,6} again ever\b",
        # Survival or recovery as a certainty ("they'll definitely make it through any frost").
        r"\b(?:they|he|she|it|you|(?:your|the|these|those) \w+) will (?:definitely|certainly|absolutely|surely"
        r"|100 percent|hundred percent) (?:make it through|survive|pull through|recover|heal|live)\b",
        r"\b(?:is|are|will be) guaranteed to\b",
        r"\b(?:is|are) certain to (?:approve|accept|sign|pass|agree|say yes|be approved|be accepted)\b",
        # "trust me" on what will or will not happen, not on what the agent will do ("trust me, I'll chase it").
        r"\btrust me (?:(?!i |we )\w+ ){1,6}(?:will|will not)\b",
        r"\b(?!i |we )\w+ will (?:not )?(?:\w+ ){1,6}trust me\b",
        # A bettor's certainty about an outcome ("they'll pay out, it's a dead cert"); "nothing's a dead cert" is
        # negated.
        r"\b(?:a|is|its) dead (?:cert|certainty|cinch|racing cert)\b|\bnailed on\b|\bbet your (?:life|house)\b",
        # "I can tell you that for nothing" after what someone else will do ("they'll approve it, I can tell you that
        # for free"), not after a fact the agent has in front of them.
        r"\b(?!i |we )\w+ will (?:\w+ ){1,6}i (?:can|will|could) tell you (?:that )?for (?:nothing|free)\b",
        # What someone else will decide, as a certainty ("the association will definitely pay for your repair");
        # "we will definitely call you" is the agent's own doing.
        r"\b(?!i |we )\w+ will (?:definitely|certainly|absolutely|surely|100 percent|hundred percent)"
        r" (?:pay|cover|refund|reimburse|compensate|approve|accept|replace|be (?:covered|paid|refunded|approved))\b",
        # A stake on an outcome ("I'd stake my pension on it").
        r"\bi (?:would|will) (?:stake|bet|put) my (?:\w+ ){0,2}(?:pension|life|house|mortgage|reputation|job|savings"
        r"|name|salary|wages|last \w+) on (?:it|that)\b",
        r"\bi (?:would|will|had) (?:stake|bet|wager) (?:the|my|me|a|your) (?:\w+ ){0,2}\w+ on (?:it|that|this)\b",
        # A certainty tagged on to what others will do ("the insurer will cover it in full, hundred percent"); "will
        # be refunded at 100 percent" is an amount.
        r"\b(?!i |we )\w+ will (?:not |never )?(?:\w+ ){1,10}(?<!\ba )(?<!\bat )(?<!\bby )(?<!\bto )(?<!\bof )"
        r"(?<!\bup )(?<!\bbe )(?<!\bcover )(?:hundred|100) percent\b",
        # A decision others make, as a certainty ("your flat will definitely be allocated before New Year"); "the
        # parcel will definitely go out today" is the firm's own doing.
        r"\b(?!i |we )\w+ will (?:definitely|certainly|absolutely|surely|100 percent|hundred percent|for sure)"
        r" (?:be )?(?:allocated|granted|accepted|approved|awarded|offered|selected|chosen|admitted|waived|overturned"
        r"|upheld|reinstated|cancelled|canceled|dropped|dismissed|written off|lifted|cleared)\b",
        # A certainty said of it, closing the sentence ("you don't need to worry any more, it is certain"); "it is not
        # certain" and "is it certain" are no such thing.
        r"\b(?:it is|that is|this is) (?:absolutely |completely |totally |100 percent |dead )?(?:certain|a certainty"
        r"|definite)$",
        r"\bi am telling you (?:a |one )?(?:hundred|100) percent\b",
        # Nothing can stop what the firm does not control ("your money will enter your account before Friday,
        # nothing can stop it").
        r"\b(?:nothing|no one|nobody) (?:can|will|could|is going to) (?:stop|prevent|block|delay) (?:it|this|that)\b",
        # An approval or a claim the firm does not decide, called certain ("your approval is guaranteed, one hundred
        # percent, no matter your credit history"); "your deposit is guaranteed by the scheme" says who protects it.
        r"\byour (?:approval|loan|finance|financing|claim|application|visa|mortgage|credit) (?:is|will be)"
        r" (?:(?!not\b|never\b|no\b)\w+ )?guaranteed\b(?! by\b)",
        # ... or no way for it to go wrong again ("no way it gets cancelled twice").
        r"\bno way (?:it|this|that|they|the \w+) (?:gets|will get|is going to get|get|will be|is going to be)"
        r" (?:cancelled|canceled|delayed|rejected|refused|declined|denied|turned down)\b",
    ),
}

# The words the rules turn on, wherever they are: where no rule finds them rude ("whatever time suits you", "no
# idea yet, let me check"), they are what a reviewer would point at to say the language was innocent.
LOOSE = re.compile(
    r"\b(?:whatever|dunno|no idea|no clue|calm down|settle down|chill out|guaranteed|guarantee|promise|on you"
    r"|your fault|(?:silly|stupid|daft|dumb) question|rocket science|not my (?:problem|job|concern))\b"
)

# The customer blamed for their own problem: after an apology ("sorry, but ..."), it takes the apology back.
BLAME = re.compile(
    r"\b(?:you (?:should|could|ought to) (?:have|of|really have)|if you (?:had|would have|would|did)"
    r"(?: \w+)? (?:read|followed|checked|listened|looked|paid|bothered|called|kept|filled|done|used|asked|told)"
    r"|you (?:did not|never|failed to) (?:read|follow|check|listen|look|bother|call|pay|tell|ask)"
    r"|you (?:were|are) (?:supposed|meant|told|warned) to|rules are rules"
    r"|that is (?:just )?(?:how it is|how it works|how (?:the|our) \w+ works?|policy)"
    # The trouble made theirs to carry ("it is your responsibility to know these things", "maybe you stored it
    # wrong").
    r"|(?:is|was|are|were) (?:your|the (?:customer|passenger|buyer|client|guest|owner|user)s?) (?:own )?responsibility"
    rf"|{_MAYBE_YOU_DID_IT_WRONG}|{_IF_YOU_HAD_READ}"
    rf"|{_IS}{_FILLER} (?:on you|your (?:own )?(?:problem|fault|lookout))"
    r"|(?:should|ought to) have(?: \w+){1,6} (?:at|on|from) your end"
    r"|(?:not|none of) (?:my|our) (?:problem|fault|concern)"
    # What the customer missed, said to be there plainly ("sorry, but the gate is written on the ticket very
    # clearly"); "sorry, it was not written clearly" owns it.
    r"|(?:is|are|was|were) (?:all )?(?:written|stated|printed|marked|shown|explained|listed|signposted|spelled out)"
    r"(?: \w+){0,4}? (?:very |quite |really |perfectly )?clearly"
    r"|(?:is|are|was|were) (?:very |quite |really |perfectly )?clearly (?:written|stated|printed|marked|shown"
    r"|explained|listed|signposted|spelled out)"
    # "... but that is what happens if the bung is left in", "its your mistake", "what did you expect"
    rf"|{_IS} (?:just )?what happens|{_IS}{_FILLER} your (?:own )?(?:mistake|doing|error)"
    r"|what (?:did|do) (?:you|ye|ya) expect|you people"
    # The call itself put down to them, or what they would have wanted to do first ("you would want to have renewed
    # it yourself").
    rf"|{_CALL_BLAMED_ON_THEM}|{_DID_NOT_DO_AS_TOLD}|{_WOULD_NOT_HAVE_BEEN}|you (?:would|will) (?:want|need) to have"
    rf"|(?:that|this) (?:1|one|bit|part)(?: is)?{_FILLER} on (?:you|ya|yous)(?: (?:2|two|both|lot))?(?! to\b)"
    # What the customer sent or chose found at fault ("the files you uploaded were way hotter than our spec allows").
    r"|(?:the|your) (?:\w+ ){0,2}(?:that )?you (?:sent|uploaded|supplied|provided|gave us|submitted|chose|picked"
    r"|ordered|bought|used|fitted|entered|filled in|put in|brought in)(?: us| in| over)? (?:was|were|is|are)"
    r" (?:\w+ ){0,2}(?:wrong|incorrect|invalid|incomplete|expired|damaged|faulty|too \w+|\w+er than)"
    # ... or what they sent named faulty as it is named ("because your clinic only sent a distorted impression").
    rf"|{_BLAMED_ELSEWHERE}"
    r"|(?:you|your \w+) (?:only |just )?(?:sent|gave us|give us|supplied|provided|submitted|uploaded|used|fitted|chose)"
    r" (?:us )?(?:a|an|the|some) (?:\w+ )?(?:wrong|distorted|damaged|incomplete|faulty|blurry|incorrect|expired"
    r"|unreadable|invalid|broken|corrupt|corrupted))\b"
)


@cache
def compiled_rules(kind: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rule) for rule in RULES[kind])


def kinds_in(normalized: str) -> list[str]:
    """The kinds of language a normalized sentence shows."""
    return [kind for kind in RULES if any(rule.search(normalized) for rule in compiled_rules(kind))]


@cache
def _kinds_shown_by(examples: tuple[str, ...]) -> tuple[str, ...]:
    shown = {kind for example in examples for kind in kinds_in(" ".join(normalize_phrase(example)))}
    return tuple(kind for kind in RULES if kind in shown)


def kinds_shown_by(fail_examples: Iterable[str]) -> tuple[str, ...]:
    """The kinds of language a must_not criterion's fail examples show, in ``RULES`` order."""
    return _kinds_shown_by(tuple(fail_examples))


def blames(normalized: str) -> bool:
    return bool(BLAME.search(normalized))


# The customer's own doing named before an apology ("if you'd kept the filter clean, I'm sorry, but ..."): it
# takes the apology back as surely as a "but" after it.
BLAMED_FIRST = re.compile(
    r"\bif you (?:had|would have|would)(?: \w+)? (?:read|followed|checked|listened|looked|paid|bothered|called|kept"
    r"|filled|done|used|asked|told|cleaned|charged|locked|saved|given|sent|plugged|turned|switched)\b"
)


# The agent claiming to be a person ("no, I'm a real person", "you're speaking with a real member of staff"); "not
# a real person" and "if you'd rather speak to a real person" say the opposite or offer one.
CLAIMS_A_PERSON = re.compile(
    r"\b(?:i am|you are (?:speaking|talking|chatting|through) (?:to|with)|you have got|this is)"
    # ... with the name it gives between ("you're speaking with Amani, a real person").
    r"(?: (?!not\b|no\b|never\b)\w+){0,2} (?:a |an )?"
    r"(?:real|actual|live|genuine|proper|human)(?: live)? (?:person|human|human being|member of (?:staff|the team)"
    r"|staff member|agent|lady|man|woman)\b|\bi am (?:a )?human(?: being)?\b(?! resources)"
)


def claims_a_person(normalized: str) -> bool:
    return bool(CLAIMS_A_PERSON.search(normalized))


# A promise of the agent's own doing ("I promise I'll ring you back by five") or manner ("I promise I ain't cussing
# at you"), not of an outcome.
OWN_DOING_PROMISED = re.compile(
    r"^(?:i|we) promise(?: you)?(?: that)? (?:i|we) (?:will|am going to|are going to|(?:am|is|are|was|were|do|did)"
    r" not|never)\b"
)


# The customer objecting to how the agent just spoke to them ("are you threatening me?", "there's no need for that.",
# "that's not funny", "I'm not confused"): a sign of conduct that no rule may name, for a person to judge. Anger at
# the firm's prices or rules ("that's outrageous", "that's not fair") is no sign of the agent's manner, and "no need
# for that, I'll pop in" declines an offer.
OBJECTS_TO_MANNER = re.compile(
    r"\b(?:are you (?:threatening|mocking|insulting|laughing at|making fun of|patroni[sz]ing|having a go at) (?:me|us)"
    r"|is that a threat|how dare you|uncalled for"
    r"|no need (?:for that$|for the attitude|for (?:the |that )?sarcasm|to be (?:rude|like that|sarcastic|nasty|smart"
    r"|cheeky|so rude|patroni[sz]ing|condescending|mean))"
    r"|(?:that|this|it) is not (?:funny|nice|very nice|called for|appropriate|professional)"
    r"|do not (?:talk|speak) to me like|do not (?:patroni[sz]e|lecture) me"
    r"|i am not (?:stupid|an idiot|a child|dumb|thick|deaf|slow|confused|shouting|lying)"
    r"|(?:that is|you are being|you are) (?:very |so |really |a bit |quite )?(?:rude|condescending|patroni[sz]ing"
    r"|sarcastic|insulting|out of line))\b"
)


def objects_to_manner(normalized: str) -> bool:
    return OBJECTS_TO_MANNER.search(normalized) is not None


def sarcastic(normalized: str) -> bool:
    """Whether a normalized sentence says the opposite of what it says: sympathy for a wait of "two whole
    minutes" is none."""
    return bool(SARCASM.search(normalized))


# "Sorry" that asks the customer to say it again ("sorry, you broke up there, say that again?") apologises for
# nothing that went wrong for them.
ASKS_AGAIN = re.compile(
    r"\b(?:say (?:\w+ ){0,3}again|(?:give|read|tell) me (?:\w+ ){1,3}again|repeat (?:that|it)|come again"
    r"|what was that"
    r"|(?:did not|didnt) (?:quite |really |properly )?(?:catch|hear|get) (?:that|it|you|the)"
    r"|you (?:cut|broke|are breaking|keep breaking|were breaking) (?:out|up)|missed (?:that|what you said)"
    r"|line is (?:bad|breaking up))\b"
)
# ... or opens a question that checks what the customer said ("sorry, did you say the ninth?", "sorry, was that
# a B or a D?"): the "sorry" of a question back, read only in a sentence asked as a question.
CHECKS_BACK = re.compile(
    r"^(?:(?:oh|um|uh|so|ah|right) )?sorry (?:(?:did|do) you (?:just )?(?:say|mean|said)|you said"
    r"|(?:was|is) (?:that|it) (?:\w+ ){0,4}or\b|(?:who|what|which|where|when) (?:was|did|do|is|one|1)\b)"
)
# ... or for not having said who is answering ("oh sorry, hey, this is Rio at the kite school").
INTRODUCES_ITSELF = re.compile(
    r"\bsorry (?:hey |there |about that )?(?:this is|my name is|you have reached|you are through to)\b"
    # ... or for a moment's wait ("sorry, one sec, Kev speaking")
    r"|\bsorry (?:(?:one|1|a) (?:sec|second|moment|mo|minute)|hang on|hold on)\b"
    # ... or for not having said it yet ("sorry, forgot to say, this is Kelvin").
    r"|\bsorry (?:\w+ )?(?:i )?(?:forgot|forget) (?:to )?(?:say|mention|introduce|tell you)\b"
    # ... or said on picking up, before the business and the agent's name ("Sorry, Chiva Fiesta Medellín, Mateo
    # speaking", "oh sorry, yes, West Country Quiz League, Dave here"); "sorry, the driver is here" names no one.
    r"|^(?:(?:oh|hello|hi|hey|yes|yeah|um|uh|ah|right|okay|ok) )*sorry (?:(?:yes|yeah|hi|hello|oh) )?"
    r"(?!(?:about|for|to|that|if|i|we|it|this|the|there|you|your|our|my|mate|love|sir|madam|maam)\b)(?:\w+ ){1,6}"
    r"(?!(?:is|are|was|were|be|get|got|in|out|over|back|up|down|right|still|all|now|not|it|them)\b)\w+"
    r" (?:speaking|here)\b"
)
# ... or for talking over the customer ("sorry, sorry, go ahead, you first").
TALKED_OVER = re.compile(
    r"\bsorry (?:sorry )?(?:(?:you )?go ahead|you first|after you|you go|carry on"
    r"|(?:i|to) (?:cut|talk|talked) (?:you off|over you)|to interrupt)\b"
)
# ... or for the call's own conditions ("sorry for the background noise, we're tuning drones next door").
CALL_CONDITIONS = re.compile(
    r"\bsorry (?:for|about) (?:the |all the |my )?(?:background )?(?:noise|racket|echo|line|connection|dog|barking"
    r"|cough|voice|music)\b"
)
# An apology for the call's own housekeeping, not for the customer's problem: a hold, the line, a speakerphone, a
# note being finished, or something not said earlier ("sorry for keeping you waiting", "oh, sorry, the line
# clicked", "I should have said at the start, this call is recorded, apologies"). The card counts some of these ("my
# apologies for the wait"), so they still pass; a reviewer is shown the apology for the problem first.
ASIDE_APOLOGY = re.compile(
    r"\b(?:keeping you|to keep you) (?:waiting|on hold|hanging on)\b"
    r"|\b(?:the|that|your|a) (?:wait|hold)\b(?! (?:on|for|with|times?)\b)|\b(?:for|about) (?:the )?holding\b"
    r"|\b(?:the|this|my) line (?:clicked|dropped|cut|went|broke|crackled|is (?:bad|terrible|awful|breaking))"
    r"|\b(?:you are|your|youre) on (?:the )?speaker\b|\bi was (?:just )?(?:finishing|typing|writing|on the other)"
    r"|\b(?:should|shoulda) (?:have |of )?(?:said|mentioned|told you)\b|\bforgot to (?:say|mention|tell you)\b"
)


def aside_apology(normalized: str) -> bool:
    """Whether a sentence that apologises does so for the call's housekeeping (see ``ASIDE_APOLOGY``)."""
    return not APOLOGY_WORDS.isdisjoint(normalized.split()) and bool(ASIDE_APOLOGY.search(normalized))


# An apology for how the customer took it, not for what went wrong ("sorry if it came across that way").
FOR_HOW_THEY_TOOK_IT = re.compile(
    r"\bsorry (?:if|that) (?:it|that|this|i|we) (?:came across|come across|sounded|seemed|felt|offended|upset)"
    r"|\bsorry (?:if |that )?you (?:feel|felt|think|thought|see it|took it)(?: that way| like that)?\b"
    # ... or for their finding it hard ("I'm sorry you find it so difficult").
    r"|\bsorry (?:that |if )?you (?:find|found|are finding|were finding) (?:it|this|that|things|everything)"
    r" (?:so |too |very |that |a bit |rather |quite )?(?:difficult|hard|confusing|complicated|tricky|challenging)\b"
    # ... or for their having got it wrong ("I'm sorry you got confused, but it's all on page two").
    r"|\bsorry (?:if |that )?you (?:got|get|became|are getting|were getting) (?:a (?:bit|little) |so |all )?(?:confused"
    r"|mixed up|muddled|the wrong idea)\b"
    # ... or for their not taking a joke ("sorry if you can't take a little joke").
    r"|\bsorry (?:if |that )?you (?:can not|could not|cannot) take (?:a )?(?:little |bit of (?:a )?)?"
    r"(?:joke|banter|fun)"
    # ... or for the customer getting worked up over it ("sorry the letter got you all wound up").
    r"|\bsorry (?:if |that )?(?:the |this |that |it |my |our )?(?:\w+ )?(?:got|gets|has got|made|had) you (?:all |so )?"
    r"(?:worked up|wound up|riled up|het up|in a (?:state|tizzy|flap|tizz))"
)
# ... or for what the customer chose to do ("sorry that you decided to tamper with the valve yourself").
FOR_THEIR_OWN_DOING = re.compile(
    r"\bsorry (?:that |if )?you (?:have )?(?:decided|chose|went ahead and|took it upon yourself|felt the need"
    r"|thought it (?:was )?(?:wise|a good idea|clever|smart)) to\b"
    # ... or did against the advice they were given ("I am sorry that you skied two days on new boots against my
    # advice"); "sorry, the advice you were given was wrong" owns it.
    r"|\bsorry (?:that |if )?you(?: \w+){1,12} (?:against|despite|ignoring) (?:my|our|the) (?:\w+ )?(?:advice"
    r"|recommendation|warning|warnings|instructions)\b"
)
APOLOGY_WORDS = frozenset({"sorry", "pardon", "apologies", "apologise", "apologize"})
# An apology given grudgingly ("sorry for any inconvenience, I suppose."), or refused by a question ("why would I
# say sorry?"): words of apology that make none. Read on the original words: "I suppose" closing a clause.
GRUDGING = re.compile(r"\bI (?:suppose|guess)(?:[,.;!?]|$)", re.IGNORECASE)
# A bare "sorry?" or "pardon?" asks the customer to say it again.
PARDON = re.compile(r"^(?:oh |um |uh )?(?:sorry|pardon)(?: me)?\?$", re.IGNORECASE)
REFUSED = re.compile(
    r"\bwhy (?:(?:would|should|will|do|must) (?:i|we)|(?:i|we) (?:would|should|will|must)) (?:say sorry|apologi[sz]e"
    r"|be sorry)\b"
    # ... or by asking what the customer wants to hear ("what do you want me to say, that I'm sorry the state doesn't
    # give power?").
    r"|\b(?:what )?(?:do )?you want me to (?:say|tell you)(?: that)? (?:i am|we are|i|we) (?:sorry|apologi[sz]e)\b"
)


_ORDINAL_DAY = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)


# When something will happen: a day, a date, a time, a number of minutes, hours, days or weeks, or a named moment
# ("tomorrow", "shortly", "the next renewal date"). "At some point", "eventually" and "once they look at it" are no
# when, nor is "yesterday": what is past says nothing of what happens next ("you called yesterday also, and the day
# before").
WHEN = re.compile(
    r"\b(?:today|tonight|tomorrow|shortly|now|immediately|right away|straight away|first thing"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|morning|afternoon|evening|midday|noon"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|next \w+|this (?:week|month)|end of (?:the )?(?:day|week|month)|(?:a|an|the|\d+|few|couple of|\w+ more) "
    # ... not one gone by ("two days ago", "you called yesterday, and the day before"), but one before what is to come
    # ("I'll ring you the day before", "30 minutes before arriving").
    r"(?:(?:business|working) )?(?:minutes?|hours?|days?|weeks?|months?)"
    r"(?! ago\b)(?!(?<=\band the day) before\b)(?!(?<=\bor the day) before\b)"
    r"|\d+(?:st|nd|rd|th)|o ?clock"
    # ... not a size or an amount ("written down at 71 inches").
    r"|(?:at|by|before|after|from|until|till) (?:half |quarter )?\d+(?! (?:inch|inches|in|cm|centimetres|centimeters"
    r"|mm|millimetres|metres|meters|m|feet|foot|ft|percent|per cent|kg|kilos|grams|pounds|lbs|dollars|euros|degrees"
    r"|miles|km|kilometres|kilometers|units|pieces|sets|people|items|bar|psi|volts|watts)\b)"
    r"|in a (?:minute|moment|bit|jiffy|tick|sec)"
    r"|(?:on|after|before|by|from|until) the \w+(?:st|nd|rd|th)"
    # A date or a clock time said in words ("moved to the fourteenth", "pickup is 7 30 a m").
    rf"|(?:on|after|before|by|from|until|till|to|for) the (?:\d+ )?{_ORDINAL_DAY}"
    r"(?! (?:floor|time|thing|one|1|page|step))"
    r"|\d+(?: \d+)? (?:a m|p m|am|pm)"
    # The same in the languages calls switch into (Spanish, Portuguese, French; Hindi and Urdu, Tagalog and Swahili as
    # written in Latin script): "llega el jueves", "diez dias habiles", "kal subah das baje", "bukas ng umaga".
    r"|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|enero|febrero|marzo|abril|mayo|junio|julio"
    r"|agosto|septiembre|setiembre|octubre|noviembre|diciembre|(?:esta|la proxima|la otra) semana|a las \d+"
    r"|\w+ (?:dias|horas|semanas|minutos)(?: habiles| uteis)?|hoje|amanha|segunda feira|terca feira|quarta feira"
    r"|quinta feira|sexta feira|aujourd hui|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|\w+ (?:jours|heures|semaines)(?: ouvres| ouvrables)?|aaj|kal|parso|subah|shaam|sham|dopahar|baje|somvar"
    r"|mangalvar|budhvar|guruvar|shukravar|shanivar|ravivar|agle (?:hafte|mahine|din)"
    r"|\w+ (?:din|dino|ghante|ghanton|hafte|hafton) (?:mein|me|tak|ke andar)|bukas|mamaya|ngayong araw|lunes"
    r"|miyerkules|huwebes|biyernes|sa loob ng|kesho|jumatatu|jumanne|jumatano|alhamisi|ijumaa|jumamosi|jumapili"
    r"|wiki (?:hii|ijayo)|asubuhi|mchana|jioni|siku \w+)\b"
)


# A when that takes itself back ("you will receive something at some point", "maybe next week, maybe after", "could
# be a while"); "at some point today" still says when.
VAGUE_WHEN = re.compile(
    r"\b(?:at some (?:point|stage)(?! (?:today|tonight|tomorrow|this|next|on|in|before|by)\b)|sooner or later"
    r"|(?:could|might|may|can) (?:well )?be (?:a while|ages|a long while|a long time|weeks|months)"
    r"|(?:who|god|nobody|no one|heaven) knows when|no idea when"
    r"|maybe (?:next \w+|tomorrow|\w+day|this \w+)(?: \w+){0,3}? maybe (?:after|later|not|longer|more|the one after)"
    # two whens far apart set against each other, either of them ("could be three business days could be three
    # weeks", "this week, next week, depends how the roster goes"); "could be three days, could be two" is a range
    r"|could be (?:\w+ ){0,2}(?P<unit>day|week|month)s? (?:or )?(?:it )?could be (?:\w+ ){0,2}(?!(?P=unit))"
    r"(?:day|week|month)s?"
    r"|(?:this|next) week (?:or )?(?:this|next) week (?:it )?depends)\b"
)


def says_when(normalized: str) -> bool:
    return bool(WHEN.search(normalized)) and not VAGUE_WHEN.search(normalized)


def asks_again(normalized: str) -> bool:
    return bool(ASKS_AGAIN.search(normalized))


def checks_back(normalized: str, written: str) -> bool:
    """Whether a sentence only asks back what the customer said, opened by "sorry": ``written`` must be asked."""
    return written.rstrip().endswith("?") and bool(CHECKS_BACK.search(normalized))


def introduces_itself(normalized: str) -> bool:
    return bool(INTRODUCES_ITSELF.search(normalized))


# An offer of more help: a question that leaves the topic open ("got any other bits you need sorted?", "that
# everything?"), not one that asks for a detail ("any other email we might have it under?").
_OPEN_ENDED = re.compile(
    r"\b(?:anything|something|owt|aught|everything|any other|any more|anymore|one more|nothing more|else|further"
    r"|other (?:concerns?|questions?|queries|query|matters?))\b"
)
# The customer's details as an agent names them when asking for one.
DETAIL_WORDS = (
    "number", "address", "email", "postcode", "name", "date", "reference", "code", "details", "card", "phone",
    "registration", "reg", "password",
)  # fmt: skip
_ASKS_FOR_A_DETAIL = re.compile(rf"\b(?:{'|'.join(DETAIL_WORDS)})\b")


def asks_for_a_detail(normalized: str) -> bool:
    """Whether a normalized sentence names a detail of the customer's (a number, an address, a name, a code)."""
    return bool(_ASKS_FOR_A_DETAIL.search(normalized))


# A detail asked for in order to find the customer's records ("what eircode is the yard at so I can pull it up", "to
# get your file started, please read me the VIN"): whatever the detail is called, it checks who or which account it
# is. "What I'll do" is the agent saying what they will do, not asking.
_ASKS_FOR_IT = (
    r"(?:what(?! (?:i|we) (?:will|would|shall|can|could|am|are)\b)|which|whats|whose|please"
    r"|(?:can|could|may) i (?:have|take|get|grab)|(?:read|tell|give|quote|send) me)"
)
_TO_LOOK_UP = (
    r"(?:(?:pull|bring|look|call|dig)(?: \w+){0,3} up|find (?:you|it|them|him|her|yours|(?:your|his|her|their) \w+)"
    r"|locate|access)"
)
ASKS_TO_LOOK_UP = re.compile(
    rf"\b{_ASKS_FOR_IT}(?: \w+){{1,10}} so (?:that )?(?:i|we) (?:can|could) {_TO_LOOK_UP}\b"
    r"|\bto (?:get|pull up|find|bring up|look up|open|start) (?:your|the|this)(?: \w+){0,2}"
    rf" (?:file|account|record|booking|claim|job|order|policy|case)(?: \w+)? {_ASKS_FOR_IT}\b"
)


def asks_to_look_up(normalized: str) -> bool:
    return bool(ASKS_TO_LOOK_UP.search(normalized))


# Anything more sent to someone else ("for anything else you'd need to talk to your escrow officer"): no offer of more
# help; "for anything else, just call us back" offers it.
SENDS_ELSEWHERE = re.compile(
    r"\b(?:for|with|about) (?:anything|everything|something) (?:else|more|further)\b(?: \w+){0,4}"
    r" (?:you (?:would|will|will have|would have|need|have got|have|can|could|should) (?:need |have )?to|please|just"
    r"|you can|you could|you should) (?:talk|speak|call|ring|phone|contact|go|ask|email|write)(?: to| with)?"
    r" (?!us\b|me\b|back\b|this\b|again\b|here\b)"
)


def sends_elsewhere(normalized: str) -> bool:
    return bool(SENDS_ELSEWHERE.search(normalized))


def leaves_it_open(normalized: str) -> bool:
    """Whether a normalized question asks if there is more, rather than for a detail."""
    return bool(_OPEN_ENDED.search(normalized)) and not _ASKS_FOR_A_DETAIL.search(normalized)


def offers_more(examples: Iterable[str]) -> bool:
    """Whether a criterion's pass examples are such questions (nearly all of them): then a question that leaves it
    open, asked once the call is past its middle, does what they do."""
    examples = list(examples)
    asked = [example for example in examples if example.rstrip().endswith("?")]
    shaped = [example for example in asked if leaves_it_open(" ".join(normalize_phrase(example)))]
    return bool(examples) and len(shaped) >= 0.8 * len(examples)


# A disclosure the agent marks as coming after the start of the call ("I should have said at the start, ...", "before
# you go, I should mention ..."): what a reviewer reads as said late, whatever the clock says. A bare "I should've
# said, this is Nikhil" only owns to a late introduction, not to a late call.
MARKED_LATE = re.compile(
    r"\b(?:should|ought to|meant to) (?:have|of) (?:said|mentioned|told you|flagged|let you know)(?: (?:this|that|it))?"
    r" (?:(?:right )?at the (?:start|beginning)|earlier|up front|before now)\b"
    r"|\bbefore (?:you go|i let you go|we hang up|we finish)\b"
)


def marked_late(normalized: str) -> bool:
    return bool(MARKED_LATE.search(normalized))


# Words that only acknowledge what was said ("ah right, gotcha", "yeah nah, fair, fair"): no apology, sympathy or offer
# of anything.
_ACKNOWLEDGEMENT = frozenset(
    {
        "ah", "oh", "right", "gotcha", "got", "it", "you", "okay", "ok", "yeah", "yes", "yep", "sure", "alright",
        "i", "see", "mm", "mhm", "hmm", "cool", "great", "lovely", "perfect", "fine", "understood", "noted", "righto",
        "so", "and", "well", "then", "thanks", "um", "uh", "fair", "enough", "nah",
    }
)  # fmt: skip


# Someone the caller can be put through or sent to (a person, or a person by their role), or a way to reach one:
# "press two and I'll send you to Dr Landry's line", "if you'd like to ask a librarian, press 0". Roles are too many
# to list ("the heavy events convenor", "the permits clerk"); a time alone ("Sunday, six a.m.") names neither.
# Who can be reached, and talking to them.
_PERSON_WORDS = (
    r"human|humans|person|people|someone|somebody|anyone|anybody|agent|agents|advisor|advisors|adviser|advisers"
    r"|staff|team|colleague|colleagues|representative|representatives|rep|reps|specialist|specialists|nurse|nurses"
    r"|executive|executives|manager|supervisor|member|members|officer|operator|expert|experts|engineer|technician"
    r"|doctor|pharmacist|department|desk|helpline|hotline|talk|speak|chat"
)
_PERSON = re.compile(rf"\b(?:{_PERSON_WORDS})\b")
_HELPER = re.compile(
    rf"\b(?:{_PERSON_WORDS}"
    r"|call|calls|calling|ring|rings|phone|phones|press|dial|say|transfer|connect|put you through|in touch"
    r"|on the line|email|ask for|(?:you can|to|could|will) reach)\b"
)


# The call kept or heard by someone: "recorded", "monitored", "kept on tape", "we save a copy", "listen back".
_KEPT_OR_HEARD = re.compile(
    r"\b(?:record|records|recorded|recording|recordings|recorder|monitor|monitors|monitored|monitoring|tape|tapes"
    r"|taped|taping|listen|listens|listened|listening|store|stores|stored|save|saves|saved|keep|keeps|kept|log|logs"
    r"|logged|logging|copy|copies|archive|archived|grabad[oa]s?|grabamos|gravad[oa]s?|gravamos|enregistre\w*"
    # ... in other words, and as recognition mishears them: "captured for coaching", "our supervisors may replay it",
    # "play these calls back", "retained on file", "heard later by our quality team", "calls are reported for training"
    r"|capture|captured|capturing|replay|replays|replayed|play|played|playback|recordin|retain|retains|retained"
    r"|heard|file|audio|reported)\b"
)
# A feeling or a trouble of the customer's, named or answered: what sympathy speaks of, in whatever words ("that's a
# lot on your plate", "you must be gutted", "money down the drain").
_FEELING_OR_TROUBLE_WORDS = (
    "sorry", r"apolog\w*", r"understand\w*", "understood", "imagine", "hear", "heard", "feel", "feels", "feeling",
    "feelings", "felt", "get it", "get why", r"frustrat\w*", r"annoy\w*", r"upset\w*", "awful", "horrible", "terrible",
    "dreadful", "pain", "painful", "poor", "bless", r"worr\w*", r"shock\w*", "rough", "nightmare", "fun", "fed up",
    "rubbish", r"stress\w*", "hassle", "headache", "bummer", "gutted", "mend", "better soon", "miserable", "grim",
    "no good", "miss", "pressure", "last thing", "unfair", "tense", "hit hard", "cross", "wits", "sting",
    "not right", "nobody wants", "your shoes", "shame", "pity", r"sad\w*", r"disappoint\w*", "hard", "tough",
    "difficult", r"inconvenien\w*", "trouble", "oh no", "oh dear", "aw", "aww", "ugh", "oof", r"hurt\w*", r"scar\w*",
    "anxious", "nervous", r"concern\w*", r"sympath\w*", r"condolence\w*", "unlucky", "bad", "worse", "worst", "mess",
    "ordeal", "your plate", "drain", "grief", "loss", "lost", "sick", "ill", "unwell", r"injur\w*", r"heartbreak\w*",
    r"devastat\w*", "nasty", "gross", "yikes", "oh god", "oh gosh", "goodness", "crikey", "blimey", "ouch", "pants",
    "bloody", "wretched", "that must", "must be", "must have", "no wonder", "of course you", "i would be", "id be",
    "eish", "gatvol", "oh man", r"heart\w*", "junk", "get that", r"nerve\w*", "brutal", "to deal with", "hope",
    "hoping", "back on your feet", r"discourag\w*", "sounds", "jeez", "geez", "gosh", "ay", "ayy", "ai", "aiyo",
    "aiya", "ayyo", "alamak", "cruel", "rotten", "lousy", "crappy", "sucks", r"vex\w*", r"fright\w*", r"panic\w*",
    r"overwhelm\w*", r"exhaust\w*", "tired", "hate", r"ruin\w*", r"spoil\w*", "agony", r"struggl\w*", r"suffer\w*",
    "horrid", "harsh", "let down", "angry", "anger", "mad", "furious", "livid", r"irritat\w*", r"infuriat\w*",
    r"exasperat\w*", "awkward", r"embarrass\w*", "unacceptable", "not fair", "ridiculous", "outrageous", "appalling",
    "shocking", "gutting", "wrong", "pena", "lastima", r"pobre\w*", "siento", "lamento", r"desculp\w*", "sinto",
    r"desole\w*", "dommage", "pole", "afsos", "maaf", "kasihan",
)  # fmt: skip
_FEELING_OR_TROUBLE = re.compile(rf"\b(?:{'|'.join(_FEELING_OR_TROUBLE_WORDS)})\b")
# What every pass example of a criterion may speak of: then a sentence that speaks of none of it does not do what
# they do, however close its words ("Sunday, six a.m." to "the office staff take calls themselves on weekdays";
# "the edge lifting is covered under the warranty" to "calls on this line are kept on tape").
SOMEONE_TO_REACH = "someone to reach"
TOPICS: dict[str, re.Pattern[str]] = {
    SOMEONE_TO_REACH: _HELPER,
    "the call kept or heard": _KEPT_OR_HEARD,
    "a feeling or a trouble": _FEELING_OR_TROUBLE,
}


# A menu option for something other than a person ("For English, press two.", "To remove a package, press one."):
# its key is no one to reach.
_MENU_OPTION = re.compile(r"^(?:and |or )?(?:for|to) (?:\w+ ){1,6}(?:press|dial|say) \w+$")


def topics_of(normalized: str) -> frozenset[str]:
    """The ``TOPICS`` a normalized sentence speaks of."""
    return frozenset(topic for topic, words in TOPICS.items() if words.search(normalized))


def menu_option_for_something_else(normalized: str) -> bool:
    return bool(_MENU_OPTION.search(normalized)) and not _PERSON.search(normalized)


def only_acknowledges(normalized: str) -> bool:
    """Whether a normalized sentence is nothing but words of acknowledgement ("ah right gotcha")."""
    words = normalized.split()
    return bool(words) and all(word in _ACKNOWLEDGEMENT for word in words)


# A wish is said to the customer, not of them or of anyone else ("you will enjoy the new plan", "we drive safely").
_WISHED = r"(?<!\bi )(?<!we )(?<!you )(?<!they )(?<!will )(?<!to )(?<!would )(?<!can )(?<!could )(?<!should )(?<!do )"


# A goodbye or a good wish to end a call on: "have a peaceful evening", "happy journey", "good day", "lovely
# speaking to you", "good luck with the commute", "stay cool out there", "enjoy the lake", "drive safe"; and thanks
# for the call in any language ("merci beaucoup for calling", "asante sana for ringing").
FAREWELL = re.compile(
    r"\b(?:(?!(?:sorry|apologies|apologise|apologize|reason|need|excuse|time|ready|not|no|that|this|it|is|was|just)\b)"
    r"[a-z]+ for (?:calling|ringing|phoning|contacting us|getting in touch)"
    r"|(?:have|enjoy) (?:a|an|the|your) (?:\w+ ){0,2}(?:day|evening|night|morning|afternoon|arvo|weekend|week"
    r"|trip|journey|flight|holiday|holidays|time|one|rest)"
    # "Good luck with that" and "good luck with the waiting" are said with a shrug.
    r"|happy (?:journey|travels|travelling|holidays?|\w+ing)|good (?:day|night|bye)"
    r"|good luck(?! with (?:that|the wait|the waiting|waiting|all that)\b)"
    r"|(?:lovely|nice|good|great) (?:speaking|talking|chatting) (?:to|with) you"
    r"|stay (?:safe|cool|warm|dry|well|blessed)|go well|safe (?:travels|trip|journey|flight|home)"
    rf"|{_WISHED}(?:enjoy (?:the|your) \w+|(?:drive|ride|travel|fly|get home|go) (?:safe|safely|carefully))"
    r"|(?:bye|goodbye|cheerio|ta ra|take care|all the best|god bless|mind how you go|look after yourself"
    r"|(?:see|catch|talk to|speak to) (?:you|ya) (?:later|soon|then|tomorrow)|talk soon|speak soon))\b"
)


def says_farewell(normalized: str) -> bool:
    return bool(FAREWELL.search(normalized))


def closes_a_call(examples: Iterable[str]) -> bool:
    """Whether a criterion's pass examples are goodbyes or good wishes (nearly all of them): then one said in the
    speaker's last turn of the call does what they do, in whatever words."""
    examples = list(examples)
    shaped = [example for example in examples if says_farewell(" ".join(normalize_phrase(example)))]
    return bool(examples) and len(shaped) >= 0.8 * len(examples)
