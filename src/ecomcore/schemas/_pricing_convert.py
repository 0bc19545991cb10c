"""Conditions, benefits, ranges and money: between the pydantic models and the domain objects.

Reading goes model -> domain object, each constructor wrapped so a domain error becomes a
`PathError` at the JSON path being built; writing goes domain object -> JSON-ready dict.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

from ecomcore.core import Money, ValidationError
from ecomcore.pricing import (
    AllOf,
    Always,
    AmountOff,
    AnyOf,
    Benefit,
    BuyXGetY,
    ChannelIs,
    Condition,
    CouponEntered,
    CurrencyIs,
    CustomerInGroup,
    DateWindow,
    FirstOrder,
    FixedPriceBundle,
    FreeGift,
    OrderAmountOff,
    OrderPercentOff,
    PercentOff,
    ProductRange,
    RangeQuantityAtLeast,
    RangeValueAtLeast,
    Reward,
    ShippingDiscount,
    SubtotalAtLeast,
    Tier,
    TieredPercentOff,
    Unless,
)
from ecomcore.schemas import _pricing_models as m

Built = TypeVar("Built")


class PathError(Exception):
    """Internal: one bad value at a JSON path, on its way into a `PricingDefinitionError`."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def build(path: str, model: BaseModel | None, make: Callable[[], Built]) -> Built:
    """Call a domain constructor; its error becomes a `PathError` at ``path`` (and its field)."""
    try:
        return make()
    except ValidationError as error:
        fields = type(model).model_fields if model is not None else {}
        where = f"{path}.{error.field}" if error.field in fields else path
        raise PathError(where, f"must be {error.allowed}, got {error.value!r}") from None


def to_money(model: m.MoneyModel) -> Money:
    """Return the Money of a validated money model."""
    return Money(model.amount, model.currency)


def optional_money(model: m.MoneyModel | None) -> Money | None:
    """Return the Money of a validated money model, or None."""
    return None if model is None else to_money(model)


def money_json(value: Money | None) -> dict[str, str] | None:
    """Write Money as ``{"amount": "19.99", "currency": "EUR"}``."""
    if value is None:
        return None
    return {"amount": str(value.amount), "currency": value.currency.code}


# Ranges ----------------------------------------------------------------------------------------

_RANGE_SETS = [
    "products",
    "variants",
    "categories",
    "collections",
    "tags",
    "exclude_products",
    "exclude_variants",
    "exclude_categories",
    "exclude_tags",
]


def product_range(model: m.RangeModel | None) -> ProductRange:
    """Return the range of a model; absent means every item."""
    if model is None:
        return ProductRange.everything()
    sets = {name: frozenset(getattr(model, name)) for name in _RANGE_SETS}
    return ProductRange(
        **sets, exclude_sale_items=model.exclude_sale_items, all_items=model.all_items
    )


def range_json(value: ProductRange) -> dict[str, Any]:
    """Write a range, leaving out empty sets and false flags."""
    data: dict[str, Any] = {
        name: sorted(getattr(value, name)) for name in _RANGE_SETS if getattr(value, name)
    }
    if value.exclude_sale_items:
        data["exclude_sale_items"] = True
    if value.all_items:
        data["all_items"] = True
    return data


def _benefit_range_json(value: ProductRange) -> dict[str, Any]:
    return {} if value == ProductRange.everything() else {"range": range_json(value)}


# Conditions ------------------------------------------------------------------------------------


def condition(model: Any, path: str) -> Condition:
    """Return the condition tree of a model, children first, each error at its own path."""
    make: Callable[[], Condition]
    if isinstance(model, m.AllModel | m.AnyModel):
        children = [
            condition(child, f"{path}.conditions[{index}]")
            for index, child in enumerate(model.conditions)
        ]
        kind = AllOf if isinstance(model, m.AllModel) else AnyOf
        return build(path, model, lambda: kind(children))
    if isinstance(model, m.NotModel):
        child = condition(model.condition, f"{path}.condition")
        return build(path, None, lambda: Unless(child))
    if isinstance(model, m.AlwaysModel):
        return Always()
    if isinstance(model, m.FirstOrderModel):
        return FirstOrder()
    if isinstance(model, m.SubtotalAtLeastModel):
        make = lambda: SubtotalAtLeast(to_money(model.amount))  # noqa: E731
    elif isinstance(model, m.RangeQuantityAtLeastModel):
        make = lambda: RangeQuantityAtLeast(product_range(model.range), model.quantity)  # noqa: E731
    elif isinstance(model, m.RangeValueAtLeastModel):
        make = lambda: RangeValueAtLeast(  # noqa: E731
            product_range(model.range), to_money(model.amount)
        )
    elif isinstance(model, m.CustomerInGroupModel):
        make = lambda: CustomerInGroup(frozenset(model.groups))  # noqa: E731
    elif isinstance(model, m.CouponEnteredModel):
        make = lambda: CouponEntered(frozenset(model.codes))  # noqa: E731
    elif isinstance(model, m.ChannelIsModel):
        make = lambda: ChannelIs(frozenset(model.channels))  # noqa: E731
    elif isinstance(model, m.CurrencyIsModel):
        make = lambda: CurrencyIs(frozenset(model.currencies))  # noqa: E731
    else:
        make = lambda: DateWindow(model.start, model.end)  # noqa: E731
    return build(path, model, make)


def dump_condition(value: Condition) -> dict[str, Any] | None:  # noqa: PLR0911 (one per kind)
    """Write a condition tree; None for `Always`, the default."""
    if isinstance(value, Always):
        return None
    if isinstance(value, AllOf | AnyOf):
        kind = "all" if isinstance(value, AllOf) else "any"
        return {"kind": kind, "conditions": [_condition_json(c) for c in value.conditions]}
    if isinstance(value, Unless):
        return {"kind": "not", "condition": _condition_json(value.condition)}
    if isinstance(value, SubtotalAtLeast):
        return {"kind": "subtotal_at_least", "amount": money_json(value.amount)}
    if isinstance(value, RangeQuantityAtLeast):
        return {
            "kind": "range_quantity_at_least",
            "range": range_json(value.range),
            "quantity": value.quantity,
        }
    if isinstance(value, RangeValueAtLeast):
        return {
            "kind": "range_value_at_least",
            "range": range_json(value.range),
            "amount": money_json(value.amount),
        }
    if isinstance(value, FirstOrder):
        return {"kind": "first_order"}
    sets: dict[type, tuple[str, str]] = {
        CustomerInGroup: ("customer_in_group", "groups"),
        CouponEntered: ("coupon_entered", "codes"),
        ChannelIs: ("channel_is", "channels"),
        CurrencyIs: ("currency_is", "currencies"),
    }
    if type(value) in sets:
        kind, field = sets[type(value)]
        return {"kind": kind, field: sorted(getattr(value, field))}
    if isinstance(value, DateWindow):
        window = {"start": value.start, "end": value.end}
        return {"kind": "date_window"} | {
            key: instant.isoformat() for key, instant in window.items() if instant is not None
        }
    raise ValidationError("condition", value, "one of the condition kinds ecomcore defines")


def _condition_json(value: Condition) -> dict[str, Any]:
    return dump_condition(value) or {"kind": "always"}


# Benefits --------------------------------------------------------------------------------------


def _tier(model: m.TierModel) -> Tier:
    threshold = model.min_quantity if model.min_spend is None else optional_money(model.min_spend)
    return Tier(threshold, model.percent)  # type: ignore[arg-type]


def benefit(model: Any, path: str) -> Benefit:
    """Return the benefit of a model, its errors at ``path``."""
    make: Callable[[], Benefit]
    if isinstance(model, m.PercentOffModel):
        make = lambda: PercentOff(model.percent, product_range(model.range))  # noqa: E731
    elif isinstance(model, m.AmountOffModel):
        make = lambda: AmountOff(  # noqa: E731
            to_money(model.amount), product_range(model.range), per_item=model.per_item
        )
    elif isinstance(model, m.FixedPriceBundleModel):
        make = lambda: FixedPriceBundle(  # noqa: E731
            model.size,
            to_money(model.price),
            product_range(model.range),
            max_applications=model.max_applications,
        )
    elif isinstance(model, m.BuyXGetYModel):
        make = lambda: BuyXGetY(  # noqa: E731
            model.buy,
            model.get,
            product_range(model.range),
            percent=model.percent,
            reward=Reward(model.reward),
            max_applications=model.max_applications,
        )
    elif isinstance(model, m.TieredPercentOffModel):
        make = lambda: TieredPercentOff(  # noqa: E731
            [_tier(tier) for tier in model.tiers], product_range(model.range)
        )
    elif isinstance(model, m.FreeGiftModel):
        make = lambda: FreeGift(model.variant_id, model.product_id, model.quantity)  # noqa: E731
    elif isinstance(model, m.OrderPercentOffModel):
        make = lambda: OrderPercentOff(model.percent)  # noqa: E731
    elif isinstance(model, m.OrderAmountOffModel):
        make = lambda: OrderAmountOff(to_money(model.amount))  # noqa: E731
    else:
        make = lambda: ShippingDiscount(model.percent, optional_money(model.amount))  # noqa: E731
    return build(path, model, make)


def _pct(value: Decimal) -> str:
    return str(value)


def dump_benefit(value: Benefit) -> dict[str, Any]:  # noqa: PLR0911 (one return per kind)
    """Write a benefit as a JSON-ready dict, leaving out defaults."""
    data: dict[str, Any]
    if isinstance(value, PercentOff):
        return {"kind": "percent_off", "percent": _pct(value.percent)} | _benefit_range_json(
            value.range
        )
    if isinstance(value, AmountOff):
        data = {"kind": "amount_off", "amount": money_json(value.amount)}
        data |= _benefit_range_json(value.range)
        return data | ({"per_item": True} if value.per_item else {})
    if isinstance(value, FixedPriceBundle):
        data = {
            "kind": "fixed_price_bundle",
            "size": value.size,
            "price": money_json(value.price),
        }
        data |= _benefit_range_json(value.range)
        return data | _present(max_applications=value.max_applications)
    if isinstance(value, BuyXGetY):
        data = {"kind": "buy_x_get_y", "buy": value.buy, "get": value.get}
        data |= _benefit_range_json(value.range)
        if value.percent != 100:
            data["percent"] = _pct(value.percent)
        if value.reward is not Reward.CHEAPEST:
            data["reward"] = value.reward.value
        return data | _present(max_applications=value.max_applications)
    if isinstance(value, TieredPercentOff):
        tiers = [
            {"min_spend": money_json(tier.at_least), "percent": _pct(tier.percent)}
            if isinstance(tier.at_least, Money)
            else {"min_quantity": tier.at_least, "percent": _pct(tier.percent)}
            for tier in value.tiers
        ]
        return {"kind": "tiered_percent_off", "tiers": tiers} | _benefit_range_json(value.range)
    if isinstance(value, FreeGift):
        data = {"kind": "free_gift", "variant_id": value.variant_id}
        data["product_id"] = value.product_id
        return data | ({"quantity": value.quantity} if value.quantity != 1 else {})
    if isinstance(value, OrderPercentOff):
        return {"kind": "order_percent_off", "percent": _pct(value.percent)}
    if isinstance(value, OrderAmountOff):
        return {"kind": "order_amount_off", "amount": money_json(value.amount)}
    if isinstance(value, ShippingDiscount):
        data = {"kind": "shipping_discount"}
        if value.percent != 100:
            data["percent"] = _pct(value.percent)
        return data | _present(amount=money_json(value.amount))
    raise ValidationError("benefit", value, "one of the benefit kinds ecomcore defines")


def _present(**values: object) -> dict[str, object]:
    return {key: value for key, value in values.items() if value is not None}
