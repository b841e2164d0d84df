"""The plain-text cleaner, one rule family at a time, on small synthetic articles."""

from __future__ import annotations

from trucewatch.cleaning.lines import MAX_BODY_CHARS, clean_text, is_sentence, script_of, split_units
from trucewatch.documents import build_document
from trucewatch.records import Document, SourceItem

P1 = ("The two delegations met in Geneva on Tuesday to discuss the exchange of detainees, officials said. "
      "Both sides called the talks constructive.")
P2 = ("A second round is planned for next month, according to a statement published after the meeting. "
      "Observers from the Red Cross attended the session.")
P3 = "The mediators declined to give details of the proposals on the table."


def build(text: str, **hints: str) -> Document:
    return build_document(SourceItem(key="k", source_path="x.txt", locator="", content_type="text",
                                     raw_text=text, hints=hints))


def kinds(doc: Document) -> dict[str, str]:
    return {block.text: block.kind for block in doc.removed}


def assert_spans_verbatim(doc: Document) -> None:
    for span in doc.body_spans:
        assert doc.raw_text[span.raw_start:span.raw_start + span.length] == \
            doc.body[span.body_start:span.body_start + span.length]


def test_title_dateline_and_body() -> None:
    doc = build(f"Talks on detainees resume in Geneva\n\n4 March 2019\n\n{P1}\n\n{P2}\n")
    assert doc.title == "Talks on detainees resume in Geneva"
    assert doc.body == f"{P1}\n\n{P2}"
    assert (doc.published, doc.published_source) == ("2019-03-04", "dateline")
    assert kinds(doc) == {"Talks on detainees resume in Geneva": "title", "4 March 2019": "dateline"}
    assert_spans_verbatim(doc)


def test_a_repeated_title_is_removed_every_time() -> None:
    title = "Talks on detainees resume in Geneva"
    doc = build(f"{title}\n\n{title}\n# 4 March 2019 10:15 (UTC +04:00)\n\n{P1}\n")
    assert doc.body == P1
    assert [b.reason for b in doc.removed if b.kind == "title"] == ["the title", "repeats the title"]
    assert doc.published == "2019-03-04T10:15+04:00"


def test_a_section_label_above_the_headline_is_not_the_title() -> None:
    doc = build(f"World news\n\nTalks on detainees resume in Geneva\n\n{P1}\n")
    assert doc.title == "Talks on detainees resume in Geneva"
    assert kinds(doc)["World news"] == "boilerplate"


def test_title_hint_wins_and_its_line_is_removed() -> None:
    doc = build(f"Section label\n\nGeneva talks resume\n\n{P1}\n", title="Geneva talks resume")
    assert doc.title == "Geneva talks resume"
    assert doc.body == P1


def test_caption_and_credit_lines_become_metadata() -> None:
    text = (f"Title of the story here\n\n{P1}\n\nPhoto: press office of the ministry\n\n{P2}\n\n"
            "Based on materials from TASS\n")
    doc = build(text)
    assert doc.body == f"{P1}\n\n{P2}"
    assert kinds(doc)["Photo: press office of the ministry"] == "caption"
    assert kinds(doc)["Based on materials from TASS"] == "credit"
    assert doc.wire == "TASS"


def test_wire_dateline_is_moved_out_of_the_first_paragraph() -> None:
    doc = build(f"Title of the story here\n\nANKARA (AA) – {P1}\n\n{P2}\n")
    assert doc.body.startswith("The two delegations")
    assert doc.wire == "Anadolu Agency"
    assert kinds(doc)["ANKARA (AA) –"] == "credit"
    assert_spans_verbatim(doc)


def test_a_summary_above_a_wire_dateline_is_a_standfirst() -> None:
    summary = "Ministers say progress was made on the exchange of prisoners."
    doc = build(f"Title of the story here\n\n{summary}\n\nLONDON, March 4 (Reuters) - {P1}\n\n{P2}\n")
    assert kinds(doc)[summary] == "standfirst"
    assert doc.body.startswith("The two delegations")
    assert doc.wire == "Reuters"


def test_a_wire_dateline_without_year_is_not_a_full_date() -> None:
    doc = build(f"Title of the story here\n\nLONDON, March 4 (Reuters) - {P1}\n")
    assert doc.published is None
    crawled = build(f"Title of the story here\n\nLONDON, March 4 (Reuters) - {P1}\n", crawled="2019-03-05T08:00:00Z")
    assert (crawled.published, crawled.published_source) == ("2019-03-04", "inferred")


def test_in_sentence_credit_names_the_wire_and_keeps_the_sentence() -> None:
    first = "The minister said the talks would continue next week, APA reports."
    doc = build(f"Title of the story here\n\n{first}\n\n{P2}\n")
    assert doc.wire == "APA"
    assert doc.body.startswith(first)


def test_a_citation_is_not_a_credit() -> None:
    doc = build(f"Title of the story here\n\nTASS reported that the talks would continue. {P1}\n")
    assert doc.wire is None


def test_short_real_sentences_inside_the_article_are_kept_and_subheadings_set_apart() -> None:
    doc = build(f"Title of the story here\n\n{P1}\n\nWhat comes next\n\n{P2}\n\nHe left.\n\n{P3}\n")
    assert doc.body == f"{P1}\n\n{P2}\n\nHe left.\n\n{P3}"
    assert kinds(doc)["What comes next"] == "subheading"


def test_lists_inside_the_article_are_kept() -> None:
    items = "• the return of displaced people\n• the status of the corridor\n• the exchange of prisoners"
    doc = build(f"Title of the story here\n\n{P1}\n\nThe key issues are:\n\n{items}\n\nThey agreed.\n\nAll news\n")
    assert doc.body == f"{P1}\n\nThe key issues are:\n\n" + items.replace("\n", "\n\n") + "\n\nThey agreed."


def test_byline_reading_time_and_publisher_footer() -> None:
    text = (f"Title of the story here\n\nBy Anna Petrova and Ivan Sidorov\n\nReading time: 3 min\n\n{P1}\n\n{P2}\n\n"
            "Our Standards: The Trust Principles.\n")
    doc = build(text)
    assert doc.body == f"{P1}\n\n{P2}"
    found = kinds(doc)
    assert found["By Anna Petrova and Ivan Sidorov"] == "byline"
    assert found["Reading time: 3 min"] == found["Our Standards: The Trust Principles."] == "boilerplate"


def test_a_text_without_header_is_all_body() -> None:
    doc = build(f"{P1}\n\n{P2}\n")
    assert (doc.title, doc.published, doc.body) == (None, None, f"{P1}\n\n{P2}")


def test_an_update_time_is_only_an_inference() -> None:
    doc = build(f"Title of the story here\n\nUpdated: 11 March 2019 09:00\n\n{P1}\n")
    assert (doc.published, doc.published_source) == ("2019-03-11T09:00", "inferred")


def test_russian_article() -> None:
    body1 = "Стороны подписали заявление о полном прекращении огня, сообщили в министерстве в понедельник."
    body2 = "Наблюдатели прибудут в регион в ближайшие дни, добавили в ведомстве."
    text = (f"10 ноября 2020, 13:44\n\nСтороны договорились о прекращении огня\n\nФото: пресс-служба министерства\n\n"
            f"{body1}\n\nЧитайте также: Переговоры продолжатся в Москве\n\n{body2}\n\nВсе новости\n")
    doc = build(text)
    assert doc.body == f"{body1}\n\n{body2}"
    assert doc.title == "Стороны договорились о прекращении огня"
    assert (doc.published, doc.language) == ("2020-11-10T13:44", "ru")


def test_short_lines_after_the_article_are_dropped() -> None:
    doc = build(f"Title of the story here\n\n{P1}\n\n{P2}\n\nGroup \"Regional Desk\"\n")
    assert doc.body == f"{P1}\n\n{P2}"
    assert kinds(doc)['Group "Regional Desk"'] == "boilerplate"


def test_cookie_banner_subscription_and_share_lines() -> None:
    banner = "We use cookies to give you the best experience. By continuing to browse you agree. Accept"
    text = (f"Share | Tweet | Print\n\nTitle of the story here\n\n{P1}\n\n"
            f"Subscribe to our newsletter for daily updates\n\n{P2}\n\n{banner}\n")
    doc = build(text)
    assert doc.body == f"{P1}\n\n{P2}"
    reasons = {b.text: b.reason for b in doc.removed}
    assert "cookie" in reasons[banner]
    assert "subscription" in reasons["Subscribe to our newsletter for daily updates"]
    assert doc.title == "Title of the story here"


def test_an_article_about_cookies_is_not_a_banner() -> None:
    long = ("Bakers in the capital say demand for cookies has doubled since the holiday began, and several shops "
            "report that they accept orders only by phone. " * 4).strip()
    doc = build(f"Title of the story here\n\n{long}\n")
    assert doc.body == long


def test_navigation_disclaimer_capitals_and_symbols() -> None:
    text = (f"Title of the story here\n\n{P1}\n\n#\n\n{P2}\n\nMore news\n\n"
            "ЭТОТ МАТЕРИАЛ СОЗДАН ИНОСТРАННЫМ АГЕНТОМ\n\nPAGE IS LOADING PLEASE WAIT\n")
    doc = build(text)
    assert doc.body == f"{P1}\n\n{P2}"
    found = kinds(doc)
    assert found["More news"] == "boilerplate"
    assert found["ЭТОТ МАТЕРИАЛ СОЗДАН ИНОСТРАННЫМ АГЕНТОМ"] == "disclaimer"
    assert found["PAGE IS LOADING PLEASE WAIT"] == "boilerplate"
    assert found["#"] == "boilerplate"


def test_a_line_in_another_script_is_not_body() -> None:
    doc = build(f"Title of the story here\n\n{P1}\n\nПодробнее читайте на нашем сайте в разделе политики\n\n{P2}\n")
    assert doc.body == f"{P1}\n\n{P2}"
    assert "Cyrillic" in next(b.reason for b in doc.removed if b.text.startswith("Подробнее"))


def test_dated_headlines_after_the_article_are_related_not_dates() -> None:
    text = (f"Title of the story here\n\n5 April 2019, 10:00\n\n{P1}\n\n{P2}\n\nAll news\n\n"
            "June 1, 2023 12:00\n\n• Farmers protest new water tariffs\n\n"
            "Farmers gathered outside the regional office to protest a rise in water tariffs, which they said "
            "would ruin the harvest season for hundreds of families in the valley.\n\n"
            "June 1, 2023 11:00\n\nNews archive\n")
    doc = build(text)
    assert doc.body == f"{P1}\n\n{P2}"
    assert (doc.published, doc.published_source) == ("2019-04-05T10:00", "dateline")
    related = [b.text[:20] for b in doc.removed if b.kind == "related"]
    assert related == ["June 1, 2023 12:00", "• Farmers protest ne", "Farmers gathered out", "June 1, 2023 11:00"]
    assert all(b.reason for b in doc.removed)


def test_dates_inside_the_body_are_not_the_publication_date() -> None:
    doc = build(f"Title of the story here\n\nOn March 4, 2019, the two sides signed the deal. {P1}\n")
    assert doc.published is None


def test_republication_note_gives_only_an_inferred_date() -> None:
    note = ("This article was originally published on our partner site on March 4, 2019 at 10:53 am MSK. "
            "To read the full text, click here.")
    doc = build(f"Title of the story here\n\n{P1}\n\n{note}\n")
    assert doc.body == P1
    assert (doc.published, doc.published_source) == ("2019-03-04T10:53+03:00", "inferred")
    assert kinds(doc)[note] == "note"


def test_read_also_inside_the_article_is_removed_without_cutting_it() -> None:
    doc = build(f"Title of the story here\n\n{P1}\n\nRead also: Ministers to meet again in May\n\n{P2}\n")
    assert doc.body == f"{P1}\n\n{P2}"
    assert kinds(doc)["Read also: Ministers to meet again in May"] == "related"


def test_hard_wrapped_paragraphs_are_joined_with_a_span_per_line() -> None:
    wrapped = ("The two delegations met in Geneva on Tuesday to discuss the\n"
               "exchange of detainees, officials said, and agreed to continue\n"
               "talks next month with the help of the mediators from the\n"
               "Red Cross.")
    doc = build(f"Title of the story here\n\n{wrapped}\n\n{P2}\n")
    assert doc.body.split("\n\n")[0] == wrapped.replace("\n", " ")
    assert len(doc.body_spans) == 5
    assert_spans_verbatim(doc)


def test_units_and_helpers() -> None:
    raw = "a line\nbroken here\n\nNext paragraph.\r\n\r\nLast"
    units = split_units(raw)
    assert [u.text for u in units] == ["a line broken here", "Next paragraph.", "Last"]
    assert is_sentence("He left.")
    assert not is_sentence("Accept.")
    assert not is_sentence("What comes next")
    assert is_sentence("He left the room.")
    assert script_of("Ереван, 5 апреля") == "Cyrillic"
    assert script_of("12345") is None


def test_clean_text_reports_reasons_for_every_removed_unit() -> None:
    cleaned = clean_text(f"Title of the story here\n\n4 March 2019\n\n{P1}\n\nAll rights reserved 2019\n")
    removed = [u for u in cleaned.units if u.kind != "body"]
    assert {u.kind for u in removed} == {"title", "dateline", "boilerplate"}
    assert all(u.reason for u in removed)


def test_a_short_item_is_not_outweighed_by_longer_related_summaries() -> None:
    summary = ("Farmers gathered outside the regional office to protest a rise in water tariffs, which they said "
               "would ruin the harvest season for hundreds of families in the valley. ") * 2
    text = (f"Talks to resume on Monday\n\n5 April 2019, 10:00\n\n{P3}\n\nAll news\n\nJune 1, 2023 12:00\n\n"
            f"• Farmers protest new water tariffs\n\n{summary}\n\nJune 1, 2023 11:00\n")
    doc = build(text)
    assert doc.body == P3
    assert doc.published == "2019-04-05T10:00"


def test_wrapped_paragraphs_without_blank_lines_between_them() -> None:
    text = ("Talks resume in Geneva\n\n"
            "The two delegations met in Geneva on Tuesday to discuss the\n"
            "exchange of detainees, officials said. Both sides called the\n"
            "talks constructive and agreed to meet again next month.\n"
            "Observers from the Red Cross attended the session, which\n"
            "lasted four hours.\n"
            "A second round is planned for next month, according to a\n"
            "statement published after the meeting.\n")
    doc = build(text)
    first, second = doc.body.split("\n\n")
    assert first.startswith("The two delegations") and first.endswith("lasted four hours.")
    assert second == "A second round is planned for next month, according to a statement published after the meeting."
    assert_spans_verbatim(doc)


def test_other_line_breaks() -> None:
    for sep in ("\r", "\u2028", "\r\n"):
        doc = build(sep.join(["Title of the story here", "", "4 March 2019", "", P1, "", P2, ""]))
        assert doc.body == f"{P1}\n\n{P2}", repr(sep)
        assert doc.published == "2019-03-04"


def test_sentences_about_the_law_are_not_legal_boilerplate() -> None:
    paragraphs = [
        "The ministry designated the broadcaster a foreign agent on Friday, a move its editors called absurd.",
        "The group (banned in Russia) claimed responsibility, and its activity is prohibited in the country.",
        "Parliament amended the copyright law to cover reproduction of photographs without permission.",
    ]
    doc = build("Title of the story here\n\n" + "\n\n".join(paragraphs) + "\n")
    assert doc.body == "\n\n".join(paragraphs)


def test_a_text_cut_off_mid_sentence_keeps_its_last_fragment() -> None:
    doc = build(f"Talks resume\n\n{P1}\n\n{P2}\n\nThe mediators are expected to retu\n")
    assert doc.body.endswith("The mediators are expected to retu")
    signed = build(f"Talks resume\n\n{P1}\n\n{P2}\n\nDaily.Az\n")
    assert "Daily.Az" not in signed.body
    credited = build(f"Talks resume\n\n{P1}\n\n{P2}\n\n(Reporting by Ann Example; Editing by Bo Sample)\n")
    assert kinds(credited)["(Reporting by Ann Example; Editing by Bo Sample)"] == "credit"


def test_widgets_notices_and_prompts_are_not_the_title_or_body() -> None:
    doc = build("Please enable JavaScript to view this page\n\n+ ↺ − 18 px\n\nEng Рус Укр\n\n"
                f"Become a Sample Media member\n\nTalks on detainees resume in Geneva\n\n4 March 2019\n\n{P1}\n\n"
                "120% Font Size\n\nEnable Read mode\n\n"
                f"{P2}\n\nAI summarized text\n\nHow informative is this news?\n\nFollow us on Google News\n")
    assert doc.title == "Talks on detainees resume in Geneva"
    assert doc.body == f"{P1}\n\n{P2}"
    removed = kinds(doc)
    assert removed["Please enable JavaScript to view this page"] == "notice"
    assert {removed[w] for w in ("+ ↺ − 18 px", "Eng Рус Укр", "120% Font Size", "Enable Read mode",
                                  "AI summarized text", "How informative is this news?")} == {"widget"}


def test_site_names_are_taken_off_the_title_and_kept_as_the_outlet() -> None:
    for title in ("Talks on detainees resume | Reuters", "Talks on detainees resume - ABC News",
                  "Talks on detainees resume — TASS", "Reuters | Talks on detainees resume"):
        doc = build(f"{title}\n\n4 March 2019\n\n{P1}\n\n{P2}\n")
        assert doc.title == "Talks on detainees resume", title
        assert doc.outlet in ("Reuters", "ABC News", "TASS")
        assert title not in doc.body
    spoken = build(f"Ceasefire must hold - Example Minister\n\n{P1}\n\n{P2}\n")
    assert spoken.title == "Ceasefire must hold - Example Minister"


def test_markdown_digest_headings_dates_and_link_lists() -> None:
    doc = build(f"### [2019-03-04](/digest/2019/03/04/index.md)\n\n# Talks on detainees resume in Geneva.\n\n{P1}\n\n"
                "### Source:\n\n1. [Example Wire](http://example.org/a)\n\n### Related:\n\n"
                "1. [Another item about something else entirely. ](/digest/2019/03/01/x.md) _Context: Talks_\n")
    assert doc.title == "Talks on detainees resume in Geneva."
    assert doc.published == "2019-03-04"
    assert doc.body == P1
    assert set(kinds(doc).values()) >= {"related", "dateline", "title"}


def test_a_paragraph_cut_off_after_its_first_sentence_is_prose() -> None:
    fragment = "The talks ended late on Tuesday after two rounds of mediation. The chief mediator said"
    doc = build(f"Talks on detainees resume\n\n{fragment}\n\nRelated:\n\nOther headline here\n")
    assert doc.body == fragment


def test_a_title_that_dates_its_page() -> None:
    issued = build(f"Example Mission Daily Report 12/2019 issued on 4 March 2019\n\n{P1}\n\n{P2}\n")
    assert (issued.published, issued.published_source) == ("2019-03-04", "title")
    bulletin = build(f"Bulletin of the example centre (March 4, 2019)\n\n{P1}\n\n{P2}\n")
    assert bulletin.published == "2019-03-04"
    about = build(f"What the accord of 4 March 2019 says\n\n{P1}\n\n{P2}\n")
    assert about.published is None


def test_an_original_publication_note_dates_the_copy_as_inferred() -> None:
    doc = build(f"Talks resume\n\n{P1}\n\n{P2}\n\nOriginally published at Example Review on March 4, 2019.\n\n"
                "Read the full article\n")
    assert (doc.published, doc.published_source) == ("2019-03-04", "inferred")
    assert doc.body == f"{P1}\n\n{P2}"


def test_a_wire_dateline_closed_by_a_dash_without_space() -> None:
    doc = build(f"Talks resume\n\nAddis Ababa, March 4, 2019 (ENA)—{P1}\n\n{P2}\n")
    assert (doc.published, doc.wire) == ("2019-03-04", "ENA")
    assert doc.body.startswith("The two delegations")


def test_file_photo_captions_embedded_posts_and_item_timestamps() -> None:
    caption = "In this file photo taken on March 1, 2019 delegates arrive at the venue."
    credited = "Delegates arrive at the venue in Geneva (Example Ministry via Example Wire)"
    post = "Talks are continuing today. — Example Ministry (@ExampleMinistry) March 4, 2019"
    doc = build(f"Talks resume\n\n{P1}\n\n{caption}\n\n{credited}\n\n{P2}\n\n{post}\n\n{P3}\n\n"
                "Recent Stories\n\nOther headline here\n\n5 minutes ago\n\nAnother headline there\n\n2 hours ago\n")
    assert doc.body == f"{P1}\n\n{P2}\n\n{P3}"
    removed = kinds(doc)
    assert (removed[caption], removed[credited], removed[post]) == ("caption", "caption", "widget")
    assert removed["5 minutes ago"] == "related"


def test_datelines_after_an_aggregator_credit_and_a_place_in_capitals() -> None:
    doc = build(f"Talks resume\n\n(AGG- Example News Agency (KUNA)) GENEVA, March 4 (KUNA) -- {P1}\n\n{P2}\n")
    assert doc.wire == "KUNA" and doc.body.startswith("The two delegations")
    town = build(f"Talks resume\n\nGENEVA. – {P1}\n\n{P2}\n")
    assert town.body.startswith("The two delegations") and kinds(town)["GENEVA. –"] == "dateline"
    assert build(f"Talks resume\n\nNATO – {P1}\n\n{P2}\n").body.startswith("NATO")


def test_a_note_closing_a_paragraph_is_cut_off() -> None:
    doc = build(f"Talks resume\n\n{P1} (pickup previous)\n\n{P2} The mediators met again and …read more\n")
    assert doc.body == f"{P1}\n\n{P2} The mediators met again and"
    assert kinds(doc) == {"Talks resume": "title", "(pickup previous)": "notice", "…read more": "notice"}
    assert_spans_verbatim(doc)


def test_the_title_is_the_headline_not_a_quote_or_switcher_above_it() -> None:
    doc = build(f"Eng Рус Укр Support Us\n\n\"Peace is our only road forward, always!\"\n\n"
                f"Talks on detainees resume in Geneva\n\n4 March 2019\n\n{P1}\n\n{P2}\n")
    assert doc.title == "Talks on detainees resume in Geneva"
    glued = build(f"PoliticsTalks on detainees resume in Geneva\n\n4 March 2019\n\n{P1}\n\n{P2}\n")
    assert glued.title == "Talks on detainees resume in Geneva"


def test_a_year_less_dateline_takes_its_year_from_its_weekday_and_the_text() -> None:
    body = "The two delegations met in Geneva after the talks of March 2019 had failed, officials said."
    doc = build(f"Talks resume\n\nMonday, March 4\n\n{body}\n\n{P2}\n")
    assert (doc.published, doc.published_source) == ("2019-03-04", "inferred")
    unknown = build(f"Talks resume\n\nMonday, March 4\n\n{P1}\n\n{P2}\n")  # no year in the text: no guess
    assert unknown.published is None
    wrong_day = build(f"Talks resume\n\nFriday, March 4\n\n{body}\n\n{P2}\n")  # 2019 and 2020 do not fit
    assert wrong_day.published is None


def test_a_republished_story_keeps_its_original_date() -> None:
    wire = build(f"Talks resume\n\n12 May 2024\n\nGENEVA, March 4, 2019 (Reuters) - {P1}\n\n{P2}\n")
    assert (wire.published, wire.published_source) == ("2019-03-04", "dateline")
    note = "Originally published at Example Review on March 4, 2019."
    crawled = build(f"Talks resume\n\n{P1}\n\n{P2}\n\n{note}\n", published="2024-05-12")
    assert (crawled.published, crawled.published_source) == ("2019-03-04", "inferred")
    fresh = build(f"Talks resume\n\n{P1}\n\n{P2}\n", published="2024-05-12")
    assert (fresh.published, fresh.published_source) == ("2024-05-12", "hint")


def test_link_labels_metadata_labels_and_sign_offs() -> None:
    doc = build(f"Talks resume\n\n{P1}\n\nRead also\n\nMinisters to meet again in May\n\n{P2}\n\n"
                f"Region: Example Valley\n\n{P3} — Reuters\n")
    assert doc.body == f"{P1}\n\n{P2}\n\n{P3}"
    removed = kinds(doc)
    assert (removed["Ministers to meet again in May"], removed["Region: Example Valley"], removed["— Reuters"]) == \
        ("related", "boilerplate", "credit")
    assert doc.wire == "Reuters"
    assert_spans_verbatim(doc)


def test_one_sentence_above_page_furniture_is_the_headline() -> None:
    doc = build(f"The delegations resumed talks on detainees in Geneva.\n\n[ad_1]\n\n{P1}\n\n{P2}\n")
    assert doc.title == "The delegations resumed talks on detainees in Geneva."
    assert doc.body == f"{P1}\n\n{P2}"
    captioned = build(f"The delegations resumed talks on detainees.\n\nPhoto: Example Wire\n\n{P1}\n\n{P2}\n")
    assert captioned.title is None and captioned.body.startswith("The delegations resumed talks")


def test_a_label_opening_a_paragraph_is_cut_off() -> None:
    doc = build(f"Talks resume\n\n{P1}\n\nDetails: {P2}\n")
    assert doc.body == f"{P1}\n\n{P2}"
    assert kinds(doc)["Details:"] == "boilerplate"
    assert_spans_verbatim(doc)


def test_a_short_line_written_twice_inside_the_article_is_a_media_title() -> None:
    doc = build(f"Talks resume in Geneva today\n\nTalks resume in Geneva today\n\n{P1}\n\n"
                f"Crowds celebrate in the capital\n\nCrowds celebrate in the capital\n\n{P2}\n")
    assert doc.title == "Talks resume in Geneva today"
    assert doc.body == f"{P1}\n\n{P2}"
    assert kinds(doc)["Crowds celebrate in the capital"] == "caption"


def test_a_wire_dateline_naming_two_places_and_no_standfirst_without_a_headline() -> None:
    lead = "The two sides exchanged the remains of soldiers on Saturday."
    doc = build(f"{lead}\n\nGeneva / Vienna (dpa) – {P1}\n\n{P2}\n")
    assert doc.body == f"{lead}\n\n{P1}\n\n{P2}"
    assert doc.wire == "dpa"


def test_script_of_lines_with_typographic_marks() -> None:
    assert script_of("The talks “resumed” — on Monday.") == "Latin"
    assert script_of("Переговоры “возобновились” in Baku") == "Cyrillic"
    assert script_of("Ελλάδα και Γεωργία, in short") == "Greek"
    assert script_of("12 — 14 “…”") is None and script_of("") is None


def test_a_caption_written_twice_in_one_block_is_not_body() -> None:
    caption = "A convoy of aid trucks waits at the crossing near the border town, March 3, 2021."
    doc = build(f"Aid convoy crosses the line\n\n{caption}\n{caption}\n\n{P1}\n\n{P2}\n")
    assert doc.body == f"{P1}\n\n{P2}"
    assert kinds(doc)[caption] == "caption"
    longer = ("In this picture taken on May 2 the two foreign ministers walk to the hall. The ministers met for three "
              "hours, the host said.")
    again = "The ministers met for three hours, the host said. Photo agency"
    doc = build(f"Ministers meet\n\n{P1}\n\n{longer}\n{again}\n\n{P2}\n")
    assert doc.body == f"{P1}\n\n{P2}"


def test_an_advertisement_slot_does_not_end_the_article() -> None:
    doc = build(f"Talks resume\n\n{P1}\n\nAdvertisement\n\n{P2}\n\nStory continues below advertisement\n\n{P3}\n")
    assert doc.body == f"{P1}\n\n{P2}\n\n{P3}"


def test_headings_glued_to_their_paragraph_and_lone_dash_headings_are_subheadings() -> None:
    doc = build(f"Talks resume\n\n{P1}\n\n“A step toward peace”{P2}\n\n– What the mediators said\n\n{P3}\n")
    assert doc.body == f"{P1}\n\n{P2}\n\n{P3}"
    found = kinds(doc)
    assert found["“A step toward peace”"] == found["– What the mediators said"] == "subheading"


def test_hashtags_comment_prompts_error_notices_and_position_markers() -> None:
    lines = {"#ceasefire #talks #geneva": "boilerplate", "Leave a comment": "boilerplate",
             "Sorry, this video is not available in your region.": "notice",
             "Delegates (L) and observers (R) arrive for the session.": "caption",
             "Image source, Some Agency": "caption", "Related Coverage": "related"}
    doc = build(f"Talks resume\n\n{P1}\n\n" + "\n\n".join(list(lines)[2:]) + f"\n\n{P2}\n\n"
                + "\n\n".join(list(lines)[:2]) + "\n")
    assert doc.body == f"{P1}\n\n{P2}"
    found = kinds(doc)
    assert {line: found[line] for line in lines} == lines


def test_a_site_name_shaped_like_an_outlet_is_taken_off_the_title() -> None:
    for headline, site in (("Truce extended for two months - The Coastal Daily News", "The Coastal Daily News"),
                           ("Truce extended for two months | Kyiv Post", "Kyiv Post")):
        doc = build(f"{headline}\n\n{P1}\n\n{P2}\n")
        assert (doc.title, doc.outlet) == ("Truce extended for two months", site)
    assert build(f"Truce must hold - Foreign Minister\n\n{P1}\n").title == "Truce must hold - Foreign Minister"


def test_a_wrapped_paragraph_crossing_the_body_budget_is_cut_at_a_line_and_kept_as_overflow() -> None:
    line = "and the delegations met again in the hall to go over the same points"
    lines = [line] * (MAX_BODY_CHARS // len(line) + 100)  # a hundred lines beyond the budget
    text = "Title of the story here\n\n" + "\n".join(lines) + "\n"
    doc = build(text)
    assert MAX_BODY_CHARS - len(line) <= len(doc.body) <= MAX_BODY_CHARS
    assert_spans_verbatim(doc)
    (overflow,) = [block for block in doc.removed if block.kind == "overflow"]
    assert overflow.raw_end == len(text) - 1 and text[overflow.raw_start:overflow.raw_end] == overflow.text
    assert doc.body.split() + overflow.text.split() == " ".join(lines).split()


def test_publisher_notes_paywall_prompts_and_dated_photo_captions() -> None:
    lines = {"Editor's note: This article was updated on March 3 to correct a name.": "notice",
             "You have reached your limit of free articles this month.": "boilerplate",
             "Delegates arrive for the talks in Geneva, Switzerland, March 3, 2021.": "caption",
             "The delegations arrive at the venue on Tuesday. AFP": "caption",
             "Additional reporting by Jane Doe in Moscow": "credit"}
    closing = "Your email address will not be published."  # a comment form: the article ends above it
    doc = build(f"Talks resume\n\n{P1}\n\n" + "\n\n".join(lines) + f"\n\n{P2}\n\n{closing}\n\n{P3}\n")
    assert doc.body == f"{P1}\n\n{P2}"
    found = kinds(doc)
    assert {line: found[line] for line in lines} == lines and found[closing] == "boilerplate"
    signed = "The agreement was signed in Geneva on March 3, 2021, the ministry said."
    assert build(f"Talks resume\n\n{P1}\n\n{signed}\n\n{P2}\n").body == f"{P1}\n\n{signed}\n\n{P2}"


def test_body_sentences_shaped_like_boilerplate_phrases_stay_in_the_body() -> None:
    """A rule written for a phrase must not drop a sentence that merely contains its words (issue 8)."""
    sentences = ["By Tuesday, the truce had collapsed.",
                 "Point (c) of the statement requires the return of all prisoners.",
                 "(c) The parties shall exchange prisoners of war and other detainees.",
                 "Thousands follow Aliyev on Twitter, where he posted the news first.",
                 "Reporting by local media could not be verified."]
    doc = build(f"Talks resume\n\n{P1}\n\n" + "\n\n".join(sentences) + f"\n\n{P2}\n")
    assert doc.body == "\n\n".join([P1, *sentences, P2])
    russian = ("Документ был подписан на саммите в Москве.",
               "Стороны договорились о прекращении огня и обмене пленными, сообщили в ведомстве во вторник.")
    doc = build("Стороны подписали соглашение\n\n" + "\n\n".join(russian) + "\n")
    assert doc.body == "\n\n".join(russian)
    removed = kinds(build(f"Talks resume\n\n{P1}\n\nBy Jean de la Croix\n\n(c) 2021 Example Media\n\n"
                          "Reporting by Ann Example in Moscow.\n\nFollow us on Telegram\n\n"
                          f"Подпишитесь на наш канал\n\n{P2}\n"))
    assert removed["By Jean de la Croix"] == "byline" and removed["(c) 2021 Example Media"] == "boilerplate"
    assert removed["Reporting by Ann Example in Moscow."] == "credit"
    assert removed["Follow us on Telegram"] == removed["Подпишитесь на наш канал"] == "boilerplate"


def test_an_excerpt_cut_off_after_a_comma_a_capital_or_a_digit_keeps_its_fragment() -> None:
    for fragment in ("The mediators said the next round would be,",
                     "The mediators said the next round would be hosted by the OSCE",
                     "Observers said the number of displaced people had reached 145,000"):
        assert build(f"Talks resume\n\n{P1}\n\n{P2}\n\n{fragment}\n").body.endswith(fragment)
    headline = "Border Guards Swap Posts At Checkpoint 12"  # another item's headline in title case
    assert headline not in build(f"Talks resume\n\n{P1}\n\n{P2}\n\n{headline}\n").body


def test_a_title_cut_by_pipes_is_its_one_headline_sized_part() -> None:
    for line, outlet in (("Truce extended for two months | World | Reuters", "Reuters"),
                         ("WORLD NEWS | Truce extended for two months", None),
                         ("Truce extended for two months | Europe | DW | 10.11.2020", "DW"),
                         ("Truce extended for two months - Radio Free Europe / Radio Liberty", "RFE/RL")):
        doc = build(f"{line}\n\n{P1}\n\n{P2}\n")
        assert (doc.title, doc.outlet) == ("Truce extended for two months", outlet), line
    two = "Truce extended by two months | talks on prisoners resume"  # two headline-sized parts: kept whole
    assert build(f"{two} on Friday\n\n{P1}\n").title == f"{two} on Friday"


def test_an_authors_note_closing_the_article_is_not_body() -> None:
    note = "Jane Example is a freelance journalist based in Yerevan."
    doc = build(f"Talks resume\n\n{P1}\n\n{P2}\n\n{note}\n")
    assert doc.body == f"{P1}\n\n{P2}" and kinds(doc)[note] == "byline"
    reported = "The Monitor's Jane Example reported from Baku."
    assert build(f"Talks resume\n\n{P1}\n\n{P2}\n\n{reported}\n").body == f"{P1}\n\n{P2}"
    speaker = "Ann Sample is a senior fellow at the Example Institute."  # introduces a speaker inside the article
    assert build(f"Talks resume\n\n{P1}\n\n{speaker}\n\n{P2}\n").body == f"{P1}\n\n{speaker}\n\n{P2}"
    prose = "The spokesman is a former journalist, the ministry said."  # no name opening it
    assert build(f"Talks resume\n\n{P1}\n\n{prose}\n").body == f"{P1}\n\n{prose}"


def test_prompts_notes_and_captions_written_as_sentences_are_not_body() -> None:
    lines = {"Delegates arrive at the venue on Tuesday. Press service of the ministry/TASS": "caption",
             "READ: Truce extended by two months in Geneva.": "related",
             "Also read - Truce extended by two months in Geneva.": "related",
             "You can read the full text of the agreement here.": "related",
             "Our work is funded by readers like you. Please consider donating.": "boilerplate",
             "The Associated Press contributed to this report.": "notice"}
    edges = {"The views expressed in this article are the author's own.": "disclaimer",  # the article ends here
             "By using this site, you agree to our Terms of Use and Privacy Policy.": "boilerplate"}
    doc = build(f"Talks resume\n\n{P1}\n\n" + "\n\n".join(lines) + f"\n\n{P2}\n\n" + "\n\n".join(edges) + "\n")
    assert doc.body == f"{P1}\n\n{P2}"
    found = kinds(doc)
    assert {line: found[line] for line in lines | edges} == lines | edges


def test_a_question_heading_glued_between_two_sentences_is_a_subheading() -> None:
    glued = ("The talks ended on Tuesday. What happened next? The delegations left Geneva without a statement. "
             "Why? Because neither side would sign first.")
    doc = build(f"Talks resume\n\n{P1}\n\n{glued}\n\n{P2}\n")
    assert "What happened next?" not in doc.body and kinds(doc)["What happened next?"] == "subheading"
    assert "The talks ended on Tuesday." in doc.body and "Why? Because neither side would sign first." in doc.body
    assert "The delegations left Geneva without a statement." in doc.body
    assert_spans_verbatim(doc)
    reads_on = "What the mediators proposed? nobody would say, officials added later that day."
    assert reads_on in build(f"Talks resume\n\n{P1}\n\n{reads_on}\n").body
    russian = ("Переговоры закончились во вторник. Что произошло дальше? Делегации уехали из Женевы без заявления, "
               "сообщили в министерстве.")
    doc = build(f"Переговоры возобновились\n\n{russian}\n")
    assert kinds(doc)["Что произошло дальше?"] == "subheading" and "Делегации уехали" in doc.body


def test_a_place_label_opening_the_first_paragraph_is_cut_off_like_a_dateline() -> None:
    doc = build(f"Truce extended\n\nSudan: {P1}\n\n{P2}\n")
    assert doc.body == f"{P1}\n\n{P2}" and kinds(doc)["Sudan:"] == "dateline"
    later = build(f"Truce extended\n\n{P1}\n\nDetails: {P2}\n")  # a label further down: the first paragraph stays
    assert later.body == f"{P1}\n\n{P2}"
    quoted = "Pashinyan: “We are ready to sign the treaty this year,” the prime minister told reporters."
    assert build(f"Truce extended\n\n{quoted}\n\n{P2}\n").body.startswith(quoted)


def test_long_runs_of_labels_or_menu_items_without_a_sentence_are_not_prose() -> None:
    tags = " ".join(["Armenia Azerbaijan Russia Nagorno-Karabakh Peacekeepers Lachin Corridor"] * 4)
    menu = " | ".join(["World", "Europe", "Middle East", "Opinion", "Video", "Sport", "Business", "Culture"] * 6)
    doc = build(f"Talks resume\n\n{P1}\n\n{tags}\n\n{P2}\n\n{menu}\n")
    assert doc.body == f"{P1}\n\n{P2}"
    cut = ("and the mediators said the next round of the talks would take place in the Swiss city once both of the "
           "delegations had consulted their capitals about the draft that")  # an excerpt's long last fragment
    assert build(f"Talks resume\n\n{P1}\n\n{cut}\n").body.endswith(cut)


def test_headings_glued_into_a_long_paragraph_are_all_split() -> None:
    # its cost is in the budget of fuzz/run.py --budget (tests/test_fuzz_budget.py): a search of the rest of the
    # text per heading took 16 s over 5,000 of them
    paragraph = "The delegations met again in the hall. What did they say next? The same points. " * 200
    doc = build(f"Talks resume\n\n{paragraph}\n")
    assert doc.body.count("The same points.") == 200
    assert doc.body.startswith("The delegations met again in the hall.\n\nThe same points.")
    assert "What did they say next?" not in doc.body


def test_a_list_closing_the_article_is_body_and_other_headlines_after_it_are_not() -> None:
    items = ["The statement provides for:", "- a complete ceasefire;", "- the exchange of prisoners;",
             "- the return of refugees"]
    doc = build(f"Talks resume\n\n{P1}\n\n" + "\n\n".join(items) + "\n\nRelated\n\n• Armenia holds snap election\n")
    assert doc.body == "\n\n".join([P1, *items])
    headlines = ["Also in the news:", "• Armenia holds snap election in June", "• Azerbaijan opens a new road"]
    assert build(f"Talks resume\n\n{P1}\n\n" + "\n\n".join(headlines) + "\n").body == P1


def test_a_line_of_a_publication_and_an_update_date_gives_the_publication() -> None:
    for line in ("Published 4 March 2019 Updated 6 March 2019", "Updated: 6 March 2019, Published: 4 March 2019"):
        doc = build(f"Talks resume\n\n{line}\n\n{P1}\n\n{P2}\n")
        assert (doc.published, doc.published_source, doc.body) == ("2019-03-04", "dateline", f"{P1}\n\n{P2}"), line
    sentence = "The report was published on 4 March 2019 and corrected on 6 March 2019 after complaints."
    assert build(f"Talks resume\n\n{P1}\n\n{sentence}\n\n{P2}\n").body == f"{P1}\n\n{sentence}\n\n{P2}"


def test_a_page_without_one_punctuated_sentence_keeps_its_long_lines_as_the_body() -> None:
    lines = ["Shelling resumed near the village overnight", "The ministry said two soldiers were wounded",
             "Talks will continue in Geneva next week"]
    doc = build("\n".join(lines) + "\n")
    assert doc.title == lines[0] and doc.body == "\n\n".join(lines[1:])
    assert_spans_verbatim(doc)
    assert not build("Shelling resumed near the village overnight\nHome\n").body  # one long line: no article
    assert build(f"{lines[0]}\n{lines[1]}\n{P3}\n").body == P3  # a page with prose keeps only its prose
