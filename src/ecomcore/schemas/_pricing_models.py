"""Price lists, promotions and coupons as JSON: the pydantic models behind the published schemas.

Amounts are decimal strings (``"19.99"``) or whole numbers, never JSON floats, which cannot hold
cents exactly; money elsewhere than in a price list carries its currency
(``{"amount": "50.00", "currency": "EUR"}``). Conditions and benefits are tagged by ``kind``.
"""

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from ecomcore.core import EcomcoreError, get_currency, minor_units

__all__ = [
    "BENEFIT_KINDS",
    "CONDITION_KINDS",
    "BenefitModel",
    "ConditionModel",
    "CouponModel",
    "CouponsDocument",
    "MoneyModel",
    "PriceListModel",
    "PriceListsDocument",
    "PromotionModel",
    "PromotionsDocument",
]

_DECIMAL = re.compile(r"\d+(\.\d+)?")


def _exact_number(value: object) -> object:
    if isinstance(value, float):
        raise ValueError(
            f"a decimal string such as {str(value)!r} or a whole number, not the JSON float "
            f"{value!r} (binary floats cannot hold amounts exactly)"
        )
    if isinstance(value, bool):
        raise ValueError("a decimal string or a whole number, not a boolean")
    if isinstance(value, str) and value.startswith("-"):
        raise ValueError(f"zero or more, got {value!r}")
    if isinstance(value, str) and not _DECIMAL.fullmatch(value):
        raise ValueError("a decimal number written with digits and one '.', such as '19.99'")
    if isinstance(value, int) and value < 0:
        raise ValueError(f"zero or more, got {value!r}")
    return value


_NUMBER_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d+(\.\d+)?$"},
        {"type": "integer", "minimum": 0},
    ]
}

Amount = Annotated[
    Decimal,
    BeforeValidator(_exact_number),
    WithJsonSchema({**_NUMBER_SCHEMA, "description": "an amount: a decimal string or an integer"}),
]
"""A non-negative amount: ``"19.99"`` or ``20``; a JSON float is refused."""

Percent = Annotated[
    Decimal,
    BeforeValidator(_exact_number),
    Field(ge=0, le=100),
    WithJsonSchema({**_NUMBER_SCHEMA, "description": "a percentage from 0 to 100"}),
]
"""A percentage from 0 to 100, as a decimal string or an integer."""


def _known_currency(code: str) -> str:
    try:
        return get_currency(code).code
    except EcomcoreError:
        raise ValueError(f"an ISO 4217 currency code such as 'EUR', got {code!r}") from None


Currency = Annotated[
    str, Field(pattern=r"^[A-Z]{3}$", examples=["EUR"]), AfterValidator(_known_currency)
]
"""An ISO 4217 currency code with minor units."""

Id = Annotated[str, Field(min_length=1)]
Ids = list[Id]
Count = Annotated[int, Field(ge=1, strict=True)]
Integer = Annotated[int, Field(strict=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MoneyModel(_Strict):
    """An amount in a currency, a whole number of the currency's minor units."""

    amount: Amount
    currency: Currency

    @model_validator(mode="after")
    def _whole_minor_units(self) -> "MoneyModel":
        digits = minor_units(self.currency)
        exponent = self.amount.normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > digits:
            raise ValueError(
                f"amount {self.amount} has more decimal places than {self.currency} "
                f"allows ({digits})"
            )
        return self


class RangeModel(_Strict):
    """Which items: by product, variant, category, collection or tag, with exclusions."""

    products: Ids = []
    variants: Ids = []
    categories: Ids = []
    collections: Ids = []
    tags: Ids = []
    exclude_products: Ids = []
    exclude_variants: Ids = []
    exclude_categories: Ids = []
    exclude_tags: Ids = []
    exclude_sale_items: bool = False
    all_items: bool = False


# Conditions ------------------------------------------------------------------------------------


class AlwaysModel(_Strict):
    """Holds for every cart."""

    kind: Literal["always"]


class AllModel(_Strict):
    """Every child condition holds."""

    kind: Literal["all"]
    conditions: list["ConditionModel"] = Field(min_length=1)


class AnyModel(_Strict):
    """At least one child condition holds."""

    kind: Literal["any"]
    conditions: list["ConditionModel"] = Field(min_length=1)


class NotModel(_Strict):
    """The child condition does not hold."""

    kind: Literal["not"]
    condition: "ConditionModel"


class SubtotalAtLeastModel(_Strict):
    """The cart's subtotal before promotions is at least ``amount``."""

    kind: Literal["subtotal_at_least"]
    amount: MoneyModel


class RangeQuantityAtLeastModel(_Strict):
    """At least ``quantity`` units of items in ``range``."""

    kind: Literal["range_quantity_at_least"]
    range: RangeModel
    quantity: Count


class RangeValueAtLeastModel(_Strict):
    """Items in ``range`` worth at least ``amount``."""

    kind: Literal["range_value_at_least"]
    range: RangeModel
    amount: MoneyModel


class CustomerInGroupModel(_Strict):
    """The customer belongs to one of ``groups``."""

    kind: Literal["customer_in_group"]
    groups: Ids = Field(min_length=1)


class FirstOrderModel(_Strict):
    """The customer has not ordered before."""

    kind: Literal["first_order"]


class CouponEnteredModel(_Strict):
    """One of ``codes`` was entered and accepted."""

    kind: Literal["coupon_entered"]
    codes: Ids = Field(min_length=1)


class ChannelIsModel(_Strict):
    """The order comes through one of ``channels``."""

    kind: Literal["channel_is"]
    channels: Ids = Field(min_length=1)


class CurrencyIsModel(_Strict):
    """The cart is in one of ``currencies``."""

    kind: Literal["currency_is"]
    currencies: list[Currency] = Field(min_length=1)


class DateWindowModel(_Strict):
    """The quote's instant lies in [start, end)."""

    kind: Literal["date_window"]
    start: AwareDatetime | None = None
    end: AwareDatetime | None = None


ConditionModel = Annotated[
    AlwaysModel
    | AllModel
    | AnyModel
    | NotModel
    | SubtotalAtLeastModel
    | RangeQuantityAtLeastModel
    | RangeValueAtLeastModel
    | CustomerInGroupModel
    | FirstOrderModel
    | CouponEnteredModel
    | ChannelIsModel
    | CurrencyIsModel
    | DateWindowModel,
    Field(discriminator="kind"),
]
"""A condition node, tagged by ``kind``."""

CONDITION_KINDS = [
    "always",
    "all",
    "any",
    "not",
    "subtotal_at_least",
    "range_quantity_at_least",
    "range_value_at_least",
    "customer_in_group",
    "first_order",
    "coupon_entered",
    "channel_is",
    "currency_is",
    "date_window",
]

# Benefits --------------------------------------------------------------------------------------


class PercentOffModel(_Strict):
    """``percent`` % off every item in ``range`` (every item when absent)."""

    kind: Literal["percent_off"]
    percent: Percent
    range: RangeModel | None = None


class AmountOffModel(_Strict):
    """``amount`` off items in ``range``: spread over the lines, or off each item."""

    kind: Literal["amount_off"]
    amount: MoneyModel
    range: RangeModel | None = None
    per_item: bool = False


class FixedPriceBundleModel(_Strict):
    """Any ``size`` items of ``range`` for ``price``, repeatable."""

    kind: Literal["fixed_price_bundle"]
    size: Count
    price: MoneyModel
    range: RangeModel | None = None
    max_applications: Count | None = None


class BuyXGetYModel(_Strict):
    """Buy ``buy`` items, get ``get`` more at ``percent`` % off (100 = free)."""

    kind: Literal["buy_x_get_y"]
    buy: Count
    get: Count
    range: RangeModel | None = None
    percent: Percent = Decimal(100)
    reward: Literal["cheapest", "most_expensive"] = "cheapest"
    max_applications: Count | None = None


class TierModel(_Strict):
    """One step: from ``min_quantity`` units or from a ``min_spend``, ``percent`` off."""

    min_quantity: Count | None = None
    min_spend: MoneyModel | None = None
    percent: Percent

    @model_validator(mode="after")
    def _one_threshold(self) -> "TierModel":
        if (self.min_quantity is None) == (self.min_spend is None):
            raise ValueError("give exactly one of 'min_quantity' or 'min_spend'")
        return self


class TieredPercentOffModel(_Strict):
    """The highest tier reached sets the percentage off every item in ``range``."""

    kind: Literal["tiered_percent_off"]
    tiers: list[TierModel] = Field(min_length=1)
    range: RangeModel | None = None


class FreeGiftModel(_Strict):
    """Add ``quantity`` units of a gift variant, free."""

    kind: Literal["free_gift"]
    variant_id: Id
    product_id: Id
    quantity: Count = 1


class OrderPercentOffModel(_Strict):
    """``percent`` % off the order, spread over the lines."""

    kind: Literal["order_percent_off"]
    percent: Percent


class OrderAmountOffModel(_Strict):
    """``amount`` off the order, spread over the lines."""

    kind: Literal["order_amount_off"]
    amount: MoneyModel


class ShippingDiscountModel(_Strict):
    """Free shipping (the default), ``percent`` off it, or a fixed ``amount`` off it."""

    kind: Literal["shipping_discount"]
    percent: Percent = Decimal(100)
    amount: MoneyModel | None = None


BenefitModel = Annotated[
    PercentOffModel
    | AmountOffModel
    | FixedPriceBundleModel
    | BuyXGetYModel
    | TieredPercentOffModel
    | FreeGiftModel
    | OrderPercentOffModel
    | OrderAmountOffModel
    | ShippingDiscountModel,
    Field(discriminator="kind"),
]
"""A benefit, tagged by ``kind``."""

BENEFIT_KINDS = [
    "percent_off",
    "amount_off",
    "fixed_price_bundle",
    "buy_x_get_y",
    "tiered_percent_off",
    "free_gift",
    "order_percent_off",
    "order_amount_off",
    "shipping_discount",
]

# Documents -------------------------------------------------------------------------------------


class LimitsModel(_Strict):
    """How far a promotion may go; absent limits do not apply."""

    max_items: Count | None = None
    max_discount: MoneyModel | None = None
    per_customer: Count | None = None
    total_redemptions: Count | None = None
    budget: MoneyModel | None = None


class PromotionModel(_Strict):
    """A promotion: a benefit, its condition (always, when absent), limits and stacking rules."""

    id: Id
    name: str
    benefit: BenefitModel
    condition: ConditionModel | None = None
    priority: Integer = 0
    exclusive: bool = False
    lane: Id | None = None
    stacking_base: Literal["after_earlier_promotions", "before_promotions"] = (
        "after_earlier_promotions"
    )
    limits: LimitsModel | None = None
    coupon_required: bool = False
    valid_from: AwareDatetime | None = None
    valid_until: AwareDatetime | None = None


class PromotionsDocument(_Strict):
    """A store's promotions."""

    promotions: list[PromotionModel]


class PriceTierModel(_Strict):
    """A unit price from ``min_quantity`` units up."""

    min_quantity: Count
    price: Amount


def _tiers_or_amount(value: object) -> object:
    if isinstance(value, list):
        return value
    return [{"min_quantity": 1, "price": _exact_number(value)}]


_TIER_SCHEMA = {
    "type": "object",
    "properties": {
        "min_quantity": {"type": "integer", "minimum": 1},
        "price": _NUMBER_SCHEMA,
    },
    "required": ["min_quantity", "price"],
    "additionalProperties": False,
}

VariantPrices = Annotated[
    list[PriceTierModel],
    BeforeValidator(_tiers_or_amount),
    Field(min_length=1),
    WithJsonSchema(
        {
            "anyOf": [_NUMBER_SCHEMA, {"type": "array", "items": _TIER_SCHEMA, "minItems": 1}],
            "description": "a unit price, or quantity tiers [{min_quantity, price}, ...]",
        }
    ),
]
"""A variant's unit price (``"10.00"``) or its quantity tiers."""


class PriceListModel(_Strict):
    """A price list: ``prices`` maps each variant to an amount or to its quantity tiers."""

    id: Id
    currency: Currency
    prices: dict[str, VariantPrices]
    kind: Literal["base", "sale", "override"] = "base"
    includes_tax: bool = False
    customer_groups: Ids = []
    channels: Ids = []
    regions: Ids = []
    valid_from: AwareDatetime | None = None
    valid_until: AwareDatetime | None = None
    priority: Integer = 0


class PriceListsDocument(_Strict):
    """A store's price lists."""

    price_lists: list[PriceListModel]


class CouponModel(_Strict):
    """A coupon code that unlocks a promotion, with its validity and use limits."""

    code: Id
    promotion_id: Id
    valid_from: AwareDatetime | None = None
    valid_until: AwareDatetime | None = None
    max_uses: Count | None = None
    per_customer: Count | None = None
    minimum_subtotal: MoneyModel | None = None
    not_combinable_with: Ids = []


class CouponsDocument(_Strict):
    """A store's coupons."""

    coupons: list[CouponModel]


for _model in (AllModel, AnyModel, NotModel, PromotionModel, PromotionsDocument):
    _model.model_rebuild()
