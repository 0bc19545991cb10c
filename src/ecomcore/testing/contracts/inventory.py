"""The contract every `ecomcore.inventory.StockRepository` must pass, concurrency included.

Subclass `StockRepositoryContract` in your tests and implement `make_repository`; pytest
collects the inherited tests (name the subclass ``Test...``).
"""

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import attrs
import pytest

from ecomcore.core import ConcurrencyError, FixedClock, NotFoundError
from ecomcore.inventory import (
    InsufficientStockError,
    Movement,
    MovementReason,
    Reservation,
    ReservationLine,
    StockChange,
    StockKey,
    StockLevel,
    StockRepository,
    receive_stock,
    release_reservation,
    replay,
    reserve,
)

__all__ = ["StockRepositoryContract"]

_AT = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
_MUG, _PLATE = StockKey("mug", "wh-1"), StockKey("plate", "wh-1")


def _received(key: StockKey, units: int, version: int = 1) -> StockChange:
    movement = Movement(key, MovementReason.RECEIPT, _AT, "po-1", on_hand=units)
    return StockChange(
        levels=(StockLevel(key, on_hand=units, version=version),), movements=(movement,)
    )


class StockRepositoryContract:
    """Tests a `StockRepository` must pass; subclass it and implement `make_repository`.

    ``threads`` and ``reservations`` size the concurrency test (at least 8 threads and
    thousands of competing reservations by default).

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> class TestInMemoryStockRepository(StockRepositoryContract):
        ...     reservations = 300  # a smaller race than the default, for a quicker run
        ...     def make_repository(self) -> StockRepository:
        ...         return InMemoryStockRepository()
        >>> TestInMemoryStockRepository().test_an_unknown_level_reads_as_empty_version_zero()
    """

    threads = 8
    reservations = 3000
    stock = 1000

    def make_repository(self) -> StockRepository:
        """Return a new, empty repository under test."""
        raise NotImplementedError

    def test_an_unknown_level_reads_as_empty_version_zero(self) -> None:
        """A key nothing happened to reads as zero units at version 0."""
        level = self.make_repository().levels([_MUG])[_MUG]
        assert (level.on_hand, level.reserved, level.version) == (0, 0, 0)

    def test_a_commit_stores_levels_ledger_and_events_together(self) -> None:
        """After a commit, the level, its movement and the ledger order are all visible."""
        repository = self.make_repository()
        repository.commit(_received(_MUG, 5))
        repository.commit(_received(_PLATE, 2))
        assert repository.levels([_MUG])[_MUG].on_hand == 5
        assert [m.key for m in repository.movements()] == [_MUG, _PLATE]
        assert [m.key for m in repository.movements(after=1)] == [_PLATE]

    def test_a_stale_version_writes_nothing_at_all(self) -> None:
        """One stale level in a change rejects the whole change: no level, no movement."""
        repository = self.make_repository()
        repository.commit(_received(_MUG, 5))
        stale = StockChange(
            levels=(StockLevel(_PLATE, on_hand=1, version=1), StockLevel(_MUG, version=1)),
            movements=(Movement(_PLATE, MovementReason.RECEIPT, _AT, "po-2", on_hand=1),),
        )
        with pytest.raises(ConcurrencyError):
            repository.commit(stale)
        assert repository.levels([_PLATE])[_PLATE].version == 0
        assert repository.levels([_MUG])[_MUG].on_hand == 5
        assert len(repository.movements()) == 1

    def test_a_second_new_reservation_with_the_same_id_loses(self) -> None:
        """Two first writes of one reservation id cannot both win (idempotency under races)."""
        repository = self.make_repository()
        first = Reservation("cart-1", ((_MUG, 1),), _AT, _AT + timedelta(minutes=5))
        repository.commit(StockChange(reservations=(first,)))
        with pytest.raises(ConcurrencyError):
            repository.commit(StockChange(reservations=(first,)))
        assert repository.reservation("cart-1") == first
        assert repository.find_reservation("cart-1") == first

    def test_a_new_reservation_commit_returns_the_stored_one_and_writes_nothing(self) -> None:
        """Reserving under a stored id hands back the first reservation and changes no stock."""
        repository = self.make_repository()
        repository.commit(_received(_MUG, 5))
        first = Reservation("cart-1", ((_MUG, 1),), _AT, _AT + timedelta(minutes=5))
        held = StockLevel(_MUG, on_hand=5, reserved=1, version=2)
        take = Movement(_MUG, MovementReason.RESERVATION, _AT, "cart-1", reserved=1)
        change = StockChange(levels=(held,), reservations=(first,), movements=(take,))
        assert repository.commit_new_reservation(change) is None
        again = attrs.evolve(first, expires_at=_AT + timedelta(minutes=9))
        retry = StockChange(
            levels=(attrs.evolve(held, reserved=2, version=3),), reservations=(again,),
            movements=(take,),
        )  # fmt: skip
        assert repository.commit_new_reservation(retry) == first
        assert repository.levels([_MUG])[_MUG].reserved == 1
        assert len(repository.movements()) == 2

    def test_a_new_reservation_commit_on_a_stale_level_writes_nothing(self) -> None:
        """The one-step reservation commit keeps the compare-and-set: a stale level loses."""
        repository = self.make_repository()
        repository.commit(_received(_MUG, 5))
        first = Reservation("cart-1", ((_MUG, 1),), _AT, _AT + timedelta(minutes=5))
        stale = StockLevel(_MUG, on_hand=5, reserved=1, version=1)
        with pytest.raises(ConcurrencyError):
            repository.commit_new_reservation(StockChange(levels=(stale,), reservations=(first,)))
        assert repository.find_reservation("cart-1") is None
        assert repository.levels([_MUG])[_MUG].reserved == 0

    def test_stock_keys_lists_every_stored_level_sorted(self) -> None:
        """Every level ever stored is listed once, in key order; unstored ones are not."""
        repository = self.make_repository()
        assert repository.stock_keys() == []
        repository.commit(_received(_PLATE, 2))
        repository.commit(_received(_MUG, 5))
        repository.commit(StockChange(levels=(StockLevel(_MUG, on_hand=5, version=2),)))
        assert repository.stock_keys() == [_MUG, _PLATE]

    def test_missing_records_raise_not_found(self) -> None:
        """Asking for an unknown reservation or transfer raises NotFoundError."""
        repository = self.make_repository()
        with pytest.raises(NotFoundError):
            repository.reservation("nope")
        assert repository.find_reservation("nope") is None
        with pytest.raises(NotFoundError):
            repository.transfer("nope")

    def test_expiring_lists_only_active_expired_ones_oldest_first(self) -> None:
        """The expiry sweep sees active reservations past their time, oldest expiry first."""
        repository = self.make_repository()
        clock = FixedClock(_AT)
        receive_stock(repository, clock, _MUG, 10, reference="po-1")
        for name, minutes in (("b", 5), ("a", 5), ("c", 1), ("late", 60), ("gone", 1)):
            line = [ReservationLine("mug", 1, "wh-1")]
            reserve(repository, clock, name, line, timedelta(minutes=minutes))
        release_reservation(repository, clock, "gone")
        due = repository.expiring(_AT + timedelta(minutes=5))
        assert [r.id for r in due] == ["c", "a", "b"]

    def test_concurrent_reservations_never_oversell(self) -> None:
        """Many threads reserving the same items end with exactly the stock there was."""
        repository = self.make_repository()
        clock = FixedClock(_AT)
        receive_stock(repository, clock, _MUG, self.stock, reference="po-1")
        receive_stock(repository, clock, _PLATE, self.stock, reference="po-2")
        outcomes: Counter[str] = Counter()
        taken: Counter[StockKey] = Counter()
        lock = threading.Lock()
        per_thread = self.reservations // self.threads
        start = threading.Barrier(self.threads)

        def checkout(thread: int) -> None:
            start.wait()
            for n in range(per_thread):
                mugs = 1 + (n + thread) % 2
                lines = [ReservationLine("mug", mugs, "wh-1"), ReservationLine("plate", 1, "wh-1")]
                try:
                    reserve(repository, clock, f"t{thread}-{n}", lines, timedelta(minutes=15))
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
        levels = repository.levels([_MUG, _PLATE])
        for key in (_MUG, _PLATE):
            assert levels[key].on_hand == self.stock
            assert levels[key].reserved == taken[key]
            assert levels[key].available >= 0
        assert outcomes["short"] > 0, "the test must run the stock out to mean anything"
        # Shortages only ever grow here, so a refused checkout means the mugs ran out for good.
        assert levels[_MUG].available <= 1
        stored = replay(repository.movements())
        assert stored[_MUG] == levels[_MUG].quantities()
        assert stored[_PLATE] == levels[_PLATE].quantities()
