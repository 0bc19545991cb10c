"""Coupons: normalised codes, use limits, seeded bulk generation, and reasons for refusal."""

import enum
import random
import re
from collections.abc import Iterable, Mapping
from datetime import datetime

import attrs
import moneyed

from ecomcore.core import Money, ValidationError, from_minor_units, to_minor_units
from ecomcore.pricing._checks import (
    aware,
    check_window,
    ids,
    optional_whole_money,
    positive,
)
from ecomcore.pricing._errors import PromotionDefinitionError
from ecomcore.pricing._ports import RedemptionUsage

__all__ = [
    "UNAMBIGUOUS_ALPHABET",
    "Coupon",
    "CouponBook",
    "CouponRefusal",
    "RefusalReason",
    "generate_codes",
    "normalise_code",
]

UNAMBIGUOUS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""Letters and digits no one misreads: no 0/O, no 1/I/L."""

_SEPARATORS = re.compile(r"[\s\-_]+")
_VALID = re.compile(r"[A-Z0-9]{1,64}")


def normalise_code(code: str) -> str:
    """Return the canonical form of a coupon code: upper case, without spaces, hyphens, underscores.

    So ``" summer-10 "`` and ``"SUMMER10"`` are the same coupon. Raises `ValidationError`
    for an empty code or one with other characters.

    Examples:
        >>> normalise_code(" summer-10 "), normalise_code("abcd efgh")
        ('SUMMER10', 'ABCDEFGH')
    """
    if not isinstance(code, str):
        raise ValidationError("code", code, "a coupon code (a string)")
    normal = _SEPARATORS.sub("", code).upper()
    if not _VALID.fullmatch(normal):
        raise ValidationError("code", code, "1 to 64 letters A-Z and digits (spaces, '-' ignored)")
    return normal


@attrs.frozen
class Coupon:
    """A code that unlocks a promotion, with its own validity and use limits.

    ``max_uses`` counts orders over everyone (1 is a single-use code, None is unlimited);
    ``per_customer`` counts one customer's orders. ``not_combinable_with`` names promotions the
    coupon is refused alongside.

    Examples:
        >>> Coupon(" welcome-10 ", "welcome", max_uses=1).code
        'WELCOME10'
    """

    code: str = attrs.field(converter=normalise_code)
    promotion_id: str
    valid_from: datetime | None = attrs.field(default=None, validator=aware)
    valid_until: datetime | None = attrs.field(default=None, validator=aware)
    max_uses: int | None = attrs.field(default=None, validator=positive)
    per_customer: int | None = attrs.field(default=None, validator=positive)
    minimum_subtotal: Money | None = attrs.field(default=None, converter=optional_whole_money)
    not_combinable_with: frozenset[str] = attrs.field(default=frozenset(), converter=ids)

    def __attrs_post_init__(self) -> None:
        check_window(self.valid_from, self.valid_until)

    @property
    def ledger_key(self) -> str:
        """The key the coupon's redemptions are counted under in a `RedemptionLedger`."""
        return f"coupon:{self.code}"


class RefusalReason(enum.Enum):
    """Why a coupon was refused; stable values, safe to match on.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import LineItem, PriceBook, QuoteRequest, quote
        >>> mug = LineItem("1", "mug", "mug", 1, unit_price=Money("10.00", "EUR"))
        >>> cart = QuoteRequest("EUR", [mug], datetime(2026, 6, 1, tzinfo=UTC),
        ...                     coupon_codes=["NOPE"])
        >>> [refusal.reason for refusal in quote(cart, prices=PriceBook([])).refused_coupons]
        [<RefusalReason.UNKNOWN: 'unknown'>]
    """

    UNKNOWN = "unknown"
    DUPLICATE = "duplicate"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    MINIMUM_NOT_MET = "minimum_not_met"
    USED_UP = "used_up"
    CUSTOMER_LIMIT_REACHED = "customer_limit_reached"
    NOT_COMBINABLE = "not_combinable"
    CONDITIONS_NOT_MET = "conditions_not_met"
    NO_DISCOUNT = "no_discount"


@attrs.frozen
class CouponRefusal:
    """A refused coupon: the reason, a message for the customer, and the facts behind it.

    ``missing`` is the amount still needed when the minimum was not met; ``promotion_id`` names
    the promotion the coupon could not be combined with.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import (Coupon, CouponBook, LineItem, PercentOff, PriceBook,
        ...     Promotion, QuoteRequest, quote)
        >>> mug = LineItem("1", "mug", "mug", 1, unit_price=Money("10.00", "EUR"))
        >>> cart = QuoteRequest("EUR", [mug], datetime(2026, 6, 1, tzinfo=UTC),
        ...                     coupon_codes=["BIG"])
        >>> coupons = CouponBook([Coupon("BIG", "p", minimum_subtotal=Money("50.00", "EUR"))])
        >>> [refusal] = quote(cart, prices=PriceBook([]), coupons=coupons, promotions=[
        ...     Promotion("p", "Big", PercentOff("20"), coupon_required=True)]).refused_coupons
        >>> refusal.reason.value, refusal.missing
        ('minimum_not_met', Money('40.00', 'EUR'))
    """

    code: str
    reason: RefusalReason
    message: str
    missing: Money | None = None
    promotion_id: str | None = None


def _money_text(money: moneyed.Money) -> str:
    return f"{money.amount} {money.currency.code}"


def check_coupon(  # noqa: PLR0911 (one return per refusal reason, in the documented order)
    coupon: Coupon,
    *,
    at: datetime,
    subtotal: int,
    currency: str,
    usage: RedemptionUsage,
) -> CouponRefusal | None:
    """Return why ``coupon`` is refused on its own terms, or None if it may be used.

    Checks, in order: validity window, uses in all, uses by the customer, minimum subtotal
    (``subtotal`` in minor units of ``currency``, before promotions).
    """
    code = coupon.code
    if coupon.valid_until is not None and at >= coupon.valid_until:
        return CouponRefusal(
            code,
            RefusalReason.EXPIRED,
            f"coupon {code} expired on {coupon.valid_until.date().isoformat()}",
        )
    if coupon.valid_from is not None and at < coupon.valid_from:
        return CouponRefusal(
            code,
            RefusalReason.NOT_YET_VALID,
            f"coupon {code} is valid from {coupon.valid_from.date().isoformat()}",
        )
    if coupon.max_uses is not None and usage.uses >= coupon.max_uses:
        return CouponRefusal(code, RefusalReason.USED_UP, f"coupon {code} has been used up")
    if coupon.per_customer is not None and usage.customer_uses >= coupon.per_customer:
        times = "once" if coupon.per_customer == 1 else f"{coupon.per_customer} times"
        return CouponRefusal(
            code,
            RefusalReason.CUSTOMER_LIMIT_REACHED,
            f"coupon {code} can be used {times} per customer and you have used it up",
        )
    minimum = coupon.minimum_subtotal
    if minimum is not None:
        if minimum.currency.code != currency:
            return CouponRefusal(
                code,
                RefusalReason.CONDITIONS_NOT_MET,
                f"coupon {code} applies to {minimum.currency.code} orders only",
            )
        lacking = to_minor_units(minimum) - subtotal
        if lacking > 0:
            missing = from_minor_units(lacking, currency)
            return CouponRefusal(
                code,
                RefusalReason.MINIMUM_NOT_MET,
                f"coupon {code} needs a subtotal of {_money_text(minimum)}; "
                f"add {_money_text(missing)} more",
                missing=missing,
            )
    return None


def _by_code(coupons: Iterable[Coupon]) -> dict[str, Coupon]:
    return {coupon.code: coupon for coupon in coupons}


@attrs.frozen
class CouponBook:
    """The coupons of a store, by normalised code.

    Examples:
        >>> book = CouponBook([Coupon("SPRING", "spring")])
        >>> book.get("spring").promotion_id, book.get("nope")
        ('spring', None)
    """

    coupons: Mapping[str, Coupon] = attrs.field(converter=_by_code)

    def get(self, code: str) -> Coupon | None:
        """Return the coupon for ``code`` in any spelling, or None."""
        try:
            return self.coupons.get(normalise_code(code))
        except ValidationError:
            return None

    def __len__(self) -> int:
        return len(self.coupons)


def generate_codes(
    count: int,
    *,
    seed: int,
    length: int = 8,
    prefix: str = "",
    alphabet: str = UNAMBIGUOUS_ALPHABET,
    existing: Iterable[str] = (),
) -> list[str]:
    """Generate ``count`` distinct codes from an unambiguous alphabet; same seed, same codes.

    Codes are normalised, start with ``prefix`` and never repeat one in ``existing``. Refuses a
    request for more than a tenth of the possible codes, which would make them guessable.

    Examples:
        >>> generate_codes(3, seed=7, length=6, prefix="XMAS")
        ['XMAS...', 'XMAS...', 'XMAS...']
        >>> generate_codes(3, seed=7) == generate_codes(3, seed=7)
        True
    """
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise PromotionDefinitionError("count", count, "a whole number of codes, 0 or more")
    if length < 4:
        raise PromotionDefinitionError("length", length, "at least 4 characters")
    if len(set(alphabet)) != len(alphabet) or len(alphabet) < 10:
        raise PromotionDefinitionError("alphabet", alphabet, "10 distinct characters or more")
    possible = len(alphabet) ** length
    if count > possible // 10:
        raise PromotionDefinitionError(
            "count", count, f"at most {possible // 10} for {length} characters; use longer codes"
        )
    head = normalise_code(prefix) if prefix else ""
    taken = {normalise_code(code) for code in existing}
    rng = random.Random(seed)
    codes: list[str] = []
    while len(codes) < count:
        code = head + "".join(rng.choice(alphabet) for _ in range(length))
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes
