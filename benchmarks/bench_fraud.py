"""Fraud benchmarks: compiled rules against plain lambdas, and assessing 100,000 orders.

``fraud_assess_100k`` assesses 100,000 generated orders under ``make bench`` but only 2,000 when
benchmarks run once with ``--benchmark-disable`` (part of ``make test``), to keep that pass fast.
"""

from functools import cache
from typing import Any

from ecomcore.adapters.memory import InMemoryVelocityCounter
from ecomcore.fraud import (
    FREIGHT_FORWARDERS,
    FraudChecks,
    KeyedHasher,
    LabelledOrder,
    RiskPolicy,
    RuleSet,
    RuleSubject,
    Watchlist,
    assess,
    generate_orders,
)
from ratio import ratio_benchmark, released_after_module

SUBJECTS = [RuleSubject(labelled.order) for labelled in generate_orders(1000, seed=5)]
(RULE,) = (
    RuleSet.parse("review if :amount: > 500 and :ip_country: != :billing_country:").compile().rules
)
PREDICATE = RULE.predicate


def plain(subject: RuleSubject) -> bool:
    """The same condition as a hand-written lambda would test it (no missing-value care)."""
    order = subject.order
    return order.amount.amount > 500 and order.ip.country != order.billing.country  # type: ignore[union-attr]


test_fraud_rule_eval = ratio_benchmark(
    "fraud_rule_eval",
    target=10.0,
    baseline="the same condition as a plain Python lambda, over 1,000 orders",
    ours=lambda: [PREDICATE(subject) for subject in SUBJECTS],
    reference=lambda: [plain(subject) for subject in SUBJECTS],
)

HASHER = KeyedHasher(b"benchmark key, not a secret")
CHECKS = FraudChecks(
    hasher=HASHER,
    freight_forwarders=FREIGHT_FORWARDERS,
    blocklist=Watchlist.of(HASHER, emails=["fraud@example.com"], bins=["999999"]),
)
THIRTY_RULES = """
testing_ip: block if :signals: includes "velocity_cards_per_ip_1h"
testing_device: block if :signals: includes "velocity_cards_per_device_1d"
cheap_on_new_card: review if :amount: < 5 and :is_guest: and :cvv_result: == "no_match"
reship_forwarder: review if :signals: includes "freight_forwarder"
reship_quantity: review if :max_item_quantity: >= 3 and :amount: > 1000
far_phone: review if :skus: includes "PHONE-X" and :shipping_country: != :billing_country:
ato_new_place: review if :prior_orders: > 0 and :ip_country: != :billing_country: and :amount: > 800
ato_value: review if :signals: includes "above_usual_value" and :ip_shipping_distance_km: > 1000
risky_ip: review if :ip_is_hosting: and :amount: > 200
vpn_big: request_3ds if :ip_is_vpn: and :amount: > 100
prepaid_big: review if :card_funding: == "prepaid" and :amount: > 500
avs_big: request_3ds if :avs_result: == "no_match" and :amount: > 150
cvv_any: request_3ds if :cvv_result: == "no_match"
tds_failed: block if :three_ds_result: == "failed" and :amount: > 300
disposable: review if :signals: includes "disposable_email" and :amount: > 100
far_countries: review if :ip_country: in ["NG", "ID", "VN"] and :billing_country: in ["DE", "FR"]
card_abroad: review if :card_country: != :ip_country: and :amount: > 1500
chargebacks: block if :prior_chargebacks: >= 2
new_account_big: review if :account_age_days: < 2 and :amount: > 700
night_big: review if :hour: < 5 and :amount: > 900
laptop_many: review if :skus: includes "LAPTOP-14" and :item_count: > 3
guest_big: request_3ds if :is_guest: and :amount: > 400
trusted_repeat: allow if :prior_orders: > 20 and :avs_result: == "match"
domain_pattern: review if :email: like "*+*@*" and :amount: > 300
score_review: review if :score: >= 55
score_block: block if :score: >= 90
missing_ip: review if is_missing(:ip:) and :amount: > 250
missing_card: review if is_missing(:card_bin:) and :channel: == "web"
odd_bins: review if :card_bin: in @odd_bins
app_big: request_3ds if :channel: == "app" and not :amount: < 1000
"""
POLICY = RiskPolicy.from_text(THIRTY_RULES, lists={"odd_bins": {"999999", "888888"}}, name="30")
assert len(POLICY.rules.rules) == 30


@cache
def orders(count: int) -> list[LabelledOrder]:
    """Generated orders, made once per size."""
    return generate_orders(count, seed=100)


_release_orders = released_after_module(orders)


def assess_all(batch: list[LabelledOrder]) -> int:
    """Assess every order with the checks, a fresh velocity counter and the 30 rules."""
    velocity = InMemoryVelocityCounter()
    blocked = 0
    for labelled in batch:
        result = assess(labelled.order, checks=CHECKS, policy=POLICY, velocity=velocity)
        blocked += result.decision == "block"
    return blocked


def rules_only(batch: list[LabelledOrder]) -> int:
    """The same orders through only the 30 compiled rules: no checks, no counters."""
    fired = 0
    for labelled in batch:
        fired += len(POLICY.rules.fired(RuleSubject(labelled.order)))
    return fired


_batch = {"count": 100_000}
_assess_timing = ratio_benchmark(
    "fraud_assess_100k",
    target=15.0,
    baseline="the same orders through only the 30 compiled rules, no checks or counters",
    ours=lambda: assess_all(orders(_batch["count"])),
    reference=lambda: rules_only(orders(_batch["count"])),
)


def test_fraud_assess_100k(benchmark: Any) -> None:
    """Throughput of full assessments against the bare rules, on the same generated orders."""
    _batch["count"] = count = 2_000 if benchmark.disabled else 100_000
    orders(count)  # generated before timing starts
    benchmark.extra_info["orders"] = count
    _assess_timing(benchmark)
    if not benchmark.disabled:
        per_second = round(count / benchmark.extra_info["ours_median"])
        benchmark.extra_info["orders_per_second"] = per_second
        print(f"\nassessing {count:,} orders: {per_second:,} orders/second")
