"""Document URIs: one canonical key inside the server, the client's own spelling outside.

Clients spell one document's URI in different ways: VS Code percent-encodes the path
(``file:///c%3A/My%20Notes/incident.md``), other clients send ``file:///C:/My Notes/...``,
and pygls itself keys its open documents by the *decoded* string. Looking a document up
by the raw URI in one place and by the decoded one in another made files with a space or
a non-ASCII character in their name invisible to the server.

So every URI is normalised once, where a message enters the server
(:class:`~pm_lsp.lsp.protocol.PmProtocol`), by :func:`canonical`: the path is decoded to
its bytes and re-encoded with every byte outside RFC 3986's unreserved set and ``/``
percent-encoded (as VS Code writes it), a Windows drive letter is lower-cased and
``file://localhost/`` means ``file:///``. Everything inside (the scheduler, results,
pygls' workspace) sees only that key. What goes back to the client (diagnostics, edits,
symbols) names the document as the client last spelt it (:class:`UriBook`), so the editor
matches it to its own buffer.

``untitled:`` and other non-``file`` schemes are normalised the same way and have no file
system path: they are linted with the settings that apply outside every folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote, unquote, unquote_to_bytes, urlsplit

_DRIVE = re.compile(r"^/[A-Za-z](:|%3[Aa])")


def canonical(uri: str) -> str:
    """The one key of ``uri`` inside the server (see the module docstring)."""
    try:
        parts = urlsplit(uri)
    except ValueError:  # e.g. an unbalanced "[" in the authority: keep it as an opaque key
        return uri
    scheme = parts.scheme.lower()
    netloc = parts.netloc
    if scheme == "file" and netloc.lower() == "localhost":
        netloc = ""
    raw = unquote_to_bytes(parts.path)
    path = quote(raw, safe="/")
    drive = _DRIVE.match(path)
    if drive:
        path = "/" + path[1].lower() + "%3A" + path[drive.end() :]
    out = f"{scheme}:" if scheme else ""
    if netloc or scheme == "file":
        out += "//" + netloc
    out += path
    if parts.query:
        out += "?" + parts.query
    if parts.fragment:
        out += "#" + parts.fragment
    return out


def to_path(uri: str) -> Path | None:
    """The file system path of a ``file:`` URI (percent-decoded); None for other schemes."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return None
    if parts.scheme.lower() != "file":
        return None
    raw = os.fsdecode(unquote_to_bytes(parts.path))
    if re.match(r"^/[A-Za-z]:", raw):  # file:///c:/x is the Windows path c:/x
        raw = raw[1].lower() + raw[2:]
    netloc = parts.netloc
    if netloc and netloc.lower() != "localhost":  # a UNC share: //server/share/...
        raw = f"//{netloc}{raw}"
    return Path(raw) if raw else None


def workspace_key(key: str) -> str:
    """The key pygls' workspace stores an open document under (it percent-decodes)."""
    return unquote(key)


class UriBook:
    """How the client last spelt each open document's URI, by canonical key."""

    def __init__(self) -> None:
        self._spelling: dict[str, str] = {}

    def enter(self, uri: str) -> str:
        """The key of a URI the client sent; remembers the spelling to answer with."""
        key = canonical(uri)
        if key != uri or key in self._spelling:
            self._spelling[key] = uri
        return key

    def client(self, key: str) -> str:
        """The URI to name the document by in a message to the client."""
        return self._spelling.get(key, key)

    def forget(self, key: str) -> None:
        """The document was closed (called after the last message about it went out)."""
        self._spelling.pop(key, None)

    def __len__(self) -> int:
        return len(self._spelling)
