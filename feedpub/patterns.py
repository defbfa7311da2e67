"""DATA ONLY: the vocabulary and thresholds feedpub's parser recognises page parts by.

Every table is immutable and says what it catches with an example line. No rule here names a
site: these are the words pages in many languages use for their chrome and their credits.
"""
from __future__ import annotations

import re
from types import MappingProxyType

I = re.IGNORECASE

# ---------------------------------------------------------------------------------------------
# Line shapes

# A list bullet or number at the start of a line: "  * Home", "• Sport", "1. Skip to content".
BULLET = re.compile(r"^\s*(?:[*•·▪◦‣∙–-]|\d{1,3}[.)])\s+")

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

# A byline, in several languages: "By Stella Kim and Jennifer Jett", "Von Anna Muster",
# "Posted by Andrew Hayden", "// By Arun Sai Krishnan • Nov 11, 2020".
BYLINE = re.compile(
    r"^\W{0,3}(?:(?:posted|written|words|story|text|reporting|edited|reviewed|medically reviewed"
    r"|fact[- ]checked|photos?|photographs?|illustrations?|video|translated|geschrieben"
    r"|publié|publicado|escrito)\s+)?"
    r"(?:by|von|par|por|door|di|da|od|autor(?:in)?|author|auteur|texto|text|napsal(?:a)?)"
    r"(?:\s*:\s*|\s+)(?P<names>\S.*)$",
    I,
)

# Credits under a headline that name someone who did not write the article ("Reviewed by
# Hansa D. Bhargava, MD", "Edited by Betsy Beyer"): they are bylines with no author.
NOT_AUTHOR_CREDIT = re.compile(
    r"^\W{0,3}(?:edited|reviewed|medically reviewed|fact[- ]checked|photos?|photographs?"
    r"|illustrations?|video|translated)\s+(?:by|von|par|por)\b",
    I,
)

# "by" inside a line that opens with something else: "on March 10, 2015 by Nikhil Marathe",
# "2/26/2015 7:11 AM PST BY TMZ STAFF".
BYLINE_INSIDE = re.compile(r"(?:^|[\s/|•·])(?:by|von|par|por)\s+(?P<names>[^\W\d_].{0,150})$", I)

# A line that is only the byline word; the names follow on the next line ("By" / "Ana Lima").
BYLINE_WORD = re.compile(r"^\W{0,3}(?:by|von|par|por|door|autor|author|auteur)\s*:?$", I)

# Words that join names in a byline: "A and B", "A, B & C", "A und B", "A y B", "A et B".
NAME_JOINERS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s&\s|\s(?:and|und|y|e|et|en|a)\s)\s*", I)

# Where a byline's names stop: "| Staff Writer", " - Reuters", "• Nov 11", "@handle",
# ", Senior ...". Dashes need spaces around them so "Roberts-Grey" stays whole.
BYLINE_TAIL = re.compile(
    r"\s+[|•·–—-]\s|\s*[|•·]|\s*@|,\s*(?:staff|senior|chief|political|special)\b", I)

# Separators between a name and the rest of a dated line: "Dan Goodin - Apr 16, 2015".
BYLINE_SEPARATOR = re.compile(r"\s+[|•·–—-]\s+|\s*[|•·]\s*|\s{3,}|\[[^\]]*\]")

# How long ago a page says something was posted: "8h", "1 day ago", "vor 2 Stunden".
RELATIVE_TIME = re.compile(
    r"(?:\b\d+\s*(?:h|hrs?|hours?|m|mins?|minutes?|d|days?|weeks?|months?|years?)\b"
    r"(?:\s+ago)?|\b(?:an?|one)\s+(?:hour|day|minute|week)\s+ago\b|\bvor\s+\d+|\bil y a\b"
    r"|\bhace\s+\d+|\bpřed\s+\d+|\b(?:yesterday|today|just now|gestern|heute|hier)\b)",
    I,
)

# Co-authors named in brackets: "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)".
WITH_NOTE = re.compile(r"\s*\((?:avec|with|mit|con|com|met|se|s)\s+([^)]*)\)", I)
# Notes after a name saying what the person did: "Eleanor Ainge Roy (reporting)".
ROLE_NOTE = re.compile(r"\s*\([^)]*\)")
# Such notes for people who did not write the text: "Adrian Malloch (photography)".
NOT_AUTHOR_ROLE = re.compile(
    r"\((?:photo\w*|pictures?|images?|video\w*|illustrat\w*|graphics?|fotos?|bild(?:er)?)\)", I)
# Bracketed placeholders inside a line: "[6eef5bc5-c] James Akinaka • 8h".
BRACKETED = re.compile(r"\[[^\]]*\]")
# A word that led into a date cut off a byline: "Albert on (2019-02-15)", "Anna am (3. Mai)".
DATE_LEAD_WORD = re.compile(r"\s+(?:on|at|am|um|le|el|il|em|dne|den|op)\s*$", I)

# Academic and professional letters after a name: "Brenda Goodman, MA".
CREDENTIAL = re.compile(
    r"^(?:MD|M\.D|MA|MS|MSc|PhD|Ph\.D|RN|MPH|DO|JD|MBA|LLM|Dr|Jr|Sr|II|III)\.?$", I)

# Words of a job title, in several languages: not names ("Daniel Kahn Gillmor, Senior Staff
# Technologist", "Posted by Andrew Hayden, Software Engineer on Google Play").
JOB_TITLE_WORDS = frozenset({
    "reporter", "writer", "editor", "correspondent", "columnist", "contributor", "contributing",
    "producer", "technologist", "analyst", "director", "manager", "engineer", "founder", "ceo",
    "cto", "president", "professor", "intern", "senior", "chief", "deputy", "associate", "lead",
    "photographer", "journalist", "developer", "designer", "scientist", "researcher",
    "specialist", "coordinator", "officer", "executive", "editorial", "staffer", "freelance",
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autorin", "rédacteur",
    "rédactrice", "journaliste", "envoyé", "envoyée", "spécial", "periodista", "redactor",
    "redactora", "corresponsal", "repórter", "jornalista", "redaktor", "redaktorka",
    "zpravodaj", "novinář", "novinářka", "redacteur", "verslaggever", "giornalista",
})

# A staff credit that is the whole byline: "TMZ STAFF", "Our Foreign Staff".
STAFF_CREDIT = re.compile(r"^(?:our\s+)?(?:[\w.&'-]+\s+){0,3}(?:staff|redaktion|rédaction)$", I)

# A byline names at most this many words per person ("Michiel B. de Jong").
NAME_MAX_WORDS = 5

# Characters a bare name line never has (digits, brackets, sentence marks).
NOT_NAME_CHARS = re.compile(r"\t|\s{3,}|[\d:;,|?!@#/\\()\[\]{}<>=+*&%$€£\"“”«»…]")

# One word of a name: letters, with an inner hyphen or apostrophe, or an initial ("C.").
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?$")

# Lower-case words inside names: "Michiel B. de Jong", "Ursula von der Leyen".
NAME_PARTICLES = frozenset({
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das",
    "bin", "ibn", "al", "zu", "ter", "ten", "y",
})

# Capitalised words that show a short line is a label (section, site part, button), not a
# person: "Tech Insider", "Middle East", "Free Future", "Site Theme".
NOT_NAME_WORDS = frozenset({
    "the", "and", "of", "for", "to", "in", "on", "with", "a", "an", "my", "your", "our", "all",
    "news", "home", "more", "menu", "follow", "following", "share", "read", "view", "about",
    "contact", "sign", "log", "login", "subscribe", "newsletter", "newsletters", "search",
    "comments", "comment", "video", "videos", "photos", "photo", "gallery", "live", "latest",
    "top", "most", "popular", "best", "new", "world", "politics", "business", "sport", "sports",
    "tech", "technology", "science", "health", "opinion", "culture", "entertainment", "travel",
    "style", "food", "lifestyle", "weather", "local", "national", "international", "economy",
    "markets", "money", "media", "insider", "times", "post", "daily", "weekly", "journal",
    "magazine", "tribune", "herald", "review", "reviews", "blog", "podcast", "app", "apps",
    "site", "page", "story", "stories", "article", "articles", "edition", "print", "email",
    "online", "free", "premium", "store", "shop", "jobs", "events", "games", "movies", "music",
    "books", "tv", "radio", "east", "west", "north", "south", "middle", "future", "software",
    "server", "project", "projects", "feed", "rss", "theme", "settings", "help", "privacy",
    "terms", "policy", "advertise", "advertisement", "sponsored", "partner", "partners",
    "update", "updates", "network", "foundation", "group", "university", "institute",
    "engineering", "community", "forum", "forums", "support", "research", "data", "digital",
    "hours", "day", "week", "today", "previous", "next", "back", "top", "report", "chapter",
    "fiction", "donate", "patreon", "premium", "open", "close", "accept", "reject", "cookies",
    "published", "posted", "updated", "last", "index", "boutique", "link", "watching", "now",
})

# Wire services that count as the whole byline when nobody else is named.
WIRE_SERVICES = frozenset({
    "associated press", "the associated press", "reuters", "afp", "agence france-presse",
    "dpa", "ap", "upi", "efe", "ansa", "kyodo", "xinhua", "bloomberg",
})

# Publication hints in front of a date: "Published March 13, 2020", "Veröffentlicht am ...".
PUBLISHED_HINT = re.compile(
    r"\b(?:published|posted|veröffentlicht|publié|publicado|publicada|pubblicato|publikováno"
    r"|datum|date|dated|on)\b",
    I,
)

# The same hints, without the short words that also run through prose ("on", "date"):
# they date a line even inside a longer text ("... posted on April 21, 2015, at 11:29").
PUBLISHED_HINT_STRONG = re.compile(
    r"\b(?:published|posted|veröffentlicht|publié|publicado|publicada|pubblicato|publikováno"
    r"|gepubliceerd|erschienen)\b",
    I,
)
# How far after such a hint its date may start, in characters.
HINT_REACH_CHARS = 40
# A long header line opening with a date ("Le Monde | 04.05.2015 à 13h36 • Mis à jour ...
# | Par ...") is dated when the date is this near its start and it is a strip of parts.
DATE_LEAD_CHARS = 40
HEADER_STRIP_MARK = re.compile(r"\s[|•·]\s")

# Words that make the date after them an update of the article, not its publication:
# "Updated April 29, 2019", "Mis à jour : 30 avril 2015", "Last modified on Wed 16 Jan 2019".
# A page that shows no other date in its header is dated by its update (the corpus's
# "Last updated September 14, 2016" under a headline with no other date).
UPDATED_DATE = re.compile(
    r"\b(?:(?:last )?(?:updated|modified|edited)|aktualisiert|geändert|mis à jour|modifié"
    r"|actualizado|atualizado|aggiornato|aktualizováno|bijgewerkt)\b",
    I,
)

# Words that make the date after them no date of the article at all: "© 2021", "Retrieved
# 3 May 2020", "Expires: 18 June 2015", an infobox's "Founded February 28, 1998".
NOT_PUBLICATION_DATE = re.compile(
    r"(?:©|\bcopyright\b|\bretrieved\b|\baccessed\b|\bexpires?\b|\bfounded\b|\bborn\b"
    r"|\bdied\b|\bestablished\b|\breleased?\b|\bgegründet\b|\bgeboren\b|\bfondée?\b"
    r"|\bné(?:e)?\b|\bfundad[oa]\b|\bnacid[oa]\b|\bzaložen[aoý]?\b|\bnarozen[aý]?\b"
    r"|\babgerufen\b|\bconsulté\b|\bconsultado\b)",
    I,
)

# ---------------------------------------------------------------------------------------------
# Headline: the weights of the signals headline.find_title adds up, calibrated on the developer
# corpus (how the headline differs from menu entries, section names and related-story links).
HEADLINE_WEIGHTS = MappingProxyType({
    "overlap": 3.0,      # times the share of its words the body uses again
    "topic": 1.0,        # times how often the body comes back to its words (topicality)
    "meta_after": 3.0,   # a byline, date or author name just under it (less farther down)
    "meta_before": 1.0,  # a date or byline just above it ("06 December 2016" / headline)
    "repeated": 1.5,     # the page shows it twice (breadcrumb "News > Headline", window title)
    "words": 1.5,        # times its length up to HEADLINE_GOOD_WORDS (labels are shorter)
    "list_item": 1.0,    # minus: a bulleted line is a menu entry more often than a headline
    "near_body": 2.0,    # right above the body; halved HEADLINE_NEAR_BLOCKS text blocks up
    "too_long": 2.0,     # minus: longer than HEADLINE_LONG_WORDS reads as a lede or caption
    "inside_body": 1.0,  # minus: inside the body region (past its first block), with ledes
    "after_prose": 1.5,  # minus: the body's prose has begun above it (a sub-heading)
    "byline_like": 3.0,  # minus: a bare name or job title is the byline, not the headline
    "one_word": 1.0,     # minus: one word is a label far more often than a headline
})
# A word used in this many body paragraphs is fully a topic of the article.
HEADLINE_TOPIC_BLOCKS = 5
# A headline-shaped line right above the best candidate, sharing this share of its words
# with the body and scoring within the margin, is the headline and the candidate its
# standfirst (a dek reads much like its headline, and comes second).
HEADLINE_DEK_OVERLAP = 0.5
HEADLINE_DEK_MARGIN = 0.75
HEADLINE_DEK_TOPIC = 0.3
# Text blocks between a headline and the body that halve its "near_body" weight.
HEADLINE_NEAR_BLOCKS = 4
# The body region may open with the headline itself (a long headline reads as prose), or with
# a few lines of chrome the region took in.
HEADLINE_INTO_BODY = 8
# Words shorter than this are left out when comparing a headline with the body ("the", "of").
HEADLINE_MIN_WORD_CHARS = 4
# The overlap share is taken over at least this many words, so a one-word label whose word
# the body happens to use does not look like a headline the body is about.
HEADLINE_OVERLAP_WORDS = 4
# Share of a headline's non-space characters that are letters (menus of symbols have fewer).
HEADLINE_MIN_LETTER_SHARE = 0.5
# A one-word headline ("Mozilla") has at least this many characters.
HEADLINE_MIN_CHARS = 4
# The corpus's longest headline has 19 words; ledes and captions are longer.
HEADLINE_LONG_WORDS = 20
# Closing marks after which a line is finished even if the next begins in lower case.
HEADLINE_CLOSING = ("?", "!", "\"", "”", "»", "'", "’", ")")
# Headlines this long or longer get the full "words" weight.
HEADLINE_GOOD_WORDS = 6
# How many text blocks under / over a headline its byline or date may sit.
META_REACH_AFTER = 4
META_REACH_BEFORE = 2
# A bare name line under a candidate counts this much as a byline (names also head lists).
NAME_LINE_META = 1.0
# A headline starts with a letter, a digit or an opening quote, not "□", "+" or "//".
HEADLINE_FIRST_CHAR = re.compile(r"^(?:[^\W_]|[\"'“‘«„¿¡])")
# A headline does not end like a sentence or a label ("." "," ":" ";") ...
HEADLINE_END_NOT = re.compile(r"[.,:;。、]$")
# ... unless the end is an abbreviation or an ellipsis ("Underneath N.Y.C.", "Why...").
HEADLINE_END_OK = re.compile(r"(?:\b[A-Z]\.|\.\.\.)$")
# Headline-shaped lines that are page furniture: form buttons, links, file names,
# navigation trails ("Home > News", "« Previous | Next »"), nested-list marks of converters
# ("o Setting up", "+ Added ..."), table rows ("Industry   Open-source software"), the
# edit links of wiki section headings ("History [ edit ]"), table captions of text browsers
# ("CAPTION: Films with time loops"), captions that carry their
# credit ("... for two years. Source: Supplied", "... as they should be Getty Images").
HEADLINE_NOT = re.compile(
    r"\(BUTTON\)|_{3,}|https?://|www\.|\.(?:jpe?g|png|gif|svg|webp)\b|\w\[[^\]]*\]"
    r"|\||\s>\s|›|^[o+]\s|\t|\S {3,}\S|\[\s*(?:edit|bearbeiten|modifier|editar|upravit)\s*\]"
    r"|^caption:|^(?:share|tweet|follow us|sign (?:in|up)|log (?:in|out)|subscribe|s'abonner|abonnez"
    r"|abonnieren|jetzt abonnieren|suscr[ií]b|assine|inscreva|iscriviti|abonneer|předplať)"
    r"|\b(?:click|tap) (?:here|to)\b|\bcontinue reading\b|\bvideo will play\b"
    r"|\b(?:source|photo|photograph|picture|credit|image|foto|bild|crédit|fuente|zdroj)\s*:\s*\S"
    r"|\b(?:getty images|ap photo|shutterstock|istock(?:photo)?|alamy|picture alliance"
    r"|imago|afp|reuters|epa|dpa)\s*\W?$",
    I,
)
# Separators in a line that shows the headline with other parts: "New York|Headline",
# "Section > Sub > Headline", "Headline - Site name".
TITLE_SEPARATOR = re.compile(r"\s*[|›»]\s*|\s+[>–—-]\s+|\s+::\s+")

# The header: how many blocks (chrome not counted) after and before the headline hold its
# byline and date. The corpus's farthest byline sits 6 blocks under the headline, below the
# standfirst and the lead picture's caption.
HEADER_AFTER = 8
HEADER_BEFORE = 3
# How many of the body's last blocks may sign the post (blogs put the byline and date under
# the text); of the blocks after the body only the first may.
FOOTER_REACH = 3
# How many other places showing the headline's very line are searched for its byline.
HEADLINE_TWINS = 3
# A bare name line counts as the byline only this close under the headline.
NAME_LINE_REACH = 4
# A line longer than this is prose that mentions a date, not a date line.
DATED_LINE_MAX_WORDS = 16

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
# A document whose lines mostly stop at or below this width was hard-wrapped.
WRAP_WIDTH_MAX = 100
# Share of long lines that sit within WRAP_BAND of the widest one in a hard-wrapped text.
WRAP_BAND = 25
