"""Deterministic corpus of saved news articles for the benchmark, with Markdown twins.

`python bench/generate.py OUT --count N [--seed S]` writes
  OUT/txt/<name>.txt                   the saved page as feedpub reads it (chrome and all)
  OUT/pelican/content/<name>.md        the same title, date and text for Pelican
  OUT/hugo/content/articles/<name>.md  the same for Hugo
Article i depends only on (seed, i), so a corpus of N+1 is the corpus of N plus one article,
and `edited=True` changes one paragraph of the same article: the rebuild rounds need both.
"""
from __future__ import annotations

import argparse
import random
import textwrap
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Vocabulary: news prose is built from these parts, so no text corpus is needed.

SUBJECTS = (
    "The government", "The finance ministry", "Opposition leaders", "The central bank",
    "Police", "The city council", "Health officials", "The European Commission",
    "Union representatives", "Residents of the northern districts", "The prime minister",
    "Rescue teams", "The energy regulator", "Prosecutors", "A group of scientists",
    "Farmers' associations", "The defense ministry", "Local authorities", "The court",
    "Aid organizations", "The airline", "Teachers", "The football federation", "Investors",
)
VERBS = (
    "announced", "rejected", "welcomed", "criticized", "postponed", "approved", "questioned",
    "called for", "warned against", "confirmed", "suspended", "defended", "unveiled",
    "investigated", "signed", "blocked", "promised", "reviewed", "announced plans for",
)
OBJECTS = (
    "a new budget plan", "the proposed tax reform", "stricter border controls",
    "the construction of a second runway", "emergency funding for hospitals",
    "a ceasefire agreement", "higher interest rates", "the controversial mining project",
    "an inquiry into the accident", "cuts to public transport", "the peace talks",
    "a ban on single-use plastics", "the merger of the two companies", "new climate targets",
    "the release of the detained journalists", "a reform of the pension system",
    "the evacuation of coastal towns", "a rise in the minimum wage", "the trade agreement",
)
CLAUSES = (
    "on Thursday", "after weeks of negotiations", "despite strong protests",
    "in a statement released late on Monday", "according to officials",
    "ahead of next month's elections", "for the second time this year", "without giving details",
    "amid growing pressure from the public", "following a heated debate in parliament",
    "as fuel prices continued to climb", "in response to the flooding",
    "citing concerns about security", "at a press conference in the capital",
)
PLACES = (
    "Berlin", "Lagos", "Manila", "Lima", "Warsaw", "Nairobi", "Quito", "Hanoi", "Oslo",
    "Marseille", "Osaka", "Brno", "Porto", "Accra", "Tbilisi", "Santiago", "Dhaka", "Leeds",
)
NAMES = (
    "Ana Lima", "Bo Chen", "Jana Nováková", "Pierre Martin", "Lena Vogel", "Kwame Mensah",
    "Maria Santos", "Tomás Ruiz", "Aiko Tanaka", "Ravi Patel", "Olga Ivanova", "Sam Carter",
)
ROLES = ("a spokesperson for the ministry", "an economist", "a local resident",
         "a senior official", "an analyst", "the mayor", "a union leader", "a doctor")
SECTIONS = ("World", "Politics", "Business", "Science", "Conflicts", "Climate", "Sport")
AGENCIES = ("AP, dpa, Reuters", "AFP, Reuters", "dpa, KNA", "Reuters", "AP, AFP")
PHOTO_CREDITS = ("picture-alliance/AP Photo", "Reuters/{name}", "AFP/Getty Images",
                 "dpa/{name}", "Imago/{name}", "private")
SUBHEADS = ("What happens next", "A long dispute", "Reactions abroad", "The numbers",
            "Voices from the street", "Background")

# The edit round appends this sentence to one paragraph.
EDIT_SENTENCE = "This paragraph was corrected after publication to fix a figure."


# ---------------------------------------------------------------------------------------------
# Site styles: how a saved page of each kind looks around the article itself.

@dataclass(frozen=True)
class SiteStyle:
    """The chrome, date format and labels of one kind of news site, in its language."""

    name: str
    top_chrome: tuple[str, ...]
    bottom_chrome: tuple[str, ...]
    date_format: str         # a key of DATE_FORMATS
    image_label: str         # "Image", "Bild", "Crédit photo"
    related_label: str       # "Read more", "Lesen Sie auch", "Lire aussi"
    byline_word: str         # "By", "Von", "Par"
    and_word: str            # joins two authors: "and", "und", "et"
    wrapped: bool            # hard-wrapped at 78 columns with indents, like a lynx dump
    signoff: bool            # an agency sign-off line instead of a byline


STYLES = (
    SiteStyle("broadcaster", ("1. Skip to content", "2. Skip to main menu", "3. Search"),
              ("Skip next section Explore more", "Top story", "More stories from us"),
              "month_day_year", "Image", "Read more", "By", "and", wrapped=False, signoff=True),
    SiteStyle("lynx-daily", ("* Home", "* World", "* Business", "* Sport", "Menu"),
              ("Share", "Privacy policy", "© 2024 The Daily Example"),
              "dotted", "Photo", "Read also", "By", "and", wrapped=True, signoff=False),
    SiteStyle("zeitung", ("Zum Inhalt springen", "Menu", "Suche"),
              ("Anzeige", "Impressum", "Alle Rechte vorbehalten"),
              "german", "Bild", "Lesen Sie auch", "Von", "und", wrapped=False, signoff=False),
    SiteStyle("journal", ("Aller au contenu", "Menu", "Search"),
              ("Publicité", "Tous droits réservés"),
              "french", "Crédit photo", "Lire aussi", "Par", "et", wrapped=True, signoff=False),
    SiteStyle("wire", ("Home", "Sections", "Search"),
              ("Advertisement", "Terms of use", "Cookie settings"),
              "iso", "Photo", "Read more", "By", "and", wrapped=False, signoff=True),
    SiteStyle("asia-desk", ("Skip to content", "Menu"), ("Most read", "Contact us"),
              "cjk", "Image", "See also", "By", "and", wrapped=True, signoff=False),
)

GERMAN_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember")
FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")


def format_date(kind: str, when: datetime) -> str:
    """The date line as a site of that kind prints it; `when` is in UTC."""
    if kind == "month_day_year":
        return f"{when:%B} {when.day}, {when.year}"
    if kind == "dotted":
        return f"Published {when:%d.%m.%Y %H:%M} UTC"
    if kind == "german":
        return f"{when.day}. {GERMAN_MONTHS[when.month - 1]} {when.year}"
    if kind == "french":
        return f"Publié le {when.day} {FRENCH_MONTHS[when.month - 1]} {when.year}"
    if kind == "iso":
        return f"Posted {when.isoformat()}"
    if kind == "cjk":
        return f"{when.year}年{when.month}月{when.day}日"
    raise ValueError(kind)


def date_has_time(kind: str) -> bool:
    return kind in ("dotted", "iso")


# ---------------------------------------------------------------------------------------------
# One article

@dataclass(frozen=True)
class Story:
    """One generated article: what every rendering of it shares."""

    name: str
    style: SiteStyle
    section: str
    title: str
    published: datetime     # UTC; midnight when the site prints no time
    lede: str
    caption: str
    photo_credit: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    bullets_after: int      # the bullet list follows this paragraph
    subhead: str
    subhead_before: int
    related: str
    related_after: int
    authors: tuple[str, ...]
    agency: str


# The first article's date. Articles are HOURS_APART apart, so that a corpus of 100,000 ends
# in 2012: every date stays in the past, where the feed and the peers treat each alike (Hugo
# leaves a page dated in the future out, feedpub warns about it). Until 2026-12-05 articles
# were 8 hours apart from 2015, and those past 13,000 or so were dated after the day of the run.
EPOCH = datetime(1990, 1, 1, tzinfo=timezone.utc)
HOURS_APART = 2


def make_story(seed: int, index: int, edited: bool = False) -> Story:
    """Article `index` of the corpus `seed`; later indexes are newer, HOURS_APART apart."""
    rng = random.Random(f"{seed}:{index}")
    style = rng.choice(STYLES)
    # The minutes drawn as when articles were 8 hours apart, then scaled: the draws after it,
    # and so every article's text but its dates, stay as they were.
    late = rng.randrange(0, 8 * 60) * HOURS_APART // 8
    published = EPOCH + timedelta(hours=HOURS_APART * index, minutes=late)
    if not date_has_time(style.date_format):
        published = published.replace(hour=0, minute=0)
    paragraphs = [paragraph(rng) for _ in range(rng.randint(6, 15))]
    if edited:
        middle = len(paragraphs) // 2
        paragraphs[middle] = f"{paragraphs[middle]} {EDIT_SENTENCE}"
    return Story(
        name=f"{index:05d}-{style.name}",
        style=style,
        section=rng.choice(SECTIONS),
        title=headline(rng),
        published=published,
        lede=" ".join(sentence(rng) for _ in range(2)),
        caption=f"{rng.choice(SUBJECTS)} in {rng.choice(PLACES)}",
        photo_credit=rng.choice(PHOTO_CREDITS).format(name=rng.choice(NAMES)),
        paragraphs=tuple(paragraphs),
        bullets=tuple(bullet(rng) for _ in range(rng.randint(0, 4)) if style.wrapped),
        bullets_after=rng.randrange(1, len(paragraphs) - 1),
        subhead=rng.choice(SUBHEADS),
        subhead_before=rng.randrange(2, len(paragraphs)),
        related=headline(rng),
        related_after=rng.randrange(1, len(paragraphs) - 1),
        authors=tuple(rng.sample(NAMES, rng.randint(1, 2))),
        agency=rng.choice(AGENCIES),
    )


def headline(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} in {rng.choice(PLACES)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.2:
        said = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        return (f"\"We have {said} because there was no other choice,\" said "
                f"{rng.choice(NAMES)}, {rng.choice(ROLES)}.")
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.6:
        text += f" {rng.choice(CLAUSES)}"
    if rng.random() < 0.3:
        text += f", {rng.randint(2, 900)} people in {rng.choice(PLACES)} were affected"
    return text + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def bullet(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


# ---------------------------------------------------------------------------------------------
# Renderings

def body_items(story: Story) -> list[tuple[str, str]]:
    """The article's body in reading order as (kind, text): p, h, li, related."""
    items: list[tuple[str, str]] = []
    for number, text in enumerate(story.paragraphs):
        if number == story.subhead_before:
            items.append(("h", story.subhead))
        items.append(("p", text))
        if number == story.bullets_after:
            items += [("li", item) for item in story.bullets]
        if number == story.related_after:
            items.append(("related", story.related))
    return items


def render_text(story: Story) -> str:
    """The saved page: chrome, kicker, headline, date, lede, picture, body, sign-off, chrome."""
    style = story.style
    byline = f"{style.byline_word} {f' {style.and_word} '.join(story.authors)}"
    head = [*style.top_chrome, "", story.section, "", story.title, "",
            format_date(style.date_format, story.published), ""]
    if not style.signoff:
        head += [byline, ""]
    out = head + wrap(style, story.lede) + ["", story.caption,
                                            f"{style.image_label}: {story.photo_credit}", ""]
    for kind, text in body_items(story):
        out += text_item(style, kind, text) + [""]
    if style.signoff:
        out += [signoff(story), ""]
    out += list(style.bottom_chrome)
    return "\n".join(out) + "\n"


def text_item(style: SiteStyle, kind: str, text: str) -> list[str]:
    if kind == "related":
        return [f"{style.related_label}: {text}"]
    if kind == "li":
        return wrap(style, text, first="   * ", rest="     ")
    if kind == "h":
        return [text]
    return wrap(style, text)


def wrap(style: SiteStyle, text: str, first: str = "   ", rest: str = "   ") -> list[str]:
    """One line per paragraph, or hard-wrapped at 78 columns with an indent (lynx style)."""
    if not style.wrapped:
        return [text.strip()] if not first.strip() else [f"* {text}"]
    return textwrap.wrap(text, 78, initial_indent=first, subsequent_indent=rest)


def signoff(story: Story) -> str:
    """Editors' initials and the agencies: "anl/boc (AP, dpa)"; always two sets of initials."""
    initials = [name.split()[0][:2].lower() + name.split()[-1][:1].lower()
                for name in story.authors]
    return f"{'/'.join((initials + ['dr'])[:2])} ({story.agency})"


def render_markdown_body(story: Story) -> str:
    """The same text as Markdown: lede, picture credit, body with its list, sign-off."""
    parts = [story.lede, f"*{story.caption}* (Image: {story.photo_credit})"]
    bullets: list[str] = []
    for kind, text in body_items(story):
        if kind == "li":
            bullets.append(f"* {text}")
            continue
        if bullets:
            parts.append("\n".join(bullets))
            bullets = []
        parts.append({"p": text, "h": f"### {text}", "related": f"Read more: {text}"}[kind])
    parts.append(signoff(story) if story.style.signoff
                 else f"By {' and '.join(story.authors)}")
    return "\n\n".join(parts) + "\n"


def render_pelican(story: Story) -> str:
    stamp = story.published.strftime("%Y-%m-%d %H:%M")
    head = (f"Title: {story.title}\nDate: {stamp}\nSlug: {story.name}\n"
            f"Category: {story.section}\nAuthors: {', '.join(story.authors)}\n\n")
    return head + render_markdown_body(story)


def render_hugo(story: Story) -> str:
    authors = ", ".join(f'"{name}"' for name in story.authors)
    head = (f'+++\ntitle = "{story.title}"\ndate = {story.published.isoformat()}\n'
            f'slug = "{story.name}"\ncategories = ["{story.section}"]\n'
            f'authors = [{authors}]\n+++\n\n')
    return head + render_markdown_body(story)


# ---------------------------------------------------------------------------------------------
# The corpus on disk

def corpus_paths(out: Path, name: str) -> dict[str, Path]:
    """Where each rendering of the article `name` lives under `out`."""
    return {"txt": out / "txt" / f"{name}.txt",
            "pelican": out / "pelican" / "content" / f"{name}.md",
            "hugo": out / "hugo" / "content" / "articles" / f"{name}.md"}


RENDERERS = {"txt": render_text, "pelican": render_pelican, "hugo": render_hugo}


def write_story(out: Path, story: Story) -> None:
    """Write all three renderings of `story` (used for the new and edited rounds too)."""
    for kind, path in corpus_paths(out, story.name).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(RENDERERS[kind](story), encoding="utf-8")


def write_corpus(out: Path, count: int, seed: int = 7) -> list[Story]:
    """Write articles 0..count-1 of corpus `seed` under `out`."""
    stories = [make_story(seed, index) for index in range(count)]
    for story in stories:
        write_story(out, story)
    return stories


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    write_corpus(args.out, args.count, args.seed)
    print(f"wrote {args.count} articles under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
