"""spacy-elman: streaming named-entity tagging with a TensorFlow Elman network, as a spaCy component.

Importing this package is cheap: TensorFlow is only imported when a model is built or run.
"""

from .about import __version__
from .streaming import pipe_stream

__all__ = ["__version__", "pipe_stream"]
