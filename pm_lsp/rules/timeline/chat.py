"""Lines of a chat thread pasted as a timeline: each opens with a time and a speaker.

Teams often paste the incident channel's thread into the postmortem as its timeline, under
a heading such as "Thread" or "Slack" rather than "Timeline": "[10:42] ana: rolled back",
"10:42 AM <ana> rolled back", "**10:42** @ana: rolled back", "**[10:42 UTC / 18:42 SGT]
@ana:** rolled back" (a stamp may carry its zone, or two readings of the moment). Such a
run of lines is a timeline (the structure rules count it as one, and the timeline model
reads its lines as entries), but only with a speaker and a message after the time: a list
of meeting times ("10:00 standup") names no speaker, a rota ("09:00 @dana (primary)") no
message, and a log excerpt in a code block is no paragraph. The shape is the mechanism; no
word of a language is in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: a clock time, with AM/PM and a zone abbreviation or offset when written ("14:30 UTC",
#: "10:42 PM", "09:14 UTC+8")
_TIME = (
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \t]+[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?"
)

#: a time opening a line of the source (after a list marker, bold or a bracket; a second
#: clock may follow a slash: "[14:02 UTC / 22:02 SGT]"), then a speaker: "<ana>", "@ana"
#: (a role in brackets may follow), a handle in small letters with a colon ("ana:",
#: "lena.k (support):"), or, after a time in square brackets, any name with a colon
#: ("[10:42] Ana: ..."); bold may close after the speaker ("**[10:42] @ana:** ..."). A
#: speaker with only a role after it is a rota's line, not a message. Read
#: in the source, not the masked text: the masking blanks "<ana>" as a tag
_CHAT_LINE = re.compile(
    rf"(?m)^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(\[)?[ \t]*{_TIME}(?:[ \t]*/[ \t]*{_TIME})?"
    r"[ \t]*\]?(?:\*\*|__)?[ \t]*(?:-[ \t]+)?"
    r"(?:<[\w.@-]{1,32}>|@[\w.-]{1,32}(?:[ \t]+\([^)\n]{1,30}\))?[ \t]*:?"
    r"|(?(1)[^\W\d_]|[a-z])[\w.-]{0,31}(?:[ \t]+\([^)\n]{1,30}\))?:)(?:\*\*|__)?[ \t]+"
    r"(?!\([^)\n]*\)[ \t]*$)\S"  # a message, not a role alone: "09:00 @dana (primary)"
)

#: a chat export that writes the speaker first, in bold, and the time after it, alone on
#: its line, with the message on the next line ("**Ana Ruiz** 10:42" over "rolled back",
#: as a chat client's copy reads): a speaker of up to six words with no digit, and a
#: message line that opens no quote, heading, table or other such header ("**Start**
#: 09:00" over "**End** 10:30" is a list of labelled times, not a thread). Groups 2 and 3
#: hold the speaker and the time.
_HEADER_LINE = re.compile(
    r"(?m)^[ \t]*(\*\*|__)([^\W\d_](?:[^\W\d]|[.'’-])*(?:[ \t]+[^\s\d*_]+){0,5})\1[ \t]+\[?"
    rf"({_TIME})\]?[ \t]*\r?\n"
    r"(?![ \t]*(?:[>#|]|(?:\*\*|__)[^\n]*(?:\*\*|__)[ \t]+\[?\d{1,2}:\d{2}))[ \t]*\S"
)

#: how many chat lines make a thread
THREAD_LINES = 3


def chat_lines(text: str) -> int:
    """How many lines of ``text`` (a block's source text) are chat lines (a time, then a
    speaker and the message on its line)."""
    if ":" not in text:
        return 0
    return sum(1 for _ in _CHAT_LINE.finditer(text))


def thread_lines(chat: int, speakers: Sequence[str]) -> int:
    """How many messages of a thread a section holds: its ``chat`` lines, and its
    speaker-then-time headers (``speakers``: each header's speaker, in any case) when one
    speaker posts twice. People talk back and forth; a list of bold labels with a time
    each ("**Monday** 09:00" over what happens that day) names each label once."""
    said = [s.casefold() for s in speakers]
    return chat + (len(said) if len(set(said)) < len(said) else 0)


def chat_header(text: str) -> tuple[str, int] | None:
    """The speaker of a speaker-then-time header opening ``text`` (a block's source text)
    and where its time starts: the timeline reads the stamp there and the lines below as
    its event."""
    m = _HEADER_LINE.match(text)
    return (m.group(2), m.start(3)) if m else None
