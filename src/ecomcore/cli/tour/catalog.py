"""Tour section: a product with generated variants, an option change, a publication check."""

from decimal import ROUND_HALF_UP, Decimal

from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
from ecomcore.catalog import (
    AttributeDefinition,
    Barcode,
    OptionAxis,
    Product,
    ProductType,
    Weight,
    publication_problems,
    publish_product,
)
from ecomcore.core import SystemClock


def show() -> str:
    """Return the catalog section of the tour."""
    clock = SystemClock()  # the tour prints no times, so the wall clock changes nothing shown
    tee = ProductType(
        "tee", "T-shirt", (AttributeDefinition.text("fabric", "Fabric", required=True),)
    )
    shirt = Product.create(
        "p-1",
        "linen-tee",
        "Linen tee",
        clock=clock,
        options=[OptionAxis.of("Size", "S", "M", "L"), OptionAxis.of("Colour", "Sand", "Navy")],
    )
    shirt.generate_variants(clock=clock, sku_template="LT-{Size}-{Colour}")
    lines = ["A linen tee over Size (S, M, L) x Colour (Sand, Navy): six generated variants:"]
    lines += [f"  {variant.sku:<12} {variant.label}" for variant in shirt.variants]

    change = shirt.plan_option_change(
        [OptionAxis.of("Size", "M", "L", "XL"), OptionAxis.of("Colour", "Sand", "Navy")]
    )
    lines += ["", "Changing Size to (M, L, XL) would:"]
    lines += [f"  {line}" for line in change.describe().splitlines()]

    lines += ["", "Publication check before the details are filled in:"]
    shirt.set_attributes(tee, {})
    problems = publication_problems(shirt, tee)
    first_of_each = {problem.code: problem for problem in reversed(problems)}
    for code, problem in reversed(first_of_each.items()):
        times = sum(1 for other in problems if other.code == code)
        lines.append(f"  {times} x [{code}] e.g. {problem.message}")

    for variant in shirt.variants:
        shirt.update_variant(variant.options, clock=clock, weight=Weight.of("0.18", "kg"))
    shirt.update_variant(("M", "Sand"), clock=clock, barcode=Barcode.parse("4006381333931"))
    shirt.set_attributes(tee, {"fabric": "linen"})
    uow = InMemoryCatalogUnitOfWork()
    with uow:
        uow.products.save(shirt)
        uow.commit()
    problems = publish_product("p-1", uow=uow, clock=clock, product_type=tee)
    stored = uow.products.get("p-1")
    sent = ", ".join(event.name for event in uow.outbox.events())
    ounces = Weight.of("0.18", "kg").to("oz").amount.quantize(Decimal("0.01"), ROUND_HALF_UP)
    lines += [
        "",
        f"With a weight on every variant (0.18 kg, about {ounces} oz) and the fabric set:",
        f"  problems: {len(problems)}, status: {stored.status.value}, "
        f"stored version {stored.version}",
        f"  events the two commits sent to the outbox: {sent}",
    ]
    return "\n".join(lines)
