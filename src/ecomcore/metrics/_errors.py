"""The errors of the metrics context: bad input columns and fits that cannot be trusted."""

from collections.abc import Mapping, Sequence

from ecomcore.core import EcomcoreError, ValidationError

__all__ = ["ColumnsError", "FitError", "NotConvergedError", "SpendModelDivergesError"]


class ColumnsError(ValidationError):
    """A frame lacks columns a metric needs, or has them with the wrong type.

    ``missing`` lists the absent column names; ``mistyped`` maps each present but unusable
    column to ``(found dtype, expected kind)``.

    Examples:
        >>> wrong = {"placed_at": ("String", "a datetime")}
        >>> print(ColumnsError("orders", missing=["gross"], mistyped=wrong))
        orders must have ... 'gross'; wrong type: 'placed_at' is String, expected a datetime
        >>> error = ColumnsError("orders", missing=["gross"])
        >>> error.code
        'metrics_columns'
    """

    code = "metrics_columns"

    def __init__(
        self,
        table: str,
        *,
        missing: Sequence[str] = (),
        mistyped: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        mistyped = dict(mistyped or {})
        problems = []
        if missing:
            problems.append("missing: " + ", ".join(repr(name) for name in missing))
        if mistyped:
            problems.append(
                "wrong type: "
                + ", ".join(
                    f"{name!r} is {found}, expected {kind}"
                    for name, (found, kind) in mistyped.items()
                )
            )
        super().__init__(
            table,
            "; ".join(problems),
            "a frame with the columns its schema names, of the documented types",
        )
        self.message = (
            f"{table} must have the columns its schema names, of the documented types; "
            + "; ".join(problems)
        )
        self.args = (self.message,)
        self.table = table
        self.missing = tuple(missing)
        self.mistyped = mistyped


class FitError(EcomcoreError, ArithmeticError):
    """A model fit produced parameters that cannot be trusted; no numbers are returned.

    Examples:
        >>> from ecomcore.metrics import GammaGammaModel
        >>> try:
        ...     GammaGammaModel.fit_arrays([1, 2], [5.0, 500.0])
        ... except FitError as error:
        ...     print(type(error).__name__, error.code)
        SpendModelDivergesError metrics_spend_model_diverges
    """

    code = "metrics_fit_failed"


class NotConvergedError(FitError):
    """The likelihood maximisation stopped before it converged.

    Examples:
        >>> print(NotConvergedError("BG/NBD", "maximum number of iterations exceeded"))
        BG/NBD fit did not converge: maximum number of iterations exceeded; ...
    """

    code = "metrics_fit_not_converged"

    def __init__(self, model: str, reason: str) -> None:
        super().__init__(
            f"{model} fit did not converge: {reason}; check the summary (enough repeat "
            "buyers, one time unit throughout) or fit on more customers",
            model=model,
            reason=reason,
        )
        self.model = model
        self.reason = reason


class SpendModelDivergesError(FitError):
    """A Gamma-Gamma fit gave q <= 1, so the expected spend per transaction is infinite.

    Examples:
        >>> print(SpendModelDivergesError(0.8))
        Gamma-Gamma fit gave q = 0.8, but the mean spend exists only for q > 1; ...
    """

    code = "metrics_spend_model_diverges"

    def __init__(self, q: float) -> None:
        super().__init__(
            f"Gamma-Gamma fit gave q = {q:.4g}, but the mean spend exists only for q > 1; "
            "remove extreme order values or check that the spend is per transaction",
            q=q,
        )
        self.q = q
