"""The whole parser on the sample: its exact expected parse, and front matter overrides."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from feedpub import InputError, parse_article
from feedpub.jsonout import article_json

from .conftest import GOLDEN, PARAGRAPHS, article_text


def test_seed_title_date_section(seed_text):
    article = parse_article(seed_text)
    assert article.title == "US launches airstrikes in Iraq against Iran-backed militia"
    assert article.published == datetime(2020, 3, 13, tzinfo=timezone.utc)
    assert article.categories == ("Conflicts",)


def test_seed_lede_is_summary_and_not_body(seed_text):
    article = parse_article(seed_text)
    assert article.summary.startswith("The Pentagon has confirmed")
    assert article.body[0].text.startswith("The United States on Thursday")
    assert article.body[-1].text.endswith("in Iraq and the region.\"")


def test_seed_furniture_is_kept_apart_from_body(seed_text):
    article = parse_article(seed_text)
    assert article.image.caption == "US armored vehicle in Iraq"
    assert article.image.credit == "picture-alliance/AP Photo/K. Mohammed"
    assert article.related == ("US-led coalition says three killed in Iraq rocket attack",)
    assert article.credit == "see/dr (AP, dpa, Reuters)"
    assert article.authors == ()
    text = article.content_text
    for chrome in ("Skip to", "Top Story", "More stories", "Read more", "Image:", "see/dr",
                   "US armored vehicle"):
        assert chrome not in text


@pytest.mark.parametrize("caption, credit", [
    ("A night bus waits at the depot on Thursday", "Credit: Ann Lee/Example"),
    ("Noční autobus v depu.", "| Foto: Reuters"),
])
def test_a_caption_that_ends_in_its_credit_is_the_image_not_body(caption, credit):
    paragraphs = (PARAGRAPHS[0], f"{caption} {credit}", *PARAGRAPHS[1:])
    article = parse_article(article_text("Night buses reach the outer districts",
                                         "March 3, 2021", paragraphs=paragraphs))
    assert article.image.caption == caption
    assert article.image.credit == credit.split(":")[1].strip()
    assert caption not in article.content_text
    assert [part.text for part in article.body] == list(PARAGRAPHS[1:])


def test_a_paragraph_that_merely_mentions_a_credit_stays_in_the_body():
    paragraph = ("The council thanked the drivers and gave the photo credit: the depot staff "
                 "who kept the buses running through the winter.")
    article = parse_article(article_text("Night buses reach the outer districts",
                                         "March 3, 2021", paragraphs=(*PARAGRAPHS, paragraph)))
    assert article.body[-1].text == paragraph


def test_a_headline_printed_twice_is_not_part_of_the_body():
    # A page showing the headline twice, long enough to read like prose: the body region
    # takes both copies in, and the second copy is the title.
    headline = ("Stack Overflow jobs data shows the outer districts want more night bus "
                "drivers than the city trains")
    text = "\n\n".join(["Home", "News", headline, headline, "Ann Lee March 9, 2017",
                         *PARAGRAPHS]) + "\n"
    article = parse_article(text)
    assert article.title == headline
    assert headline not in article.content_text


def test_seed_full_parse_matches_golden(seed_text):
    """The complete `parse --json` object; regenerate with `make golden` and review the diff."""
    got = article_json(parse_article(seed_text, source="seeds/dw-us-airstrikes-iraq.txt"))
    expected = json.loads((GOLDEN / "seed.parse.json").read_text(encoding="utf-8"))
    assert got == expected


def test_date_only_is_midnight_in_configured_zone(seed_text):
    berlin = ZoneInfo("Europe/Berlin")
    assert parse_article(seed_text, zone=berlin).published == datetime(2020, 3, 13, tzinfo=berlin)


FRONT = """---
title: A better headline
date: 2021-05-06 14:30 +02:00
url: https://example.org/story
author: Ana Lima and Bo Chen
category: World
id: story-42
colour: blue
---
"""


def test_front_matter_overrides_detected_values(seed_text):
    article = parse_article(FRONT + seed_text)
    assert article.title == "A better headline"
    assert article.published.isoformat() == "2021-05-06T14:30:00+02:00"
    assert article.link == "https://example.org/story"
    assert article.authors == ("Ana Lima", "Bo Chen")
    assert article.categories == ("World",)
    assert article.key == "story-42"
    assert any("unknown front matter key 'colour'" in w for w in article.warnings)


def test_no_date_anywhere_is_null():
    article = parse_article("A headline here\n\n" + "Some words of prose that run on. " * 5)
    assert article.published is None


@pytest.mark.parametrize("text", ["", "   \n\n \t", "Skip to content\nMenu\nSearch\n"])
def test_no_article_is_a_clear_input_error(text):
    with pytest.raises(InputError):
        parse_article(text, source="x.txt")


# Thai writes no spaces between words and ends no sentence with a mark: only the phrase
# breaks are spaces. Its paragraphs must still read as prose, measured by their characters.
THAI_HEADLINE = "รถเมล์กลางคืนวิ่งถึงชานเมืองแล้ว หลังจากรอมาหลายปี"
THAI_PARAGRAPHS = (
    "สภาเมืองลงมติเมื่อวันอังคารให้ขยายบริการรถเมล์กลางคืนไปยังเขตชานเมือง "
    "ซึ่งเป็นการเปลี่ยนแปลงที่ชาวบ้านเรียกร้องมาหลายปีผ่านการประชุมสาธารณะหลายครั้ง",
    "เส้นทางใหม่จะเริ่มให้บริการในเดือนหน้า โดยรถจะออกทุกสามสิบนาทีระหว่างเที่ยงคืนถึงตีห้า "
    "ตามที่สำนักงานขนส่งระบุ ซึ่งคาดว่าจะมีผู้โดยสารหลายพันคนต่อสัปดาห์",
    "ฝ่ายค้านกล่าวว่าเงินจำนวนนี้ควรนำไปใช้กับรถเมล์กลางวันที่แออัดและล่าช้าแทน "
    "แต่ญัตตินี้ผ่านความเห็นชอบด้วยคะแนนเสียงข้างมากอย่างสบาย",
)


def test_a_thai_page_has_its_headline_and_its_paragraphs_as_the_body():
    text = "\n\n".join(("หน้าแรก", "ข่าว", THAI_HEADLINE, "Submitted on Mon, 2019-01-21 13:49",
                       *THAI_PARAGRAPHS, "Share this article", "© 2019 Example Media")) + "\n"
    article = parse_article(text)
    assert article.title == THAI_HEADLINE
    assert article.summary == THAI_PARAGRAPHS[0]
    assert [part.text for part in article.body] == list(THAI_PARAGRAPHS[1:])
