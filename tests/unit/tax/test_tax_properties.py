"""Laws of the tax engine, over random documents and every rounding policy."""

from datetime import date
from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.adapters.memory import InMemoryTaxRateProvider
from ecomcore.core import Address, Money, Rounding, minor_units
from ecomcore.tax import (
    Buyer,
    Jurisdiction,
    RoundedFigure,
    RoundingLevel,
    RoundingPolicy,
    Seller,
    ShippingTaxPolicy,
    TableTaxCalculator,
    TaxComponent,
    TaxDiscount,
    TaxedLine,
    TaxLine,
    TaxRate,
    TaxRequest,
    TaxRule,
    TaxType,
)

CURRENCIES = ("EUR", "JPY", "BHD")
RULES = (
    TaxRule(jurisdiction=Jurisdiction("CA"), levy="federal", tax_type=TaxType.GST,
            rate=TaxRate.percent("5")),
    TaxRule(jurisdiction=Jurisdiction("CA", "QC"), levy="provincial", tax_type=TaxType.QST,
            rate=TaxRate.percent("9.975")),
    TaxRule(jurisdiction=Jurisdiction("CA", "QC"), levy="provincial", tax_type=TaxType.QST,
            rate=TaxRate.percent("8.5"), category="reduced", compound=True),
    TaxRule(jurisdiction=Jurisdiction("CA", "QC"), levy="federal", tax_type=TaxType.GST,
            rate=TaxRate.percent("0"), category="zero_rated_food"),
)  # fmt: skip
CALCULATOR = TableTaxCalculator(InMemoryTaxRateProvider(RULES))

policies = st.builds(
    RoundingPolicy,
    level=st.sampled_from(RoundingLevel),
    rounding=st.sampled_from([Rounding.HALF_UP, Rounding.HALF_EVEN, Rounding.DOWN]),
    inclusive=st.sampled_from(RoundedFigure),
)


@st.composite
def documents(draw: st.DrawFn, policy: st.SearchStrategy[RoundingPolicy] = policies) -> TaxRequest:
    currency = draw(st.sampled_from(CURRENCIES))
    unit = Decimal(1).scaleb(-minor_units(currency))
    count = draw(st.integers(1, 8))
    lines = [
        TaxLine(
            line_id=f"l{index}",
            unit_price=Money(draw(st.integers(0, 100_000)) * unit, currency),
            quantity=draw(st.integers(1, 12)),
            includes_tax=draw(st.booleans()),
            category=draw(st.sampled_from(["standard", "reduced", "zero_rated_food", "exempt"])),
        )
        for index in range(count)
    ]
    discounts = []
    if draw(st.booleans()):
        smallest = min(line.amount.amount for line in lines)
        cap = int(smallest / unit) // 2
        discounts.append(
            TaxDiscount(
                amount=Money(draw(st.integers(0, cap)) * unit, currency),
                includes_tax=draw(st.booleans()),
            )
        )
    shipping = Money(draw(st.integers(0, 5000)) * unit, currency) if draw(st.booleans()) else None
    return TaxRequest(
        lines=lines,
        discounts=discounts,
        shipping=shipping,
        shipping_includes_tax=draw(st.booleans()),
        shipping_policy=draw(st.sampled_from(ShippingTaxPolicy)),
        seller=Seller(address=Address("CA", "QC")),
        buyer=Buyer(address=Address("CA", "QC")),
        tax_point=date(2026, 3, 1),
        rounding=draw(policy),
    )


@settings(max_examples=150, deadline=None)
@given(documents())
def test_net_plus_tax_is_gross_everywhere_and_totals_agree(request: TaxRequest) -> None:
    """Every line, component sum, per-rate total and the document total add up to the cent.

    With rates of zero or more, no line's net or tax is ever negative.
    """
    result = CALCULATOR.calculate(request)
    for taxed in result.lines:
        assert taxed.amount.net + taxed.amount.tax == taxed.amount.gross
        assert taxed.amount.net.amount >= 0
        assert taxed.amount.tax.amount >= 0
        assert sum(c.tax.amount for c in taxed.components) == taxed.amount.tax.amount
        for figure in (taxed.amount.net, taxed.amount.tax):
            unit = Decimal(1).scaleb(-minor_units(figure.currency))
            assert figure.amount == figure.amount.quantize(unit)
    assert result.total.net + result.total.tax == result.total.gross
    assert sum(t.tax.amount for t in result.totals) == result.total.tax.amount
    assert sum(t.amount.tax.amount for t in result.lines) == result.total.tax.amount
    assert sum(t.amount.net.amount for t in result.lines) == result.total.net.amount


@settings(max_examples=50, deadline=None)
@given(documents())
def test_engine_results_are_what_their_constructors_build(request: TaxRequest) -> None:
    """Lines and components built on the engine's fast path equal, hash and print as built."""
    for taxed in CALCULATOR.calculate(request).lines:
        rebuilt = TaxedLine(
            line_id=taxed.line_id,
            amount=taxed.amount,
            components=tuple(
                TaxComponent(**attrs.asdict(component, recurse=False))
                for component in taxed.components
            ),
        )
        assert rebuilt == taxed
        assert hash(rebuilt) == hash(taxed)
        assert repr(rebuilt) == repr(taxed)


@settings(max_examples=150, deadline=None)
@given(documents())
def test_gross_prices_stay_as_entered(request: TaxRequest) -> None:
    """A line entered with tax included and no discount keeps its gross exactly."""
    result = CALCULATOR.calculate(request)
    if request.discounts:
        return
    for line in request.lines:
        if line.includes_tax:
            assert result.line(line.line_id).amount.gross == line.amount


half_rounding_per_line = st.builds(
    RoundingPolicy,
    level=st.just(RoundingLevel.PER_LINE),
    rounding=st.sampled_from([Rounding.HALF_UP, Rounding.HALF_EVEN]),
    inclusive=st.sampled_from(RoundedFigure),
)


@settings(max_examples=150, deadline=None)
@given(documents(half_rounding_per_line))
def test_line_rounding_is_within_half_a_minor_unit_of_the_exact_tax(request: TaxRequest) -> None:
    """Under line rounding each tax of a line is off its exact figure by half a unit at most.

    Each tax is rounded on its own (GST and QST separately); when the net of an inclusive price
    is the rounded figure, the line's whole tax is the one within half a unit.
    """
    result = CALCULATOR.calculate(request)
    half = Decimal(1).scaleb(-minor_units(request.currency)) / 2
    for line in request.lines:
        taxed = result.line(line.line_id)
        simple = sum(c.rate.fraction for c in taxed.components if not c.compound)
        ratios = [
            c.rate.fraction * (1 + simple) if c.compound else c.rate.fraction
            for c in taxed.components
        ]
        if line.includes_tax:
            exact_net = taxed.amount.gross.amount / (1 + sum(ratios))
        else:
            exact_net = taxed.amount.net.amount
        if line.includes_tax and request.rounding.inclusive is RoundedFigure.NET:
            assert abs(taxed.amount.tax.amount - exact_net * sum(ratios)) <= half
            continue
        for component, ratio in zip(taxed.components, ratios, strict=True):
            assert abs(component.tax.amount - exact_net * ratio) <= half


@settings(max_examples=200)
@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=8, allow_nan=False),
    st.sampled_from(CURRENCIES),
    st.sampled_from([Rounding.HALF_UP, Rounding.HALF_EVEN, Rounding.DOWN]),
)
def test_engine_rounding_is_quantize(amount: Decimal, currency: str, rounding: Rounding) -> None:
    """The engine's hot-path rounding gives exactly what quantize gives."""
    from ecomcore.core import quantize  # noqa: PLC0415
    from ecomcore.tax._compute import Rounder  # noqa: PLC0415

    rounded = Rounder(Money(0, currency).currency, rounding).round(amount)
    assert rounded == quantize(Money(amount, currency), rounding).amount
