"""Build the spaCy pipeline from ``config.cfg``: gazetteer -> statistical NER -> rules."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config

from kg.errors import ConfigError

CONFIG_PATH = Path(__file__).with_name("config.cfg")
SHIPPED_MODELS = {"id": Path(__file__).parent / "models" / "id_ner"}


def shipped_model(language: str = "id") -> Path | None:
    """The NER model kg ships for ``language``, or None when there is none."""
    path = SHIPPED_MODELS.get(language)
    return path if path is not None and (path / "meta.json").exists() else None


def load_pipeline(model: str | Path | None = None, language: str = "id", *, use_model: bool = True) -> Language:
    """A pipeline for ``language`` with the NER from ``model`` (default: the shipped one, if any).

    ``use_model=False`` leaves the statistical NER out: gazetteer and rules only.
    """
    return _load_pipeline(str(model) if model else None, language, use_model)


@lru_cache(maxsize=4)
def _load_pipeline(model: str | None, language: str, use_model: bool) -> Language:
    import kg.nlp.factories  # noqa: F401  (registers the kg factories)

    config = load_config(CONFIG_PATH)
    config["nlp"]["lang"] = language
    model_path = _resolve_model(model, language) if use_model else None
    if model_path is None:
        config["nlp"]["pipeline"] = [p for p in config["nlp"]["pipeline"] if p != "ner"]
        del config["components"]["ner"]
    else:
        config["paths"]["ner_model"] = str(model_path)
        config["components"]["ner"]["source"] = str(model_path)
    try:
        nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(
            f"cannot build the NLP pipeline with model {model_path}: {exc}",
            "give --model a spaCy pipeline directory that has an 'ner' component",
        ) from exc
    nlp.meta["name"] = f"kg_{language}"
    nlp.meta["kg_ner_model"] = str(model_path) if model_path else ""
    return nlp


def _resolve_model(model: str | None, language: str) -> Path | None:
    if model is None:
        return shipped_model(language)
    path = Path(model)
    if not (path / "meta.json").exists() and not (path / "config.cfg").exists():
        raise ConfigError(
            f"no spaCy pipeline at {path}",
            "give --model the directory written by nlp.to_disk() or spacy train (e.g. output/model-best)",
        )
    if not (path / "ner").is_dir():
        raise ConfigError(f"the spaCy pipeline at {path} has no 'ner' component", "train one with an ner component")
    return path


def pipeline_name(nlp: Language) -> str:
    """A short description of the pipeline for provenance: components and the NER model used."""
    parts = ",".join(nlp.pipe_names)
    model = nlp.meta.get("kg_ner_model") or "none"
    return f"spacy {spacy.__version__} [{parts}] ner_model={Path(model).name if model != 'none' else 'none'}"
