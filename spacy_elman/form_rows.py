"""A bounded memo of the feature ids of the word forms that earlier batches held.

A token's feature ids (``features``) are a function of its form alone (its ``ORTH`` hash),
given the model's features, their table sizes and the words it was trained on (``known``):
its lower form, affixes, shape, Brown cluster and kind of name are the form's. A stream
meets the same few thousand forms again and again, so prediction folds each form once and
keeps its row here; a batch then costs one ``np.unique`` and one search for the forms it
shares with earlier batches (twenty-eighth session: the features' lookups were ~55 of ~120 ms
of a CoNLL-2003 dev pass). ``norm`` is a token's own (a tokenizer exception sets it), so a
model that reads it goes without the memo.
"""

from typing import Any, Optional, Sequence, Tuple

import numpy as np

from .types import Bools1d, Ints2d, Uint64s1d

# Forms kept at most: 200,000 rows of a six-feature model take ~6 MiB. Past it, the memo
# starts again from the forms of the batch at hand, so memory stays bounded on any stream.
MAX_FORMS = 200_000


class FormRows:
    """The rows of the forms met so far, for one model's features, table sizes and known
    words; a call with other ones starts the memo again."""

    def __init__(self, max_forms: int = MAX_FORMS) -> None:
        self.max_forms = max_forms
        empty = np.zeros((0,), dtype="uint64")
        # (features and rows, known words, sorted forms, their rows): replaced, never
        # changed in place, so a reader in another thread sees one consistent state.
        self._state: Tuple[Any, Any, Uint64s1d, Ints2d] = (
            None,
            None,
            empty,
            np.zeros((0, 0), dtype="int32"),
        )

    def __len__(self) -> int:
        return len(self._state[2])

    def look_up(
        self,
        spec: Tuple[Sequence[str], Sequence[int]],
        known: Optional[Uint64s1d],
        forms: Uint64s1d,
    ) -> Tuple[Bools1d, Ints2d]:
        """Which of the sorted, distinct ``forms`` the memo holds for ``spec`` (features,
        rows) and ``known``, and their rows, in order."""
        held_spec, held_known, held, rows = self._state
        if held_spec != spec or held_known is not known or not len(held):
            none = np.zeros((0, len(spec[0])), dtype="int32")
            return np.zeros((len(forms),), dtype=bool), none
        at = np.minimum(np.searchsorted(held, forms), len(held) - 1)
        found = held[at] == forms
        return found, rows[at[found]]

    def add(
        self,
        spec: Tuple[Sequence[str], Sequence[int]],
        known: Optional[Uint64s1d],
        forms: Uint64s1d,
        rows: Ints2d,
    ) -> None:
        """Keep the rows of sorted ``forms`` that the memo does not hold."""
        held_spec, held_known, held, held_rows = self._state
        fresh = held_spec != spec or held_known is not known
        if fresh or len(held) + len(forms) > self.max_forms:
            self._state = (spec, known, forms.copy(), rows.copy())
            return
        at = np.searchsorted(held, forms)
        self._state = (
            spec,
            known,
            np.insert(held, at, forms),
            np.insert(held_rows, at, rows, axis=0),
        )
