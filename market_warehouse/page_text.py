"""A saved report page (HTML from a browser, or plain text) as sections of numbered sentences and lists.

The claim grammar (claim_extraction.py) reads sentences; every claim it drafts points back to one of them
(section heading + sentence number), so a reviewer can find it on the page. HTML is parsed by selectolax
(lexbor, a browser-grade HTML5 parser: it repairs nested <p>, unclosed tags and entities as a browser does).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from market_warehouse.figures import find_figures
from market_warehouse.region_names import region_mentions

BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
                        "header", "footer", "blockquote", "ul", "ol", "table", "dt", "dd", "pre", "main"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "form", "button"})
CELL_TAGS = frozenset({"td", "th"})
BOLD_TAGS = frozenset({"strong", "b"})
MAX_HEADING_CHARS = 160
MAX_LABEL_CHARS = 40
MAX_KEY_FACT_LABEL_CHARS = 60
LONE_YEARS = re.compile(r"\s*(?:19|20)\d\d(?:\s?[-–—]\s?(?:19|20)\d\d)?\s*")  # '2024', '2025-2035' alone on a line
# A full stop after these is not the end of a sentence ('U.K. and Germany', 'Lonza Inc. reported').
ABBREVIATIONS = ("U.S.", "U.K.", "Inc.", "Ltd.", "Co.", "Corp.", "e.g.", "i.e.", "approx.", "vs.", "No.", "St.",
                 "Mn.", "Bn.", "etc.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
# 'a CAGR of est. 8.5%': 'est.' (estimated) before a number ends no sentence; kept apart from ABBREVIATIONS, which
# are matched inside words too ('largest. ')
ESTIMATED_BEFORE_NUMBER = re.compile(r"(?<![\w.])(est\.)\s(?=\d)", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“(\[]?[A-Z0-9*])")
# 'sales rose fast.2,3 The global kelp market ...': reference numbers printed right after a full stop end its sentence,
# bracketed ones too ('used by 30% of growers in Norway.[4][5] The global kelp market ...')
REFERENCE_MARKS_END = re.compile(r"(?<=[a-z]\.)(?:\d{1,2}(?:,\d{1,2})*|(?:\[\d{1,3}\])+)(?=\s+[A-Z][a-z])")
ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
WORDED_DATE = re.compile(r"\b(?:published|updated|last updated|date|posted|released|revised)\b[^0-9A-Za-z]{0,5}"
                         r"(?:on\s+)?([A-Z][a-z]{2,8}\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} [A-Z][a-z]{2,8} (?:19|20)\d\d"
                         r"|[A-Z][a-z]{2,8},? (?:19|20)\d\d)", re.IGNORECASE)
# A column header that states the unit of its cells: 'Market Value (USD Million)', 'Sales (in EUR bn)'
HEADER_UNIT = re.compile(r"\(\s*(?:in\s+)?(?:(?P<cur>USD|US\s?\$|\$|EUR|€|GBP|£)\s*(?P<scale>trillion|billion|million|bn|mn|tn)s?"
                         r"|(?P<scale2>trillion|billion|million|bn|mn|tn)s?\s*(?:of\s+)?(?P<cur2>USD|US\s?\$|EUR|GBP))\s*\)",
                         re.IGNORECASE)
TABLE_RULE = re.compile(r"[\s|:-]*-[\s|:-]*")  # '|---|:---|', the line under a text table's header
# A cell that is a number alone, as such a table prints it: '612', '~655*'
BARE_CELL = re.compile(r"^(?P<q>~|≈|approx\.?\s*|about\s+)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                       r"(?P<mark>\*{1,3}|†)?$", re.IGNORECASE)
# '< Key Highlight >', '[Summary]': a section label in brackets, above the text, not the page's title
BRACKETED_LABEL = re.compile(r"[<\[]\s*[^<>\[\]]{1,40}?\s*[>\]]")
# 'Consainsights logo': an image's alternative text above the title, not the title
# a page's navigation link ('Skip to content') or its date line ('Published On: Thu, Nov 9th, 2017'): no title
NAVIGATION_OR_DATE = re.compile(r"(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu)"
                                r"|(?:published|posted|updated|last\s+updated)(?:\s+on)?\s*:?\s*[\w ,.]{0,30}\b(?:19|20)\d\d",
                                re.IGNORECASE)
LOGO_LINE = re.compile(r"(?:[\w&.'-]+\s+){0,3}logo", re.IGNORECASE)
MARKET_WORD = re.compile(r"\b(?:markets?|industry)\b", re.IGNORECASE)
DATE_FORMATS = ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%B, %Y", "%B %Y",
                "%b %Y", "%b, %Y")


class PageUnreadable(Exception):
    """The page file cannot be read as HTML or text."""


@dataclass
class Block:
    """One line of the page in reading order: a heading, a paragraph, a list item or a table row."""
    kind: str  # heading | text | item | row
    text: str
    mostly_bold: bool = False


@dataclass
class Sentence:
    section: str
    number: int  # 1-based within its section
    text: str
    paragraph: int  # index of the paragraph within its section, for the subject of 'The company ...'
    kind: str = "text"


@dataclass
class Section:
    heading: str
    sentences: list[Sentence] = field(default_factory=list)
    lists: list[tuple[str, list[str]]] = field(default_factory=list)  # (label before the list, items)


@dataclass
class Page:
    title: str
    sections: list[Section]
    published_on: date | None
    text: str  # all the page's text, to check that every drafted value stands on the page
    url: str | None = None  # the address the page gives for itself (canonical link), if any

    @property
    def sentences(self) -> list[Sentence]:
        return [sentence for section in self.sections for sentence in section.sentences]


def read_page(path: Path) -> Page:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PageUnreadable(f"{path}: cannot be read: {error.strerror}") from error
    text = raw.decode("utf-8", errors="replace")
    if not text.strip():
        raise PageUnreadable(f"{path}: the file is empty")
    if path.suffix.lower() in (".html", ".htm") or re.search(r"<(html|body|p|div|h1)\b", text[:5000], re.I):
        return page_from_html(text)
    return page_from_text(text)


def page_from_html(html: str) -> Page:
    tree = LexborHTMLParser(html)
    title = _html_title(tree)
    published = _html_date(tree)
    body = tree.body or tree.root
    blocks = _Linearizer().run(body)
    page = _page_from_blocks(title, blocks)
    page.published_on = published or _text_date(page.text)
    page.url = _html_url(tree)
    return page


# a line of a paragraph wrapped by hand: long, ending inside a sentence, and the line it runs on into
WRAPPED_LINE = re.compile(r"^[^#|\-*•].{49,}[a-z,]$")
RUNS_ON = re.compile(r"^[a-z0-9(]")


def _unwrapped(text: str) -> list[str]:
    """'... stood at US$ 310.2 million in' / '2019 and should grow ...': lines of a paragraph wrapped by hand
    (a long line ending inside a sentence, then a line starting in lower case, with a digit or a parenthesis) are
    one line, so that an amount and its year are one sentence."""
    lines: list[str] = []
    for line in text.splitlines():
        if lines and WRAPPED_LINE.match(lines[-1]) and RUNS_ON.match(line.strip()):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line.strip())
    return lines


def page_from_text(text: str) -> Page:
    blocks = []
    for line in _unwrapped(text):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            blocks.append(Block("heading", stripped.lstrip("#").strip()))
        elif re.match(r"^[-*•]\s+", stripped):
            blocks.append(Block("item", re.sub(r"^[-*•]\s+", "", stripped)))
        elif "|" in stripped:
            blocks.append(Block("row", " | ".join(c.strip() for c in stripped.strip("|").split("|") if c.strip())))
        else:
            blocks.append(Block("text", stripped))
    page = _page_from_blocks(_text_title(blocks), blocks)
    page.published_on = _text_date(page.text)
    return page


def _text_title(blocks: list[Block]) -> str:
    """The first line; but a first line of one word ('Opinion', a section label) followed by a short line with no
    full stop is a label above the title, which is that line. A line of punctuation alone ('-', a bullet left from
    the page's menu), a section label in brackets ('< Key Highlight >') or a logo's text ('Kelpco logo') is no title:
    the title is the line after it."""
    while blocks and _is_above_the_title(blocks[0].text):
        blocks = blocks[1:]
    if (len(blocks) > 1 and re.fullmatch(r"[A-Za-z]+", blocks[0].text) and blocks[1].kind == "text"
            and len(blocks[1].text.split()) <= 12 and not blocks[1].text.rstrip().endswith(".")):
        return blocks[1].text
    if len(blocks) > 1 and _is_banner(blocks[0].text) and _is_market_heading(blocks[1]):
        return blocks[1].text  # a notice above the title ('Spring offer: 20% off ...'), then the title
    return next((block.text for block in blocks), "")


def _is_above_the_title(text: str) -> bool:
    """A first line that is no title: punctuation alone, a section label in brackets, a navigation link or a date line
    ('Skip to content', 'Published On: Thu, Nov 9th, 2017') or a logo's text (naming no market or industry: 'Kelp
    Market Logo' may be a title)."""
    return (not re.search(r"\w", text) or _is_bracketed_label(text) or NAVIGATION_OR_DATE.fullmatch(text) is not None
            or (LOGO_LINE.fullmatch(text) is not None and not MARKET_WORD.search(text)))


def _is_banner(text: str) -> bool:
    """A first line that is a notice, not a title: whole sentences naming no market or industry."""
    return text.rstrip().endswith((".", "!")) and not MARKET_WORD.search(text)


def _is_bracketed_label(text: str) -> bool:
    """A first line that labels a section, not a title: a few words in brackets naming no market or industry ('[Kelp
    Market Report]' is a title)."""
    return BRACKETED_LABEL.fullmatch(text) is not None and not MARKET_WORD.search(text)


def _is_market_heading(block: Block) -> bool:
    """A short line with no full stop at its end that names a market: a report title."""
    return (block.kind in ("text", "heading") and len(block.text.split()) <= 20 and not block.text.rstrip().endswith(".")
            and re.search(r"\bmarket\b", block.text, re.IGNORECASE) is not None)


class _Linearizer:
    """Walks the parsed tree once and cuts its text into blocks at block-level tags, as a browser lays it out."""

    def __init__(self):
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, bool]] = []
        self.kind = "text"
        self.bold_depth = 0

    def run(self, node) -> list[Block]:
        self._walk(node)
        self._flush()
        return self.blocks

    def _walk(self, node) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self.pieces.append((child.text_content or "", self.bold_depth > 0))
            elif tag in SKIPPED_TAGS or tag == "-comment":
                continue
            elif tag == "br":
                self._flush()
            elif tag in CELL_TAGS:
                self.pieces.append((" | ", False))
                self._walk(child)
            elif tag in BLOCK_TAGS:
                self._block(child, tag)
            else:
                self.bold_depth += tag in BOLD_TAGS
                self._walk(child)
                self.bold_depth -= tag in BOLD_TAGS

    def _block(self, node, tag: str) -> None:
        self._flush()
        outer = self.kind
        self.kind = ("heading" if tag in HEADING_TAGS else "item" if tag in ("li", "dd", "dt")
                     else "row" if tag == "tr" else outer if tag in ("ul", "ol", "table") else "text")
        self._walk(node)
        self._flush()
        self.kind = outer

    def _flush(self) -> None:
        text = _clean("".join(piece for piece, _ in self.pieces))
        bold_chars = sum(len(piece.strip()) for piece, bold in self.pieces if bold)
        plain_chars = sum(len(piece.strip()) for piece, bold in self.pieces if not bold and piece.strip(" |"))
        self.pieces = []
        if self.kind == "row":
            text = " | ".join(cell.strip() for cell in text.split("|") if cell.strip())
        if text:
            self.blocks.append(Block(self.kind, text, mostly_bold=bold_chars > 0 and plain_chars == 0))


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("**", "")
    return re.sub(r"\s+", " ", text).strip(" |")


def _key_facts_rows(blocks: list[Block]) -> list[Block]:
    """A key-facts block with its label on one line and its value alone on the next ('Market Size (2024)' then
    'USD 15.32 Billion') is one statistics row, as a table would print it: 'Market Size (2024) | USD 15.32 Billion'."""
    joined: list[Block] = []
    row_just_joined = False
    for block in blocks:
        label = joined[-1] if joined else None
        if row_just_joined and LONE_YEARS.fullmatch(block.text):
            # 'CAGR % | 5.5%' then '2025-2035' alone on the next line: the years of the row's figure, its third cell
            joined[-1] = Block("row", f"{label.text} | {block.text}")
            row_just_joined = False
            continue
        row_just_joined = label is not None and _is_lone_figure(block) and _is_key_fact_label(label)
        if row_just_joined:
            joined[-1] = Block("row", f"{label.text} | {block.text}")
            continue
        joined.append(block)
    return joined


def _is_key_fact_label(label: Block) -> bool:
    """A short line of words with no figure, not a sentence or a lead-in ('Market Size (2024)', not 'It grew:')."""
    return (label.kind in ("text", "row") and "|" not in label.text and len(label.text) <= MAX_KEY_FACT_LABEL_CHARS
            and re.search(r"[A-Za-z]", label.text) is not None and not label.text.rstrip().endswith((".", ":"))
            and not find_figures(label.text))


def _header_unit_rows(blocks: list[Block]) -> list[Block]:
    """A table whose column header states the unit ('Year | Market Value (USD Million)') and whose cells print the
    number alone ('2025 | ~655*'): each such cell is read with its column's label and unit, as a key-facts row
    prints it ('2025 | Market Value ~USD 655 Million*')."""
    read: list[Block] = []
    header: list[str] = []
    for block in blocks:
        cells = block.text.split(" | ") if block.kind == "row" else []
        if header and len(cells) == len(header):
            block = Block("row", " | ".join(_cell_with_unit(cell, head) for cell, head in zip(cells, header, strict=True)))
        elif cells and not find_figures(block.text) and any(HEADER_UNIT.search(cell) for cell in cells):
            header = cells
        else:
            header = []
        read.append(block)
    return read


def _region_column_rows(blocks: list[Block]) -> list[Block]:
    """A table whose columns are the world's and a country's value per year ('Year | Global Market Value | U.S. Market
    Value'): each figure under a column headed by a region is read with its header before it ('2018 | $8.9B | U.S.
    Market Value $4.7B'), so that it is the region's figure, not the world's."""
    read: list[Block] = []
    regions: list[str] = []
    for block in blocks:
        cells = block.text.split(" | ") if block.kind == "row" else []
        if regions and len(cells) == len(regions):
            block = Block("row", " | ".join(f"{head} {cell}" if head and find_figures(cell) else cell
                                            for cell, head in zip(cells, regions, strict=True)))
        elif not TABLE_RULE.fullmatch(block.text):  # the rule under a header ('|---|---|') keeps its columns
            regions = _region_headers(block.text, cells)
        read.append(block)
    return read


def _region_headers(text: str, cells: list[str]) -> list[str]:
    """A header row's cells that name a region ('' for the others); [] when the row is no header (it prints figures)
    or names no region."""
    if len(cells) < 2 or find_figures(text):
        return []
    heads = [cell if _names_a_region(cell) else "" for cell in cells]
    return heads if any(heads) else []


def _names_a_region(head: str) -> bool:
    """A column header naming a region ('U.S. Market Value'), not the world ('Global Market Value')."""
    return any(mention.region_id != "WORLD" for mention in region_mentions(head))


def _cell_with_unit(cell: str, head: str) -> str:
    number, unit = BARE_CELL.match(cell.strip()), HEADER_UNIT.search(head)
    if number is None or unit is None:
        return cell
    currency = unit.group("cur") or unit.group("cur2")
    scale = unit.group("scale") or unit.group("scale2")
    label = head[:unit.start()].strip()
    return f"{label} {number.group('q') or ''}{currency} {number.group('num')} {scale}{number.group('mark') or ''}".strip()


def _is_lone_figure(block: Block) -> bool:
    """A line that is one figure and nothing else ('8.05%', 'US$ 112.87 billion')."""
    if block.kind not in ("text", "row") or "|" in block.text:
        return False
    figures = find_figures(block.text)
    return len(figures) == 1 and not re.search(r"\w", block.text[:figures[0].start] + block.text[figures[0].end:])


def _page_from_blocks(title: str, blocks: list[Block]) -> Page:
    blocks = _region_column_rows(_header_unit_rows(_key_facts_rows(blocks)))
    sections = [Section(heading="(top of page)")]
    pending_label = ""
    pending_items: list[str] = []
    paragraph = 0

    def close_list():
        nonlocal pending_items
        if pending_items:
            sections[-1].lists.append((pending_label, pending_items))
            pending_items = []

    for block in blocks:
        if block.kind == "item" and len(block.text) <= MAX_HEADING_CHARS and not _is_sentence(block.text):
            pending_items.append(block.text)
            if re.search(r"\d", block.text):  # '2025 Market Size: USD 4,200.00 million' is a figure too
                section = sections[-1]
                kind = "row" if re.search(r"[:|]", block.text) else "text"
                section.sentences.append(Sentence(section.heading, len(section.sentences) + 1, block.text,
                                                  paragraph + 1, kind))
            continue
        close_list()
        if _is_heading(block):
            pending_label = block.text
            if not (block.text.rstrip().endswith(":") and len(block.text) <= MAX_LABEL_CHARS):
                # a short 'North America:' only labels the list below it; anything else opens a section
                sections.append(Section(heading=block.text.strip()))
                paragraph = 0
            continue
        paragraph += 1
        section = sections[-1]
        for sentence in split_sentences(block.text):
            section.sentences.append(Sentence(section.heading, len(section.sentences) + 1, sentence, paragraph,
                                              "row" if block.kind == "row" else "text"))
        pending_label = block.text
    close_list()
    text = "\n".join([title, *(block.text for block in blocks)])
    return Page(title=title, sections=[s for s in sections if s.sentences or s.lists], published_on=None, text=text)


def _is_heading(block: Block) -> bool:
    if block.kind == "heading":
        return True
    return block.kind == "text" and block.mostly_bold and len(block.text) <= MAX_HEADING_CHARS


def _is_sentence(text: str) -> bool:
    return len(text.split()) > 12 and text.rstrip().endswith(".")


def split_sentences(text: str) -> list[str]:
    protected = text
    for number, abbreviation in enumerate(ABBREVIATIONS):
        protected = protected.replace(abbreviation + " ", f"{abbreviation}\x00{number} ")
    protected = ESTIMATED_BEFORE_NUMBER.sub(f"\\1\x00{len(ABBREVIATIONS)} ", protected)
    parts = SENTENCE_END.split(REFERENCE_MARKS_END.sub("", protected))
    return [re.sub(r"\x00\d+", "", part).strip() for part in parts if part.strip()]


def _html_title(tree) -> str:
    for selector in ("h1", "title", 'meta[property="og:title"]'):
        node = tree.css_first(selector)
        if node is not None:
            text = _clean(node.attributes.get("content") or "" if node.tag == "meta" else node.text(deep=True))
            if text:
                return text
    return ""


def _html_url(tree) -> str | None:
    for selector, attribute in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        if node is not None and (node.attributes.get(attribute) or "").startswith(("http://", "https://")):
            return node.attributes[attribute]
    return None


def _html_date(tree) -> date | None:
    for selector in ('meta[property="article:published_time"]', 'meta[property="article:modified_time"]',
                     'meta[name="date"]', "time[datetime]"):
        node = tree.css_first(selector)
        if node is not None:
            found = ISO_DATE.search(node.attributes.get("content") or node.attributes.get("datetime") or "")
            if found:
                return date(*map(int, found.groups()))
    return None


def _text_date(text: str) -> date | None:
    """The page's own date ('Published: March 3, 2025', 'Last Updated : Nov 21, 2023'), if it states one."""
    found = WORDED_DATE.search(text)
    if found:
        worded = found.group(1).replace(".", "")
        for format_ in DATE_FORMATS:
            try:
                return datetime.strptime(worded, format_).date()
            except ValueError:
                continue
    return None
