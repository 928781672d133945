"""Movement of people, money and goods across the line; crossing points; customs."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from clauses.base import ClauseBase, Deadline, LangText, Model, NodeId, ZoneRef

PeopleRegime = Literal["closed", "permit", "pre_registered_list", "visa_free"]
GoodsRegime = Literal["prohibited", "licensed", "customs_declared", "duty_free"]
MoneyRegime = Literal["prohibited", "declared_above_threshold", "free"]


class CrossingPoint(Model):
    """A place where people, vehicles or goods may cross, and from when."""

    id: NodeId
    name: LangText
    zone: ZoneRef | None = None
    modes: Annotated[list[Literal["road", "rail", "pedestrian", "sea_route"]], Field(min_length=1)]
    deadline: Deadline | None = None

    due_field: ClassVar[str] = "deadline"
    event_phrase: ClassVar[str] = "event_crossing"
    event_is_completion: ClassVar[bool] = False  # a crossing point is opened, not completed

    def event_values(self, number: int, words: Any, scope: Any) -> dict[str, object]:
        """Return the values of the phrase naming the opening of this crossing point: its name."""
        return {"label": words.local(self.name)}


class BorderControls(ClauseBase):
    """The rules for crossing people, money and goods."""

    kind: Literal["border_controls"]
    topic = "border_controls"
    lane = "border"

    people: PeopleRegime
    goods: GoodsRegime
    money: MoneyRegime
    cash_threshold_usd: Annotated[int, Field(gt=0, le=100_000_000)] | None = Field(None, title="cash threshold")
    crossings: list[CrossingPoint] = []
