"""Build the spaCy pipeline that ``config.cfg`` declares: gazetteer -> statistical NER -> rules."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config

from kg.errors import ConfigError

CONFIG_PATH = Path(__file__).with_name("config.cfg")
SHIPPED_MODELS = {"id": Path(__file__).parent / "models" / "id_ner"}
NER = "ner"


def shipped_model(language: str = "id") -> Path | None:
    """The NER model kg ships for ``language``, or None when there is none."""
    path = SHIPPED_MODELS.get(language)
    return path if path is not None and (path / "meta.json").exists() else None


def load_pipeline(model: str | Path | None = None, language: str = "id", *, use_model: bool = True) -> Language:
    """A pipeline for ``language`` with the NER of ``model`` (default: the shipped one, if any).

    ``use_model=False`` leaves the statistical NER out: gazetteer and rules only. Pipelines are
    cached per process: building one costs seconds (spaCy's Indonesian tokenizer exceptions).
    """
    return _load_pipeline(str(model) if model else None, language, use_model)


@lru_cache(maxsize=4)
def _load_pipeline(model: str | None, language: str, use_model: bool) -> Language:
    import kg.nlp.factories  # noqa: F401  (registers the kg factories)

    config = load_config(CONFIG_PATH)
    model_path = _resolve_model(model, language) if use_model else None
    if model_path is None:
        nlp = spacy.blank(language)
    else:
        # The trained pipeline brings its tokenizer settings, tok2vec and ner. Its tokenizer
        # file is skipped: it is the language default, and loading the Indonesian exceptions a
        # second time would double the start-up time.
        try:
            nlp = spacy.load(model_path, exclude=["tokenizer"])
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"cannot load the spaCy pipeline at {model_path}: {exc}",
                "give --model a directory written by spacy train or nlp.to_disk()",
            ) from exc
        if nlp.lang != language:
            raise ConfigError(f"the model at {model_path} is for language '{nlp.lang}', not '{language}'",
                              "give a model trained for the article's language")
    _add_kg_components(nlp, config)
    nlp.meta["kg_ner_model"] = str(model_path) if model_path else ""
    return nlp


def _add_kg_components(nlp: Language, config) -> None:
    """Add the kg components around ``ner`` in the order the config's pipeline lists them."""
    order = list(config["nlp"]["pipeline"])
    for index, name in enumerate(order):
        if name == NER:
            continue
        settings = dict(config["components"][name])
        factory = settings.pop("factory")
        placement = {}
        if NER in nlp.pipe_names:
            placement = {"before": NER} if index < order.index(NER) else {"after": NER}
        nlp.add_pipe(factory, name=name, config=settings, **placement)


def _resolve_model(model: str | None, language: str) -> Path | None:
    if model is None:
        return shipped_model(language)
    path = Path(model)
    if not (path / "meta.json").exists() or not (path / "config.cfg").exists():
        raise ConfigError(
            f"no spaCy pipeline at {path}",
            "give --model the directory written by nlp.to_disk() or spacy train (e.g. output/model-best)",
        )
    if not (path / NER).is_dir():
        raise ConfigError(f"the spaCy pipeline at {path} has no 'ner' component", "train one with an ner component")
    return path


def pipeline_name(nlp: Language) -> str:
    """A short description of the pipeline for provenance: components and the NER model used."""
    model = nlp.meta.get("kg_ner_model")
    return f"spaCy {spacy.__version__} [{', '.join(nlp.pipe_names)}] ner_model={Path(model).name if model else 'none'}"
