"""HTML pages: the document's text without the portal's chrome.

selectolax (lexbor) over trafilatura, on measurements on portal pages built from the seeds:
both kept every body line and dropped the chrome, but trafilatura took 12-22 ms a page,
flattened the header and signature tables row by row (interleaving the two columns), and
walks the tree recursively; lexbor parses without recursion and the whole read here
takes about 1 ms a page, with the tables put in reading order by this module.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from flows.ingest.docx import LAYOUT_CELL
from flows.ingest.encodings import decode_bytes
from flows.ingest.limits import Limits
from flows.ingest.loaded import IngestError
from flows.ingest.text import drop_controls

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_DROP_TAGS = (
    "script, style, noscript, template, svg, canvas, iframe, object, embed, header, nav, footer, aside, "
    "input, select, button, textarea, label, [role=navigation], [role=banner], [role=search], "
    "[role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]"
)
_CHROME_TOKENS = frozenset(
    [
        "menu",
        "menubar",
        "mainmenu",
        "topmenu",
        "navbar",
        "nav",
        "navigation",
        "breadcrumb",
        "breadcrumbs",
        "sidebar",
        "side-bar",
        "search",
        "searchbox",
        "login",
        "signin",
        "dangnhap",
        "share",
        "social",
        "sharing",
        "footer",
        "counter",
        "visitor",
        "thongke",
        "banner",
        "advert",
        "ads",
        "quangcao",
        "comment",
        "comments",
        "related",
        "tinlienquan",
        "topbar",
        "toolbar",
        "cookie",
        "popup",
        "modal",
        "pagination",
        "tags",
    ]
)
_TOKEN_SPLIT = re.compile(r"[\s_]+")
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "blockquote",
        "body",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "caption",
    ]
)
_DOCUMENT_MARKERS = ("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "Nơi nhận", "TM. ", "KT. ")
_MAIN_SHARE = 0.6
_MAX_SPAN = 64  # columns or rows one cell may cover; more is a hostile page, not a table
_MAX_DESCENT = 30  # levels: each costs a pass over the text, so a hostile nesting cannot make it quadratic
_BREAK = "\x1e"
_SPACES = re.compile(r"[ \t\r\n\f]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_CHUNK = 1 << 20  # characters
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


def read_html(data: bytes, limits: Limits) -> tuple[str, list[str]]:
    """The text of the document an HTML page carries, one block per line, tables in reading order.

    Memory (measured on a 120 MB page): the parsed tree is about four times the page; it is freed
    before the text is cleaned up, and the cleaning goes a chunk at a time.
    """
    match = _META_CHARSET.search(data[:8192])
    text, warnings = decode_bytes(data, match.group(1).decode("ascii") if match else None)
    text, control_warnings = drop_controls(text)
    depth = _nesting_depth(text)
    if depth > limits.max_html_depth:
        raise IngestError(f"HTML nested {depth} levels deep; the limit is {limits.max_html_depth}")
    tree = LexborHTMLParser(text)
    del text
    raw = _body_text(tree)
    del tree
    result = _BLANK_LINES.sub("\n\n", "\n".join(_lines(raw))).strip()
    if not result:
        raise IngestError("HTML page with no text in its body")
    return result + "\n", warnings + control_warnings


def _lines(raw: str) -> list[str]:
    """The text between break markers, spaces collapsed, one line each; cleaned a chunk at a time,
    so that a huge page never holds a Python string for each of its millions of lines at once."""
    chunks: list[str] = []
    start = 0
    while start < len(raw):
        end = raw.find(_BREAK, start + _CHUNK)
        end = len(raw) if end < 0 else end
        lines = (_SPACES.sub(" ", line).strip() for line in raw[start:end].split(_BREAK))
        chunks.append(_BLANK_LINES.sub("\n\n", "\n".join(lines)))
        start = end + 1
    return chunks


def _body_text(tree: LexborHTMLParser) -> str:
    """The text of the document's element, a break marker between blocks."""
    body = tree.body
    if body is None:
        raise IngestError("HTML page without a body")
    _drop_chrome(body)
    main = _main_content(body)
    _mark_blocks(main)
    _order_tables(main)
    return main.text(deep=True) or ""


def _nesting_depth(text: str) -> int:
    """How deep the elements nest, from a linear scan of the tags (no tree is built)."""
    depth = deepest = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.groups()
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _drop_chrome(body: LexborNode) -> None:
    """Remove the elements that are never the document: scripts, menus, forms' fields, footers..."""
    for node in body.css(_DROP_TAGS):
        node.decompose()
    for node in body.css("[class], [id]"):
        tokens = set(_TOKEN_SPLIT.split(f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"))
        tokens |= {part for token in tokens for part in token.lower().split("-")}
        if tokens & _CHROME_TOKENS and not _has_marker(node):
            node.decompose()


def _has_marker(node: LexborNode) -> bool:
    text = node.text(deep=True) or ""
    return any(marker in text for marker in _DOCUMENT_MARKERS)


def _main_content(body: LexborNode) -> LexborNode:
    """The element that holds the document: descend while one child holds most of the text.

    Stops where a sibling carries part of an official document (the header or signature
    table often sits beside the body's container), so that nothing of it is lost.
    """
    node = body
    for _ in range(_MAX_DESCENT):
        children = [child for child in node.iter() if child.tag != "-text"]
        if not children:
            return node
        sizes = [len((child.text(deep=True) or "").strip()) for child in children]
        total = len((node.text(deep=True) or "").strip())
        best = max(range(len(children)), key=sizes.__getitem__)
        if total == 0 or sizes[best] < _MAIN_SHARE * total:
            return node
        if any(_has_marker(child) for i, child in enumerate(children) if i != best):
            return node
        if children[best].tag in ("table", "tbody", "tr", "p", "ul", "ol"):
            return node
        node = children[best]
    return node


def _mark_blocks(root: LexborNode) -> None:
    """A break marker around every block element and at every <br>, so lines survive text()."""
    for node in root.traverse():
        if node.tag in _BLOCKS:
            node.insert_before(_BREAK)
            node.insert_after(_BREAK)
        elif node.tag == "br":
            node.insert_after(_BREAK)


def _order_tables(root: LexborNode) -> None:
    """Tables as text: a layout table (the header, the signature: two columns, or the quốc hiệu,
    Nơi nhận or an authority mark in a cell, as the DOCX reader decides) column by column; any
    other as rows, a line each with its cells between " | " (the front door's form of a table).

    Innermost first, so that an outer table reads its cells with the inner ones already text.
    """
    for table in reversed(root.css("table")):
        rows = [row for row in _grid(table) if any(cell.strip() for cell in row)]
        if _is_layout(rows):
            width = max((len(row) for row in rows), default=0)
            columns = [[row[k] for row in rows if k < len(row) and row[k].strip()] for k in range(width)]
            cells = [cell for column in columns if column for cell in (*column, "")]
        else:
            cells = [" | ".join(" ".join(c.replace(_BREAK, " ").replace("|", "/").split()) for c in r) for r in rows]
        table.replace_with(_BREAK + _BREAK.join(cells) + _BREAK)


def _is_layout(rows: list[list[str]]) -> bool:
    """Whether a table lays out the document's header or signature rather than holding data."""
    return all(len(row) <= 2 for row in rows) or any(
        LAYOUT_CELL.search(cell.replace(_BREAK, "\n")) for row in rows for cell in row
    )


def _grid(table: LexborNode) -> list[list[str]]:
    """The rows of ``table`` as its grid of columns: a cell spread over several columns is
    followed by empty ones, and a cell spread over several rows gives its text to the rows it
    covers, at its column (a shared time or partner is each row's)."""
    rows: list[list[str]] = []
    below: dict[int, tuple[str, int]] = {}  # column → the text carried down, and for how many rows more
    for row in _rows(table):
        cells: list[str] = []
        for cell in _cells(row):
            while len(cells) in below:
                cells.append(_carry(below, len(cells)))
            text = cell.text(deep=True) or ""
            spread = [text] + [""] * (_span(cell, "colspan") - 1)
            if (rowspan := _span(cell, "rowspan")) > 1:
                below |= {len(cells) + k: (part, rowspan - 1) for k, part in enumerate(spread)}
            cells += spread
        while below and len(cells) <= max(below):
            cells.append(_carry(below, len(cells)) if len(cells) in below else "")
        rows.append(cells)
    return rows


def _carry(below: dict[int, tuple[str, int]], column: int) -> str:
    """The text a cell from a row above gives to this row at ``column``, counted off its span."""
    text, left = below.pop(column)
    if left > 1:
        below[column] = (text, left - 1)
    return text


def _span(cell: LexborNode, name: str) -> int:
    """A cell's colspan or rowspan, 1 when absent or unreadable, capped: a page cannot make the grid huge."""
    value = (cell.attributes.get(name) or "").strip()
    return min(int(value), _MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _rows(table: LexborNode) -> list[LexborNode]:
    """The rows of ``table`` itself, not of tables nested in its cells."""
    rows: list[LexborNode] = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("tbody", "thead", "tfoot"):
            rows.extend(row for row in child.iter() if row.tag == "tr")
    return rows


def _cells(row: LexborNode) -> list[LexborNode]:
    return [cell for cell in row.iter() if cell.tag in ("td", "th")]
