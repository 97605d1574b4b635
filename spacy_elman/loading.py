"""Open a trained pipeline for tagging, turning every way a model directory can be broken into
one clear :class:`~spacy_elman.errors.ElmanError` sentence.

``check_pipeline_dir`` is the cheap part (no TensorFlow: path, ``config.cfg``, an ``elman_ner``
component); ``load_pipeline`` then loads it as ``spacy.load`` does and builds the network right
away, so a bad device or unusable weights fail here rather than in the middle of a stream.
"""

from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple, Union

import spacy
from spacy.language import Language

from .errors import ElmanError, Errors

FACTORY = "elman_ner"


def _detail(err: BaseException) -> str:
    """One line describing ``err`` (spaCy and confection messages span several lines)."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    text = " ".join(lines) or type(err).__name__
    if len(text) > 300:
        text = text[:297] + "..."
    return f"{type(err).__name__}: {text}"


def _components(config) -> List[Tuple[str, str]]:
    """``(name, factory)`` of the pipeline's components, in pipeline order."""
    nlp_section = config.get("nlp", {})
    components = config.get("components", {})
    names = list(nlp_section.get("pipeline", [])) or list(components)
    return [(name, str(components.get(name, {}).get("factory", "?"))) for name in names]


def check_pipeline_dir(path: Union[str, Path]) -> str:
    """Check that ``path`` looks like a pipeline directory with an ``elman_ner`` component.

    Reads only ``config.cfg`` (no TensorFlow, no weights). Returns the component's name:
    ``"elman_ner"``, or the one component made by the ``elman_ner`` factory under another name.
    Raises E201 (missing), E202 (not a pipeline directory), E203 (no elman_ner) or
    E204 (unreadable config).
    """
    path = Path(path)
    if not path.exists():
        raise ElmanError(Errors.E201.format(path=path))
    if not path.is_dir():
        raise ElmanError(Errors.E202.format(path=path, reason="it is a file, not a directory"))
    if not (path / "config.cfg").is_file():
        raise ElmanError(Errors.E202.format(path=path, reason="it has no config.cfg"))
    try:
        config = spacy.util.load_config(path / "config.cfg", interpolate=False)
    except Exception as err:  # confection/configparser raise many types on a broken file
        detail = f"config.cfg is broken ({_detail(err)})"
        raise ElmanError(Errors.E204.format(path=path, detail=detail)) from None
    components = _components(config)
    missing = [name for name, factory in components if factory == "?"]
    if missing:
        detail = f"config.cfg is broken (no [components.{missing[0]}] section with a factory)"
        raise ElmanError(Errors.E204.format(path=path, detail=detail))
    ours = [name for name, factory in components if factory == FACTORY]
    if FACTORY in ours:
        return FACTORY
    if len(ours) == 1:
        return ours[0]
    if not ours:
        found = ", ".join(f"{name} ({factory})" for name, factory in components) or "none"
        raise ElmanError(Errors.E203.format(path=path, components=found))
    raise ElmanError(
        Errors.E204.format(
            path=path,
            detail=f"it has several elman_ner components ({', '.join(ours)}), none named elman_ner",
        )
    )


def find_component(nlp: Language) -> str:
    """The name of ``nlp``'s elman_ner component (E203 when it has none)."""
    from .pipeline import ElmanNER

    names = [name for name, pipe in nlp.pipeline if isinstance(pipe, ElmanNER)]
    if FACTORY in names:
        return FACTORY
    if names:
        return names[0]
    found = ", ".join(nlp.pipe_names) or "none"
    raise ElmanError(Errors.E203.format(path="the given pipeline", components=found))


def load_pipeline(path: Union[str, Path], *, device: Optional[str] = None) -> Language:
    """Load the trained pipeline in the directory ``path``, ready to tag.

    device: "cpu", "gpu", "gpu:N" or "auto"; None keeps the device saved with the model.

    Every failure is one :class:`ElmanError`: E201 the path does not exist, E202 it is not a
    pipeline directory, E203 no elman_ner component (the message names the components there),
    E204 a broken file spaCy cannot read (config, meta, tokenizer, vocab), E005 corrupted or
    truncated weights (E204 too for a component saved before training), E007/E008 a bad device.
    """
    path = Path(path)
    name = check_pipeline_dir(path)
    overrides = {"components": {name: {"device": device}}} if device is not None else {}
    try:
        nlp = _load(path, overrides)
    except ElmanError:
        raise  # E005 (weights) and friends already name the path and the problem
    except Exception as err:  # spaCy, srsly, confection, msgpack: many types on broken files
        detail = f"a file there is broken or truncated ({_detail(err)})"
        raise ElmanError(Errors.E204.format(path=path, detail=detail)) from None
    if name in nlp.disabled:
        nlp.enable_pipe(name)
    pipe = nlp.get_pipe(name)
    try:
        pipe.net  # noqa: B018 -- build the network now: bad weights/device fail here
    except ElmanError as err:
        if str(err).startswith("[E004]"):  # saved before nlp.initialize(): no weights at all
            detail = f"its {name} component has no weights (it was saved before training)"
            raise ElmanError(Errors.E204.format(path=path, detail=detail)) from None
        raise
    except Exception as err:  # TensorFlow errors while building from the weights
        detail = f"cannot build the network from its weights ({_detail(err)})"
        raise ElmanError(Errors.E204.format(path=path, detail=detail)) from None
    return nlp


def _load(path: Path, overrides: Dict[str, Any]) -> Language:
    """``spacy.load(path, config=overrides)``, without reading back a tokenizer equal to the
    one the config built (it would build its ~2,700 special cases a second time, ~0.1-0.2 s
    of the start-up)."""
    dotted = spacy.util.dict_to_dot(overrides, for_overrides=True)
    config = spacy.util.load_config(path / "config.cfg", overrides=dotted)
    nlp = spacy.util.load_model_from_config(config, meta=spacy.util.get_model_meta(path))
    saved = path / "tokenizer"
    same = saved.is_file() and saved.read_bytes() == nlp.tokenizer.to_bytes(exclude=["vocab"])
    return nlp.from_disk(path, exclude=["tokenizer"] if same else [], overrides=dotted)


def device_from_flags(gpu_id: Optional[int], cpu: bool) -> Optional[str]:
    """``--gpu-id N`` → "gpu:N" (a negative N means CPU, as in spaCy), ``--cpu`` → "cpu"."""
    if cpu and gpu_id is not None and gpu_id >= 0:
        raise ElmanError(Errors.E208)
    if cpu or (gpu_id is not None and gpu_id < 0):
        return "cpu"
    return None if gpu_id is None else f"gpu:{gpu_id}"
