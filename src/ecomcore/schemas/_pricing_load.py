"""Load price lists, promotions and coupons from JSON, and dump them back.

pydantic checks the shape (with `ecomcore.schemas._pricing_models`); the domain constructors
check the rest (a window that ends before it starts, a condition tree too deep...). Either way
a bad definition raises `PricingDefinitionError` with the JSON path of every bad value.
"""

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import pydantic
from pydantic import BaseModel

from ecomcore.core import Money, ValidationError
from ecomcore.pricing import (
    Coupon,
    CouponBook,
    PriceBook,
    PriceList,
    PriceListKind,
    PriceTier,
    Promotion,
    PromotionCatalog,
    PromotionDefinitionError,
    PromotionLimits,
    StackingBase,
)
from ecomcore.schemas._paths import json_path
from ecomcore.schemas._pricing_convert import (
    PathError,
    benefit,
    build,
    condition,
    dump_benefit,
    dump_condition,
    money_json,
    optional_money,
)
from ecomcore.schemas._pricing_models import (
    CouponModel,
    CouponsDocument,
    PriceListModel,
    PriceListsDocument,
    PriceTierModel,
    PromotionModel,
    PromotionsDocument,
)

__all__ = [
    "PricingDefinitionError",
    "coupons_json_schema",
    "dump_coupons",
    "dump_price_lists",
    "dump_promotions",
    "load_coupons",
    "load_price_lists",
    "load_promotions",
    "price_lists_json_schema",
    "promotions_json_schema",
]

_TAGGED = ("benefit", "condition", "conditions")
_TAG_ERRORS = {"union_tag_invalid", "union_tag_not_found"}

Document = TypeVar("Document", bound=BaseModel)
Built = TypeVar("Built")


class PricingDefinitionError(PromotionDefinitionError):
    """A price list, promotion or coupon document is invalid; says where and why.

    ``path`` is the JSON path of the first bad value (``promotions[3].benefit.percent``) and
    ``reason`` what is wrong with it; ``problems`` lists every ``(path, reason)`` found.

    Examples:
        >>> error = PricingDefinitionError([("promotions[0].benefit.kind", "unknown kind")])
        >>> error.path, error.code
        ('promotions[0].benefit.kind', 'invalid_definition')
        >>> print(error)
        invalid pricing definition: promotions[0].benefit.kind: unknown kind
    """

    def __init__(self, problems: Sequence[tuple[str, str]], value: object = None) -> None:
        first_path, first_reason = problems[0]
        listed = "; ".join(f"{path}: {reason}" for path, reason in problems)
        ValidationError.__init__(self, first_path, value, first_reason)
        self.message = f"invalid pricing definition: {listed}"
        self.args = (self.message,)
        self.path = first_path
        self.reason = first_reason
        self.problems = tuple(problems)


def _parse(model: type[Document], source: str | bytes | Mapping[str, Any]) -> Document:
    try:
        if isinstance(source, str | bytes):
            return model.model_validate_json(source)
        return model.model_validate(source)
    except pydantic.ValidationError as error:
        problems = []
        for item in error.errors():
            path = json_path(item["loc"], _TAGGED)
            if item["type"] in _TAG_ERRORS:
                path += ".kind"
            problems.append((path, item["msg"].removeprefix("Value error, ")))
        raise PricingDefinitionError(problems) from None


def _build_all(
    items: Sequence[Any], name: str, build: Callable[[Any, str], Built]
) -> tuple[Built, ...]:
    built: list[Built] = []
    problems: list[tuple[str, str]] = []
    for index, item in enumerate(items):
        try:
            built.append(build(item, f"{name}[{index}]"))
        except PathError as problem:
            problems.append((problem.path, problem.reason))
    if problems:
        raise PricingDefinitionError(problems)
    return tuple(built)


def _distinct(keys: Sequence[str], name: str, field: str) -> None:
    seen: set[str] = set()
    problems = []
    for index, key in enumerate(keys):
        if key in seen:
            problems.append((f"{name}[{index}].{field}", f"{key!r} is given twice; use distinct"))
        seen.add(key)
    if problems:
        raise PricingDefinitionError(problems)


# Price lists -----------------------------------------------------------------------------------


def _price_tier(model: PriceTierModel, currency: str, path: str) -> PriceTier:
    return build(path, model, lambda: PriceTier(model.min_quantity, Money(model.price, currency)))


def _price_list(model: PriceListModel, path: str) -> PriceList:
    for variant, tiers in model.prices.items():
        minimums = [tier.min_quantity for tier in tiers]
        if len(set(minimums)) != len(minimums):
            raise PathError(
                f"{path}.prices.{variant}", f"tiers with distinct min_quantity, got {minimums}"
            )
    prices = {
        variant: [
            _price_tier(tier, model.currency, f"{path}.prices.{variant}[{index}]")
            for index, tier in enumerate(tiers)
        ]
        for variant, tiers in model.prices.items()
    }
    return build(
        path,
        model,
        lambda: PriceList(
            model.id,
            model.currency,
            prices,
            kind=PriceListKind(model.kind),
            includes_tax=model.includes_tax,
            customer_groups=frozenset(model.customer_groups),
            channels=frozenset(model.channels),
            regions=frozenset(model.regions),
            valid_from=model.valid_from,
            valid_until=model.valid_until,
            priority=model.priority,
        ),
    )


def load_price_lists(source: str | bytes | Mapping[str, Any]) -> tuple[PriceList, ...]:
    """Load price lists from a JSON document (text, bytes or a decoded dict), in document order.

    Pass them to `ecomcore.pricing.PriceBook`. Raises `PricingDefinitionError` naming the JSON
    path of every bad value.

    Examples:
        >>> lists = load_price_lists('''{"price_lists": [{"id": "retail", "currency": "EUR",
        ...     "prices": {"mug": "12.00", "tee": [{"min_quantity": 1, "price": "10"},
        ...                                         {"min_quantity": 10, "price": "8.50"}]}}]}''')
        >>> lists[0].price_for("tee", 12)
        Money('8.50', 'EUR')
        >>> load_price_lists({"price_lists": [{"id": "x", "currency": "EUR",
        ...     "prices": {"mug": 12.5}}]})
        Traceback (most recent call last):
        ...
        ecomcore.schemas._pricing_load.PricingDefinitionError: ...: price_lists[0].prices.mug: ...
    """
    document = _parse(PriceListsDocument, source)
    _distinct([model.id for model in document.price_lists], "price_lists", "id")
    return _build_all(document.price_lists, "price_lists", _price_list)


def _tiers_json(tiers: Sequence[PriceTier]) -> str | list[dict[str, Any]]:
    if len(tiers) == 1 and tiers[0].min_quantity == 1:
        return str(tiers[0].unit_price.amount)
    return [{"min_quantity": t.min_quantity, "price": str(t.unit_price.amount)} for t in tiers]


def _drop_defaults(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    fields = model.model_fields
    return {
        key: value
        for key, value in data.items()
        if fields[key].is_required() or value != _json_default(fields[key].default)
    }


def _json_default(default: object) -> object:
    return (
        str(default) if not isinstance(default, bool | int | str | list | type(None)) else default
    )


def dump_price_lists(lists: PriceBook | Iterable[PriceList]) -> dict[str, Any]:
    """Write price lists as a JSON-ready dict that `load_price_lists` reads back equal.

    Examples:
        >>> book = PriceBook([PriceList.of("retail", "EUR", {"mug": "12.00"})])
        >>> dump_price_lists(book)
        {'price_lists': [{'id': 'retail', 'currency': 'EUR', 'prices': {'mug': '12.00'}}]}
    """
    given = lists.lists if isinstance(lists, PriceBook) else tuple(lists)
    return {
        "price_lists": [
            _drop_defaults(
                PriceListModel,
                {
                    "id": pl.id,
                    "currency": pl.currency,
                    "prices": {variant: _tiers_json(tiers) for variant, tiers in pl.prices.items()},
                    "kind": pl.kind.value,
                    "includes_tax": pl.includes_tax,
                    "customer_groups": sorted(pl.customer_groups),
                    "channels": sorted(pl.channels),
                    "regions": sorted(pl.regions),
                    "valid_from": _instant(pl.valid_from),
                    "valid_until": _instant(pl.valid_until),
                    "priority": pl.priority,
                },
            )
            for pl in given
        ]
    }


def _instant(value: Any) -> str | None:
    return None if value is None else value.isoformat()


# Promotions ------------------------------------------------------------------------------------


def _limits(model: PromotionModel, path: str) -> PromotionLimits:
    limits = model.limits
    if limits is None:
        return PromotionLimits()
    here = f"{path}.limits"
    return build(
        here,
        limits,
        lambda: PromotionLimits(
            max_items=limits.max_items,
            max_discount=optional_money(limits.max_discount),
            per_customer=limits.per_customer,
            total_redemptions=limits.total_redemptions,
            budget=optional_money(limits.budget),
        ),
    )


def _promotion(model: PromotionModel, path: str) -> Promotion:
    made_benefit = benefit(model.benefit, f"{path}.benefit")
    made_condition = (
        None if model.condition is None else condition(model.condition, f"{path}.condition")
    )
    limits = _limits(model, path)
    options: dict[str, Any] = {} if made_condition is None else {"condition": made_condition}
    return build(
        path,
        model,
        lambda: Promotion(
            model.id,
            model.name,
            made_benefit,
            priority=model.priority,
            exclusive=model.exclusive,
            lane=model.lane,
            stacking_base=StackingBase(model.stacking_base),
            limits=limits,
            coupon_required=model.coupon_required,
            valid_from=model.valid_from,
            valid_until=model.valid_until,
            **options,
        ),
    )


def load_promotions(source: str | bytes | Mapping[str, Any]) -> tuple[Promotion, ...]:
    """Load promotions from a JSON document (text, bytes or a decoded dict), in document order.

    Pass them to `ecomcore.pricing.PromotionCatalog`. Raises `PricingDefinitionError` naming
    the JSON path of every bad value (``promotions[3].benefit.percent``).

    Examples:
        >>> (promo,) = load_promotions('''{"promotions": [{"id": "spring", "name": "Spring",
        ...     "benefit": {"kind": "percent_off", "percent": "10"},
        ...     "condition": {"kind": "subtotal_at_least",
        ...                   "amount": {"amount": "50.00", "currency": "EUR"}}}]}''')
        >>> promo.describe()
        'Spring: 10% off every item, if subtotal at least 50.00 EUR'
        >>> load_promotions({"promotions": [{"id": "p", "name": "P",
        ...     "benefit": {"kind": "percent_off", "percent": "-5"}}]})
        Traceback (most recent call last):
        ...
        ecomcore.schemas._pricing_load.PricingDefinitionError: ...promotions[0].benefit.percent: ...
    """
    document = _parse(PromotionsDocument, source)
    _distinct([model.id for model in document.promotions], "promotions", "id")
    return _build_all(document.promotions, "promotions", _promotion)


def _limits_json(limits: PromotionLimits) -> dict[str, Any]:
    data = {
        "max_items": limits.max_items,
        "max_discount": money_json(limits.max_discount),
        "per_customer": limits.per_customer,
        "total_redemptions": limits.total_redemptions,
        "budget": money_json(limits.budget),
    }
    return {key: value for key, value in data.items() if value is not None}


def _promotion_json(promotion: Promotion) -> dict[str, Any]:
    return _drop_defaults(
        PromotionModel,
        {
            "id": promotion.id,
            "name": promotion.name,
            "benefit": dump_benefit(promotion.benefit),
            "condition": dump_condition(promotion.condition),
            "priority": promotion.priority,
            "exclusive": promotion.exclusive,
            "lane": promotion.lane,
            "stacking_base": promotion.stacking_base.value,
            "limits": _limits_json(promotion.limits) or None,
            "coupon_required": promotion.coupon_required,
            "valid_from": _instant(promotion.valid_from),
            "valid_until": _instant(promotion.valid_until),
        },
    )


def dump_promotions(promotions: PromotionCatalog | Iterable[Promotion]) -> dict[str, Any]:
    """Write promotions as a JSON-ready dict that `load_promotions` reads back equal.

    Examples:
        >>> from ecomcore.pricing import FixedPriceBundle
        >>> promo = Promotion("socks", "Socks", FixedPriceBundle(3, Money("20.00", "EUR")))
        >>> dump_promotions([promo])["promotions"][0]["benefit"]
        {'kind': 'fixed_price_bundle', 'size': 3, 'price': {'amount': '20.00', 'currency': 'EUR'}}
        >>> load_promotions(json.dumps(dump_promotions([promo]))) == (promo,)
        True
    """
    given = promotions.promotions if isinstance(promotions, PromotionCatalog) else promotions
    return {"promotions": [_promotion_json(promotion) for promotion in given]}


# Coupons ---------------------------------------------------------------------------------------


def _coupon(model: CouponModel, path: str) -> Coupon:
    return build(
        path,
        model,
        lambda: Coupon(
            model.code,
            model.promotion_id,
            valid_from=model.valid_from,
            valid_until=model.valid_until,
            max_uses=model.max_uses,
            per_customer=model.per_customer,
            minimum_subtotal=optional_money(model.minimum_subtotal),
            not_combinable_with=frozenset(model.not_combinable_with),
        ),
    )


def load_coupons(source: str | bytes | Mapping[str, Any]) -> tuple[Coupon, ...]:
    """Load coupons from a JSON document (text, bytes or a decoded dict), in document order.

    Pass them to `ecomcore.pricing.CouponBook`. Codes are normalised; two spellings of one code
    are refused. Raises `PricingDefinitionError` naming the JSON path of every bad value.

    Examples:
        >>> (coupon,) = load_coupons({"coupons": [{"code": "welcome-10",
        ...     "promotion_id": "welcome", "max_uses": 1}]})
        >>> coupon.code, coupon.max_uses
        ('WELCOME10', 1)
    """
    document = _parse(CouponsDocument, source)
    coupons = _build_all(document.coupons, "coupons", _coupon)
    _distinct([coupon.code for coupon in coupons], "coupons", "code")
    return coupons


def dump_coupons(coupons: CouponBook | Iterable[Coupon]) -> dict[str, Any]:
    """Write coupons as a JSON-ready dict that `load_coupons` reads back equal.

    Examples:
        >>> dump_coupons([Coupon("spring", "spring-sale", per_customer=1)])
        {'coupons': [{'code': 'SPRING', 'promotion_id': 'spring-sale', 'per_customer': 1}]}
    """
    given = coupons.coupons.values() if isinstance(coupons, CouponBook) else coupons
    return {
        "coupons": [
            _drop_defaults(
                CouponModel,
                {
                    "code": coupon.code,
                    "promotion_id": coupon.promotion_id,
                    "valid_from": _instant(coupon.valid_from),
                    "valid_until": _instant(coupon.valid_until),
                    "max_uses": coupon.max_uses,
                    "per_customer": coupon.per_customer,
                    "minimum_subtotal": money_json(coupon.minimum_subtotal),
                    "not_combinable_with": sorted(coupon.not_combinable_with),
                },
            )
            for coupon in given
        ]
    }


# Published schemas -----------------------------------------------------------------------------


def price_lists_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a price lists document (``docs/schemas/price-lists.schema.json``).

    Examples:
        >>> sorted(price_lists_json_schema()["properties"])
        ['price_lists']
    """
    return PriceListsDocument.model_json_schema()


def promotions_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a promotions document (``docs/schemas/promotions.schema.json``).

    Examples:
        >>> sorted(promotions_json_schema()["properties"])
        ['promotions']
    """
    return PromotionsDocument.model_json_schema()


def coupons_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a coupons document (``docs/schemas/coupons.schema.json``).

    Examples:
        >>> sorted(coupons_json_schema()["properties"])
        ['coupons']
    """
    return CouponsDocument.model_json_schema()


PUBLISHED_SCHEMAS: Mapping[str, Callable[[], dict[str, Any]]] = {
    "price-lists.schema.json": price_lists_json_schema,
    "promotions.schema.json": promotions_json_schema,
    "coupons.schema.json": coupons_json_schema,
}
"""The pricing schemas published in ``docs/schemas``, by file name."""


def schema_text(schema: dict[str, Any]) -> str:
    """Return a JSON Schema as the text published in ``docs/schemas``."""
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
