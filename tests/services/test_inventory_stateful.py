"""Random sequences of stock operations keep the laws: no oversell, no lost unit, exact replay."""

from datetime import UTC, datetime, timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    multiple,
    rule,
)

from ecomcore.adapters.memory import InMemoryStockUnitOfWork
from ecomcore.core import FixedClock, TransitionError
from ecomcore.inventory import (
    InsufficientStockError,
    ReservationLine,
    StockKey,
    StockPolicy,
    allocate_reservation,
    demand,
    dispatch_transfer,
    expire_reservations,
    extend_reservation,
    receive_stock,
    receive_transfer,
    release_reservation,
    replay,
    reserve,
    return_to_stock,
    ship_reservation,
)

SKUS = ("mug", "plate")
LOCATIONS = ("wh", "store")
KEYS = [StockKey(sku, location) for sku in SKUS for location in LOCATIONS]

keys = st.sampled_from(KEYS)
units = st.integers(1, 6)
lines = st.lists(
    st.builds(
        ReservationLine, st.sampled_from(SKUS), st.integers(1, 4), st.sampled_from(LOCATIONS)
    ),
    min_size=1,
    max_size=3,
)


class StockMachine(RuleBasedStateMachine):
    """Drives the services against the memory adapter and a few plain counters."""

    backorder_limit = 0
    reservations = Bundle("reservations")
    transfers = Bundle("transfers")

    def __init__(self) -> None:
        super().__init__()
        self.uow = InMemoryStockUnitOfWork()
        self.clock = FixedClock(datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
        self.policy = StockPolicy(backorder_limit=self.backorder_limit)
        self.units_in = 0  # received and returned
        self.units_out = 0  # shipped
        self.active: dict[str, dict[StockKey, int]] = {}
        self.allocated: dict[str, dict[StockKey, int]] = {}
        self.requests: dict[str, list[ReservationLine]] = {}
        self.shipped: set[str] = set()
        self.counter = 0

    def level(self, key: StockKey) -> int:
        return self.uow.stock.levels([key])[key].sellable(self.policy)

    @rule(key=keys, quantity=units)
    def receive(self, key: StockKey, quantity: int) -> None:
        receive_stock(self.uow, self.clock, key, quantity, reference="po")
        self.units_in += quantity

    @rule(key=keys, quantity=units)
    def return_units(self, key: StockKey, quantity: int) -> None:
        return_to_stock(self.uow, self.clock, key, quantity, reference="rma")
        self.units_in += quantity

    @rule(target=reservations, wanted=lines, minutes=st.integers(1, 30))
    def reserve(self, wanted: list[ReservationLine], minutes: int) -> object:
        self.counter += 1
        reservation_id = f"r{self.counter}"
        needed = demand(wanted)
        fits = all(self.level(key) >= quantity for key, quantity in needed.items())
        ledger = len(self.uow.stock.movements())
        try:
            reserve(
                self.uow, self.clock, reservation_id, wanted,
                timedelta(minutes=minutes), policy=self.policy,
            )  # fmt: skip
        except InsufficientStockError as error:
            named = {(s.sku, s.location) for s in error.shortages}
            assert not fits
            assert named <= {(key.sku, key.location) for key in needed}
            assert len(self.uow.stock.movements()) == ledger  # nothing partially taken
            return multiple()
        assert fits
        self.active[reservation_id] = needed
        self.requests[reservation_id] = wanted
        return reservation_id

    @rule(reservation_id=reservations)
    def retry_reserve(self, reservation_id: str) -> None:
        ledger = len(self.uow.stock.movements())
        first = self.uow.stock.reservation(reservation_id)
        again = reserve(
            self.uow, self.clock, reservation_id, self.requests[reservation_id],
            timedelta(minutes=5), policy=self.policy,
        )  # fmt: skip
        assert again == first
        assert len(self.uow.stock.movements()) == ledger

    def expired(self, reservation_id: str) -> bool:
        return self.uow.stock.reservation(reservation_id).expires_at <= self.clock.now()

    @rule(reservation_id=reservations, minutes=st.integers(1, 30))
    def extend(self, reservation_id: str, minutes: int) -> None:
        if reservation_id in self.active and not self.expired(reservation_id):
            extend_reservation(self.uow, self.clock, reservation_id, timedelta(minutes=minutes))
            return
        try:
            extend_reservation(self.uow, self.clock, reservation_id, timedelta(minutes=minutes))
        except TransitionError:
            return
        raise AssertionError("extended a reservation that was not active")

    @rule(reservation_id=reservations)
    def release(self, reservation_id: str) -> None:
        if reservation_id in self.allocated or reservation_id in self.shipped:
            return
        release_reservation(self.uow, self.clock, reservation_id)
        self.active.pop(reservation_id, None)

    @rule(minutes=st.integers(0, 20))
    def expire(self, minutes: int) -> None:
        self.clock.advance(timedelta(minutes=minutes))
        due = {rid for rid in self.active if self.expired(rid)}
        swept = expire_reservations(self.uow, self.clock)
        assert {r.id for r in swept} == due
        for reservation_id in due:
            del self.active[reservation_id]

    @rule(reservation_id=reservations)
    def allocate(self, reservation_id: str) -> None:
        order_id = f"order-{reservation_id}"
        if reservation_id in self.active and not self.expired(reservation_id):
            allocate_reservation(self.uow, self.clock, reservation_id, order_id)
            self.allocated[reservation_id] = self.active.pop(reservation_id)
        elif reservation_id not in self.allocated and reservation_id not in self.shipped:
            try:
                allocate_reservation(self.uow, self.clock, reservation_id, order_id)
            except TransitionError:
                return
            raise AssertionError("allocated a reservation that was not active")

    @rule(reservation_id=reservations)
    def ship(self, reservation_id: str) -> None:
        if reservation_id in self.allocated:
            ship_reservation(self.uow, self.clock, reservation_id)
            self.units_out += sum(self.allocated.pop(reservation_id).values())
            self.shipped.add(reservation_id)

    @rule(target=transfers, sku=st.sampled_from(SKUS), quantity=units, forward=st.booleans())
    def transfer(self, sku: str, quantity: int, forward: bool) -> object:
        source, destination = LOCATIONS if forward else LOCATIONS[::-1]
        self.counter += 1
        transfer_id = f"t{self.counter}"
        available = self.uow.stock.levels([StockKey(sku, source)])[StockKey(sku, source)]
        try:
            dispatch_transfer(
                self.uow, self.clock, transfer_id,
                sku=sku, source=source, destination=destination, quantity=quantity,
            )  # fmt: skip
        except InsufficientStockError:
            assert available.available < quantity
            return multiple()
        assert available.available >= quantity
        return transfer_id

    @rule(transfer_id=consumes(transfers))
    def arrive(self, transfer_id: str) -> None:
        receive_transfer(self.uow, self.clock, transfer_id)

    @invariant()
    def never_oversold(self) -> None:
        for level in self.uow.stock.levels(KEYS).values():
            assert level.available >= -self.backorder_limit

    @invariant()
    def no_unit_appears_or_vanishes(self) -> None:
        levels = self.uow.stock.levels(KEYS).values()
        assert sum(lv.on_hand + lv.in_transit for lv in levels) == self.units_in - self.units_out
        held = [self.active, self.allocated]
        reserved, allocated = (sum(sum(u.values()) for u in group.values()) for group in held)
        assert sum(lv.reserved for lv in levels) == reserved
        assert sum(lv.allocated for lv in levels) == allocated

    @invariant()
    def ledger_replays_to_the_levels(self) -> None:
        replayed = replay(self.uow.stock.movements())
        for key, level in self.uow.stock.levels(KEYS).items():
            if level.version:
                assert replayed[key] == level.quantities()


class BackorderMachine(StockMachine):
    """The same laws when up to 3 units per level may be sold past zero."""

    backorder_limit = 3


TestStockMachine = StockMachine.TestCase
TestStockMachine.settings = settings(max_examples=60, stateful_step_count=40, deadline=None)
TestBackorderMachine = BackorderMachine.TestCase
TestBackorderMachine.settings = settings(max_examples=40, stateful_step_count=40, deadline=None)
