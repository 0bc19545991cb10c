"""The contract every `ecomcore.inventory.StockRepository` keeps through its unit of work.

Subclass `StockRepositoryContract` in your tests and implement `make_unit_of_work` and
`outbox`; pytest collects the inherited tests (name the subclass ``Test...``). Concurrency is
included: many threads, each with its own unit of work over one storage.
"""

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from ecomcore.core import ConcurrencyError, DomainEvent, FixedClock, NotFoundError, Outbox
from ecomcore.inventory import (
    InsufficientStockError,
    InventoryUnitOfWork,
    Movement,
    MovementReason,
    OutOfStock,
    Reservation,
    ReservationLine,
    StockChange,
    StockKey,
    StockLevel,
    receive_stock,
    release_reservation,
    replay,
    reserve,
)

__all__ = ["StockRepositoryContract"]

_AT = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
_MUG, _PLATE = StockKey("mug", "wh-1"), StockKey("plate", "wh-1")
_TTL = timedelta(minutes=15)

Subscriber = Callable[[Sequence[DomainEvent]], None]


def _received(key: StockKey, units: int, version: int = 1) -> StockChange:
    movement = Movement(key, MovementReason.RECEIPT, _AT, "po-1", on_hand=units)
    return StockChange(
        levels=(StockLevel(key, on_hand=units, version=version),), movements=(movement,)
    )


class StockRepositoryContract:
    """Tests a stock repository and its unit of work must pass.

    Every unit of work made by one test instance must share storage and outbox (as one
    database does). ``threads`` and ``reservations`` size the concurrency test (at least 8
    threads and thousands of competing reservations by default).

    Examples:
        >>> from ecomcore.adapters.memory import (InMemoryOutbox, InMemoryStockStore,
        ...     InMemoryStockUnitOfWork)
        >>> class TestInMemoryStock(StockRepositoryContract):
        ...     reservations = 300  # a smaller race than the default, for a quicker run
        ...     def setup_method(self) -> None:
        ...         self.store, self.events = InMemoryStockStore(), InMemoryOutbox()
        ...     def make_unit_of_work(self, subscribers=()):
        ...         return InMemoryStockUnitOfWork(self.store, self.events, subscribers=subscribers)
        ...     def outbox(self):
        ...         return self.events
        >>> suite = TestInMemoryStock()
        >>> suite.setup_method()
        >>> suite.test_an_unknown_level_reads_as_empty_version_zero()
    """

    threads = 8
    reservations = 3000
    stock = 1000

    def make_unit_of_work(self, subscribers: Sequence[Subscriber] = ()) -> InventoryUnitOfWork:
        """Return a new unit of work over this test's storage, calling ``subscribers``."""
        raise NotImplementedError

    def outbox(self) -> Outbox:
        """Return this test's outbox."""
        raise NotImplementedError

    def _commit(self, *changes: StockChange) -> None:
        with self.make_unit_of_work() as uow:
            for change in changes:
                uow.stock.stage(change)
            uow.commit()

    def _level(self, key: StockKey) -> StockLevel:
        return self.make_unit_of_work().stock.levels([key])[key]

    def test_an_unknown_level_reads_as_empty_version_zero(self) -> None:
        """A key nothing happened to reads as zero units at version 0."""
        level = self._level(_MUG)
        assert (level.on_hand, level.reserved, level.version) == (0, 0, 0)

    def test_a_commit_stores_levels_and_ledger_together(self) -> None:
        """After a commit, the level, its movement and the ledger order are all visible."""
        self._commit(_received(_MUG, 5))
        self._commit(_received(_PLATE, 2))
        stock = self.make_unit_of_work().stock
        assert self._level(_MUG).on_hand == 5
        assert [m.key for m in stock.movements()] == [_MUG, _PLATE]
        assert [m.key for m in stock.movements(after=1)] == [_PLATE]

    def test_a_stale_version_writes_nothing_at_all(self) -> None:
        """One stale level in a change rejects the whole commit: no level, movement or event."""
        self._commit(_received(_MUG, 5))
        out = OutOfStock(occurred_at=_AT, sku="plate", location="wh-1", available=0)
        stale = StockChange(
            levels=(StockLevel(_PLATE, on_hand=1, version=1), StockLevel(_MUG, version=1)),
            movements=(Movement(_PLATE, MovementReason.RECEIPT, _AT, "po-2", on_hand=1),),
            events=(out,),
        )
        with pytest.raises(ConcurrencyError):
            self._commit(stale)
        assert self._level(_PLATE).version == 0
        assert self._level(_MUG).on_hand == 5
        assert len(self.make_unit_of_work().stock.movements()) == 1
        assert list(self.outbox().events()) == []

    def test_leaving_without_commit_writes_nothing(self) -> None:
        """A staged change left without a commit is rolled back."""
        with self.make_unit_of_work() as uow:
            uow.stock.stage(_received(_MUG, 5))
        assert self._level(_MUG).version == 0
        assert self.make_unit_of_work().stock.movements() == []

    def test_events_reach_the_outbox_and_subscribers_only_after_the_commit(self) -> None:
        """The change's events are in the outbox once stored, and subscribers see it stored."""
        seen: list[int] = []
        out = OutOfStock(occurred_at=_AT, sku="mug", location="wh-1", available=0)
        with self.make_unit_of_work([lambda _: seen.append(self._level(_MUG).on_hand)]) as uow:
            uow.stock.stage(StockChange(levels=(StockLevel(_MUG, version=1),), events=(out,)))
            assert list(self.outbox().events()) == []
            uow.commit()
        assert seen == [0]
        assert list(self.outbox().events()) == [out]

    def test_two_changes_of_one_level_in_one_commit_must_build_on_each_other(self) -> None:
        """A level staged twice is checked against the first staging, never lost."""
        self._commit(_received(_MUG, 5), _received(_MUG, 7, version=2))
        assert (self._level(_MUG).on_hand, self._level(_MUG).version) == (7, 2)
        with pytest.raises(ConcurrencyError):
            self._commit(_received(_PLATE, 1), _received(_PLATE, 2))
        assert self._level(_PLATE).version == 0

    def test_a_reservation_commits_with_what_its_unit_of_work_has_staged(self) -> None:
        """Reserving in a unit of work with staged changes commits them all, or none."""
        clock = FixedClock(_AT)
        receive_stock(self.make_unit_of_work(), clock, _MUG, 5, reference="po-1")
        line = [ReservationLine("mug", 2, "wh-1")]
        with self.make_unit_of_work() as uow:
            uow.stock.stage(_received(_PLATE, 3))
            reserve(uow, clock, "cart-1", line, _TTL)
        assert (self._level(_PLATE).on_hand, self._level(_MUG).reserved) == (3, 2)
        with self.make_unit_of_work() as uow:
            uow.stock.stage(_received(_PLATE, 9))  # stale: plate is at version 1 now
            with pytest.raises(ConcurrencyError):
                reserve(uow, clock, "cart-2", line, _TTL, attempts=1)
        assert (self._level(_PLATE).on_hand, self._level(_MUG).reserved) == (3, 2)
        assert self.make_unit_of_work().stock.find_reservation("cart-2") is None

    def test_a_second_new_reservation_with_the_same_id_loses(self) -> None:
        """Two first writes of one reservation id cannot both win (idempotency under races)."""
        first = Reservation("cart-1", ((_MUG, 1),), _AT, _AT + timedelta(minutes=5))
        self._commit(StockChange(reservations=(first,)))
        with pytest.raises(ConcurrencyError):
            self._commit(StockChange(reservations=(first,)))
        stock = self.make_unit_of_work().stock
        assert stock.reservation("cart-1") == first
        assert stock.find_reservation("cart-1") == first

    def test_reserving_again_under_a_stored_id_returns_it_and_writes_nothing(self) -> None:
        """A retried reservation hands back the first one and changes no stock, no ledger."""
        clock = FixedClock(_AT)
        receive_stock(self.make_unit_of_work(), clock, _MUG, 5, reference="po-1")
        line = [ReservationLine("mug", 1, "wh-1")]
        first = reserve(self.make_unit_of_work(), clock, "cart-1", line, _TTL)
        clock.advance(timedelta(minutes=1))
        again = reserve(self.make_unit_of_work(), clock, "cart-1", line, _TTL, attempts=1)
        assert again == first
        assert self._level(_MUG).reserved == 1
        assert len(self.make_unit_of_work().stock.movements()) == 2

    def test_stock_keys_lists_every_stored_level_sorted(self) -> None:
        """Every level ever stored is listed once, in key order; unstored ones are not."""
        assert self.make_unit_of_work().stock.stock_keys() == []
        self._commit(_received(_PLATE, 2))
        self._commit(_received(_MUG, 5))
        self._commit(StockChange(levels=(StockLevel(_MUG, on_hand=5, version=2),)))
        assert self.make_unit_of_work().stock.stock_keys() == [_MUG, _PLATE]

    def test_missing_records_raise_not_found(self) -> None:
        """Asking for an unknown reservation or transfer raises NotFoundError."""
        stock = self.make_unit_of_work().stock
        with pytest.raises(NotFoundError):
            stock.reservation("nope")
        assert stock.find_reservation("nope") is None
        with pytest.raises(NotFoundError):
            stock.transfer("nope")

    def test_expiring_lists_only_active_expired_ones_oldest_first(self) -> None:
        """The expiry sweep sees active reservations past their time, oldest expiry first."""
        uow, clock = self.make_unit_of_work(), FixedClock(_AT)
        receive_stock(uow, clock, _MUG, 10, reference="po-1")
        for name, minutes in (("b", 5), ("a", 5), ("c", 1), ("late", 60), ("gone", 1)):
            line = [ReservationLine("mug", 1, "wh-1")]
            reserve(uow, clock, name, line, timedelta(minutes=minutes))
        release_reservation(uow, clock, "gone")
        due = uow.stock.expiring(_AT + timedelta(minutes=5))
        assert [r.id for r in due] == ["c", "a", "b"]

    def test_concurrent_reservations_never_oversell(self) -> None:
        """Many threads reserving the same items end with exactly the stock there was."""
        clock = FixedClock(_AT)
        receive_stock(self.make_unit_of_work(), clock, _MUG, self.stock, reference="po-1")
        receive_stock(self.make_unit_of_work(), clock, _PLATE, self.stock, reference="po-2")
        outcomes: Counter[str] = Counter()
        taken: Counter[StockKey] = Counter()
        lock = threading.Lock()
        per_thread = self.reservations // self.threads
        start = threading.Barrier(self.threads)

        def checkout(thread: int) -> None:
            uow = self.make_unit_of_work()  # one unit of work per thread, one storage
            start.wait()
            for n in range(per_thread):
                mugs = 1 + (n + thread) % 2
                lines = [ReservationLine("mug", mugs, "wh-1"), ReservationLine("plate", 1, "wh-1")]
                try:
                    reserve(uow, clock, f"t{thread}-{n}", lines, _TTL)
                except InsufficientStockError:
                    outcome = "short"
                except ConcurrencyError:
                    outcome = "gave_up"
                else:
                    outcome = "reserved"
                    with lock:
                        taken[_MUG] += mugs
                        taken[_PLATE] += 1
                with lock:
                    outcomes[outcome] += 1

        workers = [threading.Thread(target=checkout, args=(t,)) for t in range(self.threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()

        assert sum(outcomes.values()) == per_thread * self.threads
        stock = self.make_unit_of_work().stock
        levels = stock.levels([_MUG, _PLATE])
        for key in (_MUG, _PLATE):
            assert levels[key].on_hand == self.stock
            assert levels[key].reserved == taken[key]
            assert levels[key].available >= 0
        assert outcomes["short"] > 0, "the test must run the stock out to mean anything"
        # Shortages only ever grow here, so a refused checkout means the mugs ran out for good.
        assert levels[_MUG].available <= 1
        stored = replay(stock.movements())
        assert stored[_MUG] == levels[_MUG].quantities()
        assert stored[_PLATE] == levels[_PLATE].quantities()
