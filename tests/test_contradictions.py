"""Contradictions: claims the agreement text does not support, and actors who disagree on a provision."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from trucewatch.agreements import load_agreements
from trucewatch.assess.contradictions import (
    Citation,
    _camp_words,
    _denies_violation,
    _from_speaker,
    _retold_claim,
    _written_camp,
    account_contradictions,
    camps,
    claim_contradictions,
    text_contradictions,
)
from trucewatch.records import EvidenceLink, Statement

AGREEMENT = "karabakh-2020-11-10"
TURKISH_CLAIM = "one of the points of today's statement is the joint peacemaking mission of Russia and Turkey"


@pytest.fixture(scope="module")
def agreement():
    return load_agreements()[AGREEMENT]


def _said(text: str, speaker: str = "ilham-aliyev", said_on: str | None = "2020-11-10") -> Statement:
    return Statement("d1", "indirect", 100, 100 + len(text), text, speaker=speaker, said_on=said_on)


def test_turkish_peacekeepers_claim_in_the_seed_article_is_not_in_the_text(seeds: list[Path], agreement, countries):
    path = next(p for p in seeds if p.name.startswith("003_"))
    body = path.read_text(encoding="utf-8")
    start = body.index('"I would also like to express my gratitude') + 1
    end = body.index(TURKISH_CLAIM) + len(TURKISH_CLAIM)
    statement = Statement(
        "003",
        "direct",
        start,
        end,
        body[start:end],
        speaker="ilham-aliyev",
        speaker_name="Ilham Aliyev",
        said_on="2020-11-10",
    )
    (found,) = text_contradictions([statement], agreement, countries)
    assert found.kind == "text" and found.unsupported == ("Turkey",)
    assert body[found.first.start : found.first.end] == TURKISH_CLAIM
    assert found.provision == "3" and "Russian Federation" in found.second.text
    assert found.first.speaker_name == "Ilham Aliyev" and found.date == "2020-11-10"


@pytest.mark.parametrize(
    "claim",
    [
        "the statement provides for the return of the Aghdam district before 20 November",
        "the trilateral statement provides for 1,960 peacekeepers with 90 armored personnel carriers",
        # the Kalbajar deadline was moved to 25 November by an agreed amendment
        "the agreement provides for the return of Kalbajar by 25 November",
        "the signed text does not provide for Turkish peacekeepers",
        "Turkey was not mentioned, and the deal does not include Turkish troops",
    ],
)
def test_supported_or_negated_claims_are_not_contradictions(claim, agreement, countries):
    assert text_contradictions([_said(claim)], agreement, countries) == []


def test_unsupported_names_numbers_and_dates_are_each_reported(agreement, countries):
    claim = "The agreement provides for the return of the Gazakh district with 2,500 peacekeepers by 5 December."
    (found,) = text_contradictions([_said(claim, said_on=None)], agreement, countries, {"d1": "2020-11-12T08:00"})
    assert set(found.unsupported) == {"Gazakh", "2500", "5 December"}
    assert found.date == "2020-11-12"


def _link(provision: str, speaker: str, signal: str, said_on: str, text: str) -> EvidenceLink:
    return EvidenceLink(
        AGREEMENT,
        provision,
        f"doc-{speaker}-{said_on}",
        0,
        len(text),
        text,
        1.0,
        "test",
        speaker=speaker,
        said_on=said_on,
        signal=signal,
    )


SIDES = {"ilham-aliyev": "AZ", "azerbaijan-mfa": "AZ", "armenia-mfa": "AM", "russia-mfa": "RU"}
ALL_RETURNED = "Azerbaijan returned all prisoners of war covered by the statement"
NOT_COMPLETE = "the exchange of prisoners has not been completed"


def test_completion_denied_by_the_other_side_cites_both_statements():
    links = [
        _link("8", "ilham-aliyev", "done", "2020-12-14", ALL_RETURNED),
        _link("8", "armenia-mfa", "not_done", "2020-12-20", NOT_COMPLETE),
        _link("8", "armenia-mfa", "not_done", "2021-03-01", NOT_COMPLETE),
    ]
    (found,) = claim_contradictions(links, SIDES, {"ilham-aliyev": "Ilham Aliyev"})
    assert (found.kind, found.provision) == ("claims", "8")
    assert (found.first.text, found.second.text) == (ALL_RETURNED, NOT_COMPLETE)
    assert found.second.date == "2020-12-20"  # the closest pair in time
    assert "Ilham Aliyev" in found.summary and "AZ and AM" in found.reason


@pytest.mark.parametrize(
    "links",
    [
        # same side
        [
            _link("8", "ilham-aliyev", "done", "2020-12-14", ALL_RETURNED),
            _link("8", "azerbaijan-mfa", "not_done", "2020-12-15", NOT_COMPLETE),
        ],
        # a partial step is not a claim of completion
        [
            _link("8", "azerbaijan-mfa", "done", "2021-06-12", "Azerbaijan released 15 Armenian detainees"),
            _link("8", "armenia-mfa", "not_done", "2021-06-12", NOT_COMPLETE),
        ],
        # completion reported long after the denial is progress
        [
            _link("8", "armenia-mfa", "not_done", "2020-12-14", NOT_COMPLETE),
            _link("8", "ilham-aliyev", "done", "2021-06-30", ALL_RETURNED),
        ],
        # different provisions
        [
            _link("8", "ilham-aliyev", "done", "2020-12-14", ALL_RETURNED),
            _link("9", "armenia-mfa", "not_done", "2020-12-14", "the roads are not yet open"),
        ],
        # "no violations" is not a report of a violation
        [
            _link("1", "ilham-aliyev", "done", "2020-12-14", "the ceasefire is fully observed"),
            _link("1", "russia-mfa", "violated", "2020-12-15", "no ceasefire violations were recorded"),
        ],
    ],
)
def test_no_contradiction_without_a_real_conflict(links):
    assert claim_contradictions(links, SIDES) == []


def test_a_later_denial_still_conflicts():
    links = [
        _link("8", "ilham-aliyev", "done", "2020-12-14", ALL_RETURNED),
        _link("8", "russia-mfa", "not_done", "2021-11-10", "the release of all detained persons remains"),
    ]
    (found,) = claim_contradictions(links, SIDES)
    assert found.date == "2021-11-10" and "331 days" in found.reason


def test_open_against_blocked_from_the_two_sides_cites_both():
    links = [
        _link("6", "azerbaijan-mfa", "done", "2023-01-10", "The Lachin road is open, the blockade is a myth"),
        _link("6", "armenia-mfa", "reversed", "2023-01-05", "The Lachin corridor is blocked since 12 December"),
    ]
    (found,) = claim_contradictions(links, SIDES)
    assert (found.first.speaker, found.second.speaker) == ("azerbaijan-mfa", "armenia-mfa")
    assert "blocked" in found.summary and (found.first.date, found.second.date) == ("2023-01-10", "2023-01-05")


def test_a_road_reopened_long_after_the_blockade_is_no_contradiction():
    links = [
        _link("6", "armenia-mfa", "reversed", "2023-01-05", "The Lachin corridor has been blocked"),
        _link("6", "azerbaijan-mfa", "done", "2023-10-01", "The road is open to traffic"),
    ]
    assert claim_contradictions(links, SIDES) == []


def _closest_pairs_by_brute_force(links: list[EvidenceLink], sides: dict[str, str]) -> dict:
    """The rule stated plainly, every pair compared: (provision, speakers) -> (gap, done, denial)."""
    best: dict = {}
    usable = [x for x in links if x.speaker and x.signal in ("done", "not_done", "violated", "reversed")]
    for i, a in enumerate(usable):
        for b in usable[i + 1 :]:
            if a.provision != b.provision or (a.signal == "done") == (b.signal == "done"):
                continue
            if sides.get(a.speaker) in (None, sides.get(b.speaker)) or sides.get(b.speaker) is None:
                continue
            done, denial = (a, b) if a.signal == "done" else (b, a)
            state = denial.signal == "reversed"
            no_violation = denial.signal == "violated" and denial.text == "no violations"
            if not (state or "all" in done.text.split()) or no_violation:
                continue
            gap = (date.fromisoformat(denial.said_on) - date.fromisoformat(done.said_on)).days
            if abs(gap) > 45 and (state or gap < 0):
                continue
            key = (a.provision, *sorted((a.speaker, b.speaker)))
            if key not in best or abs(gap) < best[key][0]:
                best[key] = (abs(gap), done, denial)
    return best


_RANDOM_LINK = st.builds(
    lambda provision, speaker, signal, day, text: _link(
        provision, speaker, signal, (date(2021, 1, 1) + timedelta(days=day)).isoformat(), text
    ),
    st.sampled_from(["6", "8"]),
    st.sampled_from([*sorted(SIDES), "unknown-speaker"]),
    st.sampled_from(["done", "not_done", "violated", "reversed", "disputed"]),
    st.integers(0, 100),
    st.sampled_from(["all prisoners returned", "some prisoners returned", "no violations", "shelling resumed"]),
)


_TIED = [
    _link("8", "ilham-aliyev", "done", "2021-01-10", ALL_RETURNED),
    _link("8", "armenia-mfa", "not_done", "2021-01-15", NOT_COMPLETE),
    _link("8", "ilham-aliyev", "done", "2021-01-20", ALL_RETURNED),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(_RANDOM_LINK, max_size=40))
@example(_TIED)  # equally close before and after: the pair met first in input order is cited
@example(_TIED[::-1])
@example(
    [
        _link("8", "ilham-aliyev", "done", "2021-01-10", ALL_RETURNED),
        _link("8", "armenia-mfa", "not_done", "2021-01-25", NOT_COMPLETE),
        _link("8", "ilham-aliyev", "done", "2021-01-30", ALL_RETURNED),
        _link("8", "armenia-mfa", "not_done", "2021-01-15", NOT_COMPLETE),
    ]
)  # tied pairs of different denials
def test_claims_compare_only_within_buckets_yet_find_the_closest_pairs_of_all(links):
    expected = _closest_pairs_by_brute_force(links, SIDES)
    found = claim_contradictions(links, SIDES)
    cited = [
        (
            c.provision,
            *((x.text, x.speaker, x.date, x.signal) for x in (c.first, c.second)),
            c.reason.rsplit(", ", 1)[1],
        )
        for c in found
    ]
    assert cited == [
        (key[0], *((x.text, x.speaker, x.said_on, x.signal) for x in pair), f"{gap} days apart")
        for key, (gap, *pair) in sorted(expected.items())
    ]


CAMP_SIDES = {"am-mod": "AM", "az-mod": "AZ", "nk-mod": "NK", "ru-mod": "RU"}


def _told(
    text: str, speaker: str | None, signal: str | None, start: int, provision: str = "1", doc: str = "r1"
) -> EvidenceLink:
    return EvidenceLink(
        AGREEMENT,
        provision,
        doc,
        start,
        start + len(text),
        text,
        1.0,
        "test",
        speaker=speaker,
        signal=signal,
        reported_on="2022-03-08",
    )


def test_each_camp_blaming_the_other_in_one_report_is_a_conflict_of_accounts(agreement, countries):
    links = [
        _told("Armenian units opened fire on Azerbaijani posts near Martuni", "az-mod", "violated", 0),
        _told("Azerbaijani troops shelled the Armenian positions first", "nk-mod", "violated", 80),
    ]
    (found,) = account_contradictions(links, agreement, CAMP_SIDES, countries)
    assert found.kind == "accounts" and found.provision == "1"
    assert {found.first.speaker, found.second.speaker} == {"az-mod", "nk-mod"}  # NK speaks for Armenia's camp


def test_a_claim_called_false_beside_the_other_camps_own_account(agreement, countries):
    links = [
        _told("The Azerbaijani ministry's report that our units fired at night is false", None, "disputed", 0),
        _told("the Armenian units strictly observe the ceasefire", "nk-mod", "done", 120),
        _told("our forces allegedly fired on the Azerbaijani posts", "nk-mod", "violated", 60),
    ]  # a retold claim
    (found,) = account_contradictions(links, agreement, CAMP_SIDES, countries)
    # the denial retells the Azerbaijani claim: that claim is cited as the Azerbaijani side's account
    assert (found.first.text, found.first.start) == ("our units fired at night", 39)
    assert found.first.speaker_name == "Azerbaijani" and found.second.text.startswith("the Armenian units strictly")


@pytest.mark.parametrize(
    "links",
    [
        [
            _told("Armenian units opened fire on Azerbaijani posts", "az-mod", "violated", 0),
            _told("Armenian units opened fire again on Azerbaijani posts", "az-mod", "violated", 80),
        ],  # one camp
        [
            _told("Armenian units opened fire on Azerbaijani posts", "az-mod", "violated", 0),
            _told("Azerbaijani troops shelled the Armenian positions", "nk-mod", "violated", 80, doc="r2"),
        ],  # two reports
        [
            _told("Armenian units opened fire on Azerbaijani posts", "az-mod", "violated", 0),
            _told("Azerbaijani troops shelled the Armenian positions", "ru-mod", "violated", 80),
        ],  # a mediator
        [
            _told("Armenian units opened fire on Azerbaijani posts", "az-mod", "violated", 0),
            _told("Armenian positions came under fire overnight", "nk-mod", "violated", 80),
        ],  # blames nobody else
    ],
)
def test_no_conflict_of_accounts_without_two_camps_in_one_report(links, agreement, countries):
    assert account_contradictions(links, agreement, CAMP_SIDES, countries) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Yerevan said Azerbaijani troops shelled border villages; "
        "Baku, in turn, said the Armenian army fired at its posts",
        "Armenia's defence ministry said Azerbaijani forces opened fire on its posts, "
        "while Azerbaijan said the Armenian "
        "side fired at its positions",
    ],
)
def test_two_camps_accounts_inside_one_sentence_are_split_at_the_second_speaker(sentence, agreement, countries):
    (found,) = account_contradictions([_told(sentence, None, "violated", 40)], agreement, CAMP_SIDES, countries)
    second = sentence.index("Baku" if "Baku" in sentence else "Azerbaijan said")
    assert found.kind == "accounts" and found.provision == "1"
    assert (found.first.start, found.first.end) == (40, 40 + sentence.index(";" if ";" in sentence else ", while"))
    assert (found.second.start, found.second.end) == (40 + second, 40 + len(sentence))
    assert found.second.text == sentence[second:] and found.second.speaker_name in ("Baku", "Azerbaijan")


@pytest.mark.parametrize(
    "sentence",
    [
        "Yerevan said Azerbaijani troops shelled border villages; Moscow, in turn, said both sides fired at each other",
        "Azerbaijani troops shelled Armenian posts near Martuni; Armenian units opened fire in return",  # nobody speaks
        "Yerevan said Azerbaijani troops shelled border villages; "
        "Armenia, in turn, said Azerbaijani forces fired at it",
        # both camps as one subject: nobody's own account
        "Azerbaijan and Armenia said Azerbaijani troops shelled towns; "
        "Baku, in turn, said the Armenian army fired at it",
    ],
)
def test_one_sentence_without_two_camps_speaking_is_no_conflict(sentence, agreement, countries):
    assert account_contradictions([_told(sentence, None, "violated", 0)], agreement, CAMP_SIDES, countries) == []


def test_a_step_one_camp_calls_needed_and_the_other_a_violation(agreement, countries):
    needed = "the checkpoint on the road was necessary to stop the smuggling of weapons"
    links = [
        _told("it set up a checkpoint on the road", "az-mod", "reversed", 0, provision="6"),
        _told(needed, "az-mod", "reversed", 60, provision="6"),
        _told("the checkpoint is a gross violation of the agreement", "nk-mod", "reversed", 200, provision="6"),
    ]
    (found,) = account_contradictions(links, agreement, CAMP_SIDES, countries)
    assert (found.first.text, found.second.speaker) == (needed, "nk-mod") and "lawful" in found.summary
    links[1] = _told("the checkpoint is a violation of the agreement", "az-mod", "reversed", 60, provision="6")
    assert account_contradictions(links, agreement, CAMP_SIDES, countries) == []  # both accuse


def test_a_claim_called_fabricated_is_a_denial_without_the_agreements_cue(agreement, countries):
    links = [
        _told("Azerbaijani reports that Armenian units fired on Shusha are fabricated", None, None, 0),
        _told("Azerbaijani troops opened fire on the Armenian posts", "nk-mod", "violated", 90),
    ]
    (found,) = account_contradictions(links, agreement, CAMP_SIDES, countries)
    assert found.first.text == "Armenian units fired on Shusha" and found.second.speaker == "nk-mod"  # the claim
    links[0] = _told("Azerbaijani reports that Armenian units fired on Shusha were received", None, None, 0)
    assert account_contradictions(links, agreement, CAMP_SIDES, countries) == []


def test_mutual_blame_told_twice_in_one_report_is_two_conflicts_each_account_cited_once(agreement, countries):
    links = [
        _told("Azerbaijani troops shelled the Armenian positions", "nk-mod", "violated", 0),
        _told("Armenian units opened fire on Azerbaijani posts", "az-mod", "violated", 60),
        _told("Azerbaijani forces fired at Armenian villages again", "nk-mod", "violated", 900),
        _told("Armenian units fired at the Azerbaijani army's positions", "az-mod", "violated", 960),
    ]
    found = account_contradictions(links, agreement, CAMP_SIDES, countries)
    assert sorted((c.first.start, c.second.start) for c in found) == [(0, 60), (900, 960)]


@pytest.mark.parametrize(
    ("sentence", "claim", "camp"),
    [
        ("The statement issued by the Ministry of Defence of Azerbaijan that, allegedly, Armenian units fired on "
         "a post near Shusha, is another disinformation",
         "allegedly, Armenian units fired on a post near Shusha", "AZ"),
        ("The Azerbaijani ministry's report that our units fired at night is false", "our units fired at night", "AZ"),
        ("Yerevan rejected the Azerbaijani claims that its troops shelled Agdam", "its troops shelled Agdam", "AZ"),
        ("Baku's allegation that Armenian units opened fire is a lie", "Armenian units opened fire", "AZ"),
        ("The reports of the Armenian side that Azerbaijani troops crossed the line are fabricated",
         "Azerbaijani troops crossed the line", "AM"),
    ],
)
def test_a_denial_retells_the_claim_of_the_camp_its_source_names(sentence, claim, camp, agreement, countries):
    start, end, found, _ = _retold_claim(sentence, _camp_words(countries), camps(agreement))
    assert (sentence[start:end], found) == (claim, camp)


@pytest.mark.parametrize(
    "sentence",
    [
        "Reports that Armenian units fired on the posts are false",  # nobody's claim
        "The Armenian and Azerbaijani reports that the units fired on the posts are false",  # both camps
        "The ministry said that the Azerbaijani report was false",  # no claim noun before "that"
    ],
)
def test_no_retold_claim_without_one_camp_as_its_source(sentence, agreement, countries):
    assert _retold_claim(sentence, _camp_words(countries), camps(agreement)) is None


def _statement_link(text: str, speaker: str, cue: str, start: int, signal: str = "violated"):
    statement = Statement("r1", "indirect", start, start + len(text), text, cue=cue, speaker=speaker)
    link = _told(text, speaker, signal, start)
    return statement, EvidenceLink(**{**link.__dict__, "statement_id": statement.id})


def test_a_denial_by_one_camp_of_the_others_retold_claim_is_a_second_conflict(agreement, countries):
    lead, lead_link = _statement_link("reports that its units fired on Azerbaijani posts on Monday", "nk-mod",
                                      "denied", 0)
    links = [
        lead_link,
        _told("The statement of the Azerbaijani ministry that Armenian units opened fire at night is false",
              "nk-mod", "disputed", 100),
        _told("the Azerbaijani troops themselves violated the ceasefire", "nk-mod", "violated", 250),
    ]
    found = account_contradictions(links, agreement, CAMP_SIDES, countries, statements=[lead])
    claim = "Armenian units opened fire at night"
    assert sorted((c.first.text, c.second.start) for c in found) == [(claim, 0), (claim, 250)]
    # said, not denied: the lead is the Armenian side's own (hedged) account, and no second conflict
    said = replace(lead, cue="said")
    assert len(account_contradictions(links, agreement, CAMP_SIDES, countries, statements=[said])) == 1


def test_one_camps_account_denied_by_a_speaker_of_the_other_camp(agreement, countries):
    denial, denial_link = _statement_link("reports that its units shelled Azerbaijani villages", "nk-mod",
                                          "denied", 120)
    links = [_told("Armenian units shelled Azerbaijani villages near Tartar", "az-mod", "violated", 0), denial_link]
    (found,) = account_contradictions(links, agreement, CAMP_SIDES, countries, statements=[denial])
    assert (found.first.speaker, found.second.speaker) == ("az-mod", "nk-mod") and "denies" in found.summary
    same_camp = replace(denial, speaker="az-mod")  # a camp denying a report is no conflict with its own account
    links[1] = replace(denial_link, speaker="az-mod")
    assert account_contradictions(links, agreement, CAMP_SIDES, countries, statements=[same_camp]) == []


def test_one_camp_says_the_road_is_blocked_the_other_that_it_is_open(agreement, countries):
    links = [
        _told("the Lachin road has been blocked by Azerbaijani protesters for a week", "nk-mod", "reversed", 0, "6"),
        _told("the Lachin road remains open to traffic for civilians", "az-mod", None, 100, "6"),
    ]
    (found,) = account_contradictions(links, agreement, CAMP_SIDES, countries)
    assert (found.first.speaker, found.second.speaker) == ("nk-mod", "az-mod") and "blocked" in found.summary
    links[1] = _told("the Lachin road is not open to traffic for civilians", "az-mod", None, 100, "6")
    assert account_contradictions(links, agreement, CAMP_SIDES, countries) == []  # both say blocked
    links[1] = _told("the Lachin road remains open to traffic for civilians", "nk-mod", None, 100, "6")
    assert account_contradictions(links, agreement, CAMP_SIDES, countries) == []  # one camp


def test_a_denial_verb_opens_its_speakers_account(agreement, countries):
    sentence = "Yerevan said Azerbaijani troops shelled border villages, while Baku dismissed the report as baseless"
    (found,) = account_contradictions([_told(sentence, None, "violated", 0)], agreement, CAMP_SIDES, countries)
    assert found.second.text.startswith("Baku dismissed") and found.second.speaker_name == "Baku"
    assert "denies" in found.summary and found.first.speaker_name == "Yerevan"


def test_a_road_said_to_be_open_again_or_months_later_is_a_change_not_a_conflict(agreement, countries):
    blocked = _told("the Lachin road has been blocked by Azerbaijani protesters", "nk-mod", "reversed", 0, "6")
    again = _told("the Lachin road is open again for civilians", "az-mod", None, 100, "6")
    assert account_contradictions([blocked, again], agreement, CAMP_SIDES, countries) == []
    later = _told("the Lachin road is open to traffic for civilians", "az-mod", None, 100, "6")
    dated = [replace(blocked, said_on="2023-01-10"), replace(later, said_on="2023-07-10")]
    assert account_contradictions(dated, agreement, CAMP_SIDES, countries) == []
    dated[1] = replace(later, said_on="2023-01-12")
    assert len(account_contradictions(dated, agreement, CAMP_SIDES, countries)) == 1


@pytest.mark.parametrize(
    ("denied", "conflict"),
    [
        ("its units had opened fire on the villages", True),  # what it denies, in the provision's terms
        ("the accusations", True),  # the claim named
        ("any involvement in the talks on the new road", False),  # a denial of something else
    ],
)
def test_a_denial_conflicts_with_the_other_camps_claim_only_when_it_is_of_a_claim(denied, conflict, agreement,
                                                                                 countries):
    denial, denial_link = _statement_link(denied, "nk-mod", "denied", 120, signal=None)
    links = [_told("Armenian units shelled Azerbaijani villages near Tartar", "az-mod", "violated", 0), denial_link]
    found = account_contradictions(links, agreement, CAMP_SIDES, countries, statements=[denial])
    assert len(found) == int(conflict)


def test_a_negated_violation_is_a_denial_not_a_report():
    assert _denies_violation("We declare that the army units did not open fire from there", "violated")
    assert _denies_violation("Azerbaijan didn’t violate a single provision of the agreement", "violated")
    assert not _denies_violation("Armenian units opened fire on our positions", "violated")
    assert not _denies_violation("the troops did not open fire", "done")


def test_a_speaker_without_a_side_written_as_a_state_gets_its_camp(agreement, countries):
    words, camp_of = _camp_words(countries), camps(agreement)
    assert _written_camp("Baku", words, camp_of) == "AZ"
    assert _written_camp("the Armenian side", words, camp_of) == "AM"
    assert _written_camp("an Armenian analyst", words, camp_of) is None
    assert _written_camp(None, words, camp_of) is None


def test_a_cited_statement_starts_at_its_speaker_in_its_sentence():
    body = "Earlier. Baku, in a statement, denied reports that its troops fired. Later."
    content = "reports that its troops fired"
    start = body.index(content)
    said = Statement("d1", "indirect", start, start + len(content), content, cue="denied",
                     cue_start=body.index("denied"), cue_end=body.index("denied") + 6,
                     speaker_start=body.index("Baku"), speaker_end=body.index("Baku") + 4)
    told = {("d1", said.start, said.end): said}
    cited = _from_speaker(Citation("statement", content, "d1", said.start, said.end), told, {"d1": body})
    assert cited.text == "Baku, in a statement, denied reports that its troops fired"
    assert body[cited.start : cited.end] == cited.text
    other = Citation("statement", "its troops fired", "d1", body.index("its troops"), said.end)
    assert _from_speaker(other, told, {"d1": body}) == other  # not a statement's whole content: unchanged
