"""Quote marks and pattern-read frames (no parser involved)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from trucewatch.actors import load_registry
from trucewatch.records import BodySpan, Document
from trucewatch.statements import extract_statements
from trucewatch.statements.document import find_attributions
from trucewatch.statements.marks import find_quotes
from trucewatch.text.sentences import split_sentences


def contents(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize("text", [
    'The envoy said "the line is calm" today.',
    "The envoy said “the line is calm” today.",
    "The envoy said « the line is calm » today.",
    "The envoy said „the line is calm“ today.",
    'The envoy said "the line is calm” today.',  # mixed marks, as pasted text often has
])
def test_every_quote_mark_style(text):
    assert contents(text) == ["the line is calm"]


def test_nested_quotes_stay_inside_the_outer_quotation():
    text = "“We reject the term ‘buffer zone’ and the “so-called” corridor,” the minister said."
    assert contents(text) == ["We reject the term ‘buffer zone’ and the “so-called” corridor,"]


def test_a_stray_straight_mark_does_not_swallow_the_curly_quotations_after_it():
    text = 'The "so-called talks went on. The minister said the “ceasefire” holds and the “line” is calm.'
    assert contents(text) == ["ceasefire", "line"]


def test_apostrophes_are_not_quotes():
    text = "“The peacekeepers’ work and today's talks matter,” he said. It’s the ministers’ view."
    assert contents(text) == ["The peacekeepers’ work and today's talks matter,"]


def test_quote_over_several_paragraphs_continues_when_the_next_opens_with_a_mark():
    text = ("“We are ready to help the sides.\n\n“We also support the talks,” it said.\n\n"
            "“A new quotation,” he added.")
    assert contents(text) == ["We are ready to help the sides.\n\n“We also support the talks,",
                              "A new quotation,"]


def test_unclosed_quote_ends_with_its_paragraph_when_nothing_continues_it():
    text = "He said: “We will return.\n\nThe talks resumed on Monday. “Next,” she said."
    assert contents(text) == ["We will return.", "Next,"]


def test_block_quote_after_a_colon_may_close_in_a_later_paragraph():
    text = ('The president stressed: "The mission is temporary. It has a mandate.\n\n'
            'Their presence helps the return of people."\n\nOther news.')
    assert contents(text) == ["The mission is temporary. It has a mandate.\n\n"
                              "Their presence helps the return of people."]


def _doc(text: str) -> Document:
    return Document("d", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))])


def frames(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = _doc(text)
    result = []
    for a in find_attributions(text, split_sentences(doc), find_quotes(text)):
        speaker = text[a.speaker_start:a.speaker_end] if a.speaker_start is not None else None
        cue = text[a.cue_start:a.cue_end] if a.cue_start is not None else None
        result.append((a.kind, text[a.start:a.end], cue, speaker))
    return result


def test_frames_after_and_before_a_quotation():
    text = ('"The ceasefire holds," the Azerbaijani leader said on Friday. '
            '"We will build roads," said Foreign Minister Jeyhun Bayramov at a briefing. '
            'The minister added: "Demining comes first."')
    assert frames(text) == [
        ("direct", "The ceasefire holds,", "said", "the Azerbaijani leader"),
        ("direct", "We will build roads,", "said", "Foreign Minister Jeyhun Bayramov"),
        ("direct", "Demining comes first.", "added", "The minister"),
    ]


def test_partial_quote_inside_a_sentence_and_continuation_of_a_framed_quote():
    text = ('"The border is quiet," Lavrov said, "and the talks go on." '
            'Critics called the plan "a trap for everyone involved in it" and left.')
    found = frames(text)
    # A quotation split by its frame is one statement.
    assert found[0] == ("direct", 'The border is quiet," Lavrov said, "and the talks go on.', "said", "Lavrov")
    assert found[1][0] == "partial" and found[1][1] == "a trap for everyone involved in it"
    assert len(found) == 2


def test_a_quoted_name_is_not_a_statement():
    assert frames('The operation, dubbed "Iron Fist", ended in November.') == []


def read_without_parser(text: str) -> tuple[list[tuple[str, str, str | None, str | None]], list[str]]:
    """Statements found when the parser finds nothing, and the sentences that were sent to it."""
    sent: list[str] = []

    def parse(texts):
        sent.extend(texts)
        return [[] for _ in texts]  # no tokens: only the patterns can read anything

    found = []
    for a in find_attributions(text, split_sentences(_doc(text)), find_quotes(text), parse):
        speaker = text[a.speaker_start:a.speaker_end] if a.speaker_start is not None else None
        cue = text[a.cue_start:a.cue_end] if a.cue_start is not None else None
        found.append((a.kind, text[a.start:a.end], cue, speaker))
    return found, sent


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("At his annual press conference, Putin said on Thursday that the territory was part of Azerbaijan.",
     "the territory was part of Azerbaijan", "said", "Putin"),
    ("The Russian diplomat told reporters that the border issues are solvable.",
     "the border issues are solvable", "told", "The Russian diplomat"),
    ("Kremlin spokesman Dmitry Peskov said the agreement is holding well.",
     "the agreement is holding well", "said", "Kremlin spokesman Dmitry Peskov"),
    ("The ministry emphasized the importance of involving the OSCE Minsk Group.",
     "the importance of involving the OSCE Minsk Group", "emphasized", "The ministry"),
    ("According to Aliyev, the conflict can be spoken of in the past tense.",
     "the conflict can be spoken of in the past tense", "According to", "Aliyev"),
    ("The corridor will open next year, according to the Azerbaijani side.",
     "The corridor will open next year", "according to", "the Azerbaijani side"),
    ('The Azerbaijani leader said that the region’s future depends on Yerevan, "whether it will make the right steps".',
     'the region’s future depends on Yerevan, "whether it will make the right steps"', "said",
     "The Azerbaijani leader"),
])
def test_common_frames_of_reported_speech_need_no_parser(text, content, cue, speaker):
    found, parsed = read_without_parser(text)
    assert parsed == []
    assert [(c, k, s) for kind, c, k, s in found if kind == "indirect"] == [(content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "Justice Frank Nervo rejected that argument in a ruling released Thursday.",  # "that" is no conjunction
    "Clinton now says she opposes the deal.",  # an adverb in the speaker: the parser finds the subject
    "Sullivan says he’s satisfied that there was no disclosure.",  # the content starts before "that"
    "A chorus of Republicans has said the same thing.",  # an object, not a clause
    "The Times reported that the editor conveyed to Ms. Martin that her statement was wrong.",  # nested speech
    "Aliyev said that the talks went well and Putin added that the border is calm.",  # two cues
    'He said that "peace" and "stability" matter most.',  # several quotations to merge
])
def test_other_sentences_go_to_the_parser(text):
    found, parsed = read_without_parser(text)
    assert parsed == [text] and found == []


@pytest.mark.parametrize("text", [
    "The Turkish contingent is not mentioned in the statement of the President of Russia.",
    "The deal was widely reported in Baku and Yerevan.",
])
def test_a_passive_cue_is_no_frame_and_is_not_parsed(text):
    assert read_without_parser(text) == ([], [])


def test_an_active_cue_after_a_passive_one_is_still_parsed():
    text = "He was asked about the corridor and said nothing new about the talks."
    assert read_without_parser(text)[1] == [text]


def test_the_word_lists_are_schema_checked_data():
    from trucewatch.datafiles import DataFileError, parse
    from trucewatch.statements.cues import CUE_FORMS

    assert {"said", "warned", "insisting", "denies", "admitted", "agreeing"} <= CUE_FORMS
    with pytest.raises(DataFileError, match="cues"):
        parse("cues: say\n", "broken.yaml", "lang-quotes")


@pytest.mark.parametrize(("text", "expected"), [
    ("'We will not give up,' he said. It's Azerbaijan's land since the '90s.", ["We will not give up,"]),
    ("He said: 'The soldiers' rights are protected.' Rock 'n' roll.", ["The soldiers' rights are protected."]),
    ("‘Everything was left behind’, says Laura. The peacekeepers’ mandate doesn’t end.",
     ["Everything was left behind"]),
    ("“We reject the ‘buffer zone’,” he said. Don't.", ["We reject the ‘buffer zone’,"]),
    ("The boys' school and the girls' school reopened.", []),
])
def test_single_quote_marks_quote_british_style_but_apostrophes_do_not(text, expected):
    assert contents(text) == expected


def test_the_day_a_statement_was_made_and_an_adjunct_of_the_reporting_are_not_part_of_what_was_said():
    text = "Baku said on Monday it had seized dozens more settlements in the region, a day after claiming a city."
    doc = Document("t", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))], published="2020-11-10")
    [statement] = extract_statements(doc, load_registry())
    assert (statement.text, statement.said_on) == ("it had seized dozens more settlements in the region", "2020-11-09")


def test_a_quotation_going_on_through_unmarked_paragraphs_is_a_quotation_per_paragraph():
    text = ('The statement said:\n\n"The meeting was constructive.\n\nProgress was noted on the railway.\n\n'
            'The leaders will be informed."\n\nThe talks resume in June.')
    assert [text[q.start:q.end] for q in find_quotes(text)] == [
        "The meeting was constructive.", "Progress was noted on the railway.", "The leaders will be informed."]
    unclosed = '"The meeting was constructive.\n\nThe talks resume in June.\n\nHe called it "a step".'
    assert [unclosed[q.start:q.end] for q in find_quotes(unclosed)] == ["The meeting was constructive.", "a step"]


@pytest.mark.parametrize("text", [
    "Armenia agreed to withdraw from three districts bordering the region by the end of the month.",
    "Russia urged them to step back from confrontation following the deadliest clash in a year.",
])
def test_an_act_agreed_or_urged_is_not_a_statement(text):
    doc = Document("t", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))], published="2021-11-17")
    assert extract_statements(doc, load_registry()) == []


def test_two_quotations_with_more_than_a_frame_between_them_stay_apart():
    text = ('"You winning?" she said, but Kevin was drifting off again, and as Trump went on and on about '
            '"how the system is rigged," she looked away.')
    assert [text[a.start:a.end] for a in find_attributions(text, split_sentences(_doc(text)), find_quotes(text))] \
        == ["You winning?", "how the system is rigged,"]


def test_reported_speech_with_a_few_quoted_words_is_indirect_and_they_partial_and_a_mostly_quoted_clause_partial():
    text = ("The envoy said on Monday that the monitors had found no trace of the shelling reported by either side "
            "and that the talks were “on track”. "
            "The envoy said the plan was “a careful and long overdue first step toward a settlement”.")
    found = extract_statements(_doc(text), load_registry())
    assert [(s.kind, s.text.split()[:3]) for s in found] == [
        ("indirect", ["the", "monitors", "had"]), ("partial", ["on", "track"]), ("partial", ["a", "careful", "and"])]


def test_a_whole_quoted_sentence_after_said_that_is_direct_speech():
    text = ('The envoy said that "The truce will hold for two more months." '
            'The envoy said that the truce was "a fragile but real gain" for civilians.')
    found = extract_statements(_doc(text), load_registry())
    assert [(s.kind, s.speaker_text) for s in found] == [("direct", "The envoy"), ("indirect", "The envoy"),
                                                         ("partial", "The envoy")]


def test_the_quoted_words_a_naming_verb_frames_are_each_a_partial_quotation():
    text = ("The envoy called the talks a “turning point” and described the truce as “fragile but real”. "
            "The envoy said the plan was “a careful and long overdue first step toward a settlement”.")
    found = extract_statements(_doc(text), load_registry())
    assert [(s.kind, s.text) for s in found][:2] == [("partial", "turning point"), ("partial", "fragile but real")]
    assert found[2].kind == "partial" and found[2].text.startswith("a careful")


def test_in_clause_units_the_fragments_of_one_naming_verb_are_its_object():
    from trucewatch.evaluation.quotes import as_clause_units

    text = "The envoy called the deal a “landmark” and a “historic step”. The monitors left."
    units = as_clause_units(extract_statements(_doc(text), load_registry()), text)
    expected = [("partial", "the deal a “landmark” and a “historic step”")]
    assert [(s.kind, text[s.start:s.end]) for s in units] == expected


def test_a_speaker_as_written_never_holds_the_end_of_a_quotation():
    from trucewatch.statements.attribution import Attribution
    from trucewatch.statements.document import _speaker_after_quotation

    text = "He was at the top of his game,” Rendell said."
    item = Attribution("indirect", 0, 5, 40, 44, 0, 39)
    fixed = _speaker_after_quotation(text, item)
    assert text[fixed.speaker_start:fixed.speaker_end] == "Rendell"
    assert _speaker_after_quotation(text, replace(item, speaker_start=32)) == replace(item, speaker_start=32)


def test_a_quotation_is_a_statement_per_paragraph_and_per_sentence_after_its_frame_and_one_in_clause_units():
    from trucewatch.evaluation.quotes import as_clause_units

    text = ('The envoy said on Monday:\n\n"The line was calm all week.\n\n"The monitors found no shelling."\n\n'
            '"The roads are open," the envoy added. "The maps were handed over."\n\n'
            '"The talks went well," the envoy said, "and they go on."')
    found = extract_statements(_doc(text), load_registry())
    assert [s.text for s in found] == ["The line was calm all week.", "The monitors found no shelling.",
                                       "The roads are open,", "The maps were handed over.",
                                       "The talks went well,\" the envoy said, \"and they go on."]
    assert {s.speaker_text for s in found} == {"The envoy", "the envoy"}
    units = as_clause_units(found, text)
    assert [text[s.start:s.end] for s in units][:2] == [
        'The line was calm all week.\n\n"The monitors found no shelling.',
        'The roads are open," the envoy added. "The maps were handed over.']


def test_names_in_quotation_marks_inside_reported_speech_are_no_partial_quotation():
    text = "The envoy said the “Donetsk People’s Republic” had agreed, calling the talks “a step forward” on Monday."
    kinds = [(s.kind, s.text) for s in extract_statements(_doc(text), load_registry())]
    assert ("partial", "Donetsk People’s Republic") not in kinds
    assert ("partial", "a step forward") in kinds


def test_the_scorer_compares_names_without_their_article():
    from trucewatch.evaluation.polnear import GoldAttribution
    from trucewatch.evaluation.quotes import Prediction, Scorer

    scorer = Scorer(load_registry())
    gold = GoldAttribution(((0, 10),), speaker=("Saudi Arabia and the United States",), kind="indirect")
    right = Prediction(0, 10, False, speaker="provisional:x", speaker_name="Saudi Arabia and United States")
    wrong = Prediction(0, 10, False, speaker="provisional:y", speaker_name="Saudi Arabia and Qatar")
    assert scorer._same_speaker(gold, right, strict=True)
    assert not scorer._same_speaker(gold, wrong, strict=True)


def test_a_quoted_title_case_title_is_no_statement_but_a_framed_name_or_sentences_are():
    registry = load_registry()
    text = ("The show “Face the Nation” aired on Sunday.\n\n“Coal Isn't the Villain.”\n\n"
            "Critics called him “The Comeback Kid” for the deal.")
    kept = [s.text for s in extract_statements(Document("t", "k", "p", "", "text", text, text,
                                                        [BodySpan(0, 0, len(text))]), registry)]
    assert not any("Face the Nation" in t or "Villain" in t for t in kept)
    assert any("Comeback Kid" in t for t in kept)


def test_a_quotation_continued_after_its_long_frame_is_one_unit_of_its_quoted_pieces():
    from trucewatch.evaluation.polnear import GoldAttribution
    from trucewatch.evaluation.quotes import Scorer, clause_units, from_statements

    text = ('"The line held all week," the envoy said on Monday at the talks in the capital, where the '
            'monitors also spoke. "The roads are open again."\n\nThe monitors left.')
    found = extract_statements(_doc(text), load_registry())
    units = clause_units(found, text)
    quoted = [(unit, parts) for unit, parts in units if unit.kind == "direct"]
    assert len(quoted) == 1
    assert [text[a:b].strip('" ,.') for a, b in quoted[0][1]] == ["The line held all week", "The roads are open again"]
    first, second = text.index("The line"), text.index("The roads")
    gold = GoldAttribution(((first, first + 22), (second, second + 24)), quoted=True)
    scorer = Scorer()
    scorer.add([gold], from_statements([u for u, _ in units], parts=[p for _, p in units]), text)
    assert scorer.report()["quoted"]["exact"]["f1"] == 1.0


def test_reported_speech_with_quoted_words_ends_where_the_reporter_speaks_again():
    text = ('The ministry said it was “firmly opposed” to the strike and urged both sides to hold back. '
            'The envoy said the truce was “a real gain” because it ended the shelling and opened the roads. '
            'The mediator described the talks as “a turning point” — a phrase the monitors doubted.')
    found = {s.text for s in extract_statements(_doc(text), load_registry()) if s.kind == "indirect"}
    assert "it was “firmly opposed” to the strike" in found
    assert "the truce was “a real gain” because it ended the shelling and opened the roads" in found


def test_in_clause_units_a_naming_verb_object_ends_before_the_reporters_words():
    from trucewatch.evaluation.quotes import as_clause_units

    text = "The envoy called the ceasefire “fragile” and urged the monitors to stay. The monitors left."
    units = as_clause_units(extract_statements(_doc(text), load_registry()), text)
    assert [text[s.start:s.end] for s in units if s.kind == "partial"] == ["the ceasefire “fragile”"]


def test_a_quotation_and_a_clause_added_after_its_frame_are_two_statements():
    text = ('"The line is quiet," the envoy said, adding that the talks would take "more weeks" to finish. '
            '"The roads are open," the envoy said, "and the maps were handed over."')
    found = [(s.kind, s.text) for s in extract_statements(_doc(text), load_registry())]
    assert ("direct", "The line is quiet,") in found
    assert ("direct", 'The roads are open," the envoy said, "and the maps were handed over.') in found


def test_an_unframed_quoted_sentence_after_reported_speech_in_its_paragraph_continues_the_speaker():
    text = ("The envoy said the talks had stalled over the maps. “We will try again next week.” "
            "The monitors left on Friday.")
    found = [(s.kind, s.text, s.speaker_text) for s in extract_statements(_doc(text), load_registry())]
    assert ("direct", "We will try again next week.", "The envoy") in found


def test_in_clause_units_quoted_words_before_their_frame_take_the_sentence_head():
    from trucewatch.evaluation.quotes import as_clause_units

    text = "The monitors arrived. With so many crossings, “there is no single weak point,” the envoy said."
    units = as_clause_units(extract_statements(_doc(text), load_registry()), text)
    assert [text[s.start:s.end] for s in units] == ["With so many crossings, “there is no single weak point,"]


def test_a_title_case_name_in_the_opening_phrase_of_a_frame_is_no_quotation():
    text = ("On the Sunday broadcast of “Meet the Region,” the envoy said the truce held. "
            "Of the talks, “nothing was agreed,” the envoy said.")
    found = [(s.kind, s.text) for s in extract_statements(_doc(text), load_registry())]
    assert not any("Meet the Region" in t for k, t in found if k == "partial")
    assert any(k == "partial" and t.startswith("nothing was agreed") for k, t in found)


def test_in_clause_units_quoted_words_take_the_clause_their_cue_frames():
    from trucewatch.evaluation.quotes import as_clause_units

    text = ("The envoy said the shelling was only “a warning” to the other side. "
            "The mediator said the sides must “stop the escapades.” The monitors left.")
    units = as_clause_units(extract_statements(_doc(text), load_registry()), text)
    spans = [text[s.start:s.end] for s in units]
    assert "the shelling was only “a warning” to the other side" in spans
    assert not any("monitors" in span for span in spans)


def test_in_clause_units_a_clause_added_after_a_quotations_frame_is_its_own_unit():
    from trucewatch.evaluation.quotes import as_clause_units

    text = ('"The line is quiet," the envoy said in a statement, adding that the talks would take "more weeks." '
            'The monitors left.')
    units = as_clause_units(extract_statements(_doc(text), load_registry()), text)
    spans = [text[s.start:s.end] for s in units]
    assert spans[0] == 'The line is quiet,'
    assert spans[1].startswith("adding that the talks would take") or spans[1].startswith("that the talks")


def test_a_quoted_transcripts_labelled_paragraphs_are_the_turns_of_their_speakers():
    text = ('Part of the interview follows:\n\n"HOST: Will the truce hold through the winter?\n\n'
            '"ENVOY: We think it will. The monitors are in place.\n\n"The roads are open again.\n\n'
            '"The maps were handed over."\n\nThe talks went on.')
    found = [(s.text, s.speaker_text) for s in extract_statements(_doc(text), load_registry())]
    assert ("Will the truce hold through the winter?", "HOST") in found
    assert ("We think it will. The monitors are in place.", "ENVOY") in found
    assert ("The roads are open again.", "ENVOY") in found
    assert ("The maps were handed over.", "ENVOY") in found


def test_in_clause_units_quoted_words_coordinated_with_the_report_before_them_join_it():
    from trucewatch.evaluation.quotes import as_clause_units

    text = "The envoy claimed that the shelling was “a grave problem” but “nobody dares to stop it.” The monitors left."
    units = as_clause_units(extract_statements(_doc(text), load_registry()), text)
    assert any("grave problem" in text[s.start:s.end] and "nobody dares" in text[s.start:s.end] for s in units)
    assert not any(text[s.start:s.end].startswith("nobody") for s in units)


def test_in_clause_units_quoted_words_on_both_sides_of_their_frame_joined_by_and_are_one_unit():
    from trucewatch.evaluation.quotes import clause_units

    text = ("The talks went on. Petrov is “sharp as a tack,” Anna Petrova wrote in an email to the Monitor’s Rich "
            "Eisen, and “full of ideas.” The talks went on.")
    units = clause_units(extract_statements(_doc(text), load_registry()), text)
    joined = [parts for unit, parts in units if len(parts) == 2]
    assert [text[a:b].strip("“”,. ") for a, b in joined[0]] == ["Petrov is “sharp as a tack", "full of ideas"]


def test_reported_speech_ends_with_the_quoted_words_it_names_something_as():
    text = "The envoy slammed the deal as a “shameful surrender” during a visit to the border on Monday."
    found = [s.text for s in extract_statements(_doc(text), load_registry()) if s.kind == "indirect"]
    assert found == ["the deal as a “shameful surrender”"]


def test_in_clause_units_quoted_words_before_a_frame_join_the_next_sentence_under_it():
    from trucewatch.evaluation.quotes import clause_units

    text = ('The monitors came. The answers to the shelling are “not yet found,” the envoy said at the talks in '
            'the capital, where the mediators also spoke. “We will look again next week.”\\n\\nThe talks went on.')
    units = clause_units(extract_statements(_doc(text), load_registry()), text)
    assert any(len(parts) == 2 and "next week" in text[parts[1][0]:parts[1][1]] for _, parts in units)


def test_a_number_in_a_short_quoted_term_is_one_word():
    from trucewatch.statements.attribution import Attribution, scare_quote

    text = "The count found “3,210 shelling incidents” and “many more shelling incidents” on the line."
    first, second = text.index("3,210"), text.index("many")
    assert scare_quote(text, Attribution("partial", first, first + len("3,210 shelling incidents")))
    assert not scare_quote(text, Attribution("partial", second, second + len("many more shelling incidents")))


def test_a_quotation_after_titled_is_a_title():
    from trucewatch.statements.attribution import Attribution, title_quote

    text = "The spot, titled “Reckless,” shows the envoy leaving, the ministry said. He was “Reckless,” it said."
    first, second = text.index("Reckless"), text.rindex("Reckless")
    assert title_quote(text, Attribution("partial", first, first + 9, speaker_start=first + 40))
    assert not title_quote(text, Attribution("partial", second, second + 9, speaker_start=second + 12))


def test_a_text_cut_off_inside_a_quotation_quotes_to_its_end():
    text = ('The envoy said on Monday:\n\n"The convoy has asked for time to leave the district.\n\n'
            'The road is narrow and there is already snow in some places.\n\n'
            'The side has taken a step to allow the wi\n')
    assert contents(text) == ["The convoy has asked for time to leave the district.",
                              "The road is narrow and there is already snow in some places.",
                              "The side has taken a step to allow the wi"]
    finished = text.replace("allow the wi\n", "allow the withdrawal.\n\nNews.Az\n")
    assert contents(finished) == ["The convoy has asked for time to leave the district."]


def test_a_colon_inside_a_quotation_is_no_frame_for_the_next_one() -> None:
    """ "...agreed on the following:" is the quoted speaker's own sentence, not the writer introducing a quote."""
    from trucewatch.records import Sentence
    from trucewatch.statements.document import _introduction
    from trucewatch.statements.marks import find_quotes
    from trucewatch.text.sentences import SentenceIndex, sentence_spans

    text = ('The envoy said: "The commissions agreed on the following:\n\n'
            '"Both sides will exchange maps by Friday.')
    quotes = find_quotes(text)
    index = SentenceIndex([Sentence("d", i, s, e, text[s:e]) for i, (s, e) in enumerate(sentence_spans(text))])
    assert _introduction(text, index, quotes[-1], quotes) is None
    unquoted = 'The envoy said:\n\n"Both sides will exchange maps by Friday."'
    assert _introduction(unquoted, SentenceIndex([Sentence("d", i, s, e, unquoted[s:e]) for i, (s, e) in
                                                  enumerate(sentence_spans(unquoted))]),
                         find_quotes(unquoted)[-1], find_quotes(unquoted)) is not None


def test_reported_speech_ends_before_a_tail_after_a_comma_inside_the_closing_mark():
    """American style puts the comma inside the mark ('“partial,” meaning ...'): the participle or relative
    clause after it is the reporter's words again, as after '“partial”, meaning'."""
    text = ("The mayor said the city had launched the “Clean Streets,” which cost far more than planned "
            "and angered residents.")
    found = [(s.kind, s.text) for s in extract_statements(_doc(text), load_registry())]
    assert found == [("indirect", "the city had launched the “Clean Streets,”")]
    text = "The mayor said the plan was “partial,” meaning that the works would last until next spring at least."
    found = [(s.kind, s.text) for s in extract_statements(_doc(text), load_registry())]
    assert ("indirect", "the plan was “partial,”") in found


def test_a_quoted_clause_left_once_the_tail_is_cut_is_its_partial_quotation_alone():
    text = ("The minister warned that despite the truce, “the border talks could collapse,” referring to the "
            "dispute over the northern villages.")
    found = [(s.kind, s.text) for s in extract_statements(_doc(text), load_registry())]
    assert found == [("partial", "the border talks could collapse,")]


def test_in_clause_units_a_second_part_framed_by_an_adding_participle_is_a_unit_of_its_own():
    from trucewatch.evaluation.quotes import clause_units

    text = ('“We cannot wait any longer,” the envoy said, adding later, “The monitors must go back to the line.”'
            '\n\nThe talks went on.')
    units = clause_units(extract_statements(_doc(text), load_registry()), text)
    quoted = [parts for unit, parts in units if unit.kind == "direct"]
    assert [len(parts) for parts in quoted] == [1, 1]


def test_in_clause_units_a_quotation_around_the_words_its_frame_adds_is_one_unit_beside_them():
    from trucewatch.evaluation.quotes import clause_units

    text = ('The monitors came back. “You cannot keep a truce if you do not know where the line is,” the envoy '
            'said, explaining why the maps matter so much to both sides. “What we need is a map of every post.”'
            '\n\nThe talks went on.')
    units = clause_units(extract_statements(_doc(text), load_registry()), text)
    quoted = [parts for unit, parts in units if unit.kind == "direct"]
    assert len(quoted) == 1 and len(quoted[0]) == 2
    assert any(unit.kind == "indirect" and unit.text.startswith("why the maps") for unit, _ in units)
