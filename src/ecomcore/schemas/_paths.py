"""JSON paths for error messages: pydantic locations rendered as ``rules[1].percent``."""

from collections.abc import Iterable, Sequence


def json_path(location: Iterable[int | str], tagged: Sequence[str] = ()) -> str:
    """Render a pydantic error location as a JSON path; ``$`` is the document itself.

    pydantic puts the tag of a discriminated union in the location (``benefit.percent_off``);
    a part right after a field named in ``tagged`` (or after an index into one) is that tag, and
    is left out, since it is no key of the document.

    Examples:
        >>> json_path(("rules", 1, "percent"))
        'rules[1].percent'
        >>> json_path(("promotions", 0, "benefit", "percent_off", "percent"), tagged=["benefit"])
        'promotions[0].benefit.percent'
        >>> json_path(())
        '$'
    """
    text = ""
    expect_tag = False
    previous: int | str | None = None
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
            expect_tag = previous in tagged
        elif expect_tag:
            expect_tag = False
        else:
            text += f".{part}" if text else part
            expect_tag = part in tagged
        previous = part
    return text or "$"
