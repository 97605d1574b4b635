"""Array type aliases, in thinc's naming, for typed signatures without importing TensorFlow."""

import numpy as np
import numpy.typing as npt
from thinc.types import Floats1d, Floats2d, Floats3d, Ints1d, Ints2d, Ints3d

# thinc has no boolean or unsigned array types.
Bools1d = npt.NDArray[np.bool_]
Bools2d = npt.NDArray[np.bool_]
Uint64s1d = npt.NDArray[np.uint64]
Uint64s2d = npt.NDArray[np.uint64]

__all__ = [
    "Bools1d",
    "Bools2d",
    "Floats1d",
    "Floats2d",
    "Floats3d",
    "Ints1d",
    "Ints2d",
    "Ints3d",
    "Uint64s1d",
    "Uint64s2d",
]
