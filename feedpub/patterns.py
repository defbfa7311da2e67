"""DATA ONLY: the vocabulary and thresholds feedpub's parser recognises page parts by.

Every table is immutable and says what it catches with an example line. No rule here names a
site: these are the words pages in many languages use for their chrome and their credits.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from types import MappingProxyType

from .datewords import MONTHS
from .regexinfo import DIGIT, alternatives, opening_chars

# Month names in every language datewords knows: "13. März 2020" is a date, not item 13.
_MONTH_WORD = "|".join(sorted({re.escape(n) for lang in MONTHS.values() for m in lang for n in m},
                              key=len, reverse=True))

I = re.IGNORECASE

# Scripts written without spaces between words (kana, CJK ideographs, hangul; Thai, Lao,
# Khmer and Burmese, which space phrases, not words): their text is counted by characters,
# not by runs between spaces.
_PHRASE_SPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_CJK = f"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af{_PHRASE_SPACED}"
CJK_CHAR = re.compile(f"[{_CJK}]")
CJK_RUN = re.compile(f"[{_CJK}]+")
PHRASE_SPACED_CHAR = re.compile(f"[{_PHRASE_SPACED}]")
# Characters that count as one word: two in running text, three in a headline, whose words
# are shorter (a headline of 30 characters reads like ten words, not fifteen). The letters
# of Thai and its neighbours are sounds, their vowels and tones marks of their own: about
# four make a word.
CJK_CHARS_PER_WORD = 2
PHRASE_SPACED_CHARS_PER_WORD = 4
CJK_CHARS_PER_HEADLINE_WORD = 3

# ---------------------------------------------------------------------------------------------
# Line shapes

# A list bullet or number at the start of a line: "  * Home", "• Sport", "1. Skip to content".
# Text browsers mark nested lists with "+", "o" and "□"; "o" only counts when indented deeper
# than a dump's paragraphs (lynx indents those 3 columns, its third-level bullets 12 and
# more), since it is a word in Portuguese and Spanish that may open a wrapped line ("o
# Brasil seja melhor").
BULLET = re.compile(rf"^\s*(?:[*•·▪◦‣∙□■–+-]|\d{{1,3}}[.)](?!\s+(?:{_MONTH_WORD})\b))\s+"
                    r"|^\s{6,}o\s+", I)

# Image, frame and form placeholders that text browsers and converters leave: "[logo]",
# "[IMG]", "[image: x]", lynx's "(BUTTON) (BUTTON) 0" and "IFRAME: https://...", lines of
# bare icons ("•", "□"), and a picture's file name printed for the picture ("google.JPG").
PLACEHOLDER = re.compile(
    r"^\s*(?:(?:\[[^\]]{0,80}\]|\((?:BUTTON|button|submit|Submit|Submit Query)\))\s*)+\d{0,4}\s*$"
    r"|^\s*\[?I?FRAME\]?:\s*\S*\s*$"
    r"|^\s*[•·▪◦‣∙□■*+|/\\]+\s*$"
    r"|^\s*[\w.-]{1,80}\.(?i:jpe?g|png|gif|svg|webp|avif)\s*$"
)

# A sentence ends with one of these (optionally inside quotes or brackets). An ellipsis does
# not end one: it marks a teaser cut short ("Les 43 fois où Grey's Anatomy a fait couler…").
# That is (?<!\.\.)[.!?。！？:;]['"”’»)\]]*$ with the two dots looked for from the mark on,
# so that a search skips from one of these marks to the next rather than stopping at every
# character of the text.
SENTENCE_END = re.compile(r"[.!?。！？:;](?<!\.\..)['\"”’»)\]]*$")

# How many closing characters of a block the sentence-end test reads (footnote marks included).
SENTENCE_TAIL_CHARS = 80

# Footnote marks that end a sentence in encyclopedia text: "... in 1995.[12]", "... loops.^[55]".
FOOTNOTE_MARKS = re.compile(r"(?:\^?\[(?:\d{1,4}|[a-z]|citation needed)\])+\s*$", I)

# A line of program code, markup or tabular output, which technical articles quote in blocks:
# it ends in a brace, semicolon, comma or open bracket, opens or closes a tag, calls a function, assigns, is a
# comment or a shell prompt, or is a table row or rule drawn with box characters
# ("var cow = new Cow();", "</head>", "$ hg amend -m 'fix'", " 2 │ -0.757 │ t"); so is a line of
# bare figures, as a chart's axis labels leave ("$915", "’17", "4.3333"), or a line of an HTTP
# exchange ("GET /x HTTP/1.1", "Content-Type: text/html", a line ending in "\"). The signs
# come in three patterns, by where they stand (classify.is_code tries each): searching one
# pattern of them all tried the start-of-line signs at every position too.
CODE_LINE_START = re.compile(
    r"\s*(?:[}\])]|</?[a-zA-Z][\w-]*(?:\s[^>]*)?/?>"
    r"|(?:var|let|const|def|function|return|import|from|if|for|while|class)\b.*[=({:]"
    r"|(?://|/\*|\*|#!|\$ |>>> |% |-- )|[─━═_=~-]{3,}\s*$"
    r"|(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) /|HTTP/\d|[A-Z][a-z]+(?:-[A-Z][a-z]+)+: )"
    r"|[\s$€£¥%‰’'+\-–.,:/#]*\d[\s\d$€£¥%‰’'+\-–.,:/#]*$"
)
CODE_LINE_END = re.compile(r"[{};]\s*$|\w\([^)]*\)\s*[;{]?\s*$|[,(]\s*$|\\$")
CODE_LINE_ANYWHERE = re.compile(
    r"\s(?:[=!<>+\-*/]?=|=>|->|&&|\|\|)\s|\b[a-z_]\w*\([\w, *.]*\)|[│┃┆║┼╋]"
)
# Cheap tests that let classify.is_code pass over most prose without the two searches: a
# line CODE_LINE_END finds ends (trailing spaces aside) in one of these characters, and a
# line CODE_LINE_ANYWHERE finds holds one of these (tests/test_region.py checks both).
CODE_LINE_END_CHARS = frozenset("{};),(\\")
CODE_LINE_ANYWHERE_HINT = re.compile(r"[=>&|(│┃┆║┼╋]")
# Two spaces in a row inside a line: browsers and text dumps print the spaces between a line's
# words one at a time, so this is a layout's gap between cells side by side ("Industry  Open-
# source software"), not a space in a sentence. (A date line's cells are read apart at gaps of
# three spaces or a tab, TABLE_CELL_GAP.)
CELL_GAP = "  "
# The column separators of a table drawn with box characters (a query's output, a text table).
TABLE_RULE = re.compile(r"[│┃┆║┼╋]")
# A frame a text browser draws around a bordered table that lays out a whole page: each line
# between two vertical bars ("│ I am a rather elderly man. ... │"), and rule lines of box
# characters alone ("┌────┐"). markup.without_frame takes the outer bars off such lines.
FRAME_CHARS = "│┃║"
FRAMED_LINE = re.compile(rf"^(?P<indent>[ \t]*)[{FRAME_CHARS}](?P<inside>.*?)[{FRAME_CHARS}][ \t]*$")
BOX_RULE_LINE = re.compile(rf"^[ \t]*[─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬{FRAME_CHARS} \t]+$")
# The same drawn in ASCII, as pandoc's plain text draws a grid table ("+-----+" over lines
# "| ... |"): only in a text that has such a rule line, where a bar at both ends of a line is
# a frame and not the text's own.
GRID_RULE = re.compile(r"^[ \t]*\+(?:[-=:]{3,}\+)+[ \t]*$", re.M)
GRID_FRAMED_LINE = re.compile(r"^(?P<indent>[ \t]*)\|(?P<inside>.*)\|[ \t]*$")
# A table in a grid table's cell has a frame of its own: this many come off, outer first.
GRID_MAX_NESTING = 4
# A grid table's row this many lines tall or more is a page's layout (a sidebar beside the
# article), read a column at a time; a shorter one is a data table's, read across.
GRID_LAYOUT_ROW_LINES = 10

# A run of at least PRE_MIN_LINES lines with no blank line between, none of them a list item,
# of which PRE_CODE_SHARE or more look like code, is a preformatted block (a code listing, a
# query and its output): all of it is read as the article quoting code.
PRE_MIN_LINES = 3
PRE_CODE_SHARE = 0.25

# An HTML tag with attributes left in the text ("<div style=...>", "<img src=...>"): the sign
# of markup a page failed to render (ad and tracking snippets). Prose that names a bare tag
# ("<b>") has none.
MARKUP_TAG = re.compile(r"<[a-zA-Z][\w-]*\s+[\w-]+=[^>]*>")
# Any opening or closing tag ("<img src=x>", "<p>", "</a>"): what is left of a block without
# them is the text it shows.
MARKUP_ANY_TAG = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^>]*)?/?>")
# A block with a tag with attributes is leaked markup when tags make up most of it, this
# share of its characters ("<div><img src=... width=1></div>", "<span class=x>Sponsored by
# </span>Babbel"), and the text between them is no prose: a paragraph that quotes a tag
# ("Placards read <img src=x onerror=alert(2)> all day", an article about HTML) is kept.
MARKUP_MIN_SHARE = 0.5
# A page's minified script or style sheet printed as text: a block of at least
# SCRIPT_MIN_CHARS characters, under SCRIPT_MAX_SPACE_SHARE of them spaces (prose has about
# 15 %, a spaced code listing as many) and at least SCRIPT_MIN_MARK_SHARE of them the marks
# of code (the corpus's minified scripts: 10-16 %; its prose: under 3 %).
SCRIPT_MARKS = re.compile(r"[{}();=<>\[\]|&!]")
SCRIPT_MIN_CHARS = 200
SCRIPT_MAX_SPACE_SHARE = 0.05
SCRIPT_MIN_MARK_SHARE = 0.08

# A wrapped line stands centred under the one above when their middles (in twice-columns, as
# text browsers centre on half columns) differ by at most this much.
CENTRED_SLACK = 2

# Inline TeX that math renderers leave beside a formula ("{\displaystyle a_{ij}}"): dropped from
# the text, since a reader sees the formula, not its source.
TEX_SOURCE = re.compile(r"\{\\(?:displaystyle|textstyle|scriptstyle)\b")
# The MathML source a text browser prints for a formula over several lines ("[MATH:
# <semantics> <mrow> ... </semantics> :MATH]"): cut, with the line breaks around it, before
# the text is split into blocks, so the sentence it interrupted is one paragraph again.
MATHML_OPEN, MATHML_CLOSE = "[MATH:", ":MATH]"

# lynx's dump with its list of links (its default, without -nolist): each link's text opens
# with its number ("[12]Skip to content", "* [4]Biz & IT"), and after the page comes the list
# itself ("References" / "Visible links:" / "1. https://..."). The list is cut and the
# numbers taken out; without such a list, bracketed numbers are the text's own (a footnote
# mark "[12]"), and stay.
LYNX_REFERENCES = re.compile(r"^References\n\n(?:[ \t]*Visible links:\n)?[ \t]*1\. [a-z][\w+.-]{0,20}:",
                             re.M)
LYNX_LINK_NUMBER = re.compile(r"\[\d{1,5}\](?=[^\s\[\]])")

# Markdown (markup.without_markdown). A picture "![alt](src)" and a link "[words](address)",
# whose address may hold escaped brackets ("javascript:void\(0\);") and, from a converter
# that copied the page's source, line breaks; a heading's hashes "## "; strong "**words**" or
# "__words__"; emphasis "_words_" or "*words*" with no letter outside its marks and none of
# its own against them (a list's "* item" and a name's "snake_case" are left).
# Every part has a bounded length and stops at the characters that end it, so that text full
# of brackets or stars costs a bounded look at each. MARKDOWN_HINT finds a text written in
# Markdown by its links or headings: only then are stars and underscores read as Markdown's
# (plain text has "__init__.py" and "a ** b" too).
MARKDOWN_HINT = re.compile(r"\]\(|^[ \t]*#{1,6}[ \t]", re.M)
_MARKDOWN_ADDRESS = r"\((?:[^()\\]|\\.){0,2000}\)"
MARKDOWN_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]" + _MARKDOWN_ADDRESS)
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\[\]\n]{0,300})\]" + _MARKDOWN_ADDRESS)
MARKDOWN_HEADING = re.compile(r"^(?P<indent>[ \t]*)#{1,6}[ \t]+", re.M)
MARKDOWN_STRONG = re.compile(r"\*\*(?P<stars>[^*\s](?:[^*\n]{0,200}[^*\s])?)\*\*"
                             r"|__(?P<lines>[^_\s](?:[^_\n]{0,200}[^_\s])?)__")
# (The mark comes first and the character before it is looked at from behind it, so that a
# search skips from one star or underscore to the next instead of trying every position.)
MARKDOWN_EMPHASIS = re.compile(
    r"(?P<mark>[*_])(?<![\w*_][*_])(?P<words>[^*_\s](?:[^*_\n]{0,200}[^*_\s])?)(?P=mark)"
    r"(?![\w*_])")

# ---------------------------------------------------------------------------------------------
# Page chrome: whole lines that are navigation, buttons, banners or footers. Each table holds
# regular-expression fragments that must match the whole line (case-insensitive, trailing
# ":", "›", "»", "→" and the like allowed). Two kinds, because they weigh differently when
# the parser looks for where the article is:
#   INLINE chrome sits between the paragraphs of an article (ads, share buttons, media player
#   controls): dropped, but it does not end the article.
#   END chrome follows an article (comment sections, related and most-read lists, newsletter
#   boxes, tags, footers, copyright): dropped, and it marks the edge of the article.


@dataclass(frozen=True)
class WholeLines:
    """Whole-line tables compiled: `match(line)` says whether the line is one of them, in
    any case.

    A line is put in lower case and matched with case counting: Python's regex engine passes
    over an alternative by its first letter only when case counts, which makes these long
    alternations about a third faster (three times, on a line that is not ASCII). Both
    readings agree because the fragments hold no upper-case letter and no character that
    folds to an ASCII one (tests/test_region.py checks), on every ASCII line (most lines)
    and on every other line that reads_in_lower_case; the few others are matched by
    `any_case`. The lower-case reading tries only the fragments a match could open with
    the line's first character (FirstCharacters).
    """

    any_case_source: str  # any_case's regular expression
    fragments: tuple[str, ...]  # the tables' fragments, in lower case
    # (word, pattern in lower case) of the phrases that may stand anywhere in the line
    anywhere: tuple[tuple[str, re.Pattern[str]], ...] = ()

    @functools.cached_property
    def any_case(self) -> re.Pattern[str]:
        """The pattern that ignores case, compiled when a line first needs it: few do, and
        compiling every table's took a fifth of importing the parser (about 20 ms), which a
        build that parses one new article pays in full."""
        return re.compile(self.any_case_source, I)

    @functools.cached_property
    def lower_case(self) -> FirstCharacters:
        """The fragments in lower case with case counting, by the character they open with:
        worked out when a line is first matched, not on import."""
        return FirstCharacters(self.fragments)

    def match(self, line: str) -> bool:
        lower = line.lower()
        if not line.isascii() and not reads_in_lower_case(line, lower):
            return self.any_case.match(line) is not None
        if self.lower_case.match(lower):
            return True
        for word, pattern in self.anywhere:  # a plain loop: a generator costs more here
            if word in lower and pattern.match(lower) is not None:
                return True
        return False


class FirstCharacters:
    """A whole-line table in lower case that tries on a line only the fragments a match can
    open with its first character (regexinfo.opening_chars): the regex engine tries the
    alternatives of a table one by one, some 275 of them at about 2 µs a line, where a line
    opening with "t" needs some 30. The fragments are spelled out first
    (regexinfo.alternatives: "(?:privacy|terms|...)" opens with either word, and is tried
    as each). A fragment stands where WHOLE_LINE_FRAME lets it: after the line's spaces, and
    after an opening bracket and its spaces when the line opens with one (the frame may take
    the bracket, or leave it to a fragment that opens with it).

    Each pattern is compiled when a line first needs it, about 0.5 ms, at most once for
    each character some fragment opens with (a process that parses the developer corpus
    compiles some 150 of them for all the tables; a generated article about 15)."""

    def __init__(self, fragments: tuple[str, ...]) -> None:
        self.fragments = [part for fragment in fragments for part in alternatives(fragment)]
        self.everywhere: set[int] = set()  # fragments that may open with any character
        self.opening: dict[str, set[int]] = {}  # fragments by a character they open with
        for index, fragment in enumerate(self.fragments):
            chars = opening_chars(fragment)
            if chars is None:
                self.everywhere.add(index)
            for char in chars or ():
                self.opening.setdefault(char, set()).add(index)
        self.by_head: dict[str, re.Pattern[str] | None] = {}  # by the line's first characters
        self.compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}  # by fragments

    def match(self, lower: str) -> bool:
        text = lower.lstrip()
        head = text[:1]
        if head and head in OPENING_BRACKETS:
            head += text[1:].lstrip()[:1]
        pattern = self.by_head.get(head, False)
        if pattern is False:
            pattern = self.by_head[head] = self.pattern(head)
        return pattern is not None and pattern.match(lower) is not None

    def pattern(self, head: str) -> re.Pattern[str] | None:
        """The frame around the fragments that can open with a character of `head`; None
        when there are none."""
        chosen = set(self.everywhere)
        for char in head:
            chosen |= self.opening.get(char, set())
            if char.isdecimal():  # what \d matches in a pattern of text
                chosen |= self.opening.get(DIGIT, set())
        key = tuple(sorted(chosen))  # in the tables' order
        if key not in self.compiled:
            self.compiled[key] = re.compile(WHOLE_LINE_FRAME.format(
                "|".join(self.fragments[index] for index in key))) if key else None
        return self.compiled[key]


def reads_in_lower_case(line: str, lower: str) -> bool:
    """Whether a pattern in lower case finds in `lower` (line.lower()) what it finds in the
    line when it ignores case: lower-casing gave one character for each, and none that a
    case-blind pattern takes for another lower-case one as well ("ſ" for "s", "ı" for "i",
    "ς" for "σ", "µ" for "μ"); those change when put in upper case and back."""
    return len(lower) == len(line) and lower.upper().lower() == lower


# A whole line of a table: the fragment, which the line may wrap in brackets or corner
# quotes ("【関連記事】", "[Related stories]") and end with an empty image placeholder
# ("Share on Whatsapp[]"), a colon or an arrow.
OPENING_BRACKETS = "【[(「『〔"
WHOLE_LINE_FRAME = (rf"^\s*[{re.escape(OPENING_BRACKETS)}]?\s*(?:{{}})\s*[】\])」』〕]?\s*"
                    r"(?:\[\s*\])?[:.!?›»→▸>|*：]*\s*$")


def _whole_lines(*tables: tuple[str, ...],
                 anywhere: tuple[tuple[str, str], ...] = ()) -> WholeLines:
    """The lines that are exactly one of the tables' fragments, or one of the phrases that
    may stand anywhere in the line, given with the word they hold (WHOLE_LINE_FRAME)."""
    fragments = tuple(f for table in tables for f in table)
    looking_ahead = "".join(f"|(?=.*?{re.escape(word)}){phrase}" for word, phrase in anywhere)
    return WholeLines(WHOLE_LINE_FRAME.format("|".join(fragments) + looking_ahead), fragments,
                      tuple((word, re.compile(WHOLE_LINE_FRAME.format(phrase)))
                            for word, phrase in anywhere))


# "Advertisement" and its kin between paragraphs (en de fr es pt it nl cs, CJK).
ADVERT_LINES = (
    r"advertisement|advertising|advert|ad|ads|sponsored(?: content| links?)?|promoted"
    r"|paid (?:content|post)|anzeige|werbung|publicité|publicidad|publicidade|pubblicità"
    r"|advertentie|reclame|reklama|inzerce|广告|広告|광고",
    r"(?:(?:the )?(?:story|article) )?continues (?:below|after)(?: (?:the |this )?(?:ad(?:vertisement)?))?",
    r"continue reading(?: (?:below|the main story|the story))?|weiterlesen|lire la suite"
    r"|seguir leyendo|continuar lendo|continua a leggere|lees verder|pokračovat ve čtení",
    r"scroll (?:down|to continue)(?: (?:for|to) [\w ]{1,30})?",
)

# Share, print and bookmark buttons (seed: "Share"), several languages.
SHARE_LINES = (
    r"(?:share|sharing)(?: (?:this|on|via) [\w ]{1,30})?|share this (?:story|article|post|page)"
    r"|tweet(?: this)?|print(?: this)?(?: (?:article|page|story))?|e-?mail(?: this)?(?: article)?"
    r"|pin(?: it)?|pinterest|whatsapp|facebook|twitter|linkedin|reddit|flipboard|telegram"
    r"|messenger|tumblr|stumble(?:upon)?|pocket|copy(?: the)? link|link copied|save(?: article)?"
    r"|copiar (?:o )?link|copier le lien|link kopieren|copia link|zkopírovat odkaz"
    r"|bookmark(?: (?:it|this))?|like|gefällt mir|j'aime|me gusta|mi piace|to se mi líbí"
    r"|share (?:the )?(?:article|story|post)|partager (?:l'|cet )article|compartir (?:el |este )?artículo"
    r"|compartilhe (?:a |esta )?(?:matéria|notícia)|condividi (?:l'|questo )articolo|sdílet článek",
    r"teilen|artikel teilen|drucken|versenden|partager|imprimer|envoyer|compartir|imprimir"
    r"|enviar|compartilh(?:ar|e)|partilh(?:ar|e)|condividi|stampa|delen|printen|sdílet|vytisknout",
    r"(?:我要)?分享(?:到)?|转播到.{1,10}|收藏|打印|シェア(?:する)?|ツイート|印刷|공유"
    r"|共有(?:する)?|(?:記事)?保存(?:する)?|文字サイズ|字(?:体|號|号)(?:大小)?|글자 ?크기",
    r"\d*(?:click|tap) to (?:share|email|print|tweet|pin|save)\b.{0,60}",
    r"more (?:options|sharing options)|resize(?: text)?|(?:text|font) size|a-? ?a\+?"
    r"|schriftgröße|taille (?:du )?texte|tamaño (?:de(?:l)? )?(?:texto|letra)|velikost písma",
    r"(?:facebook|twitter|whatsapp|e-?mail|mail|linkedin|reddit|pinterest|print|share|tweet"
    r"|pocket|flipboard|telegram|messenger|tumblr|sms|copy link|more|x)"
    r"(?:\s+(?:facebook|twitter|whatsapp|e-?mail|mail|linkedin|reddit|pinterest|print|share|tweet"
    r"|pocket|flipboard|telegram|messenger|tumblr|sms|copy link|more|x))+",
)

# Media player controls that a text dump of an embedded video leaves behind, and the button
# that closes it, its settings dialog or an enlarged photo: "Close" stands in the article.
PLAYER_LINES = (
    r"close|play(?: video)?|pause|mute|unmute|fullscreen|full screen|exit fullscreen|replay"
    r"|closed captions"
    r"|captions|subtitles|(?:current|duration|remaining) time[\s\d:/-]*|loaded: ?\d+(?:\.\d+)?%"
    r"|progress: ?\d+(?:\.\d+)?%|playback rate|chapters|descriptions|captions settings"
    r"|this is a modal window\.?|stream type ?live|video (?:player|unavailable)"
    r"|閉じる|关闭|關閉|닫기",
    r"(?:watch|view) (?:the )?(?:video|gallery|slideshow|photos?)|view (?:this )?image"
    r"|(?:open|enlarge|expand) (?:image|photo|gallery)|\d+ (?:photos|images|bilder|fotos)"
    r"|image \d+ (?:of|/) \d+|\d+ ?/ ?\d+",
)

# Lines that end an article: comments, related and popular stories (seed: "More stories from
# DW", "Skip next section DW's Top Story").
# The heading of a comment section (seed of the idea: "There are 13 comments", "Leave a Reply"),
# in several languages. Comments are prose, so the body region stops at the first such heading
# that follows enough of the article (see COMMENTS_CUT_MIN_SCORE).
COMMENT_LINES = (
    r"(?:there (?:are|is) )?(?:\d+|no) (?:comments?|responses?|replies|thoughts)"
    r"(?: (?:on|to) .{1,120})?|comments?(?: \(\d+\))?|reader comments"
    r"|(?:show|view|read|load|see|hide) (?:all )?(?:\d+ )?comments?"
    r"|leave a (?:comment|reply)|post a comment|add (?:a |your )?comment|write a comment"
    r"|join the (?:conversation|discussion)|comments? (?:are )?closed"
    r"|(?:\d+ )?kommentare?|kommentieren|leserkommentare|(?:\d+ )?commentaires?"
    r"|laisser un commentaire|(?:\d+ )?comentarios?|deja un comentario|(?:\d+ )?comentários?"
    r"|deixe um comentário|(?:\d+ )?commenti|lascia un commento|(?:\d+ )?reacties"
    r"|(?:\d+ )?komentáře|napsat komentář"
    r"|comentar|comenta|commenter|commentare|commenta|komentovat|reageren|comment on this"
    r"|(?:comparte|deja) tu (?:opinión|comentario)|partagez votre avis|deixe sua opinião"
    r"|(?:sign in|log in|register|regístrate|inicia sesión|connectez-vous|anmelden)"
    r"(?: o inicia sesión| or sign in| or log in)? (?:to comment|para comentar|pour commenter"
    r"|um zu kommentieren)",
    # Chinese in both scripts: 评论/評論, and 留言 (what Taiwanese blogs call comments) only
    # with a verb or as a list: a bare 留言 is as often the guestbook link of the site's menu.
    r"(?:我要|发表|發表|查看|更多|热门|熱門|最新)?(?:评论|評論)(?:\s*[(（]\d+[)）])?"
    r"|(?:我要|发表|發表|最新)留言|留言列表(?:\s*[(（]\d+[)）])?"
    r"|网友评论|網友評論|コメント(?:する|を書く|を?表示|非表示)?|댓글",
)

# Lines that end an article: related and popular stories, what to read next (seed: "More
# stories from DW", "Skip next section DW's Top Story"), and the buttons under a comment.
AFTER_ARTICLE_LINES = (
    r"reply|report|antworten|répondre|responder|rispondi|beantwoorden|odpovědět",
    r"(?:(?:explore|discover) more|more (?:stories|news|articles)(?: .*)?|more (?:from|on|in) .*"
    r"|top stor(?:y|ies)"
    r"|(?:the )?most (?:read|popular|viewed|shared|emailed|commented)|popular(?: now| stories)?"
    r"|related(?: (?:stories|articles|posts|content|coverage|links|topics|videos))?"
    r"|(?:you|we think you) (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested in)"
    r"|recommended(?: (?:for you|stories|articles|reading))?|trending(?: now| stories)?"
    r"|editor'?s? picks|what to read next|read next|up next|further reading|around the web"
    r"|from (?:around )?the web|in case you missed it|don'?t miss|also (?:on|in) .{1,40}"
    r"|latest (?:news|stories|articles|posts|videos)|recent (?:posts|articles|stories)"
    r"|other (?:[\w-]+ ){0,2}(?:stories|news|articles|columns|posts|headlines|videos)"
    r"|(?:check out|read|see|discover) (?:more|our other) (?:articles|stories|posts|videos)"
    r"(?: (?:on|at|from) .{1,40})?)",
    r"autres (?:articles|actualités|informations)|otras noticias|outras notícias"
    r"|weitere (?:artikel|nachrichten|meldungen)|altre notizie|andere artikelen",
    r"meistgelesen|meistgelesene artikel|das könnte sie auch interessieren|mehr zum thema"
    r"|weitere artikel|les plus lus|à lire aussi|sur le même sujet|dans la même rubrique"
    r"|lo más leído|más noticias|te puede interesar|(?:noticias|artículos) relacionad[oa]s|mais lidas"
    r"|artigos relacionados|articles? (?:connexes|liés|similaires)|verwandte (?:artikel|themen)"
    r"|articoli correlati|leggi anche"
    r"|leia também|notícias relacionadas|i più letti|potrebbe interessarti|meest gelezen"
    r"|gerelateerde artikelen|nejčtenější|související(?: články)?|další články",
    r"相关(?:阅读|新闻|文章|推荐)|推荐阅读|热(?:门|评)文章|精彩(?:视频)?推荐|猜你喜欢|延伸阅读"
    r"|相關(?:閱讀|新聞|文章|推薦)|推薦閱讀|熱(?:門|評)文章|精彩(?:視頻|影片)?推薦|猜你喜歡|延伸閱讀"
    r"|(?:您|你)?可能(?:會|会)(?:有)?(?:興趣|兴趣)的文章"
    r"|関連(?:記事|ニュース)|おすすめ(?:記事)?|人気(?:記事|ランキング)|관련 기사"
    r"|(?:アクセス|雑誌アクセス|総合)ランキング.{0,20}|注目の.{0,10}(?:ニュース|記事)",
    r"本文はここまで(?:です)?.*|(?:この)?ページの先頭(?:へ|に戻る)|返回顶部",
    r"skip (?:to|next section)\b.*|(?:jump|go) to (?:content|main|navigation|the content)\b.*",
)

# Newsletter and account boxes, and the site's own navigation and footer.
SITE_LINES = (
    r"(?:main )?(?:menu|navigation|search|home|homepage|sections?|open|back to top|top"
    r"|more|toggle navigation|site navigation|all sections)",
    r"(?:search (?:this|the) (?:site|blog|website)|search for|search(?: the)? archives?"
    r"|suche|rechercher|buscar|pesquisar|cerca|zoeken|hledat)(?:\s+(?:search|go|ok|→))?",
    r"(?:sign in|sign up|log ?in|log ?out|register|subscribe(?: now| today)?|my account"
    r"|create (?:an )?account|forgot (?:your )?password\??|anmelden|abonnieren|registrieren"
    r"|se connecter|s'abonner|s'inscrire|iniciar sesión|suscríbete|entrar|assine"
    r"|accedi|abbonati|inloggen|abonneren|přihlásit(?: se)?|předplatné"
    r"|ログイン|ログアウト|(?:新規)?会員登録|登录|登錄|登入|注册|註冊|로그인|로그아웃|회원가입)",
    r"(?:sign up for|subscribe to|get) (?:our|the)(?: free| daily| weekly)? newsletters?\b.*"
    r"|newsletters?|(?:our )?newsletter sign-?up|enter your e-?mail(?: address)?.*"
    r"|(?:recevoir|s'abonner à|inscrivez-vous à) (?:la|notre|nos) newsletters?.*"
    r"|newsletter (?:abonnieren|bestellen)|(?:recibe|suscríbete a) (?:el|nuestro|nuestra) (?:boletín|newsletter).*"
    r"|(?:receba|assine) (?:a|nossa) newsletter.*|iscriviti alla newsletter.*"
    r"|(?:meld je aan voor|abonneer op) (?:de|onze) nieuwsbrief.*|(?:přihlaste se k|odebírejte) newslett?er.*",
    r"(?:follow us|find us on|connect with us|folgen sie uns|suivez-nous|síguenos|siga-nos"
    r"|seguici|volg ons|sledujte nás)\b.*",
    r"(?:privacy(?: policy| notice| settings)?|terms(?: (?:of (?:use|service)|and conditions"
    r"|& conditions))?|cookie (?:policy|settings|preferences)|imprint|impressum|datenschutz"
    r"|(?:contact|about)(?: us)?|accessibility|sitemap|site map|legal notice|faq|help|careers"
    r"|advertise(?: with us)?|ad choices|rss(?: feeds?)?|mentions légales|contacto|contato"
    r"|aviso legal|política de privacidad|kontakt|o nás)",
    r"(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos"
    r" reservados|todos os direitos reservados|tutti i diritti riservati|alle rechten voorbehouden"
    r"|všechna práva vyhrazena)\b.*",
    r"(?:©|\(c\)|copyright)\s?.*",
    r"(?:previous|next|prev) (?:article|post|story|page)\b.*|(?:vorheriger|nächster) artikel\b.*"
    r"|article (?:précédent|suivant)\b.*",
    r"(?:tags?|topics?|filed (?:under|to)|categories|schlagwörter|themen|mots-clés|etiquetas"
    r"|temas|tag|štítky)\s*:.*",
)

# END chrome phrases that may stand anywhere in the line ("This site uses cookies ...",
# "... Top Story"), each with the word every one of its phrases holds (in lower case): an
# ASCII line without the word is not tried against them at all, and the any-case pattern
# looks ahead for it, one quick scan of a long paragraph instead of trying each phrase at
# each of its positions.
ANYWHERE_END_LINES = (
    ("top story", r".*\btop story"),
    # The box under an article asking readers to mark a typo and press Ctrl+Enter, in any
    # language ("Iezīmējiet tekstu un spiediet Ctrl+Enter ...", "Выделите текст и нажмите
    # Ctrl+Enter").
    ("ctrl", r".*\bctrl\s?\+\s?enter\b.*"),
    ("cookie", r".*\b(?:we use cookies|uses cookies|use of cookies|accept (?:all )?cookies"
     r"|cookies? (?:consent|notice|policy|settings)|verwendet cookies|utilise des cookies"
     r"|utiliza cookies|usa cookies|používá cookies)\b.*"),
)

INLINE_CHROME = _whole_lines(ADVERT_LINES, SHARE_LINES, PLAYER_LINES)
COMMENTS_HEADING = _whole_lines(COMMENT_LINES)
END_CHROME = _whole_lines(COMMENT_LINES, AFTER_ARTICLE_LINES, SITE_LINES,
                          anywhere=ANYWHERE_END_LINES)
# Both kinds in one table, for the classifier, which asks only whether a block is chrome:
# one lower-casing and one match per block instead of two (a line is CHROME exactly when it
# is INLINE_CHROME or END_CHROME; the body region tells the two apart where it must).
CHROME = _whole_lines(ADVERT_LINES, SHARE_LINES, PLAYER_LINES, COMMENT_LINES,
                      AFTER_ARTICLE_LINES, SITE_LINES, anywhere=ANYWHERE_END_LINES)

# ---------------------------------------------------------------------------------------------
# Article furniture kept as fields of the entry

# An image credit line under a picture (seed: "Image: picture-alliance/AP Photo/K. Mohammed").
IMAGE_CREDIT = re.compile(
    r"^(?:image|photo|picture|photograph|credit|foto|bild|imagen|crédit(?: photo)?|fotografie"
    r"|zdroj|画像|图片)\s*[:：]\s*(?P<credit>.+)$",
    I,
)

# A caption that ends in its picture's credit ("A man walks past ... on Thursday Credit:
# STR/AFP", "... ve Villa Parku. | Foto: Reuters"): a credit of a few words, no sentence.
CAPTION_CREDIT = re.compile(
    r"\s(?:\|\s*)?(?:image|photo|picture|photograph|credit|foto|bild|imagen|crédit(?: photo)?"
    r"|fotografie|zdroj)\s*[:：]\s*(?P<credit>(?:\S+\s*){1,6})$",
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
# "Posted by Andrew Hayden", "// By Arun Sai Krishnan • Nov 11, 2020", "Analysis by Joan
# Biskupic, CNN Senior Supreme Court Analyst".
BYLINE = re.compile(
    r"^\W{0,3}(?:(?:posted|written|words|story|text|reporting|edited|reviewed|medically reviewed"
    r"|fact[- ]checked|photos?|photographs?|illustrations?|video|translated|geschrieben"
    r"|publié|publicado|escrito|analysis|analyse|análisis|analisi|opinion|commentary"
    r"|kommentar|commentaire|column|essay|review|interview|report)\s+)?"
    r"(?:by|von|par|por|door|di|da|od|autor(?:in|ka|es|e|zy|i)?|autoři|authors?|auteurs?"
    r"|forfatter|författare|tekijä|szerző|yazar|автор(?:ы)?|texto|text|napsal(?:a)?)"
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
# "2/26/2015 7:11 AM PST BY NEWS STAFF".
BYLINE_INSIDE = re.compile(r"(?:^|[\s/|•·])(?:by|von|par|por)\s+(?P<names>[^\W\d_].{0,150})$", I)

# A Chinese or Japanese byline: "作者：肖春芳", "责任编辑：肖春芳", "記者：山田太郎". The
# name ends the line or is closed by a bracket, so "作者：责任编辑：肖春芳" gives the last.
CJK_BYLINE = re.compile(
    r"(?:作者|记者|記者|责任编辑|責任編集|编辑|編集|撰文|文|筆者|执笔|執筆)\s*[:：]\s*"
    r"(?P<names>[\u4e00-\u9fff\u3040-\u30ff·・]{2,8})(?=$|\s|[\]】）)\],，])"
)

# A line that is only the byline word; the names follow on the next line ("By" / "Ana Lima").
BYLINE_WORD = re.compile(r"^\W{0,3}(?:by|von|par|por|door|autor|autori|authors?|auteurs?"
                         r"|autores|forfatter|författare|tekijä|szerző|yazar|автор)\s*:?$", I)

# Words that join names in a byline: "A and B", "A, B & C", "A und B", "A y B", "A et B",
# "A i B", "A og B", "A och B", "A ja B", "A és B", "A ve B", "A и B".
NAME_JOINERS = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s&\s|\s(?:and|und|y|e|et|en|a|i|og|och|ja|és|ve|и)\s)\s*", I)

# Where a byline's names stop: "| Staff Writer", " - Reuters", "• Nov 11", "@handle",
# ", Senior ...", a button to follow the writer ("Follow @handle", "Folgen"). Dashes need
# spaces around them so "Roberts-Grey" stays whole.
BYLINE_TAIL = re.compile(
    r"\s+[|•·–—-]\s|\s*[|•·]|\s*@|,\s*(?:staff|senior|chief|political|special)\b"
    r"|\s+(?:follow|folgen|suivre|seguir)(?:\s+(?:on|me|us|him|her)\b.*)?$"
    r"|\s+(?:follow|folgen|suivre|seguir)\s+@", I)

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
# The name of a picture a text browser prints in its place, before the name it shows
# ("dsteer-headshot Dave Steer"): lower-case words tied by hyphens or underscores.
LEADING_IMAGE_NAME = re.compile(r"^(?:[a-z0-9]+(?:[-_][a-z0-9]+)+\s+)+")
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

# A staff credit that is the whole byline: "NEWS STAFF", "Our Foreign Staff".
STAFF_CREDIT = re.compile(r"^(?:our\s+)?(?:[\w.&'-]+\s+){0,3}(?:staff|redaktion|rédaction)$", I)

# The possessive ending of a word, left off before looking it up ("Today’s Paper").
POSSESSIVE = re.compile(r"['’]s$", I)

# A date with its time and zone takes at most this many words ("Monday, February 29, 2016
# @ 11:10 PM UTC"): a name with more after it is not a name over a date.
DATE_MAX_WORDS = 10
# A bare name line has at most this many capitalised words besides initials and particles
# ("Steven Davidoff Solomon"; "Other People Are Reading" is a label).
NAME_LINE_MAX_NAMES = 3
# A byline names at most this many words per person ("Michiel B. de Jong").
NAME_MAX_WORDS = 5

# Characters a bare name line never has (digits, brackets, sentence marks).
NOT_NAME_CHARS = re.compile(r"\t|\s{3,}|[\d:;,|?!@#/\\()\[\]{}<>=+*&%$€£\"“”«»…]")

# An initial inside a name: "C." in "John C. Welch".
INITIAL = re.compile(r"^[^\W\d_]\.$")
# One word of a name: letters, with an inner hyphen or apostrophe, or an initial ("C.").
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?$")

# Lower-case words inside names: "Michiel B. de Jong", "Ursula von der Leyen".
NAME_PARTICLES = frozenset({
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das",
    "bin", "ibn", "al", "zu", "ter", "ten", "y",
})

# Marks a site label may carry at a word's edge ("News ›", "Home |", "Sections:").
LABEL_EDGE_MARKS = ".,:;!?|»›>"

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
    "fiction", "donate", "premium", "open", "close", "accept", "reject", "cookies",
    "published", "posted", "updated", "last", "index", "boutique", "link", "watching", "now",
    "forecast", "forecasts", "temperature", "humidity", "traffic", "horoscope", "quiz",
    # The account, search and section labels of sites in other languages ("S'inscrire
    # Connexion" under a weather box is a button pair, not a byline).
    "connexion", "s'inscrire", "inscription", "abonnez-vous", "abonnement", "abonnés",
    "accueil", "rechercher", "recherche", "actualités", "météo", "partager", "commentaires",
    "suivre", "anmelden", "abmelden", "registrieren", "abonnieren", "startseite", "suche",
    "nachrichten", "wetter", "teilen", "kommentare", "zurück", "ausgabe", "iniciar", "sesión",
    "suscríbete", "registrarse", "inicio", "buscar", "noticias", "compartir", "comentarios",
    "portada", "edición", "entrar", "assine", "cadastre-se", "início", "notícias",
    "compartilhar", "comentários", "edição", "accedi", "abbonati", "registrati", "cerca",
    "notizie", "meteo", "condividi", "commenti", "přihlásit", "registrace", "hledat", "zprávy",
    "počasí", "sdílet", "komentáře",
    # "My ..." in those languages ("Minha Folha", "Mein Konto"): what a reader's own part of
    # the site is called. Not "ma" or "mi", which are names as well.
    "minha", "meu", "meus", "minhas", "mein", "meine", "mon", "mes", "mijn", "můj", "moje",
})

# Wire services that count as the whole byline when nobody else is named.
WIRE_SERVICES = frozenset({
    "associated press", "the associated press", "reuters", "afp", "agence france-presse",
    "dpa", "ap", "upi", "efe", "ansa", "kyodo", "xinhua", "bloomberg",
})

# Words saying a date is the publication date: "Published March 13, 2020", "Posted on ...",
# "Veröffentlicht am ...". They date a line even inside a longer text ("... posted on April
# 21, 2015, at 11:29"). Short words such as "on" or "date" are left out: they run through
# prose and reference lists ("Archived from the original on 24 March 2011").
PUBLISHED_HINT = re.compile(
    r"\b(?:published|posted|veröffentlicht|publié|publicado|publicada|pubblicato|publikováno"
    r"|gepubliceerd|erschienen)\b",
    I,
)
# The gap between the cells of a table row that a text browser lays out side by side.
TABLE_CELL_GAP = re.compile(r"\s{3,}|\t")
# Such a hint alone as a label, its date on the next line ("Published:" / "2017-08-15").
PUBLISHED_LABEL = re.compile(
    r"^\W{0,3}(?:published|posted|veröffentlicht|publié|publicado|publicada|pubblicato"
    r"|publikováno|date|datum|fecha|data)\s*(?:on|am|le|el)?\s*:\s*$",
    I,
)
# English's commonest little words: a page's body using them this much is English, and
# writes a numeric date month first ("11.03.17" is November 3). Calibrated on the corpus:
# English bodies score 0.08-0.26, French, Spanish, Portuguese, German, Czech, Chinese and
# Japanese ones 0.01 at most.
ENGLISH_FUNCTION_WORDS = frozenset({"the", "and", "of", "to", "is", "that", "it", "for", "was",
                                    "with", "are", "this", "you"})
ENGLISH_SHARE = 0.05
LANGUAGE_SAMPLE_BLOCKS = 10
LANGUAGE_SAMPLE_WORDS = 300
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
# 3 May 2020", "Archived from the original on 24 March 2011", "Expires: 18 June 2015", an
# infobox's "Founded February 28, 1998".
# (One "\b" before the words rather than one per word: most positions of a long line fail
# that one test instead of trying every word.)
NOT_PUBLICATION_DATE = re.compile(
    r"©|\b(?:copyright|retrieved|accessed|expires?|founded|born|died|established|released?"
    r"|gegründet|geboren|fondée?|née?|fundad[oa]|nacid[oa]|založen[aoý]?|narozen[aý]?"
    r"|abgerufen|consulté|consultado|archived|archiviert|archivé|archivado|archivováno)\b",
    I,
)

# ---------------------------------------------------------------------------------------------
# Headline: the weights of the signals headline.find_title adds up, calibrated on the developer
# corpus (how the headline differs from menu entries, section names and related-story links).
HEADLINE_WEIGHTS = MappingProxyType({
    "overlap": 3.0,      # times the share of its words the body uses again
    "topic": 1.5,        # times how often the body comes back to its words (topicality)
    "meta_after": 3.0,   # a byline, date or author name just under it (less farther down)
    "meta_before": 1.0,  # a date or byline just above it ("06 December 2016" / headline)
    "repeated": 1.5,     # the page shows it twice (breadcrumb "News > Headline", window title)
    "repeated_in_body": 2.0,  # minus: the body shows it again (a box between paragraphs)
    "words": 1.5,        # times its length up to HEADLINE_GOOD_WORDS (labels are shorter)
    "list_item": 1.0,    # minus: a bulleted line is a menu entry more often than a headline
    "table_row": 4.0,    # minus: cells side by side, two spaces apart (an infobox's row)
    "near_body": 2.0,    # right above the body; halved HEADLINE_NEAR_BLOCKS text blocks up
    "too_long": 2.0,     # minus: longer than HEADLINE_LONG_WORDS reads as a lede or caption
    "inside_body": 0.5,  # minus: inside the body region past its first block (sub-headings
                         # after prose pay "after_prose" too)
    "between_dates": 2.0,  # minus: a date line right above and right under (a timeline row)
    "under_byline": 2.0,   # minus: a byline right above, a byline or date right under (the
                           # writer's desk or outlet: "WebMD Health News")
    "after_prose": 1.5,  # minus: the body's prose has begun above it (a sub-heading)
    "byline_like": 3.0,  # minus: a bare name or job title is the byline, not the headline
    "one_word": 1.0,     # minus: one word is a label far more often than a headline
    "site_label": 2.0,   # minus: only words sites label their parts with (NOT_NAME_WORDS)
})
# A word used in this many body paragraphs (or half the body's, if fewer) is fully a topic.
HEADLINE_TOPIC_BLOCKS = 5
# A shorter headline-shaped line right above the best candidate, sharing this share of its
# words with the body, about the body's topic and scoring within the margin, is the headline
# and the candidate its longer standfirst (a dek reads much like its headline, comes second,
# and sits nearer the byline: the margin covers the "meta_after" and "near_body" weight a
# headline loses to its dek that way).
HEADLINE_DEK_OVERLAP = 0.5
HEADLINE_DEK_MARGIN = 2.5
HEADLINE_DEK_TOPIC = 0.3
# Only the headline-shaped blocks nearest the body are candidates, this many: on the corpora
# the headline has at most about a hundred others between it and the body, and a page of
# thousands of alike lines would otherwise have every one scored.
HEADLINE_MAX_CANDIDATES = 1000
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
# How many blocks past the last candidate are looked at per block of reach (chrome and
# credits in between do not count).
META_SCAN_FACTOR = 4
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
# edit links of wiki section headings ("History [ edit ]"), controls with their setting
# ("Font Size [100%]"), captions ending in their photographer's name ("Glass cloche
# terrariums (Lucy Akins)"), table captions of text browsers
# ("CAPTION: Films with time loops"), the links of a page's head as elinks prints them ("Link:
# canonical"), a player's "Up next" run into its next video's title, captions that carry their
# credit ("... for two years. Source: Supplied", "... as they should be Getty Images",
# "... the acquisition plan. Photo by James Martin").
# (Written for a fast search, with the same matches: where a mark needs a character before
# it, the search finds the mark and looks behind it ("[" after a word character or a space,
# ">" after a space, three spaces after a character that is none), the alternatives that open
# the line share one "^" and the phrases that open a word one "\b". Most positions of a line
# then fail at once instead of trying every alternative: twice as fast.)
HEADLINE_NOT = re.compile(
    r"\(BUTTON\)|___|https?://|www\.|\.(?:jpe?g|png|gif|svg|webp)\b|\[(?<=\w\[)[^\]]*\]"
    r"|\||>(?<=\s>)\s|›|\t|   (?<=\S   ) *\S|\[\s*(?:edit|bearbeiten|modifier|editar|upravit)\s*\]"
    r"|\[(?<=\s\[)[^\]]*\]$|\((?<=\s\()(?-i:(?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’.-]+\)$)"
    r"|^(?:[o+]\s|caption:|link: |up next\b"
    r"|share|tweet|follow us|sign (?:in|up)|log (?:in|out)|subscribe|s'abonner|abonnez"
    r"|abonnieren|jetzt abonnieren|suscr[ií]b|assine|inscreva|iscriviti|abonneer|předplať)"
    r"|\b(?:(?:click|tap) (?:here|to)\b|continue reading\b|video will play\b"
    r"|(?:source|photo|photograph|picture|credit|image|foto|bild|crédit|fuente|zdroj)\s*:\s*\S"
    r"|(?:^|(?<=[.!?)\"”]\s))(?:photo|photograph|picture|image|illustration|foto|bild)s?"
    r" (?:by|courtesy(?: of)?|von|par) \S"
    r"|(?:getty images|ap photo|shutterstock|istock(?:photo)?|alamy|picture alliance"
    r"|imago|afp|reuters|epa|dpa)\s*\W?$)",
    I,
)
# Separators in a line that shows the headline with other parts: "New York|Headline",
# "Section > Sub > Headline", "Headline - Site name".
TITLE_SEPARATOR = re.compile(r"\s*[|›»]\s*|\s+[>–—-]\s+|\s+::\s+")
# A copy of a line nearer than this many blocks does not count as the page repeating it.
REPEAT_MIN_GAP = 3
# What those separators look like: a line without any is not split.
TITLE_SEPARATOR_MARKS = ("|", "›", "»", " > ", " - ", " – ", " — ", " :: ")
# The same marks as one pattern, so a line is searched once rather than once per mark. Each
# mark is found by its first character that is not a space, the spaces around it checked from
# there: the search (every line of a page is searched) then stops at those rare characters
# only, not at every space of the line.
TITLE_SEPARATOR_MARK = re.compile("|".join(
    re.escape(mark.strip())
    + (f"(?<={re.escape(mark.rstrip())})" if mark.startswith(" ") else "")
    + ("(?= )" if mark.endswith(" ") else "")
    for mark in TITLE_SEPARATOR_MARKS))

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
# How many blocks over the body's first paragraph a byline box may be (tags and counters
# such as "52" or "158" comments may stand in between).
BYLINE_BOX_REACH = 6
# How many blocks over the headline an author box (a name, then when it was posted) may be.
AUTHOR_BOX_REACH = 12
# A bare name line counts as the byline only this close under the headline.
NAME_LINE_REACH = 4
# The heading of an author card after the text ("About the author" / a name / a bio), in
# the languages feedpub reads. Some cards date the post ("Sleyca" / "Follow Author" /
# "Wednesday, December 20, 2023 8:09:56 PM").
AUTHOR_CARD = re.compile(
    r"^\W{0,3}(?:about the authors?|über (?:den autor|die autorin|die autoren)"
    r"|à propos de l['’]auteur(?:e|s)?|sobre (?:el|la|los) autor(?:a|es)?|sobre o autor"
    r"|sull['’]autore|over de auteur|o autorovi|o autorce"
    r"|作者(?:について|简介|簡介|介紹|介绍))\W{0,3}$",
    I,
)
# How many blocks after the body's end its heading may be (share, support and "Previous /
# Next" links stand in between), how many blocks of the card may hold its date line, and
# how long that line may be (a longer one is the bio's prose: "... joined us on May 3, 2011").
AUTHOR_CARD_REACH = 20
AUTHOR_CARD_LINES = 5
AUTHOR_CARD_DATE_MAX_WORDS = 8
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
# What a block counts for the body region: its words times a weight, less BLOCK_COST, and
# never less than SHORT_BLOCK_SCORE. Text that does not end a sentence (a headline, a teaser)
# weighs UNFINISHED_WEIGHT; a list item LIST_ITEM_WEIGHT as much again, since lists of links
# to other pages are the commonest chrome that looks like text.
BLOCK_COST = 4
UNFINISHED_WEIGHT = 0.3
LIST_ITEM_WEIGHT = 0.5
# A line of code is at most this many words and characters; longer lines are prose.
CODE_LINE_MAX_WORDS = 16
CODE_LINE_MAX_CHARS = 160
# A chrome line is at most this long (the longest cookie banner in the corpus is 600
# characters); longer blocks are not tested against the chrome tables.
CHROME_LINE_MAX_CHARS = 1000
# A block of DOUBLED_MIN_CHARS to DOUBLED_MAX_CHARS characters that repeats its first half is a
# teaser link or a caption printed twice (link texts and captions are short; a long paragraph
# that repeats itself is left as it is).
DOUBLED_MIN_CHARS = 16
DOUBLED_MAX_CHARS = 400
# A body region scoring below this holds too few sentences to go by (a changelog, a list of
# notes); the page is then scored again counting any text by its words, less PLAIN_BLOCK_COST.
# The second reading is used when it finds a run scoring at least PLAIN_BODY_MIN_SCORE (a short
# article of one paragraph keeps its first reading). A page is read the second way too when
# that reading scores PLAIN_BODY_RATIO times the first and list items carry PLAIN_LIST_SHARE of
# its run (calibrated on the corpus: of the pages whose plain run is mostly list items, the
# note lists score 8 and 91 times, a page of headline links 4.8 times).
WEAK_BODY_SCORE = 40
PLAIN_BLOCK_COST = 2
PLAIN_BODY_MIN_SCORE = 100
PLAIN_BODY_RATIO = 6
PLAIN_LIST_SHARE = 0.5
# The body region ends before a comment section heading once the blocks before the heading
# have scored this much (a "0 comments" link under the byline comes before the article).
COMMENTS_CUT_MIN_SCORE = 60
# It ends, likewise, before a heading that ends an article (END_CHROME: "More stories", "Other
# opinion columns") when what follows it is mostly teaser cards: at least TEASER_MIN_CARDS
# title lines (not sentences) each right over a summary of at most TEASER_SUMMARY_MAX_WORDS
# words, carrying TEASER_SHARE of the positive score after the heading. A list article's
# items (a title over a long review) and an inline "Related" box amid paragraphs are not.
TEASER_MIN_CARDS = 3
TEASER_SUMMARY_MAX_WORDS = 40
TEASER_SHARE = 0.8
# A summary cut short with an ellipsis ("... which covers a wide range of topics…") is a
# teaser's excerpt whatever it says: it may run to this many words (blog platforms' related
# posts show some 55).
TEASER_EXCERPT_MAX_WORDS = 80
TEASER_EXCERPT_END = ("…", "...")
# A card's title scores little (an unfinished line weighs UNFINISHED_WEIGHT): a long one of
# 15 words, "... Despite Being Ranked Among Most Dreaded Technologies", scores 0.5.
CARD_TITLE_MAX_SCORE = 2
# One-line blocks printed one right under another after a line ending in a colon or a table's
# header row, at least this many, are a table, listing or list the article introduces
# (region.introduced_runs).
INTRODUCED_RUN_MIN = 3
# A line of this many cells side by side (two spaces or more apart) is a table's header row,
# which introduces the rows under it as a colon does a list.
TABLE_HEADER_MIN_CELLS = 3
# Each further block in a gap between prose blocks weighs this much more than the one before
# (the fifth short block in a row counts 1 + 4 * GAP_GROWTH times its score).
GAP_GROWTH = 2
GAP_MAX_FACTOR = 6
GAP_FREE = 2
# Prose indented more than INDENT_TOLERANCE columns deeper than the article's paragraphs
# counts this share of its score: teasers, tickers and galleries nest deeper in text dumps.
DEEPER_PROSE_WEIGHT = 0
INDENT_TOLERANCE = 2
ARTICLE_INDENT_SHARE = 0.2
# ... each block counting for at most a long paragraph's score: one giant block (a comment
# section's list of thousands of names) must not decide where the paragraphs sit.
INDENT_BLOCK_MAX = 150
# Score of chrome that ends an article (END_CHROME) inside the body region.
CHROME_SCORE = -15
# Score of chrome found between an article's paragraphs (INLINE_CHROME): ads, share buttons.
INLINE_CHROME_SCORE = -1
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
# A wrapped line that starts with closing punctuation continues the line above whatever its
# length: lynx breaks after a link ("^ Lee (7 July 2017). "Cannes: ..."" / ". Variety.").
CONTINUATION_START = re.compile(r"^\s*[.,;:)\]»”]\s")
# A paragraph's first line may stand this many columns further in than its wrapped lines
# (a first-line indent, an ideographic space opening a Japanese paragraph).
FIRST_LINE_INDENT_MAX = 4
