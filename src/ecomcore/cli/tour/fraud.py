"""Tour section: a risky order assessed, with its explanation, and two policies backtested."""

import textwrap
from datetime import UTC, datetime

from ecomcore.adapters.memory import InMemoryVelocityCounter
from ecomcore.core import Address, Money
from ecomcore.fraud import (
    FREIGHT_FORWARDERS,
    CardFacts,
    FraudChecks,
    FraudInput,
    IpFacts,
    ItemFacts,
    KeyedHasher,
    RiskPolicy,
    assess,
    compare_policies,
    generate_orders,
)

RULES = """\
card_testing: block if :signals: includes "velocity_cards_per_ip_1h"
reshipping: review if :skus: includes "PHONE-X" and :shipping_country: != :billing_country:
"""


def show() -> str:
    """Return the fraud section of the tour."""
    checks = FraudChecks(
        hasher=KeyedHasher(b"tour key: use your own secret"), freight_forwarders=FREIGHT_FORWARDERS
    )
    policy = RiskPolicy.from_text(RULES, name="with rules")
    order = FraudInput(
        order_id="o-1001",
        placed_at=datetime(2026, 3, 1, 14, 5, tzinfo=UTC),
        amount=Money("1798.00", "EUR"),
        items=[ItemFacts(sku="PHONE-X", quantity=2, unit_price=Money("899.00", "EUR"))],
        email="kim@example.com",
        billing=Address("DE", postcode="10117", lines=["1 Main Street"]),
        shipping=Address("GB", postcode="CT16 1JA", lines=["9 Harbour Road"]),
        ip=IpFacts(address="203.0.113.9", country="DE"),
        card=CardFacts(token="tok_9f2", bin="411111", last4="1111", country="DE", avs="partial"),
    )
    result = assess(order, checks=checks, policy=policy, velocity=InMemoryVelocityCounter())
    lines = [
        "Rules a merchant wrote:",
        *(f"  {line}" for line in RULES.splitlines()),
        "",
        f"Order {order.order_id}: {result.decision.value}, score {result.score}, "
        f"rules fired: {', '.join(name for name, _ in result.fired_rules) or 'none'}",
        "What the support agent reads:",
        *textwrap.wrap(result.explanation, 96, initial_indent="  ", subsequent_indent="  "),
        "",
        "Backtest on 2,000 generated orders (good, card testers, takeovers, reshippers):",
    ]
    comparison = compare_policies(
        generate_orders(2000, seed=8),
        RiskPolicy(name="score only"),
        policy,
        checks=checks,
        velocity=InMemoryVelocityCounter(),
    )
    lines += [f"  {line}" for line in comparison.table().splitlines()]
    return "\n".join(lines)
