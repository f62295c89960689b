"""Find personal data in a transcript: what a redaction must hide, as character spans of segment text.

Speech reaches us as text in many shapes: Whisper writes digits said one by one as "4111111111111111",
"4111 1111", "1,2,3,4" or as words ("four one one one"), spoken forms include "double four" and "oh", and a
customer pauses, so one card number can be spread over several segments of the same speaker. Detection
therefore works on a token stream per speaker (numbers) and on the whole conversation in time order
(context such as "date of birth" asked by the agent and answered by the customer).

Phone numbers are checked with ``phonenumbers``, compound number words ("twenty seven") are read with
``text2num``, and ``gazetteers`` reads given names from Faker's person providers, English words from
``english-words`` and place names from ``phonenumbers``' geocoding data; all ship their data in the wheel, nothing
is fetched at run time.

One module per kind of personal data (``cards``, ``ssn``, ``phones``, ``emails``, ``dates``, ``addresses``,
``accounts``, ``names``), so each kind's rules can be read and changed alone. They rest on ``spoken`` (the
tokens and the digits words stand for) and ``context`` (what was asked); ``numbers`` tells digits read out apart,
``patterns`` reads each segment's text, ``business`` sets a business's own contact details aside, ``answers``
takes what answers a question for a kind as that kind where Whisper misheard its words, and ``detector`` runs them
all and keeps one entity where several overlap.
"""

from shared.redaction.detection.detector import detect
from shared.redaction.detection.spoken import Entity, TextSpan, in_time_order

__all__ = ["Entity", "TextSpan", "detect", "in_time_order"]
