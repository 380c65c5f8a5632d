"""The POA 2027 derived from the programming, its adjustments, and follow-up progress."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from planner_desktop.demo.context import Context, at
from planner_desktop.demo.profiles import POA_YEAR, ProfileInfo
from planner_desktop.domain.enums import AdjustmentKind, DemandStatus, OperationType
from planner_desktop.domain.models import (
    AnnualPlan,
    ManagementObjective,
    Operation,
    PlanAdjustment,
    Progress,
)

POA_DAY = date(2026, 10, 12)
SPENDING_LINES = {
    OperationType.investment: "42230",
    OperationType.pre_investment: "46110",
    OperationType.operating: "11700",
}
PROGRESS_DAYS = (date(POA_YEAR, 6, 30), date(POA_YEAR, 9, 30))
DONE_PROGRESS_DAYS = (date(2026, 8, 31), date(2026, 12, 10))


class _Poa:
    def __init__(self, ctx: Context, plan_id: uuid.UUID) -> None:
        self.ctx, self.plan_id = ctx, plan_id
        self.number = 0
        self.operations: list[tuple[uuid.UUID, OperationType, int, str]] = []

    def operation(self, management_id: uuid.UUID | None, **values: object) -> uuid.UUID:
        self.number += 1
        kind = values["type"]
        assert isinstance(kind, OperationType)
        budget = values["budget"]
        assert isinstance(budget, int)
        operation_id = self.ctx.writer.synced(
            Operation,
            at(POA_DAY, 60 + self.number),
            self.ctx.facilitators[0],
            annual_plan_id=self.plan_id,
            management_objective_id=management_id,
            code=f"OP-{POA_YEAR}-{self.number:03d}",
            spending_line=SPENDING_LINES[kind],
            start_date=date(POA_YEAR, 2, 1),
            end_date=date(POA_YEAR, 11, 30),
            **values,
        )
        self.operations.append((operation_id, kind, budget, str(values["name"])))
        return operation_id


def make_poa(ctx: Context, profiles: list[ProfileInfo]) -> None:
    rng, writer, who = ctx.rng, ctx.writer, ctx.facilitators[0]
    templates = ctx.sources.strategy["management_objective_templates"]["templates"]
    programmed = [p for p in profiles if any(y == POA_YEAR for _, y in p.allocation)]
    plan_id = writer.synced(
        AnnualPlan,
        at(POA_DAY),
        who,
        municipality_id=ctx.municipality_id,
        fiscal_year=POA_YEAR,
        executive_summary=f"POA {POA_YEAR} de {ctx.municipality_name}: {len(programmed)} "
        "proyectos de la programación quinquenal del PDM, funcionamiento y preinversión.",
        situation_analysis="La gestión anterior cerró con una ejecución presupuestaria "
        "moderada; las comunidades priorizaron agua, caminos, riego y salud.",
        approved=True,
    )
    poa = _Poa(ctx, plan_id)
    sectors = {s.code: s for s in ctx.sectors}
    objectives: dict[str, uuid.UUID] = {}
    for number, (axis, objective_id, axis_sectors) in enumerate(ctx.objectives, start=1):
        sector = sectors.get(axis_sectors[0]) if axis_sectors else None
        text = templates[(number - 1) % len(templates)].format(
            sector=sector.name if sector else "",
            year=POA_YEAR,
            next_year=POA_YEAR + 1,
            n=rng.randint(2, 6),
            percent=rng.choice((80, 85, 90)),
        )
        objectives[axis] = writer.synced(
            ManagementObjective,
            at(POA_DAY, number),
            who,
            annual_plan_id=plan_id,
            element_id=objective_id,
            code=f"OG-{number}",
            description=text,
        )
    main_source = ctx.funding[0]
    for axis, objective_management_id in objectives.items():
        unit = next(
            (
                u["name"]
                for u in ctx.sources.strategy["executing_units"]
                if any(sectors.get(s) and sectors[s].axis_code == axis for s in u["sectors"])
            ),
            "Dirección de Planificación",
        )
        poa.operation(
            objective_management_id,
            element_id=None,
            profile_id=None,
            source_id=main_source.id,
            name=f"Funcionamiento de la {unit}",
            type=OperationType.operating,
            expected_result="Servicios municipales funcionando durante la gestión",
            indicator="Meses de funcionamiento",
            target="12",
            resources="Personal y material",
            responsible=unit,
            budget=rng.randint(12, 45) * 10_000,
            funder=main_source.funder,
            executing_unit=unit,
        )
    for profile in profiles:
        management_id = objectives.get(profile.sector.axis_code)
        if profile.status is DemandStatus.profiled:
            poa.operation(
                management_id,
                element_id=profile.element_id,
                profile_id=profile.id,
                source_id=main_source.id,
                name=f"Estudio de preinversión: {profile.name}",
                type=OperationType.pre_investment,
                expected_result="Diseño técnico aprobado",
                indicator="Estudio concluido",
                target="1",
                resources="Consultoría por producto",
                responsible=profile.executing_unit,
                budget=int(round(profile.cost * rng.uniform(0.04, 0.07), -2)),
                funder=main_source.funder,
                executing_unit=profile.executing_unit,
            )
            continue
        for (source, year), amount in profile.allocation.items():
            if year != POA_YEAR:
                continue
            funding = ctx.funding[source]
            poa.operation(
                management_id,
                element_id=profile.element_id,
                profile_id=profile.id,
                source_id=funding.id,
                name=profile.name,
                type=profile.type,
                expected_result="Obra concluida y entregada a la comunidad",
                indicator=profile.indicator,
                target="100 %",
                resources="Materiales, mano de obra calificada y contraparte comunal",
                responsible=profile.executing_unit,
                budget=amount,
                funder=funding.funder,
                executing_unit=profile.executing_unit,
            )
    _adjust_and_follow(ctx, poa, profiles)


def _adjust_and_follow(ctx: Context, poa: _Poa, profiles: list[ProfileInfo]) -> None:
    rng, writer, who = ctx.rng, ctx.writer, ctx.facilitators[0]
    investments = [op for op in poa.operations if op[1] is OperationType.investment]
    cancelled = rng.choice(poa.operations[: len(ctx.objectives)])
    writer.update_many(Operation, "cancelled", [(cancelled[0], True)])
    writer.synced(
        PlanAdjustment,
        at(date(POA_YEAR, 7, 12)),
        who,
        annual_plan_id=poa.plan_id,
        operation_id=cancelled[0],
        kind=AdjustmentKind.operation_cancelled,
        date=date(POA_YEAR, 7, 12),
        description=f"Se anula la operación «{cancelled[3]}»; su saldo pasa a inversión.",
    )
    changed = rng.choice(investments) if investments else poa.operations[-1]
    writer.synced(
        PlanAdjustment,
        at(date(POA_YEAR, 9, 5)),
        who,
        annual_plan_id=poa.plan_id,
        operation_id=changed[0],
        kind=AdjustmentKind.budget_changed,
        date=date(POA_YEAR, 9, 5),
        description=f"Reformulación del presupuesto de «{changed[3]}» por mayores costos de "
        "materiales de construcción.",
    )
    for operation_id, _kind, budget, _name in investments:
        physical = 0.0
        for day in PROGRESS_DAYS:
            physical = min(100.0, physical + rng.randint(20, 50))
            delayed = physical < 50 and day == PROGRESS_DAYS[-1]
            _progress(
                ctx,
                day,
                physical,
                int(budget * physical / 100 * rng.uniform(0.8, 1.0)),
                operation_id=operation_id,
                measures="Ampliación de plazo por lluvias e intervención del supervisor"
                if delayed
                else "",
            )
    for profile in profiles:
        if profile.status is DemandStatus.done:
            for day, physical in zip(DONE_PROGRESS_DAYS, (55.0, 100.0), strict=True):
                spent = profile.cost if physical == 100.0 else profile.cost * 0.5
                _progress(ctx, day, physical, int(spent), profile_id=profile.id, measures="")


def _progress(
    ctx: Context,
    day: date,
    physical: float,
    spent: int,
    *,
    operation_id: uuid.UUID | None = None,
    profile_id: uuid.UUID | None = None,
    measures: str,
) -> None:
    ctx.writer.synced(
        Progress,
        at(day, 480),
        ctx.facilitators[0],
        profile_id=profile_id,
        operation_id=operation_id,
        date=day,
        physical_percent=physical,
        financial_executed=Decimal(spent),
        target_achieved=f"{physical:.0f} %",
        results="Obra concluida y entregada" if physical >= 100 else "Obra en ejecución",
        corrective_measures=measures,
    )
