"""Which language an article is in: what the source says, else a guess from its own text.

kg reads Indonesian (``id``) and English (``en``). The order of trust: a language the user
forces (``--lang``), then what the source declares (the JSON Lines ``language`` field, HTML
``lang``, ``og:locale``), then py3langid's guess from the article's own blocks (site chrome
left out, so an English story on an Indonesian portal is read as English).
"""

from __future__ import annotations

from functools import lru_cache

from kg.errors import InputError
from kg.model import Document

SUPPORTED_LANGUAGES = ("id", "en")
# Primary subtags that mean a supported language: "in" is the withdrawn ISO 639 code for
# Indonesian that old pages and Java locales still use.
_ALIASES = {"in": "id", "ind": "id", "eng": "en"}
# The detector's candidates: Malay is so close to Indonesian that short Indonesian texts are
# often scored as Malay; kg reads both the same way.
_CANDIDATES = ("id", "ms", "en")
_DETECTED = {"id": "id", "ms": "id", "en": "en"}


def normalize_language(tag: str | None) -> str | None:
    """The primary subtag of a BCP 47 tag or a locale, lower-cased: "id-ID", "id_ID" -> "id"."""
    if not tag or not tag.strip():
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].casefold()
    return _ALIASES.get(primary, primary) or None


def detect_language(text: str) -> str:
    """The supported language ``text`` is closest to ("id" or "en")."""
    if not text.strip():
        return SUPPORTED_LANGUAGES[0]
    code, _score = _identifier().classify(text)
    return _DETECTED[code]


def article_language(document: Document, forced: str | None = None) -> str:
    """The language to read ``document`` in: ``forced``, else the declared one, else detected.

    Raises InputError when the forced or declared language is one kg cannot read.
    """
    origins = ((forced, "language '{}' was asked for"), (document.meta.language, "the source declares language '{}'"))
    for given, origin in origins:
        language = normalize_language(given)
        if language is None:
            continue
        if language not in SUPPORTED_LANGUAGES:
            raise InputError(
                f"{origin.format(given)}; kg reads only {' and '.join(SUPPORTED_LANGUAGES)}",
                "give --lang id or --lang en to read the article as one of them",
                source=document.source,
            )
        return language
    blocks = document.article_blocks() or document.blocks
    text = "\n".join(document.text[b.start : b.end] for b in blocks) if blocks else document.text
    return detect_language(text)


@lru_cache(maxsize=1)
def _identifier():
    # py3langid ships its model in the wheel; restricting the labels makes the guess both
    # faster and safe: it can only answer a language kg has a pipeline for.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(_CANDIDATES))
    return identifier
