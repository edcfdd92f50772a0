"""How a user's words are compared with names in the data.

Everything is compared folded: case, accents and punctuation do not count, so
"besancon" finds Besançon and "saint etienne" finds Saint-Étienne.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

__all__ = ["closest", "fold", "words_match"]

_NOT_ALNUM = re.compile(r"[\W_]+")
# Letters that do not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of `text`, words separated by one space."""
    # Compatibility forms first ("𝔸" is "A"), then case, then drop the accents.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = bare.translate(_UNDECOMPOSED)
    return _NOT_ALNUM.sub(" ", bare).strip()


def words_match(query: str, text: str) -> bool:
    """True when every word of `query` starts a word of `text` (both folded).

    "cremieux" matches "Gaston Crémieux", and "louise mich" matches "Louise Michel",
    but "mich" does not match "Dmitrieff".
    """
    text_words = fold(text).split()
    query_words = fold(query).split()
    return bool(query_words) and all(
        any(word.startswith(query_word) for word in text_words) for query_word in query_words
    )


def closest(value: str, candidates: Mapping[str, str], limit: int = 3) -> list[str]:
    """Labels of the candidates nearest to a probably mistyped value, best first.

    `candidates` maps every name a record answers to onto the label to suggest
    for it, so that "Marseilles" and "Marseille" suggest one city, not two.
    """
    import difflib  # only a mistake needs it

    by_fold: dict[str, str] = {}
    for name, label in candidates.items():
        by_fold.setdefault(fold(name), label)
    wanted = fold(value)
    matches = difflib.get_close_matches(wanted, list(by_fold), n=limit * 2, cutoff=0.6)
    if not matches:
        # A surname alone ("rosel") is closer to "rossel" than to "louis rossel".
        last_words = {key.split()[-1]: key for key in by_fold if key}
        matches = [last_words[m] for m in difflib.get_close_matches(wanted, list(last_words), n=limit, cutoff=0.6)]
    return list(dict.fromkeys(by_fold[m] for m in matches))[:limit]
