"""The declarations of the rules about blame-oriented language (PM101-PM107).

Each :class:`RuleSpec` is the one place its rule is described: ``--explain``, hover, SARIF
metadata and ``docs/rules.md`` render it, the configuration checks options against it, and
code that needs a rule's code or facts names the rule through it instead of a string.
"""

from __future__ import annotations

from pm_lsp.rules.spec import RuleSpec, Severity

person_as_cause = RuleSpec(
    code="PM101",
    name="person-as-cause",
    category="blame",
    severity=Severity.WARNING,
    summary="A person, @handle, pronoun, role or team is the agent of a failure, causal or "
    "destructive verb ('Kevin's change broke search', 'the on-call engineer missed the page', "
    "'Lukas deleted the prod namespace'), or is given the fault ('the blame lies with ...').",
    rationale=(
        "Naming a person as the cause invites the 'bad apple' reading and ends the analysis "
        "where it should start: 'You can't fix people, but you can fix systems and "
        "processes' (Google SRE book). The rule reads the dependency parse, so 'the health "
        "check failed' and 'Priya rolled back at 14:52' stay clean: only a person as the "
        "subject, possessor or 'by'-agent of a failure verb (broke, caused, ignored, missed, "
        "misconfigured) counts, or a person declared responsible. In Summary, Root cause, "
        "Contributing factors and Lessons it is a warning; in a timeline, where recording "
        "who did what is normal, it is at most info. An explanation of why the action made "
        "sense at the time ('... because the alert had fired falsely all week') keeps the "
        "sentence clean. A person is recognised without the entity recogniser knowing the "
        "name: a shipped list of given names from many languages, @handles, role and team "
        "nouns, and proper nouns the document never uses as a system (in code, with a version, "
        "as something upgraded). A first-person account of a destructive act ('we "
        "accidentally dropped the table') names no culprit, and an act explained, undone or "
        "aimed at something disposable ('deleted the stale pods to free capacity') is clean. "
        "Three frames reach past one verb: a change blamed in the sentence after the one "
        "naming who made it ('Kim pushed a hotfix. This hotfix broke resets.'), not "
        "foreseeing the harm of one's own act ('unaware that it would delete the backups'), "
        "and a party's refusal told as its conduct ('the vendor refused to roll back')."
    ),
    bad="## Root Cause\n\nKevin's config change broke the search cluster.",
    good="## Root Cause\n\nA shard-count change reached the search cluster without "
    "validation: the deploy job does not run the config linter.",
    fix="unsafe",
    question="What conditions allowed this action to cause harm?",
    uses_nlp=True,
    rank=4,
    claim="a person's act as the cause",
)


human_error = RuleSpec(
    code="PM102",
    name="human-error",
    category="blame",
    severity=Severity.WARNING,
    summary="'Human error', 'operator error', 'fat-fingered', 'by mistake' given as a cause.",
    rationale=(
        "'Blame human error' is on PagerDuty's list of things not to do: 'very rarely is the "
        "mistake rooted in a human performing an action; there are often several "
        "contributing factors (the script the human ran didn't have rate limiting, the "
        "documentation was out of date)'. Calling human error a cause is like calling "
        "gravity the cause of a fall: true and useless. Name the knowledge, interface or "
        "guardrail gap instead. 'Automate it to remove the risk of human error' is a good "
        "action and stays clean."
    ),
    bad="Root cause: human error during the database failover.",
    good="Root cause: the failover runbook targets the primary by hostname, and nothing "
    "checks that the host is the replica before promotion.",
    fix="unsafe",
    question="Which safeguard, default or check was missing?",
    uses_nlp=True,
    rank=1,
)


counterfactual = RuleSpec(
    code="PM103",
    name="counterfactual",
    category="blame",
    severity=Severity.WARNING,
    summary="'Should have', 'failed to', 'forgot to', 'if we had ... we would have', 'Had the "
    "engineer escalated ...', 'was not followed', 'nobody checked', 'was never tested', 'not "
    "caught by review', 'nothing was done for two hours': what people did not do, instead "
    "of what happened.",
    rationale=(
        "'Saying what people failed to do, or implying what they could or should have done "
        "to prevent the mishap, has no role in understanding human error' (Dekker). A "
        "counterfactual describes a parallel universe; the reader learns nothing about why "
        "the actual path looked reasonable. The rule needs a person as the subject (or a "
        "procedure that 'was not followed'), so forward-looking requirements ('the validator "
        "should reject empty ranges'), impact hypotheticals ('could have been worse'), tool "
        "counterfactuals ('feature flags would have enabled a rollback') and system failures "
        "('the wrapper failed to pass the body') stay clean."
    ),
    bad="The team should have load tested the endpoint. Kim forgot to renew the certificate.",
    good="The endpoint was not load tested before launch: the launch checklist has no load "
    "step. The certificate was not renewed; renewal depends on a calendar reminder.",
    fix="unsafe",
    question="What did happen, and what made the other path unlikely at the time?",
    uses_nlp=True,
    rank=3,
    claim="a person's act as the cause",
)


judgment = RuleSpec(
    code="PM104",
    name="judgment",
    category="blame",
    severity=Severity.WARNING,
    summary="Judgment words about people ('careless', 'sloppy', 'negligent', 'lazy'), "
    "conduct judged in a negated frame ('did not use a reasonable procedure', 'without being "
    "thorough', 'deemed good enough by the developer'), verdicts ('unacceptable') and "
    "minimisers ('all she had to do was').",
    rationale=(
        "Character words commit the fundamental attribution error, 'what people do reflects "
        "their character rather than their circumstances' (PagerDuty), and erode the "
        "psychological safety that honest postmortems need. Replace the adjective with the "
        "observable fact and the reasoning at the time. Words with technical senses are "
        "judged on the parse: 'a lazy engineer' is flagged, 'lazy loading' is not; 'this is "
        "unacceptable' is a verdict, 'a four-hour delay would be unacceptable for payments' "
        "is a target. Minimisers ('just had to', 'obviously ignored') are info, and so is a "
        "verdict said of no one's conduct ('four hours to detection is unacceptable': tone); "
        "said of people or their work ('the handling was ridiculous') it is a warning."
    ),
    bad="Kevin carelessly deployed the change. Four hours to detection is unacceptable.",
    good="Kevin deployed the change at 09:40. Detection took 4 h 05 min (09:15-13:20 UTC); "
    "no alert covers client-side errors.",
    fix="sometimes",
    question="What was observable, and what made the action reasonable at the time?",
    uses_nlp=True,
    rank=5,
)


hindsight = RuleSpec(
    code="PM105",
    name="hindsight",
    category="blame",
    severity=Severity.WARNING,
    summary="Hindsight phrasing: 'in hindsight', 'should have known', 'it was obvious', "
    "'anyone could have seen', 'the failure was predictable'.",
    rationale=(
        "Hindsight bias: 'knowing the outcome, it is easy to see the event as being "
        "predictable despite there having been little or no objective basis' (PagerDuty). "
        "Explain events in terms of foresight: what was visible at the time, and why it did "
        "not stand out. 'It was not obvious that the flag affected production' is the "
        "foresight view and stays clean."
    ),
    bad="In hindsight, the dashboard clearly showed the replica falling behind.",
    good="The dashboard graphed replica lag, but no alert was configured on it, so the "
    "growth was only visible to someone already looking.",
    question="What was visible at the time, and why did it not stand out?",
    uses_nlp=True,
    rank=2,
    claim="a person's act as the cause",
)


animated = RuleSpec(
    code="PM106",
    name="animated",
    category="blame",
    severity=Severity.WARNING,
    summary="Animated or sarcastic language: '!!!', 'yet again', 'as usual', 'dropped the "
    "ball', 'I can't believe', emphasis in capitals ('we NEVER tested it').",
    rationale=(
        "Animated language 'distracts from the key message and erodes psychological safety; "
        "instead, provide verifiable data' (Google SRE workbook). Turn the complaint into "
        "data and an action item. 'Business as usual' stays clean. An emphasis word in "
        "capitals ('NEVER', 'AGAIN', 'NOT') is reported as information only: it is a tone "
        "hint, not proof; capitals next to other capitals ('IS NOT NULL', 'READ ONLY') are "
        "code or labels and stay clean. Exasperation ('yet again', '!!', 'seriously', "
        "'as usual for this vendor') is information too, whoever it is aimed at: it is "
        "tone, and what the sentence says of a party is judged by the other rules; an idiom "
        "that says someone failed ('dropped the ball') is a warning."
    ),
    bad="Search went down yet again!!!",
    good="Search was unavailable for 50 minutes; it is the third shard-config incident this "
    "quarter (see INC-212, INC-230).",
    fix="sometimes",
    question="What data shows the problem, and which action item addresses it?",
    uses_nlp=True,
    rank=6,
)


rca_person = RuleSpec(
    code="PM107",
    name="rca-ends-at-person",
    category="blame",
    severity=Severity.WARNING,
    summary="The root-cause statement, or the last answer of a 5-whys chain, names a person or "
    "a personal trait.",
    rationale=(
        "'There is no single root cause of major failure in complex systems, but a "
        "combination of contributing factors' (Cook, via PagerDuty), and 'an individual's "
        "action should never be considered a root cause'. A chain that stops at 'because the "
        "reviewer approved the change' stops one 'why' too early: ask what made the action "
        "possible or reasonable (why was a 2,000-line generated diff sent for line-by-line "
        "review?) until the answer is a condition, tool, process or design. The first "
        "sentence of a Root cause section, a 'Root cause:' label (opening a paragraph, or "
        "any sentence of one: '... ran twice. **Root cause:** the clerk's decision to rerun "
        "it') and the last answer of a 5-whys list are read; a statement written as a noun "
        "phrase is what the cause was. 'We' narrating the sequence is not flagged."
    ),
    bad="## Root Cause\n\nThe on-call engineer restarted the primary instead of the replica.",
    good="## Root Cause\n\nThe restart command takes a hostname and both hosts share a "
    "prefix; the runbook does not say which one is the replica.",
    question="What made that action possible or reasonable? Keep asking until the answer "
    "is a condition.",
    uses_nlp=True,
    rank=0,
)
