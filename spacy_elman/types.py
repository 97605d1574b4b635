"""Array type aliases, in thinc's naming, for typed signatures without importing TensorFlow."""

from thinc.types import Floats1d, Floats2d, Floats3d, Ints1d, Ints2d, Ints3d

__all__ = ["Floats1d", "Floats2d", "Floats3d", "Ints1d", "Ints2d", "Ints3d"]
