"""JSON Schema descriptions come from model docstrings: keep the prose, leave out the doctests."""

from pydantic.config import JsonDict

__all__ = ["without_examples"]


def without_examples(schema: JsonDict) -> None:
    """Cut the ``Examples:`` section out of a model's JSON Schema description, in place.

    A model's docstring is its schema's description; the runnable examples are for Python
    readers and would only clutter a published schema. Set as ``json_schema_extra``.

    Examples:
        >>> from ecomcore.schemas import FraudRuleModel
        >>> "Examples:" in FraudRuleModel.__doc__
        True
        >>> FraudRuleModel.model_json_schema()["description"]
        'One rule as JSON: ``{"label": "big", "action": "review", "condition": ":amount: > 500"}``.'
    """
    description = schema.get("description")
    if isinstance(description, str):
        schema["description"] = description.split("\n\nExamples:\n", 1)[0].rstrip()
