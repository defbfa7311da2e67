"""DATA ONLY: the vocabulary and thresholds feedpub's parser recognises page parts by.

Every table is immutable and says what it catches with an example line. No rule here names a
site: these are the words pages in many languages use for their chrome and their credits.
"""
from __future__ import annotations

import re

I = re.IGNORECASE

# ---------------------------------------------------------------------------------------------
# Line shapes

# A list bullet or number at the start of a line: "  * Home", "• Sport", "1. Skip to content".
# Text browsers mark nested lists with "+", "o" and "□"; "o" only counts when indented, since
# it is a word in Portuguese and Spanish ("o brasil que dá certo").
BULLET = re.compile(r"^\s*(?:[*•·▪◦‣∙□■–+-]|\d{1,3}[.)])\s+|^\s{2,}o\s+")

# Image placeholders that text browsers and converters leave: "[logo]", "[IMG]", "[image: x]".
PLACEHOLDER = re.compile(r"^\s*(?:\[[^\]]{0,80}\]\s*)+$")

# A sentence ends with one of these (optionally inside quotes or brackets).
SENTENCE_END = re.compile(r"[.!?…。！？:;]['\"”’»)\]]*$")

# ---------------------------------------------------------------------------------------------
# Page chrome: whole lines that are navigation, buttons, banners or footers (seed: "Skip to
# content", "Skip next section Explore more", "More stories from DW").
CHROME_LINE = re.compile(
    r"^(?:"
    r"skip (?:to|next section)\b.*"
    r"|(?:jump|go) to (?:content|main|navigation|the content)\b.*"
    r"|(?:main )?(?:menu|navigation|search|home|homepage|sections?|close|open|back to top)"
    r"|(?:share|share this|share on \w+|tweet|print|email|e-mail|pin it|whatsapp|facebook"
    r"|twitter|linkedin|reddit|copy link|comments?|\d+ comments?|leave a comment|reply)"
    r"|(?:sign in|sign up|log in|login|log out|register|subscribe|subscribe now|my account)"
    r"|(?:advertisement|advertising|sponsored|anzeige|publicité|publicidad|werbung|reklama)"
    r"|(?:(?:explore|discover) more|more (?:stories|news|articles) from .*|top stor(?:y|ies)"
    r"|(?:the )?most (?:read|popular|viewed|shared)|related (?:stories|articles|posts|content)"
    r"|you (?:may|might) also like|recommended(?: for you)?|trending(?: now)?|editor'?s picks)"
    r"|.*\btop story"
    r"|(?:follow us|find us on|connect with us)\b.*"
    r"|(?:privacy(?: policy)?|terms(?: of (?:use|service))?|cookie (?:policy|settings)"
    r"|imprint|impressum|contact(?: us)?|about us|accessibility|sitemap|legal notice|faq)"
    r"|(?:all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|všechna práva vyhrazena).*"
    r"|(?:©|\(c\)|copyright)\s.*"
    r"|.*\b(?:we use cookies|uses cookies|accept (?:all )?cookies|cookie(?:s)? (?:consent|notice))"
    r"\b.*"
    r"|(?:sign up for|subscribe to) (?:our|the) newsletter\b.*"
    r"|(?:previous|next) (?:article|post|story|page)\b.*"
    r"|(?:tags?|topics?|schlagwörter|mots-clés|etiquetas|štítky)\s*:.*"
    r")\s*$",
    I,
)

# ---------------------------------------------------------------------------------------------
# Article furniture kept as fields of the entry

# An image credit line under a picture (seed: "Image: picture-alliance/AP Photo/K. Mohammed").
IMAGE_CREDIT = re.compile(
    r"^(?:image|photo|picture|photograph|credit|foto|bild|imagen|crédit(?: photo)?|fotografie"
    r"|zdroj|画像|图片)\s*[:：]\s*(?P<credit>.+)$",
    I,
)

# A "Read more:" line pointing to another story (seed: "Read more: US-led coalition says ...").
RELATED = re.compile(
    r"^(?:read more|read also|also read|see also|related|more on this|lesen sie (?:auch|mehr)"
    r"|mehr zum thema|lire aussi|à lire aussi|leia também|lee también|ver también"
    r"|čtěte také|přečtěte si také)\s*[:：]\s*(?P<related>.+)$",
    I,
)

# Editors' initials and the wire services, ending an agency story (seed: "see/dr (AP, dpa,
# Reuters)"). The initials are not a byline: the whole line becomes the entry's credit line.
SIGNOFF = re.compile(
    r"^(?:[a-z]{2,4}(?:/[a-z]{2,4})+)(?:\s*\([A-Za-z.]+(?:(?:,\s*|\s+)[A-Za-z.]+)*\))?$"
    r"|^\((?:AP|AFP|dpa|Reuters|KNA|epd|EFE|ANSA|Xinhua)(?:[,/]\s*[A-Za-z.]+)*\)$",
)

# A byline, in several languages: "By Stella Kim and Jennifer Jett", "Von Anna Muster".
BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|von|text:|par|por|door|di|autor(?:in)?:?|author:?"
    r"|auteur\s*:?|texto:?|napsal(?:a)?)\s+(?P<names>\S.{0,150})$",
    I,
)

# Words that join names in a byline: "A and B", "A, B & C", "A und B", "A y B", "A et B".
NAME_JOINERS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s&\s|\s(?:and|und|y|e|et|en|a)\s)\s*", I)

# Trailing parts of a byline that are not a name: "| Staff Writer", "- Reuters", dates.
BYLINE_TAIL = re.compile(r"\s*(?:[|•·–—-]|,\s*(?:staff|senior|chief|political|special)\b).*$", I)

# Wire services that count as the whole byline when nobody else is named.
WIRE_SERVICES = ("Associated Press", "Reuters", "AFP", "Agence France-Presse", "dpa")

# Publication hints in front of a date: "Published March 13, 2020", "Veröffentlicht am ...".
PUBLISHED_HINT = re.compile(
    r"\b(?:published|posted|veröffentlicht|publié|publicado|publicada|pubblicato|publikováno"
    r"|datum|date|dated|on)\b",
    I,
)

# Lines whose date is not the publication date: "Updated ...", "© 2021", "Last modified".
NOT_PUBLICATION_DATE = re.compile(
    r"(?:©|\bcopyright\b|\blast (?:updated|modified|edited)\b|\baktualisiert\b|\bmis à jour\b"
    r"|\bactualizado\b|\batualizado\b|\baktualizováno\b|\bretrieved\b|\baccessed\b)",
    I,
)

# ---------------------------------------------------------------------------------------------
# Thresholds, calibrated on the seed and the developer corpus

# A block of at least this many words is prose: it can start the article body.
PROSE_MIN_WORDS = 12
# A shorter block that ends a sentence and has at least this many words is prose too.
SENTENCE_MIN_WORDS = 6
# A headline has at most this many words (the corpus's longest is 24).
TITLE_MAX_WORDS = 30
# A section name or kicker above the headline has at most this many words ("Conflicts").
SECTION_MAX_WORDS = 3
# An image caption is at most this many words (the seed's is 5).
CAPTION_MAX_WORDS = 40
# How many blocks before the body the headline search looks at.
TITLE_LOOKBACK = 12
# How many blocks after the body's last paragraph still belong to the article (sign-off).
TAIL_WINDOW = 3
# Score of a short, non-prose block inside the body region (penalises menus and lists of links).
SHORT_BLOCK_SCORE = -4
# Score of a chrome block inside the body region.
CHROME_SCORE = -15
# Hard-wrapped text (lynx, w3m at 80 columns, plain-text documents): lines of at least
# WRAP_MIN_LINE columns decide. The wrap column is the WRAP_PERCENTILE of their widths up to
# WRAP_WIDTH_MAX; the text counts as wrapped when WRAP_SHARE of them end within WRAP_BAND
# columns of it. Calibrated on the developer corpus: hard-wrapped dumps score 0.47-0.97, one
# line per paragraph at most 0.36.
WRAP_MIN_LINE = 40
WRAP_MIN_LINES = 5
WRAP_WIDTH_MAX = 100
WRAP_PERCENTILE = 0.9
WRAP_BAND = 15
WRAP_SHARE = 0.45
# A line continues the one above when its first word would not have fitted within this many
# columns of the wrap column (lynx leaves a column or two free).
WRAP_SLACK = 2
