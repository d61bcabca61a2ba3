"""Front matter: where the YAML (``---``) or TOML (``+++``, as Hugo and Zola write it) block
is, whether it loads, and its key/value fields."""

from __future__ import annotations

import re
import tomllib

import yaml

from pm_lsp.cache import lru
from pm_lsp.model.document import MetaField, Span, Vocabulary
from pm_lsp.model.positions import lf_equivalent
from pm_lsp.parse.masking import blank

_FRONT_MATTER = re.compile(r"\A(\ufeff?)(---|\+\+\+)[ \t]*(\r\n|\r|\n)")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*(?=\r?$)", re.MULTILINE)
_TOML_END = re.compile(r"^\+\+\+[ \t]*(?=\r?$)", re.MULTILINE)
#: ``key: value`` on one line of the front matter (lone CRs already read as LFs). Key and value
#: end at their last non-blank character, written greedily: lazy ends tried the rest of the
#: line at every position, quadratic on a line with long runs of blanks inside.
_FM_KEY = re.compile(
    r"^([A-Za-z](?:[\w \-]*[\w\-])?)[ \t]*:[ \t]*((?:[^\n]*[^ \t\r\n])?)[ \t]*\r?$", re.MULTILINE
)
#: ``key = value`` on one line of TOML front matter (a bare key; the same greedy ends)
_TOML_KEY = re.compile(
    r"^([A-Za-z][\w\-]*)[ \t]*=[ \t]*((?:[^\n]*[^ \t\r\n])?)[ \t]*\r?$", re.MULTILINE
)


def prepare_source(text: str) -> tuple[str, Span | None, str | None]:
    """Text for markdown-it with the same line structure: BOM and front matter blanked."""
    src = text
    if src.startswith("\ufeff"):
        src = " " + src[1:]
    m = _FRONT_MATTER.match(text)
    if not m:
        return src, None, None
    toml = m.group(2) == "+++"
    end = (_TOML_END if toml else _FRONT_MATTER_END).search(lf_equivalent(text), m.end())
    if end is None:
        return src, None, None
    fm = Span(len(m.group(1)), end.end())
    body = text[m.end() : end.start()]
    error = _toml_error(body) if toml else _front_matter_error(body)
    src = src[: fm.start] + blank(src[fm.start : fm.end]) + src[fm.end :]
    return src, fm, error


@lru(64)
def _front_matter_error(body: str) -> str | None:
    """Why the front matter is not a YAML mapping ("not valid YAML (line 3)"), or None.

    Memoised: the server re-parses the document on every edit, and the front matter rarely
    changes."""
    try:
        loaded = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return f"not valid YAML{where}"
    except (ValueError, OverflowError, RecursionError) as exc:  # "date: 2025-02-30"
        return f"a value YAML cannot build ({exc})"
    if loaded is not None and not isinstance(loaded, dict):
        return "not a mapping of keys to values"
    return None


@lru(64)
def _toml_error(body: str) -> str | None:
    """Why TOML front matter does not load ("not valid TOML (line 3)"), or None."""
    try:
        tomllib.loads(body.replace("\r\n", "\n").replace("\r", "\n"))
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        return f"not valid TOML (line {int(m.group(1)) + 1})" if m else "not valid TOML"
    except RecursionError:
        return "not valid TOML (nested too deeply)"
    return None


def front_matter_fields(text: str, fm: Span, vocabulary: Vocabulary | None) -> list[MetaField]:
    out: list[MetaField] = []
    text = lf_equivalent(text)
    inner_start = text.index("\n", fm.start) + 1 if "\n" in text[fm.start : fm.end] else fm.end
    keys = _TOML_KEY if text.startswith("+++", fm.start) else _FM_KEY
    for m in keys.finditer(text, inner_start, fm.end):
        key, value = m.group(1), m.group(2)
        if key in ("---", "..."):
            continue
        vstart, vend = m.start(2), m.end(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value, vstart, vend = value[1:-1], vstart + 1, vend - 1
        out.append(
            MetaField(
                key=key,
                canonical=vocabulary.canonical_field(key) if vocabulary else None,
                value=value,
                key_span=Span(m.start(1), m.end(1)),
                value_span=Span(vstart, vend),
                source="front-matter",
            )
        )
    return out
