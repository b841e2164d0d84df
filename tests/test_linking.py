"""Evidence linking: explainable, precise, attributed, and not specific to one conflict."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from trucewatch.agreements import load_agreements
from trucewatch.linking import detect_signal, find, link_document
from trucewatch.records import Document, EvidenceLink, Statement
from trucewatch.store import AnalysisRows
from trucewatch.text.sentences import split_sentences

KARABAKH = "karabakh-2020-11-10"
CONTEXT = "Reports from Nagorno-Karabakh, Armenia and Azerbaijan."  # puts a text in the conflict's scope


@pytest.fixture(scope="module")
def agreements():
    return load_agreements()


def document(text: str, published: str | None = "2020-11-26") -> Document:
    return Document.of_text(text, doc_id="doc1", published=published)


def links_for(text: str, agreement, statements=()) -> dict[str, EvidenceLink]:
    doc = document(f"{CONTEXT}\n\n{text}")
    found = link_document(doc, split_sentences(doc), list(statements), agreement)
    return {link.provision: link for link in found if link.text.strip() in text or text in link.text}


def test_place_variant_and_context_link_with_a_readable_reason(agreements):
    links = links_for("Armenian forces completed their withdrawal from Kelbajar on Wednesday.", agreements[KARABAKH])
    assert set(links) == {"6"}
    link = links["6"]
    assert "place Kalbajar ('Kelbajar')" in link.reason and "context 'withdraw*'" in link.reason
    assert link.signal == "done" and "signal done ('completed')" in link.reason
    assert link.reported_on == "2020-11-26" and link.score >= 1.0


def test_a_who_and_what_pair_names_what_matched(agreements):
    links = links_for("Russian peacekeepers left their last positions near Martuni.", agreements[KARABAKH])
    assert "phrase 'peacekeepers' & 'left'" in links["3"].reason and links["3"].signal == "reversed"


@pytest.mark.parametrize(
    ("text", "provision", "signal"),
    [
        ("Azerbaijan and Armenia exchanged prisoners of war under Russian mediation.", "8", "done"),
        ("The Agdam district has not yet been handed over.", "2", "not_done"),
        ("Armenia will hand over the Lachin district by 1 December.", "6", None),  # a plan, not evidence
        ("A Russian peacekeeping contingent is being deployed along the line of contact.", "3", "started"),
        ("Baku says the 1,960 Russian peacekeepers are deployed along the Lachin corridor.", "3", "done"),
        ("The ceasefire was violated near the village on Tuesday night.", "1", "violated"),
        ("Observers said no violations of the ceasefire were recorded.", "1", "done"),
        ("Both sides said the railway to Nakhichevan would be unblocked.", "9", None),
    ],
)
def test_signals(agreements, text, provision, signal):
    links = links_for(text, agreements[KARABAKH])
    assert provision in links, links
    assert links[provision].signal == signal


@pytest.mark.parametrize(
    "text",
    [
        "The humanitarian ceasefire of 10 October collapsed within hours.",  # an earlier truce, not point 1
        "Trade between the two countries grew by a tenth last year.",
        "The president visited Nakhchivan and Ordubad on Monday.",  # places alone never link
        "Thousands attended the concert in Shusha.",
        "Talks on a new route and a corridor were held in Brussels.",  # context words alone never link
        "Under the terms of the deal, the peacekeepers must patrol the road.",  # the terms restated
    ],
)
def test_no_link_without_real_evidence(agreements, text):
    assert links_for(text, agreements[KARABAKH]) == {}


def test_mention_of_the_whole_agreement_links_to_agreement_level_only(agreements):
    links = links_for("Aliyev said the trilateral statement is largely being implemented.", agreements[KARABAKH])
    assert set(links) == {"*"}
    assert "names the agreement ('trilateral statement')" in links["*"].reason


def test_a_violation_of_the_whole_agreement_is_no_agreement_level_link(agreements):
    """A violation is of a provision: with none named, "in violation of the trilateral statement" is not placed at ``*``
    (while "largely being implemented", just above, is how the whole agreement fares)."""
    text = "Baku said the move was a gross violation of the trilateral statement."
    assert links_for(text, agreements[KARABAKH]) == {}


def test_naming_the_agreement_is_not_evidence(agreements):
    """Superseded expectation: a bare mention used to link to ``*``; it says nothing about implementation."""
    assert (
        links_for("Aliyev said revanchist forces want to revise the trilateral statement.", agreements[KARABAKH]) == {}
    )


@pytest.mark.parametrize(
    "text",
    [
        "The 1994 ceasefire was violated many times before the 2020 war.",  # an earlier ceasefire
        "The humanitarian truce of October 2020 collapsed within hours, and fighting resumed.",
        "Under the terms of the deal, Russian peacekeepers must be deployed along the Lachin corridor.",  # terms
        "In 2016 the ceasefire was violated in four days of fighting.",  # every date before the signing
    ],
)
def test_background_is_not_evidence(agreements, text):
    assert links_for(text, agreements[KARABAKH]) == {}


def test_reports_published_before_the_signing_are_background(agreements):
    text = f"{CONTEXT} Azerbaijan said Armenian forces violated the ceasefire and opened fire on its positions."
    before, after = document(text, published="2020-10-20"), document(text, published="2021-03-02")
    agreement = agreements[KARABAKH]
    assert link_document(before, split_sentences(before), [], agreement) == []
    assert {x.provision for x in link_document(after, split_sentences(after), [], agreement)} == {"1"}


def test_reports_after_the_agreement_ended_are_not_evidence(agreements):
    """Minsk II ended in February 2022 (an agreement-wide termination): later prisoner swaps are not its point 6."""
    minsk = agreements["minsk-2015-02-12"]
    text = "Ukraine and Russia exchanged prisoners of war near Donetsk, the Ukrainian ministry said."
    for published, linked in [("2019-12-29", {"6"}), ("2024-05-31", set())]:
        doc = document(text, published=published)
        assert {x.provision for x in link_document(doc, split_sentences(doc), [], minsk)} == linked, published
    undated = document(f"{text} The swap took place on 31 May 2024.", published=None)  # dated by what it writes
    assert link_document(undated, split_sentences(undated), [], minsk) == []
    dated_in_text = document("In March 2023 Ukraine and Russia exchanged prisoners of war in Donetsk.")
    assert link_document(dated_in_text, split_sentences(dated_in_text), [], minsk) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian peacekeepers could be deployed along the Lachin corridor if talks succeed.",
        "Turkey is expected to send observers to the joint monitoring centre.",
        "Baku plans to reopen the railway to Nakhchivan next year.",
    ],
)
def test_forecasts_and_hypotheticals_are_not_evidence(agreements, text):
    assert links_for(text, agreements[KARABAKH]) == {}


def test_other_conflicts_are_not_evidence(agreements):
    """A sentence about another conflict, or a report about one that names this conflict in passing, links nothing."""
    agreement = agreements[KARABAKH]
    assert links_for("In Idlib, the ceasefire was violated again by shelling overnight.", agreement) == {}
    assert set(links_for("The ceasefire was violated again by shelling overnight.", agreement)) == {"1"}
    text = (
        "Turkey and Russia agreed on the Idlib ceasefire. Syrian government forces and rebels in Idlib traded "
        "fire. The ceasefire was violated overnight, observers said. Turkey also backs Azerbaijan."
    )
    doc = document(text)
    assert link_document(doc, split_sentences(doc), [], agreement) == []


@pytest.mark.parametrize(
    ("text", "provisions"),
    [
        ("The minister met the families of POWs and missing persons in Yerevan.", set()),  # named, nothing happened
        ("Baku released five Armenian POWs on Saturday.", {"8"}),
        ("Armenian detainees are still held in Baku.", {"8"}),
        ("Talks on lifting the blockade of transport links between Armenia and Azerbaijan went on.", {"9"}),  # not 6
        ("Activists continued the blockade of the Lachin corridor.", {"6"}),
        ("The journalist was asked whether Russian peacekeepers would leave Karabakh.", set()),  # a question
        ("Russia has begun to pull its troops out of Karabakh, the Kremlin said.", {"3", "4"}),
        ("Maps of 90,000 mines were handed over in exchange for the release of ten detainees.", {"8"}),
        ("The trilateral working group held its tenth meeting in Moscow.", {"9"}),  # how point 9 is carried out
        ("Armenian forces withdrew from Kalbajar, which was returned to Azerbaijan.", {"6"}),
        ("The first families of former residents returned to Kalbajar this week.", {"7"}),  # people, not the district
    ],
)
def test_events_not_mentions(agreements, text, provisions):
    assert set(links_for(text, agreements[KARABAKH])) == provisions


def test_generic_reference_needs_a_specific_one_in_the_document(agreements):
    agreement = agreements[KARABAKH]
    generic = "The agreement is largely being respected, the ministry said."
    assert links_for(generic, agreement) == {}
    doc = document(f"{CONTEXT} The Karabakh deal turned one year old.\n\n{generic}")
    found = [x for x in link_document(doc, split_sentences(doc), [], agreement) if x.text == generic]
    assert [(x.provision, x.signal) for x in found] == [("*", "advanced")]


def test_statement_attributes_the_link_and_narrows_the_span(agreements):
    text = f"{CONTEXT}\n\nThe exchange of prisoners of war has not been completed, the Armenian ministry said."
    doc = document(text, published="2020-12-15")
    start = text.index("The exchange")
    end = text.index(", the Armenian")
    statement = Statement(
        doc_id=doc.id,
        kind="indirect",
        start=start,
        end=end,
        text=text[start:end],
        speaker="armenia-mfa",
        said_on="2020-12-14",
    )
    (link,) = [
        x for x in link_document(doc, split_sentences(doc), [statement], agreements[KARABAKH]) if x.provision == "8"
    ]
    assert (link.start, link.end, link.text) == (start, end, text[start:end])
    assert (link.statement_id, link.speaker, link.said_on) == (statement.id, "armenia-mfa", "2020-12-14")
    assert link.signal == "not_done" and link.sentence_index == 1


def test_scope_keeps_each_agreement_to_its_conflict(agreements):
    text = (
        "Ukraine and Russia-backed forces in Donetsk say the ceasefire has largely held. OSCE monitors reported "
        "that heavy weapons were pulled back from the contact line near Debaltsevo."
    )
    doc = document(text, published="2015-03-01")
    sentences = split_sentences(doc)
    assert link_document(doc, sentences, [], agreements[KARABAKH]) == []
    minsk = {x.provision: x for x in link_document(doc, sentences, [], agreements["minsk-2015-02-12"])}
    assert {"1", "2", "3"} <= set(minsk)
    assert minsk["2"].signal == "done" and "phrase 'heavy weapons'" in minsk["2"].reason
    karabakh_doc = document(f"{CONTEXT} The ceasefire holds.")
    assert link_document(karabakh_doc, split_sentences(karabakh_doc), [], agreements["minsk-2015-02-12"]) == []


def test_phrase_syntax():
    assert find("withdr*", "troops withdrew overnight").group(0) == "withdrew"
    assert find("ceasefire", "ceasefires") is None  # whole words unless a * says otherwise
    assert find(
        "statement ... on the cessation of hostilities",
        "the statement of Russia, Azerbaijan and Armenia on the cessation of hostilities",
    )
    assert find("10 November & signed", "the document signed on 10 November") is not None
    # "|" separates alternatives within an "&" part: who & what happened, without listing every pair
    pair = "peacekeep*|Russian troops & arriv*|left"
    assert find(pair, "Russian troops left the town").group(0) == "Russian troops"
    assert find(pair, "the peacekeepers arrived") is not None
    assert find(pair, "Russian troops stayed") is None and find(pair, "the convoy left") is None
    # alternatives are whole sub-phrases: "A ... B|C" is "A ... B" or "C"
    assert find("residents ... return*|IDPs", "residents began returning").group(0) == "residents began returning"
    assert find("residents ... return*|IDPs", "IDPs") is not None
    assert find("residents ... return*|IDPs", "return") is None
    assert find("10 November & signed", "on 10 November the talks began") is None


def test_longest_cue_wins_and_negation_flips():
    cues = {"done": ("deployed", "returned"), "started": ("being deployed",), "not_done": ("not yet",)}
    assert detect_signal("troops are being deployed", cues) == ("started", "being deployed")
    assert detect_signal("the district was not returned", cues) == ("not_done", "not returned")
    assert detect_signal("nothing happened", cues) == (None, None)


def test_store_keeps_every_field_of_a_link(store):
    link = EvidenceLink(
        agreement_id=KARABAKH,
        provision="6",
        doc_id="d1",
        start=3,
        end=40,
        text="t",
        score=1.6,
        reason="place Kalbajar",
        statement_id="d1:3-40",
        speaker="armenia-mfa",
        said_on="2020-11-24",
        signal="done",
        reported_on="2020-11-25",
        sentence_index=2,
    )
    older = EvidenceLink(
        agreement_id=KARABAKH,
        provision="6",
        doc_id="d1",
        start=50,
        end=60,
        text="u",
        score=1.0,
        reason="r",
        reported_on="2020-11-20",
    )
    store.write_analysis("r1", [AnalysisRows("d1", {}, links={KARABAKH: [link, older]})])
    assert [asdict(x) for x in store.evidence(KARABAKH)] == [asdict(older), asdict(link)]  # in date order
    store.write_analysis("r2", [AnalysisRows("d1", {}, links={KARABAKH: []})])
    assert store.evidence(KARABAKH) == []


SENTENCES = [
    "Armenian forces completed their withdrawal from Kelbajar on Wednesday.",
    "A Russian peacekeeping contingent is being deployed along the Lachin corridor.",
    "The PEACEKEEPERS' posts near Shusha; prisoners-of-war were handed   over.",
    "Unblocking of all economic and transport links in the region, said the joint statement of 10 November.",
    "Nothing here bears on any agreement at all.",
]


def test_word_prefilter_never_changes_a_match(agreements):
    """A phrase's regex is skipped when the text lacks its first word: the result must be the regex's own."""
    from trucewatch.linking import Text, _parts

    phrases = {
        phrase
        for a in agreements.values()
        for p in a.provisions
        for phrase in (
            *p.indicators.phrases,
            *p.indicators.context,
            *p.indicators.actors,
            *p.indicators.exclude,
            *(c for cues in a.signals_for(p.number).values() for c in cues),
        )
    }
    phrases |= {name for a in agreements.values() for place in a.places().values() for name in place.names}
    checked = 0
    for sentence in SENTENCES:
        text = Text(sentence)
        for phrase in phrases:
            plain = [part.pattern.search(sentence) for part in _parts(phrase)]
            expected = plain[0].span() if all(plain) else None
            found = text.search(phrase)
            assert (found.span() if found else None) == expected, (phrase, sentence)
            checked += expected is not None
    assert checked > 10  # the sentences do match many phrases


@pytest.mark.parametrize(
    ("hits", "nested"),
    [
        ([(0, 14, "started"), (6, 14, "done")], {1}),  # "being deployed" over "deployed"
        ([(0, 8, "done"), (0, 8, "violated")], set()),  # the same span is not longer
        ([(5, 9, "done"), (0, 20, "started"), (2, 6, "done")], {0, 2}),
        ([(0, 4, "done"), (3, 8, "done")], set()),  # overlapping, neither inside the other
    ],
)
def test_nested_cues(hits, nested):
    from trucewatch.linking import _nested

    assert _nested(hits) == nested


def test_terms_restated_with_a_report_of_progress_are_evidence(agreements):
    links = links_for(
        "Under the terms of the deal, Azerbaijani units entered the Kelbajar district on Wednesday.",
        agreements[KARABAKH],
    )
    assert links["6"].signal == "done"


@pytest.mark.parametrize(
    ("text", "provision", "signal"),
    [
        ("В зоне ответственности миротворцев зафиксировано нарушение режима прекращения огня.", "1", "violated"),
        ("Нарушений режима прекращения огня за сутки не зафиксировано.", "1", "done"),
        ("Начался вывод российских миротворцев из Карабаха.", "3", "reversed"),
        ("Азербайджанские активисты продолжают блокаду Лачинского коридора.", "6", "reversed"),
    ],
)
def test_russian_reports_link_by_the_russian_indicators(agreements, text, provision, signal):
    links = links_for(text, agreements[KARABAKH])
    assert links[provision].signal == signal


def test_fire_outside_the_conflict_zone_is_not_the_karabakh_ceasefire(agreements):
    assert "1" in links_for(
        "Armenian units opened fire on Azerbaijani positions near Martuni overnight.", agreements[KARABAKH]
    )
    assert "1" not in links_for(
        "Armenian units opened fire on Azerbaijani positions near Vardenis overnight.", agreements[KARABAKH]
    )


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Armenian units continued to violate the ceasefire near Martuni.", "violated"),
        ("The monitors will watch and report any ceasefire violations near Martuni.", None),  # a task, not a report
    ],
)
def test_violations_in_prospect_are_not_reported_violations(agreements, text, signal):
    assert detect_signal(text, agreements[KARABAKH].signals_for("1"))[0] == signal


@pytest.mark.parametrize("phrase", ["peacekeep*| & left", "POWs && released", "POWs|"])
def test_an_empty_alternative_is_refused(tmp_path, phrase):
    from trucewatch.agreements import AgreementError, load_agreement

    source = load_agreements()["minsk-2015-02-12"].path
    text = Path(source).read_text(encoding="utf-8").replace("[amnesty, pardon]", f'["{phrase}", pardon]')
    assert f'"{phrase}"' in text
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(AgreementError):
        load_agreement(tmp_path / "mine.yaml")


def test_status_cues_tried_through_their_index_as_one_by_one():
    """``_signal`` takes the cues a text may match from an index: the same hits, in the same order, as testing each."""
    from trucewatch.agreements import load_agreements
    from trucewatch.linking import SIGNALS, Text, _cue_index, _part, linker

    texts = ["The ceasefire was violated overnight, monitors said.", "Troops have not yet withdrawn from the area.",
             "The exchange of prisoners was completed on Monday.", "Peacekeepers began deploying to the corridor.",
             "Nothing about it here.", "The agreement was suspended and later terminated by the parties."]
    for agreement in load_agreements().values():
        for cues in linker(agreement).cues.values():
            index = _cue_index(tuple((kind, tuple(listed)) for kind, listed in cues.items()))
            for raw in texts:
                text = Text(raw)
                tried = [(kind, _part(cue)) for kind in SIGNALS for cue in cues.get(kind, ())
                         if text.may_match(_part(cue))]
                assert [index.items[n] for n in index.candidates(text)] == tried


def test_a_sentence_of_two_speakers_accounts_is_cited_whole(agreements):
    from trucewatch.actors import load_registry
    from trucewatch.statements import extract_statements

    text = ("Tensions rose on the line of contact on Monday, with Yerevan announcing that Azerbaijani forces had "
            "violated the ceasefire; Baku, in turn, said the Armenian army had violated the ceasefire first.")
    doc = Document.of_text(text, doc_id="doc1", published="2021-05-14")
    sentences = split_sentences(doc)
    statements = extract_statements(doc, load_registry(), sentences)
    assert len({s.speaker for s in statements}) == 2
    links = [x for x in link_document(doc, sentences, statements, agreements["karabakh-2020-11-10"])
             if x.provision == "1"]
    assert [(x.start, x.end, x.speaker) for x in links] == [(0, len(text), None)]  # both accounts, side by side
