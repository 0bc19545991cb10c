"""Stock use cases against the in-memory repository, with worked numbers."""

from datetime import UTC, date, datetime, timedelta

import pytest

from ecomcore.adapters.memory import InMemoryStockUnitOfWork
from ecomcore.core import FixedClock, TransitionError, ValidationError
from ecomcore.inventory import (
    BackInStock,
    IdempotencyConflictError,
    InsufficientStockError,
    Kit,
    Location,
    LowStock,
    MovementReason,
    OutOfStock,
    Reservation,
    ReservationExpired,
    ReservationLine,
    ReservationStatus,
    StockChange,
    StockKey,
    StockLevel,
    StockPolicy,
    adjust_stock,
    allocate_reservation,
    by_location_priority,
    configure_stock,
    dispatch_transfer,
    expect_receipt,
    expire_reservations,
    fewest_shipments,
    receive_stock,
    receive_transfer,
    record_count,
    release_reservation,
    reserve,
    reserve_by_strategy,
    ship_reservation,
)

MUG_WH, PLATE_WH = StockKey("mug", "wh"), StockKey("plate", "wh")
MUG_STORE = StockKey("mug", "store")
TTL = timedelta(minutes=15)


@pytest.fixture
def uow() -> InMemoryStockUnitOfWork:
    return InMemoryStockUnitOfWork()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 5, 4, 9, 0, tzinfo=UTC))


def level(uow: InMemoryStockUnitOfWork, key: StockKey) -> tuple[int, int, int, int]:
    found = uow.stock.levels([key])[key]
    return found.on_hand, found.reserved, found.allocated, found.available


def test_a_kit_and_a_line_sharing_a_component_cannot_take_the_same_mug(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """5 mugs: a set (2 mugs) x2 plus 2 loose mugs needs 6, so nothing is reserved."""
    receive_stock(uow, clock, MUG_WH, 5, reference="po-1")
    receive_stock(uow, clock, PLATE_WH, 5, reference="po-2")
    kits = {"set": Kit.of("set", {"mug": 2, "plate": 1})}
    lines = [ReservationLine("set", 2, "wh"), ReservationLine("mug", 2, "wh")]
    with pytest.raises(InsufficientStockError) as caught:
        reserve(uow, clock, "cart-1", lines, TTL, kits=kits)
    assert [(s.sku, s.requested, s.sellable, s.short) for s in caught.value.shortages] == [
        ("mug", 6, 5, 1)
    ]
    assert level(uow, MUG_WH) == (5, 0, 0, 5)
    assert level(uow, PLATE_WH) == (5, 0, 0, 5)
    reserve(uow, clock, "cart-1", [ReservationLine("set", 2, "wh")], TTL, kits=kits)
    assert level(uow, MUG_WH) == (5, 4, 0, 1)
    assert level(uow, PLATE_WH) == (5, 2, 0, 3)


def test_another_checkouts_reservation_pushes_the_strategy_to_the_next_location(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """wh has 4 mugs but cart-1 holds 3; cart-2's 3 mugs split 1 from wh and 2 from store."""
    receive_stock(uow, clock, MUG_WH, 4, reference="po-1")
    receive_stock(uow, clock, MUG_STORE, 6, reference="po-2")
    reserve(uow, clock, "cart-1", [ReservationLine("mug", 3, "wh")], TTL)
    locations = [Location("wh", priority=1), Location("store", priority=2)]
    second = reserve_by_strategy(
        uow, clock, "cart-2", {"mug": 3},
        locations=locations, strategy=by_location_priority, ttl=TTL,
    )  # fmt: skip
    assert dict(second.units) == {MUG_WH: 1, MUG_STORE: 2}
    with pytest.raises(InsufficientStockError):
        reserve_by_strategy(
            uow, clock, "cart-3", {"mug": 5},
            locations=locations, strategy=fewest_shipments, ttl=TTL, split=False,
        )  # fmt: skip


def test_a_retry_returns_the_first_reservation_and_changes_nothing(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """Same key, same lines: the same reservation back, no new movement."""
    receive_stock(uow, clock, MUG_WH, 5, reference="po-1")
    lines = [ReservationLine("mug", 2, "wh")]
    first = reserve(uow, clock, "cart-1", lines, TTL)
    ledger = len(uow.stock.movements())
    clock.advance(timedelta(minutes=1))
    assert reserve(uow, clock, "cart-1", lines, TTL) == first
    assert len(uow.stock.movements()) == ledger
    with pytest.raises(IdempotencyConflictError):
        reserve(uow, clock, "cart-1", [ReservationLine("mug", 3, "wh")], TTL)


def test_an_expired_reservation_returns_its_stock_and_says_so(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """After 15 minutes the sweep gives the 2 mugs back and records ReservationExpired."""
    receive_stock(uow, clock, MUG_WH, 5, reference="po-1")
    reserve(uow, clock, "cart-1", [ReservationLine("mug", 2, "wh")], TTL)
    clock.advance(timedelta(minutes=14))
    assert expire_reservations(uow, clock) == []
    clock.advance(timedelta(minutes=1))
    swept = expire_reservations(uow, clock)
    assert [(r.id, r.status) for r in swept] == [("cart-1", ReservationStatus.EXPIRED)]
    assert level(uow, MUG_WH) == (5, 0, 0, 5)
    assert next(e for e in uow.outbox.events() if isinstance(e, ReservationExpired)).units == 2
    assert uow.stock.movements()[-1].reason is MovementReason.EXPIRY
    with pytest.raises(
        TransitionError, match="from expired to allocated; allowed from expired: nothing"
    ):
        allocate_reservation(uow, clock, "cart-1", "order-1")


def test_an_order_moves_units_from_reserved_to_allocated_to_shipped(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """5 on hand, 2 reserved, then allocated (still on hand), then shipped (3 left)."""
    receive_stock(uow, clock, MUG_WH, 5, reference="po-1")
    reserve(uow, clock, "cart-1", [ReservationLine("mug", 2, "wh")], TTL)
    allocate_reservation(uow, clock, "cart-1", "order-1")
    assert level(uow, MUG_WH) == (5, 0, 2, 3)
    clock.advance(timedelta(hours=1))
    assert expire_reservations(uow, clock) == []  # allocations never expire
    shipped = ship_reservation(uow, clock, "cart-1")
    assert (shipped.status, shipped.order_id) == (ReservationStatus.SHIPPED, "order-1")
    assert level(uow, MUG_WH) == (3, 0, 0, 3)
    with pytest.raises(TransitionError, match="from shipped to released"):
        release_reservation(uow, clock, "cart-1")


def test_stock_events_fire_on_crossings_only(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """Reorder point 3: 10 -> 6 quiet, -> 2 low stock, -> 0 out of stock, +5 back in stock."""
    configure_stock(uow, clock, MUG_WH, safety_stock=0, reorder_point=3)
    receive_stock(uow, clock, MUG_WH, 10, reference="po-1")
    start = len(uow.outbox.events())
    reserve(uow, clock, "a", [ReservationLine("mug", 4, "wh")], TTL)
    reserve(uow, clock, "b", [ReservationLine("mug", 4, "wh")], TTL)
    reserve(uow, clock, "c", [ReservationLine("mug", 2, "wh")], TTL)
    receive_stock(uow, clock, MUG_WH, 5, reference="po-2")
    names = [(e.name, getattr(e, "available", None)) for e in uow.outbox.events(after=start)]
    assert names == [("LowStock", 2), ("OutOfStock", 0), ("BackInStock", 5)]
    assert isinstance(uow.outbox.events()[0], BackInStock)
    assert {type(e) for e in uow.outbox.events()} == {BackInStock, LowStock, OutOfStock}


def test_safety_stock_is_not_sold(uow: InMemoryStockUnitOfWork, clock: FixedClock) -> None:
    """10 on hand with 2 safety stock: 8 can be reserved, the 9th cannot."""
    receive_stock(uow, clock, MUG_WH, 10, reference="po-1")
    configure_stock(uow, clock, MUG_WH, safety_stock=2, reorder_point=0)
    reserve(uow, clock, "a", [ReservationLine("mug", 8, "wh")], TTL)
    with pytest.raises(InsufficientStockError):
        reserve(uow, clock, "b", [ReservationLine("mug", 1, "wh")], TTL)


def test_backorders_go_past_zero_up_to_the_limit(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """2 on hand, limit 3: 5 can be promised (available -3), a 6th is refused."""
    receive_stock(uow, clock, MUG_WH, 2, reference="po-1")
    policy = StockPolicy(backorder_limit=3)
    reserve(uow, clock, "a", [ReservationLine("mug", 5, "wh")], TTL, policy=policy)
    assert level(uow, MUG_WH) == (2, 5, 0, -3)
    with pytest.raises(InsufficientStockError):
        reserve(uow, clock, "b", [ReservationLine("mug", 1, "wh")], TTL, policy=policy)


def test_preorders_sell_expected_receipts_due_in_time(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """10 due 1 June and 20 due 1 July: a preorder horizon of 15 June sells 10, not 11."""
    expect_receipt(uow, clock, MUG_WH, 10, reference="po-1", due=date(2026, 6, 1))
    expect_receipt(uow, clock, MUG_WH, 20, reference="po-2", due=date(2026, 7, 1))
    june = StockPolicy(preorder=True, incoming_due_by=date(2026, 6, 15))
    with pytest.raises(InsufficientStockError):
        reserve(uow, clock, "a", [ReservationLine("mug", 11, "wh")], TTL, policy=june)
    reserve(uow, clock, "a", [ReservationLine("mug", 10, "wh")], TTL, policy=june)
    after = receive_stock(uow, clock, MUG_WH, 10, reference="po-1")
    assert (after.on_hand, after.reserved, after.incoming_total) == (10, 10, 20)


def test_a_transfer_is_in_transit_until_received(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """4 of 6 mugs leave wh, travel, and land in store; reserved units never travel."""
    receive_stock(uow, clock, MUG_WH, 6, reference="po-1")
    reserve(uow, clock, "a", [ReservationLine("mug", 2, "wh")], TTL)
    with pytest.raises(InsufficientStockError):
        dispatch_transfer(uow, clock, "t-1", sku="mug", source="wh", destination="store",
                          quantity=5)  # fmt: skip
    dispatch_transfer(uow, clock, "t-1", sku="mug", source="wh", destination="store", quantity=4)
    store = uow.stock.levels([MUG_STORE])[MUG_STORE]
    assert (level(uow, MUG_WH), store.on_hand, store.in_transit) == ((2, 2, 0, 0), 0, 4)
    receive_transfer(uow, clock, "t-1")
    receive_transfer(uow, clock, "t-1")  # idempotent
    assert level(uow, MUG_STORE) == (4, 0, 0, 4)


def test_counts_damage_and_adjustments_are_recorded_with_their_reason(
    uow: InMemoryStockUnitOfWork, clock: FixedClock
) -> None:
    """10 received, 2 damaged, counted 7: the ledger says why each unit moved."""
    receive_stock(uow, clock, MUG_WH, 10, reference="po-1")
    adjust_stock(uow, clock, MUG_WH, -2, reason=MovementReason.DAMAGE, reference="drop")
    record_count(uow, clock, MUG_WH, 7, reference="count-may")
    assert [(m.reason.value, m.on_hand) for m in uow.stock.movements()] == [
        ("receipt", 10), ("damage", -2), ("count_correction", -1),
    ]  # fmt: skip
    with pytest.raises(ValidationError):
        adjust_stock(uow, clock, MUG_WH, -8, reason=MovementReason.ADJUSTMENT, reference="x")
    with pytest.raises(ValidationError):
        adjust_stock(uow, clock, MUG_WH, 1, reason=MovementReason.DAMAGE, reference="x")


def test_a_change_lists_each_level_and_record_once() -> None:
    """Two states of one level in one change are refused: the second belongs in a later one."""
    mug = StockKey("mug", "wh")
    with pytest.raises(ValidationError, match="each level or record once per change"):
        StockChange(levels=(StockLevel(mug, on_hand=1, version=1), StockLevel(mug, version=2)))
    at = datetime(2026, 5, 4, 9, tzinfo=UTC)
    held = Reservation("cart-1", ((mug, 1),), at, at + timedelta(minutes=5))
    with pytest.raises(ValidationError, match="reservations"):
        StockChange(reservations=(held, held))
