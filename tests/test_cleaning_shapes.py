"""A generalisation check for the cleaner: the date, dateline, byline, title and boilerplate SHAPES common in
English and Russian news, on short invented texts (none taken from real-dev or any article).

Each row is one shape: the page is a title, the shape, and invented body paragraphs; the row passes when the
shape is read (a date, an outlet taken off the title, a line removed) and every body sentence is kept.
"""

from __future__ import annotations

import pytest

from trucewatch.documents import build_document
from trucewatch.records import Document, SourceItem

TITLE = "Ceasefire talks resume in Geneva after a month"
P1 = ("The two delegations met in Geneva on Tuesday to discuss the exchange of detainees, officials said. "
      "Both sides called the talks constructive.")
P2 = ("A second round is planned for next month, according to a statement published after the meeting. "
      "Observers from the Red Cross attended the session.")
P3 = "The mediators declined to give details of the proposals on the table."
RU_TITLE = "Переговоры о перемирии возобновились в Женеве"
R1 = ("Делегации двух стран встретились в Женеве во вторник, чтобы обсудить обмен задержанными. "
      "Обе стороны назвали переговоры конструктивными.")
R2 = "Второй раунд запланирован на следующий месяц, говорится в заявлении, опубликованном после встречи."
R3 = "Посредники отказались раскрыть подробности предложений."


def build(text: str, **hints: str) -> Document:
    return build_document(SourceItem(key="k", source_path="x.txt", locator="", content_type="text",
                                     raw_text=text, hints=hints))


def removed_texts(doc: Document) -> list[str]:
    return [block.text for block in doc.removed]


# ---------------------------------------------------------------- date lines under the title

# (line, publication day or None when the line gives no explicit publication date)
DATE_LINES = [
    ("Published: 12 March 2023, 14:05 GMT", "2023-03-12"),
    ("March 12, 2023 | 2:05 PM EST", "2023-03-12"),
    ("Sun 12 Mar 2023 14.05 GMT", "2023-03-12"),
    ("12 Mar 2023 — 14:05", "2023-03-12"),
    ("Posted: Mar 12, 2023 / 02:05 PM", "2023-03-12"),
    ("Published March 12, 2023 2:05 pm ET", "2023-03-12"),
    ("Mar 12, 2023, 2:05 PM ET", "2023-03-12"),
    ("Sunday, March 12, 2023 - 14:05", "2023-03-12"),
    ("2023-03-12T14:05:00Z", "2023-03-12"),
    ("12.03.2023 14:05", "2023-03-12"),
    ("First published on Sunday 12 March 2023", "2023-03-12"),
    ("Published on Sun 12 Mar 2023 09.30 GMT", "2023-03-12"),
    ("Date: 12/03/2023", "2023-03-12"),
    ("12 March 2023 | 3 min read", "2023-03-12"),
    ("Published 12:05 PM GMT+3, March 12, 2023", "2023-03-12"),
    ("Published March 12, 2023 Updated March 13, 2023", "2023-03-12"),
    ("Updated: 13 March 2023 10:12 Published: 12 March 2023 09:00", "2023-03-12"),
    ("Published 12 March 2023 · 5 min read", "2023-03-12"),
    ("Published 3 hours ago", None),
    ("Updated 2 hours ago", None),
    ("12 hours ago", None),
    ("Published 2 days ago | 4 min read", None),
    # Russian
    ("12 марта 2023, 14:05", "2023-03-12"),
    ("Опубликовано: 12.03.2023 14:05", "2023-03-12"),
    ("Опубликовано 12 марта 2023 в 14:05", "2023-03-12"),
    ("12 марта 2023 г., 14:05", "2023-03-12"),
    ("14:05, 12 марта 2023", "2023-03-12"),
    ("12.03.2023 | 14:05", "2023-03-12"),
    ("воскресенье, 12 марта 2023", "2023-03-12"),
    ("Дата публикации: 12.03.2023", "2023-03-12"),
    ("12 марта 2023, 14:05 МСК", "2023-03-12"),
    ("Вчера, 14:05", None),
    ("Сегодня, 14:05", None),
    ("5 часов назад", None),
    # second batch, written after the first was fixed (scored before any rule for it)
    ("12 March 2023 | 14:05 | Geneva", "2023-03-12"),
    ("March 12th, 2023", "2023-03-12"),
    ("12th March 2023", "2023-03-12"),
    ("Published on: 12/03/2023 at 14:05", "2023-03-12"),
    ("Posted on March 12, 2023 by Jane Doe", "2023-03-12"),
    ("Mar. 12, 2023 2:05 p.m. ET", "2023-03-12"),
    ("2023/03/12 14:05", "2023-03-12"),
    ("12 Mar, 2023 14:05 IST", "2023-03-12"),
    ("Published: 10:12 AM, Mar 12, 2023", "2023-03-12"),
    ("Published - Mar 12, 2023 02:05 pm IST", "2023-03-12"),
    ("Updated 10:12 GMT, 13 March 2023 · Published 09:00 GMT, 12 March 2023", "2023-03-12"),
    ("Published: 12 March", None),
    ("Sunday, March 12", None),
    ("1 hour ago", None),
    ("a day ago", None),
    ("Just now", None),
    ("Опубликовано: 12 марта 2023 г. 14:05", "2023-03-12"),
    ("12.03.2023 в 14:05", "2023-03-12"),
    ("Воскресенье, 12 марта 2023, 14:05", "2023-03-12"),
    ("12 мар 2023, 14:05", "2023-03-12"),
    ("Обновлено 13 марта 2023, 10:12 | Опубликовано 12 марта 2023, 09:00", "2023-03-12"),
    ("3 минуты назад", None),
    ("12 марта, 14:05", None),
    # third batch (scored before any rule for it)
    ("March 12, 20232:05 PM GMT+0Updated 2 hours ago", "2023-03-12"),
    ("12 Mar 2023, 14:05 GMT+4", "2023-03-12"),
    ("14:05 | 12.03.2023", "2023-03-12"),
    ("12 March 2023 | 14:05 GMT | Last updated: 13 March 2023", "2023-03-12"),
    ("12/03/2023 - 14:05", "2023-03-12"),
    ("2023-03-12 14:05:00", "2023-03-12"),
    ("Published 12 March 2023, last updated 13 March 2023", "2023-03-12"),
    ("March 12, 2023 at 2:05 pm", "2023-03-12"),
    ("12.03.2023 14:05 • 1234 views", "2023-03-12"),
    ("Updated March 13, 2023 at 10:12 a.m. EDT | Published March 12, 2023 at 2:05 p.m. EDT", "2023-03-12"),
    ("2 days ago", None),
    ("Yesterday, 14:05", None),
    ("Today 14:05", None),
    ("12:05 12.03.2023 (обновлено: 14:30 13.03.2023)", "2023-03-12"),
    ("12 марта 2023 14:05 · Просмотров: 1234", "2023-03-12"),
    ("12.03.2023, 14:05 | Политика", "2023-03-12"),
    ("вс, 12 мар 2023, 14:05", "2023-03-12"),
    ("Опубликовано 12.03.2023 14:05 | Обновлено 13.03.2023 10:12", "2023-03-12"),
    # fifth batch: regional news sites (scored before any rule for it)
    ("12 March 2023 14:05 (UTC+04:00)", "2023-03-12"),
    ("12 March 2023 14:05 Views: 1234", "2023-03-12"),
    ("12.03.2023 | 14:05 | 👁 1234", "2023-03-12"),
    ("12 марта 2023 14:05 Просмотров: 1234", "2023-03-12"),
    ("Baku, March 12, 2023 14:05", "2023-03-12"),
    ("Sunday, 12 March 2023 14:05 GMT+4", "2023-03-12"),
    # sixth batch: shapes of news templates in general (scored before any rule for it)
    ("Published 2:05 PM EDT, Sun March 12, 2023", "2023-03-12"),
    ("Mar 12, 2023 at 2:05 pm ET | Updated 5 hours ago", "2023-03-12"),
    ("Date of publication: 12 March 2023", "2023-03-12"),
    ("Дата создания: 12.03.2023", "2023-03-12"),
    ("Опубликовано в 14:05 12.03.2023", "2023-03-12"),
    # seventh batch (scored after the sixth batch's rules, before its own)
    ("March 12, 2023 — Jane Doe", "2023-03-12"),
    ("12-Mar-2023", "2023-03-12"),
    # ninth batch (scored after the eighth batch's rules, before its own)
    ("Posted at 14:05h, 12 March 2023", "2023-03-12"),
    ("2.05pm 12 March 2023", "2023-03-12"),
    ("12.03.2023 г.", "2023-03-12"),
    ("12.03.2023г.", "2023-03-12"),
    # tenth batch
    ("Geneva, 12 March 2023 —", "2023-03-12"),
    ("March 12, 2023 – Jane Doe, Example News", "2023-03-12"),
]


@pytest.mark.parametrize(("line", "day"), DATE_LINES)
def test_date_line_shapes(line: str, day: str | None) -> None:
    russian = any("а" <= c <= "я" for c in line.lower())
    title, first, second = (RU_TITLE, R1, R2) if russian else (TITLE, P1, P2)
    doc = build(f"{title}\n\n{line}\n\n{first}\n\n{second}\n")
    assert doc.title == title
    assert doc.body == f"{first}\n\n{second}"
    assert (doc.published or "")[:10] == (day or ""), doc.published


# An update time alone: at most an inference, and never a day other than the one written.
UPDATE_ONLY = [
    ("Published 3 hours ago | Updated: 12 March 2023", "2023-03-12"),
    ("Last modified on Tue 4 Apr 2023 10.12 BST", "2023-04-04"),
    ("Last updated: 04/04/2023 10:12", "2023-04-04"),
    ("Обновлено: 04.04.2023, 10:12", "2023-04-04"),
    ("Last Updated: April 4, 2023, 10:12 IST", "2023-04-04"),
    ("Updated on 4 April 2023", "2023-04-04"),
]


@pytest.mark.parametrize(("line", "day"), UPDATE_ONLY)
def test_update_only_lines(line: str, day: str) -> None:
    russian = any("а" <= c <= "я" for c in line.lower())
    title, first, second = (RU_TITLE, R1, R2) if russian else (TITLE, P1, P2)
    doc = build(f"{title}\n\n{line}\n\n{first}\n\n{second}\n")
    assert doc.body == f"{first}\n\n{second}"
    assert doc.published is None or (doc.published[:10] == day and doc.published_source == "inferred")


# ---------------------------------------------------------------- wire datelines opening the first paragraph

# (dateline, wire, publication day when the dateline gives a year)
DATELINES = [
    ("MOSCOW, March 12 (Reuters) - ", "Reuters", None),
    ("KYIV, Ukraine (AP) — ", "Associated Press", None),
    ("GENEVA, March 12, 2023 (AFP) - ", "AFP", "2023-03-12"),
    ("LONDON (Reuters) - ", "Reuters", None),
    ("BAKU, Azerbaijan, March 12 (AP) — ", "Associated Press", None),
    ("UNITED NATIONS (AP) — ", "Associated Press", None),
    ("ANKARA, March 12 (Xinhua) -- ", "Xinhua", None),
    ("WASHINGTON — ", None, None),
    ("GENEVA, Switzerland — ", None, None),
    ("Geneva, 12 March 2023 — ", None, "2023-03-12"),
    ("KYIV, March 12 /Ukrinform/. ", "Ukrinform", None),
    ("МОСКВА, 12 марта. /ТАСС/. ", "TASS", None),
    ("МОСКВА, 12 мар — РИА Новости. ", "RIA Novosti", None),
    ("ЖЕНЕВА, 12 марта 2023 — ", None, "2023-03-12"),
    ("BEIRUT, March 12 (Reuters) — ", "Reuters", None),
    ("TEL AVIV, Israel, March 12 (AP) — ", "Associated Press", None),
    ("BAKU, March 12. /TASS/. ", "TASS", None),
    ("YEREVAN, MARCH 12, ARMENPRESS. ", "Armenpress", None),
    ("Geneva (AFP) - ", "AFP", None),
    ("GAZA CITY (AP) — ", "Associated Press", None),
    ("NEW YORK, March 12 (Reuters) - ", "Reuters", None),
    ("KYIV, March 12 (UNIAN) - ", "UNIAN", None),
    ("ЕРЕВАН, 12 марта — Sputnik. ", "Sputnik", None),
    ("МОСКВА, 12 марта 2023, 14:05 — РИА Новости. ", "RIA Novosti", "2023-03-12"),
    ("Baku, Azerbaijan, March 12. Trend: ", "Trend", None),
    ("BAKU, Azerbaijan, March 12. ", None, None),
    ("Yerevan, March 12. ARMENPRESS. ", "Armenpress", None),
    ("Baku, March 12, AZERTAC. ", "AZERTAC", None),
    ("Tbilisi, March 12 (AFP) - ", "AFP", None),
    ("Ankara, 12 March 2023 (AA) - ", "Anadolu Agency", "2023-03-12"),
    # tenth batch: a date or an aggregator's credit without a place
    ("Sunday, 12 March 2023_", None, "2023-03-12"),
    ("12 March 2023, 14:05 — ", None, "2023-03-12"),
    ("March 12, 2023 — ", None, "2023-03-12"),
    ("12.03.2023 - ", None, "2023-03-12"),
    ("GENEVA (12 March 2023) – ", None, "2023-03-12"),
    ("(MENAFN- Example Wire) ", None, None),
    ("Tbilisi, March 12, 2023 (Example.ge) - ", None, "2023-03-12"),
    ("NEW DELHI (March 12, 2023): ", None, "2023-03-12"),
    ("Moscow, 12 March 2023. ", None, "2023-03-12"),
    ("BAKU/Azerbaijan, March 12, 2023. ", None, "2023-03-12"),
]


@pytest.mark.parametrize(("dateline", "wire", "day"), DATELINES)
def test_wire_dateline_shapes(dateline: str, wire: str | None, day: str | None) -> None:
    russian = any("а" <= c <= "я" for c in dateline.lower())
    title, first, second = (RU_TITLE, R1, R2) if russian else (TITLE, P1, P2)
    doc = build(f"{title}\n\n{dateline}{first}\n\n{second}\n")
    assert doc.body == f"{first}\n\n{second}"
    assert doc.wire == wire
    assert (doc.published or "")[:10] == (day or "")


# ---------------------------------------------------------------- bylines

# (byline, publication day it gives)
BYLINES = [
    ("By Staff Reporter | 14/03/2023", "2023-03-14"),
    ("By Jane Doe and John Roe", None),
    ("By JANE DOE", None),
    ("By Jane Doe, Associated Press", None),
    ("By Jane Doe | Reuters", None),
    ("By Jane Doe • Published March 12, 2023", "2023-03-12"),
    ("Written by Jane Doe on March 12, 2023", "2023-03-12"),
    ("Jane Doe, Senior Correspondent", None),
    ("By Jane Doe, BBC News, Geneva", None),
    ("Jane Doe | March 12, 2023", "2023-03-12"),
    ("Автор: Иван Петров", None),
    ("Иван Петров, 12 марта 2023", "2023-03-12"),
    ("By Jane Doe, Staff Writer", None),
    ("By Jane Doe in Geneva", None),
    ("Story by Jane Doe • 2 min read", None),
    ("BY JANE DOE AND JOHN ROE", None),
    ("Reporter: Jane Doe", None),
    ("By Jane Doe, CNN", None),
    ("By Jane Doe | Published March 12, 2023 | Updated March 13, 2023", "2023-03-12"),
    ("Jane Doe\n12 March 2023", "2023-03-12"),
    ("Текст: Иван Петров", None),
    ("Автор — Иван Петров", None),
]


@pytest.mark.parametrize(("line", "day"), BYLINES)
def test_byline_shapes(line: str, day: str | None) -> None:
    russian = any("а" <= c <= "я" for c in line.lower())
    title, first, second = (RU_TITLE, R1, R2) if russian else (TITLE, P1, P2)
    doc = build(f"{title}\n\n{line}\n\n{first}\n\n{second}\n")
    assert doc.title == title
    assert doc.body == f"{first}\n\n{second}"
    assert (doc.published or "")[:10] == (day or "")


# ---------------------------------------------------------------- a site name written with the title

HEAD = "Ceasefire talks resume in Geneva"
RU_HEAD = "Переговоры о перемирии возобновились в Женеве"
TITLES = [
    (f"{HEAD} - Reuters", HEAD),
    (f"Reuters | {HEAD}", HEAD),
    (f"{HEAD} :: The Example Times", HEAD),
    (f"{HEAD} — World — The Example Post", HEAD),
    (f"{HEAD} | World news | The Guardian", HEAD),
    (f"{HEAD} - BBC News", HEAD),
    (f"{HEAD} – Al Jazeera", HEAD),
    (f"{HEAD} | Europe | DW | 12.03.2023", HEAD),
    (f"{HEAD} - The New York Times", HEAD),
    (f"{HEAD} | Reuters.com", HEAD),
    (f"{HEAD} — Meduza", HEAD),
    (f"{HEAD} - Kyiv Independent", HEAD),
    (f"{HEAD} | CNN Politics", HEAD),
    (f"{HEAD} - France 24", HEAD),
    (f"World News :: {HEAD}", HEAD),
    (f"{HEAD} | Example Daily News", HEAD),
    (f"{HEAD} - Blinken", f"{HEAD} - Blinken"),  # a speaker, not a site
    (f"{HEAD}: what we know", f"{HEAD}: what we know"),
    (f"{HEAD} — Blinken — Reuters", f"{HEAD} — Blinken"),  # a speaker stays, only sections go
    (f"Armenia: {HEAD}", f"Armenia: {HEAD}"),
    (f"{RU_HEAD} - РИА Новости, 12.03.2023", RU_HEAD),
    (f"{RU_HEAD} — Коммерсантъ", RU_HEAD),
    (f"{RU_HEAD} | Новости | ТАСС", RU_HEAD),
    (f"{RU_HEAD} - Интерфакс", RU_HEAD),
    (f"{HEAD} - News - Example Daily", HEAD),
    (f"{HEAD} | News24", HEAD),
    (f"{HEAD} – Euronews", HEAD),
    (f"{HEAD} | AP News", HEAD),
    (f"{HEAD} – The Moscow Times", HEAD),
    (f"{HEAD} - RFE/RL", HEAD),
    (f"{HEAD} | Politics | Example Post", HEAD),
    (f"Opinion | {HEAD}", HEAD),
    (f"{HEAD} – Example.com", HEAD),
    (f"{HEAD} | Example News Agency", HEAD),
    (f"{RU_HEAD} — Радио Свобода", RU_HEAD),
    (f"{RU_HEAD} - ТАСС", RU_HEAD),
    (f"{RU_HEAD} :: Новости :: Example.ru", RU_HEAD),
    (f"{HEAD} | Latest News | Example Times", HEAD),
    (f"{HEAD} - The Example Observer", HEAD),
    (f"{HEAD} | World | The Independent", HEAD),
    (f"{HEAD} / Example News", HEAD),
    (f"{HEAD} · Example News", HEAD),
    (f"{HEAD} » Example News", HEAD),
    (f"{RU_HEAD} — Новая газета", RU_HEAD),
    (f"{RU_HEAD} | Новости Example.ru", RU_HEAD),
    (f"{HEAD} - APA.AZ", HEAD),
    (f"{HEAD} | Armenpress", HEAD),
    (f"{HEAD} - Trend.Az", HEAD),
    (f"{HEAD} | JAMnews", HEAD),
    (f"{HEAD} - News.am", HEAD),
    (f"{HEAD} | Caliber.Az", HEAD),
    # sixth batch (scored before any rule for it)
    (f"{HEAD} : NPR", HEAD),
    (f"{HEAD} - Interfax-Ukraine", HEAD),
    (f"{HEAD} - WSJ", HEAD),
    (f"{HEAD} : The Example Times", HEAD),
    (f"{HEAD} - Live Updates - Example Post", HEAD),
    (f"{HEAD} « Example News", HEAD),
    (f"{HEAD} ~ Example News", HEAD),
    (f"{HEAD} - example.co.uk", HEAD),
    (f"{HEAD} - www.example.com", HEAD),
    (f"{RU_HEAD} - Фонтанка.Ру", RU_HEAD),
    (f"{RU_HEAD} — BBC News Русская служба", RU_HEAD),
    (f"{RU_HEAD} — Медуза", RU_HEAD),
    (f"{RU_HEAD} - Sputnik Армения", RU_HEAD),
    (f"{RU_HEAD} - Новости Армении", RU_HEAD),
    (f"{RU_HEAD} – RT на русском", RU_HEAD),
    (f"{RU_HEAD} — Новости Example", RU_HEAD),
    (f"{RU_HEAD} — Радио Азаттык", RU_HEAD),
    (f"{RU_HEAD} – Эхо Кавказа", RU_HEAD),
    (f"{RU_HEAD} — Новая газета Европа", RU_HEAD),
    (f"{RU_HEAD} — Московский комсомолец", RU_HEAD),
    (f"{RU_HEAD} - МК", RU_HEAD),
    (f"{RU_HEAD} — Регнум", RU_HEAD),
    (f"{RU_HEAD} - REGNUM", RU_HEAD),
    (f"{RU_HEAD} - EADaily", RU_HEAD),
    (f"{RU_HEAD} — Взгляд", RU_HEAD),
    (f"{RU_HEAD} — Аргументы и факты", RU_HEAD),
    (f"{RU_HEAD} - КП.РУ", RU_HEAD),
    # seventh batch (scored after the sixth batch's rules, before its own)
    (f"{HEAD} — Example Daily Star", HEAD),
    (f"{HEAD} - Example24", HEAD),
    (f"{HEAD} - The Example Times - Latest News", HEAD),
    (f"{HEAD} | Example Times of India", HEAD),
    (f"{HEAD} - Sputnik International", HEAD),
    (f"{RU_HEAD} — Газета.ру", RU_HEAD),
    (f"{RU_HEAD} — Коммерсант", RU_HEAD),
    (f"{RU_HEAD} – Новости Грузии", RU_HEAD),
    (f"{RU_HEAD} - Sputnik Грузия", RU_HEAD),
    (f"{RU_HEAD} — ИА Example", RU_HEAD),
    (f"{RU_HEAD} — Информационное агентство Example", RU_HEAD),
    (f"{RU_HEAD} - Первый канал", RU_HEAD),
    (f"{RU_HEAD} — Телеканал Example", RU_HEAD),
    (f"{RU_HEAD} — Example.ру", RU_HEAD),
    (f"{RU_HEAD} - Новости Mail.ru", RU_HEAD),
    (f"{RU_HEAD} — Эхо Москвы", RU_HEAD),
    (f"{RU_HEAD} - ИА Регнум", RU_HEAD),
    (f"{RU_HEAD} — Новости Example", RU_HEAD),
    # ninth batch (scored after the eighth batch's rules, before its own)
    (f"Example Times - {HEAD}", HEAD),
    (f"{RU_HEAD} — Example.ru — Новости", RU_HEAD),
    # tenth batch: the page's kind before the headline
    (f"Press release: {HEAD}", HEAD),
    (f"News story: {HEAD}", HEAD),
    (f"Пресс-релиз: {RU_HEAD}", RU_HEAD),
]


@pytest.mark.parametrize(("line", "title"), TITLES)
def test_title_shapes(line: str, title: str) -> None:
    russian = any("а" <= c <= "я" for c in line.lower())
    first, second = (R1, R2) if russian else (P1, P2)
    doc = build(f"{line}\n\n{first}\n\n{second}\n")
    assert doc.title == title
    assert doc.body == f"{first}\n\n{second}"


# ---------------------------------------------------------------- boilerplate between and after paragraphs

BOILERPLATE = [
    "Photo: Jane Doe/Reuters",
    "Photo: AFP",
    "Image caption, Delegates arrived in Geneva on Tuesday",
    "Image caption",
    "Image source, Getty Images",
    "Getty Images",
    "Jane Doe/Getty Images",
    "Delegates arrive for the talks in Geneva. (Photo by Jane Doe/Getty Images)",
    "Advertisement",
    "ADVERTISEMENT",
    "Skip advertisement",
    "Story continues below advertisement",
    "Continue reading the main story",
    "Share this article",
    "Share",
    "Read more: Ceasefire talks collapse after shelling",
    "READ MORE: Ceasefire talks collapse after shelling",
    "Sign up for our newsletter",
    "Sign up for our daily newsletter to get the latest news delivered to your inbox.",
    "Follow us on Twitter and Facebook",
    "Follow us on Telegram",
    "You may also like",
    "Watch: Delegates arrive in Geneva",
    "WATCH: Delegates arrive in Geneva",
    "Subscribe to continue reading",
    "Subscribe now for unlimited access.",
    "Recommended",
    "Related Articles",
    "Listen to this article",
    "© 2023 Reuters",
    "Reporting by Jane Doe; Editing by John Roe",
    "(Reporting by Jane Doe in Geneva; Editing by John Roe)",
    "Additional reporting by Jane Doe",
    "Download our app",
    "Фото: Иван Петров / ТАСС",
    "Реклама",
    "Читайте также: Переговоры сорваны после обстрела",
    "Подписывайтесь на наш канал в Telegram",
    "Поделиться",
    "Смотрите также",
    "Видео: Делегации прибыли в Женеву",
    "Источник: РИА Новости",
    "Фото: Getty Images",
    "Теги: Женева, переговоры",
    "Photograph: Jane Doe/Reuters",
    "Photo by Jane Doe/AFP via Getty Images",
    "(Photo: AP)",
    "File photo",
    "FILE PHOTO: Delegates arrive for talks in Geneva, March 12, 2023. REUTERS/Jane Doe",
    "Jane Doe/AP",
    "REUTERS/Jane Doe",
    "Picture: Jane Doe",
    "Credit: Jane Doe",
    "Media caption, The talks resumed on Tuesday",
    "ADVERTISEMENT - CONTINUE READING BELOW",
    "Sponsored content",
    "Share on Facebook Share on Twitter",
    "Share via Email",
    "Read more",
    "Also read: Ceasefire talks collapse after shelling",
    "ALSO READ | Ceasefire talks collapse after shelling",
    "Related: Ceasefire talks collapse after shelling",
    "See also: Ceasefire talks collapse after shelling",
    "Get our free newsletter",
    "Sign up for the daily briefing",
    "Subscribe to our YouTube channel",
    "Follow Example News on Google News",
    "Join our WhatsApp channel for the latest updates",
    "Like us on Facebook",
    "More on this story",
    "You might also like:",
    "Watch the video",
    "Loading...",
    "Listen to this story",
    "Print article",
    "Copy link",
    "Tags: Geneva, ceasefire",
    "Topics: Geneva ceasefire",
    "Comments (12)",
    "Report an error",
    "(Editing by John Roe)",
    "Writing by Jane Doe; Editing by John Roe",
    "Compiled by Jane Doe",
    "The Associated Press contributed to this report.",
    "Correction: An earlier version of this article misstated the date.",
    "Editor's note: This story was updated with comments from the ministry.",
    "Фото: пресс-служба МИД",
    "Фото: AP",
    "Читайте также",
    "Читайте нас в Telegram",
    "Подпишитесь на нашу рассылку",
    "Материалы по теме",
    "Новости по теме",
    "Поделиться в соцсетях",
    "Комментарии (3)",
    "Версия для печати",
    "Хотите получать новости первыми? Подписывайтесь на наш Telegram",
]


# Page furniture that marks the edge of an article (banners, footers, paywalls, navigation): text after it is
# something else, so it is placed above the title or after the article, never inside it.
EDGE = [
    "This article is for subscribers only.",
    "To continue reading, please log in or subscribe.",
    "Already a subscriber? Log in",
    "We use cookies to improve your experience on our site.",
    "This website uses cookies to ensure you get the best experience.",
    "By clicking “Accept”, you agree to the storing of cookies on your device.",
    "Accept all cookies",
    "We and our partners use cookies and similar technologies.",
    "Cookie settings",
    "Copyright 2023 The Associated Press. All rights reserved.",
    "Most read",
    "Мы используем файлы cookie",
    "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter",
    "Все новости",
    "Leave a comment",
    "We value your privacy",
    "Manage consent",
    "Your privacy choices",
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "Subscribe to read the full article",
    "You have 3 free articles left this month.",
    "Please disable your ad blocker",
    "© 2023 Example Media. All rights reserved.",
    "Terms of Use | Privacy Policy | Contact Us",
    "Наш сайт использует файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
    "Все права защищены.",
    "Back to top",
    "Мнение редакции может не совпадать с мнением автора.",
    "При использовании материалов ссылка на сайт обязательна.",
    "Самое читаемое",
    "Последние новости",
    "Свидетельство о регистрации СМИ Эл № ФС 77-12345",
    "Views: 1234",
    "Просмотров: 1234",
    "Follow us on Telegram: @example_news",
    "Subscribe to our Telegram channel to stay up to date with the latest news.",
    "Our Telegram channel: t.me/example",
    "Наш Telegram-канал: t.me/example",
    "To use materials, a hyperlink to the source is required.",
    "Any use of materials is allowed only with a hyperlink to the website.",
]


# sixth and seventh batches (each scored before its rules): (line, where), each row one that failed. Page-edge lines
# (comment prompts, footers, copyright) are placed before or after the article, other lines also between paragraphs;
# an author's note that says what the author covers is removed only when it closes the article.
LATER_BATCHES = [
    ("Tweet this", "after"),
    ("Email this article", "after"),
    ("Send by email", "after"),
    ("Enter your email address", "after"),
    ("Get the best of Example News in your inbox", "after"),
    ("Read the full story", "after"),
    ("Read full article", "after"),
    ("Advertisement - Scroll to continue", "after"),
    ("Promoted", "after"),
    ("Content continues below", "after"),
    ("Illustrative image", "after"),
    ("Illustrative photo", "after"),
    ("Archive photo", "after"),
    ("Screenshot", "after"),
    ("Screengrab", "after"),
    ("Jane Doe writes about foreign policy for Example News.", "after"),
    ("About the author", "after"),
    ("Comment on this article", "after"),
    ("Have your say", "after"),
    ("Be the first to comment", "after"),
    ("Tags", "after"),
    ("Topics", "after"),
    ("More on this topic", "after"),
    ("Get the Example News app", "after"),
    ("Install our app", "after"),
    ("Available on the App Store", "after"),
    ("Get it on Google Play", "after"),
    ("Got a story? Contact us", "after"),
    ("Contact the author", "after"),
    ("Get breaking news alerts", "after"),
    ("Share this story on Facebook", "after"),
    ("Send", "after"),
    ("Listen", "after"),
    ("Listen to this article 3 min", "after"),
    ("Audio version", "after"),
    ("Translate", "after"),
    ("Add to favorites", "after"),
    ("Follow the author", "after"),
    ("Jane Doe on Twitter: @janedoe", "after"),
    ("Subscribe on YouTube", "after"),
    ("Sign up here", "after"),
    ("Sign up", "after"),
    ("Donate", "after"),
    ("Scroll to continue with content", "after"),
    ("Ad Feedback", "after"),
    ("Report an ad", "after"),
    ("Иллюстративное фото", "after"),
    ("Кадр из видео", "after"),
    ("Иллюстрация", "after"),
    ("По теме:", "between"),
    ("По теме", "after"),
    ("Следите за новостями в нашем Telegram-канале", "after"),
    ("Присоединяйтесь к нам в Telegram", "after"),
    ("Мы в соцсетях", "after"),
    ("Наши новости в Telegram", "after"),
    ("Отправить другу", "after"),
    ("Оставить комментарий", "after"),
    ("Комментариев нет", "after"),
    ("Добавить комментарий", "after"),
    ("Ключевые слова: Женева, переговоры", "after"),
    ("Рубрика: Политика", "after"),
    ("Скачайте приложение Example", "after"),
    ("Установите наше приложение", "after"),
    ("Редактор: Иван Петров", "after"),
    ("Текст: Иван Петров", "after"),
    ("Больше новостей в нашем Telegram-канале", "after"),
    ("Есть новость? Пишите нам в Telegram", "after"),
    ("Подписаться", "after"),
    ("Партнерский материал", "after"),
    ("На правах рекламы", "after"),
    ("Новости партнеров", "after"),
    ("Самое важное", "after"),
    ("Главное за день", "after"),
    ("Популярное", "after"),
    ("Лучшее за неделю", "after"),
    ("Перевод: Иван Петров", "after"),
    ("You must be logged in to post a comment.", "before"),
    ("You must be logged in to post a comment.", "after"),
    ("Перепечатка материалов запрещена", "after"),
    ("При полном или частичном использовании материалов ссылка на Example обязательна", "before"),
    ("При полном или частичном использовании материалов ссылка на Example обязательна", "after"),
    ("Использование материалов разрешено только с гиперссылкой на сайт.", "before"),
    ("Использование материалов разрешено только с гиперссылкой на сайт.", "after"),
    ("Terms and Conditions", "after"),
    ("Contact us", "after"),
    ("Sitemap", "after"),
    ("Powered by WordPress", "after"),
    ("Все материалы сайта защищены авторским правом.", "before"),
    ("Все материалы сайта защищены авторским правом.", "after"),
    ("Сетевое издание «Example» зарегистрировано Роскомнадзором", "before"),
    ("Сетевое издание «Example» зарегистрировано Роскомнадзором", "after"),
    ("Главный редактор: Иван Петров", "before"),
    ("Главный редактор: Иван Петров", "after"),
    ("A version of this article appears in print on March 13, 2023, Section A, Page 6 of the New York edition.",
     "after"),
    ("Jane Doe covers security for Example News.", "after"),
    # seventh batch (scored after the sixth batch's rules, before its own)
    ("iStock", "after"),
    ("EPA/Jane Doe", "after"),
    ("Xinhua/Jane Doe", "after"),
    ("Advertisement · Scroll to continue", "after"),
    ("Sponsored links", "after"),
    ("Paid content", "after"),
    ("Partner content", "after"),
    ("Content from our partners", "after"),
    ("- Advertisement -", "after"),
    ("--- advertisement ---", "after"),
    ("Also on Example News: Shelling resumes on the northern front", "after"),
    ("Further reading: Ceasefire talks collapse", "after"),
    ("Share this post", "after"),
    ("Share this page", "after"),
    ("Link copied", "after"),
    ("Email to a friend", "after"),
    ("Start your free trial", "after"),
    ("Free trial", "after"),
    ("Create a free account", "after"),
    ("Follow us", "after"),
    ("Follow us:", "between"),
    ("Stay connected", "after"),
    ("Connect with us", "after"),
    ("Get Example News on WhatsApp", "after"),
    ("With reporting by Jane Doe", "after"),
    ("With agency inputs", "after"),
    ("Reader comments", "after"),
    ("Discuss this article", "after"),
    ("Keywords", "after"),
    ("#ceasefire", "after"),
    ("In this article: Geneva, Ceasefire", "after"),
    ("Get the app", "after"),
    ("Open in app", "after"),
    ("Read in app", "after"),
    ("Install the Example app for the latest news", "after"),
    ("Фотография: Иван Петров", "after"),
    ("Изображение: Example", "after"),
    ("Источник изображения: Reuters", "after"),
    ("Иллюстративное изображение", "after"),
    ("Партнерский контент", "after"),
    ("Читать полностью", "after"),
    ("Подробнее", "after"),
    ("Еще новости", "after"),
    ("Другие материалы", "after"),
    ("Поделиться в Telegram", "after"),
    ("Скопировать ссылку", "after"),
    ("Ссылка скопирована", "after"),
    ("Следите за нами в соцсетях", "after"),
    ("Обсуждение", "after"),
    ("Материал подготовил Иван Петров", "after"),
    ("При подготовке материала использованы данные ТАСС", "after"),
    ("Все права на материалы принадлежат Example", "before"),
    ("Все права на материалы принадлежат Example", "after"),
    ("Accept & close", "after"),
    ("Manage cookies", "after"),
    ("Do not sell or share my personal information", "before"),
    ("Do not sell or share my personal information", "after"),
    ("Политика конфиденциальности", "after"),
    ("Пользовательское соглашение", "after"),
    ("Advertise with us", "after"),
    ("Editorial policy", "after"),
    ("Corrections policy", "after"),
    ("Go to homepage", "after"),
    ("На главную", "after"),
    ("Наверх", "after"),
    ("Версия для слабовидящих", "after"),
    ("Мобильная версия", "after"),
    ("Регистрация", "after"),
    ("Поиск", "after"),
    ("Меню", "after"),
    ("Comments are closed.", "before"),
    ("Comments are closed.", "after"),
    ("What do you think? Leave a comment below.", "before"),
    ("What do you think? Leave a comment below.", "after"),
    ("Редакция может не разделять мнение автора", "before"),
    ("Редакция может не разделять мнение автора", "after"),
    ("Иван Петров — корреспондент Example в Женеве.", "after"),
    ("Jane Doe reports on the Caucasus for Example News.", "after"),
    # eighth batch (scored after the seventh batch's rules, before its own)
    ("Like this:", "between"),
    ("Like Loading...", "between"),
    ("Like Loading...", "after"),
    ("View all posts", "after"),
    ("Enter your email", "after"),
    ("Watch live", "after"),
    ("Open image in gallery", "after"),
    ("Expand image", "after"),
    ("View image in fullscreen", "after"),
    ("Enlarge this image", "after"),
    ("Toggle caption", "after"),
    ("hide caption", "after"),
    ("toggle caption", "after"),
    ("Jane Doe/Example News hide caption", "after"),
    ("Listen to this article · 5 min", "after"),
    ("Updated", "after"),
    ("Share full article", "after"),
    ("Gift this article", "after"),
    ("Save article", "after"),
    ("Sign in to save", "after"),
    ("Add topic", "after"),
    ("Follow topic", "after"),
    ("Get alerts", "after"),
    ("Get email alerts", "after"),
    ("Unlock this article", "after"),
    ("Story continues", "after"),
    ("Scroll down to continue reading", "after"),
    ("list of 3 items", "after"),
    ("end of list", "after"),
    ("Разворачивать", "after"),
    ("Развернуть", "after"),
    ("Свернуть", "after"),
    ("Скрыть", "after"),
    ("Показать полностью", "after"),
    ("Увеличить", "after"),
    ("Смотрите видео", "after"),
    ("Слушать статью", "after"),
    ("Читать на сайте", "after"),
    ("Выбор редакции", "after"),
    ("Мнение", "after"),
    ("Новости компаний", "after"),
    ("Отписаться", "after"),
    ("Сохранить", "after"),
    ("В закладки", "after"),
    ("This is a developing story and will be updated.", "before"),
    ("This is a developing story and will be updated.", "after"),
    ("This story is developing.", "before"),
    ("This story is developing.", "after"),
    ("Чтобы оставить комментарий, войдите", "before"),
    ("Чтобы оставить комментарий, войдите", "after"),
    ("Example News is not responsible for the content of external sites.", "before"),
    ("Example News is not responsible for the content of external sites.", "after"),
    ("Read our policy on external linking.", "before"),
    ("Read our policy on external linking.", "after"),
    ("Why you can trust Example News", "before"),
    ("Why you can trust Example News", "after"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "before"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "after"),
    ("Powered by Example CMS", "before"),
    ("Полное или частичное копирование материалов запрещено", "before"),
    ("Полное или частичное копирование материалов запрещено", "after"),
    # ninth batch (scored after the eighth batch's rules, before its own)
    ("Via Example News", "after"),
    ("Originally published by Example News", "after"),
    ("Republished with permission.", "between"),
    ("Republished with permission.", "after"),
    ("Distributed by Example Agency", "after"),
    ("Follow Jane Doe on Twitter @janedoe", "after"),
    ("E-mail the author", "after"),
    ("Click to read more", "after"),
    ("Tap to expand", "after"),
    ("Swipe for more", "after"),
    ("More photos", "after"),
    ("See all", "after"),
    ("Stay up to date with the latest news by following us on Telegram.", "between"),
    ("Stay up to date with the latest news by following us on Telegram.", "after"),
    ("Все новости по теме", "after"),
    ("Example в соцсетях", "after"),
    ("Мы в Дзене", "after"),
    ("Связаться с редакцией", "after"),
    ("Напишите нам", "after"),
    ("Перейти к новости", "after"),
    ("This article first appeared on Example News.", "before"),
    ("This article first appeared on Example News.", "after"),
    ("Перейти к комментариям", "after"),
    ("Все новости о Женеве", "before"),
    ("Все новости о Женеве", "after"),
    # tenth batch
    ("Details added: first version posted on 13:48", "before"),
    ("Updated at 14:05 GMT", "after"),
    ("Delegates arrive for the talks in Geneva. Image via Example News.", "between"),
    ("ePaper - Example Times", "after"),
    ("SIGHT: Shelling resumes on the northern front", "between"),
    ("See: Shelling resumes on the northern front", "between"),
    ("Skip to main content", "before"),
    ("Перейти к основному контенту", "before"),
    ("Trust Project", "before"),
]


@pytest.mark.parametrize(("line", "where"), [(line, where) for line in BOILERPLATE for where in ("between", "after")]
                         + [(line, where) for line in EDGE for where in ("before", "after")] + LATER_BATCHES)
def test_boilerplate_shapes(line: str, where: str) -> None:
    russian = any("а" <= c <= "я" for c in line.lower())
    title, first, second, third = (RU_TITLE, R1, R2, R3) if russian else (TITLE, P1, P2, P3)
    if where == "before":
        text = f"{line}\n\n{title}\n\n{first}\n\n{second}\n\n{third}\n"
    elif where == "between":
        text = f"{title}\n\n{first}\n\n{line}\n\n{second}\n\n{third}\n"
    else:
        text = f"{title}\n\n{first}\n\n{second}\n\n{third}\n\n{line}\n"
    doc = build(text)
    assert doc.body == f"{first}\n\n{second}\n\n{third}"
    assert doc.title == title
    assert line in removed_texts(doc)


# ---------------------------------------------------------------- prose that resembles those shapes stays

PROSE = [
    "Photos of the damage were shared widely on social media, officials said.",
    "Advertisements for the rally appeared in several newspapers.",
    "Subscribers to the channel received the message on Tuesday, the group said.",
    "Cookies and sweets were handed out to the children at the checkpoint.",
    "Follow-up talks are planned for April.",
    "Watch teams from both sides will patrol the line, the agreement says.",
    "Share prices in the region rose after the announcement.",
    "By then, the talks had already collapsed.",
    "Reporting by local media could not be verified.",
    "Image makers on both sides have been busy, analysts say.",
    "Recommended steps include a prisoner exchange and a joint commission.",
    "NATO — the alliance said — will send observers to the line.",
    "World leaders | including the mediators | welcomed the deal.",
    "Фотографии разрушений опубликовало министерство обороны.",
    "Реклама оружия запрещена законом, напомнил депутат.",
    "Подписание соглашения запланировано на апрель.",
    "The photo was taken by a local resident, the ministry said.",
    "Credit for the deal goes to the mediators, he said.",
    "Related talks in Vienna ended without agreement.",
    "Tags on the vehicles identified them as belonging to the mission.",
    "Comments by the foreign minister angered the other side.",
    "Loading of the aid trucks began at dawn.",
    "Print media in both countries covered the talks widely.",
    "Reuters could not independently verify the report.",
    "AFP reporters saw smoke rising over the town.",
    "Follow the money, the investigator told the committee.",
    "Watch towers along the line will be dismantled.",
    "Privacy concerns were raised by the opposition.",
    "Фото разрушенного моста опубликовали в соцсетях.",
    "Материалы дела переданы в суд.",
    "Источник в министерстве сообщил, что переговоры продолжатся.",
    "Комментарии представителя министерства были краткими.",
    "Soldiers like us on the other side of the line want the war to end, he said.",
    "They will find us on the front line if the talks fail, the commander warned.",
    "Стороны готовы подписаться под каждым словом заявления, добавил он.",
    # fourth batch (scored before any rule for it)
    "Advertisement of the truce on state television began on Monday.",
    "Share of the aid going to the north has fallen, the agency said.",
    "Read the agreement carefully, the envoy told both delegations.",
    "Sign up for the monitoring mission opened to volunteers from ten countries.",
    "Copyright disputes are not part of the talks, the lawyer said.",
    "All rights reserved for the displaced must be respected, the resolution says.",
    "Most read the statement as a sign of progress.",
    "Related incidents were reported in two other villages.",
    "Watch: that was the only word on the handwritten sign.",
    "Photo evidence of the strike was handed to the commission.",
    "By continuing to shell the town, the army broke the truce, the report said.",
    "Subscribe, the minister said, is not a word he would use for the deal.",
    "Updated figures show 12 people were killed in the shelling.",
    "Published on Tuesday, the report lists 40 violations.",
    "Editing of the final text continued late into the night.",
    "Читайте внимательно текст соглашения, призвал посредник.",
    "Реклама в зоне конфликта запрещена с марта.",
    "Все права беженцев должны быть соблюдены, заявил омбудсмен.",
    "Опубликовано заявление, в котором стороны обвиняют друг друга.",
    # seventh batch (scored before any rule for it)
    "Newsletters sent by the mission listed the violations.",
]


@pytest.mark.parametrize("sentence", PROSE)
def test_prose_like_shapes_are_kept(sentence: str) -> None:
    russian = any("а" <= c <= "я" for c in sentence.lower())
    title, first, second = (RU_TITLE, R1, R2) if russian else (TITLE, P1, P2)
    doc = build(f"{title}\n\n{first}\n\n{sentence}\n\n{second}\n")
    assert doc.body == f"{first}\n\n{sentence}\n\n{second}"


# ---------------------------------------------------------------- whole page headers and tails (third batch)

# (page, title, publication day): the body is always the invented paragraphs, whatever surrounds them
BODY = f"{P1}\n\n{P2}\n\n{P3}"
RU_BODY = f"{R1}\n\n{R2}\n\n{R3}"
PAGES = [
    (f"World\n\n{TITLE}\n\nBy Jane Doe\n\nMarch 12, 2023\n\n5 min read\n\nShare\n\n{BODY}\n", TITLE, "2023-03-12"),
    (f"{TITLE}\n\nJane Doe\n\nSenior Correspondent\n\nPublished March 12, 2023\n\n{BODY}\n", TITLE, "2023-03-12"),
    (f"Home > World > Europe\n\n{TITLE}\n\n12 March 2023\n\n{BODY}\n", TITLE, "2023-03-12"),
    (f"{TITLE}\n\nTalks between the two sides had stalled since January.\n\nBy Jane Doe | 12 March 2023\n\n{BODY}\n",
     TITLE, "2023-03-12"),
    (f"Breaking News\n\n{TITLE}\n\n{BODY}\n", TITLE, None),
    (f"{TITLE}\n\nBy Jane Doe, Reuters\n\nMarch 12, 20232:05 PM GMTUpdated an hour ago\n\n{BODY}\n", TITLE,
     "2023-03-12"),
    (f"{TITLE}\n\n{BODY}\n\nTopics\n\nGeneva\n\nCeasefire\n\nMore from Example News\n\n"
     "Shelling resumes on the northern front\n\nAid convoy reaches the city\n", TITLE, None),
    (f"{TITLE}\n\n{BODY}\n\nAbout the author\n\nJane Doe is a correspondent based in Geneva.\n", TITLE, None),
    (f"{TITLE}\n\n{BODY}\n\n— Jane Doe\n", TITLE, None),
    (f"{TITLE}\n\n{BODY}\n\nJane Doe contributed reporting from Kyiv.\n", TITLE, None),
    (f"{TITLE}\n\nMarch 12, 2023\n\n{BODY}\n\nRelated\n\nMarch 10, 2023\n\nShelling resumes on the northern front\n\n"
     "March 9, 2023\n\nAid convoy reaches the city\n", TITLE, "2023-03-12"),
    (f"Главная / Новости / Политика\n\n{RU_TITLE}\n\n12 марта 2023, 14:05\n\nИван Петров\n\n{RU_BODY}\n", RU_TITLE,
     "2023-03-12"),
    (f"{RU_TITLE}\n\n{RU_BODY}\n\nИван Петров\n\nТеги\n\nЖенева\n\nПереговоры\n", RU_TITLE, None),
    (f"{RU_TITLE}\n\n12 марта 2023\n\n{RU_BODY}\n\nНовости партнеров\n\nОбстрелы возобновились на севере\n\n"
     "Гуманитарный конвой прибыл в город\n", RU_TITLE, "2023-03-12"),
    # eighth batch (scored after the seventh batch's rules, before its own)
    (f"Skip to main content\n\nMenu\n\nSearch\n\nWorld\n\n{TITLE}\n\nBy Jane Doe and John Roe\n\n"
     f"Updated 10:12 AM GMT, March 13, 2023\n\nPublished 2:05 PM GMT, March 12, 2023\n\n{BODY}\n\n"
     "Copyright 2023 Example News. All rights reserved.\n", TITLE, "2023-03-12"),
    (f"{TITLE}\n\nPublished on 12.03.2023 at 14:05\n\n{BODY}\n\nAbout the author\n\nJane Doe\n\n"
     "Jane Doe is a journalist based in Geneva.\n\nView all posts\n", TITLE, "2023-03-12"),
    (f"Breaking\n\n{TITLE}\n\nLive\n\n{BODY}\n\nThis is a developing story and will be updated.\n", TITLE, None),
    # tenth batch: lines above the headline that are no headline, a date signing the article off
    (f"Home » World News »\n\n{TITLE}\n\n{BODY}\n", TITLE, None),
    (f"News\n\nShow news feed\n\n{BODY}\n", None, None),
    (f"- Mediators: both sides agreed to the talks\n\n{BODY}\n", None, None),
    (f"Geneva talks, Ceasefire,\n\n{TITLE}\n\n{BODY}\n", TITLE, None),
    (f"{TITLE}\n\n{BODY}\n\nPublished: 12 March 2023\n", TITLE, "2023-03-12"),
    (f"{TITLE}\n\n{BODY}\n\n12 March 2023\n", TITLE, "2023-03-12"),
    (f"{TITLE}\n\n{BODY}\n\nShelling resumes on the northern front\n\n12 March 2023\n", TITLE, None),
]


# (page, body): paragraphs that are not the article's around it
TEASER = "Shelling resumed on the northern front overnight, according to local officials who spoke to"
PARAGRAPH_SHAPES = [
    # other items' summaries, cut off on an ellipsis
    (f"{TITLE}\n\n{BODY}\n\n{TEASER}…\n\nAid convoys reached the city after a week of waiting at the crossing, the…\n",
     BODY),
    # a summary the first paragraph repeats with other words at its end
    (f"{P1.split('. ')[0]} on Tuesday.\n\n{BODY}\n", BODY),
    # an excerpt cut off under a subheading
    (f"{TITLE}\n\n{BODY}\n\nNext steps\n\nThe mediators will meet again in",
     f"{BODY}\n\nThe mediators will meet again in"),
    # a summary list under its heading above the article
    (f"{TITLE}\n\nKey points\n\n• Talks resumed on Tuesday after a month.\n\n• A second round is planned.\n\n{BODY}\n",
     BODY),
    # an embedded post between paragraphs
    (f"{TITLE}\n\n{P1}\n\nThe ceasefire must hold, we urge both sides. pic.twitter.com/AbC123\n\n{P2}\n\n{P3}\n",
     BODY),
]


@pytest.mark.parametrize(("page", "body"), PARAGRAPH_SHAPES)
def test_paragraph_shapes(page: str, body: str) -> None:
    assert build(page).body == body


@pytest.mark.parametrize(("page", "title", "day"), PAGES)
def test_page_shapes(page: str, title: str, day: str | None) -> None:
    doc = build(page)
    assert doc.body == (RU_BODY if title == RU_TITLE else BODY)
    assert doc.title == title
    assert (doc.published or "")[:10] == (day or "")
