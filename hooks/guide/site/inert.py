"""Plain text from the data made inert wherever a template puts it, also inside Markdown.

Generated pages are Markdown sources, so a title in a heading (`# {{ title }}`) is read by
Python-Markdown: `[x](javascript:...)` would become a link, `![x](https://...)` an image from
another host, and a trailing `{: onclick=... }` attributes (attr_list). HTML-escaping alone does
not stop that. Writing Markdown's punctuation as character references does: the reader sees the
same characters, in HTML blocks and in Markdown alike, and Markdown finds no syntax in them.
"""

from __future__ import annotations

from markupsafe import Markup

# Characters that start inline Markdown or extension syntax: links and images ([), attr_list ({),
# emphasis, code, backslash escapes and closing heading hashes (raw HTML and autolinks are
# already stopped by escaping <), as decimal character references; and HTML's five special
# characters written as markupsafe.escape writes them. One str.translate pass: a character loop
# cost a tenth of the whole build.
_REFERENCES = {ord(character): f"&#{ord(character)};" for character in "[]{}*_`\\#"} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&#34;",
    ord("'"): "&#39;",
}


def inert(text: str) -> Markup:
    """`text` escaped for HTML with its Markdown punctuation as character references."""
    return Markup(str.translate(str(text), _REFERENCES))
