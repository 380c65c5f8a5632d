"""Spanish texts of the demo plan that the source files do not carry: what each value
means, the problem each strategic objective answers, the work plan, roles by phase."""

from __future__ import annotations

from planner_desktop.domain.enums import ActorPhase, OrganizationKind, PriorityClass

VALUE_SENTENCES = {
    "Transparencia": "Informamos a la población sobre cada decisión, contrato y gasto, y "
    "rendimos cuentas en audiencias públicas.",
    "Participación": "Las comunidades, los barrios y sus organizaciones deciden junto al "
    "gobierno municipal qué se hace y en qué orden.",
    "Honestidad": "Usamos los recursos públicos solo para el bien común, sin favores ni "
    "privilegios.",
    "Responsabilidad": "Cumplimos lo que el plan promete, en los plazos y con la calidad "
    "comprometidos.",
    "Equidad de género y generacional": "Mujeres y hombres, niñez, juventud y personas "
    "adultas mayores acceden por igual a los beneficios del plan.",
    "Interculturalidad": "Respetamos y valoramos las culturas, los idiomas y los saberes de "
    "los pueblos del municipio.",
    "Reciprocidad (ayni)": "Devolvemos el trabajo recibido: la comunidad aporta y el "
    "municipio responde con obras y servicios.",
    "Solidaridad": "Atendemos primero a las familias y comunidades que más lo necesitan.",
    "Respeto a la Madre Tierra": "Cuidamos el agua, el suelo y los bosques para las "
    "generaciones que vienen.",
    "Compromiso con la comunidad": "Servimos a la población con cercanía, en su idioma y en "
    "su territorio.",
}
"""What each value of the plan means, in one sentence."""

DEFAULT_VALUE_SENTENCE = "{value} guía cada decisión del gobierno municipal."

OBJECTIVE_PROBLEMS = {
    "O1": "Abandono escolar, desnutrición infantil y servicios de salud lejanos y sin "
    "equipamiento, sobre todo en las comunidades rurales dispersas.",
    "O2": "Baja productividad agropecuaria por falta de riego, plagas y escaso acceso a "
    "mercados; los ingresos de las familias productoras no alcanzan.",
    "O3": "Erosión de suelos, pérdida de fuentes de agua y comunidades expuestas a sequías, "
    "heladas y riadas sin planes de contingencia.",
    "O4": "Comunidades sin agua segura ni saneamiento, caminos intransitables en época de "
    "lluvias y un centro poblado que crece sin orden.",
    "O5": "Poca participación en la planificación, control social débil y trámites lentos; "
    "la inseguridad preocupa en los barrios.",
}
"""The problem each strategic objective answers (by objective code)."""

PLAN_SDGS = ((1, "1.4"), (10, "10.2"), (16, "16.7"))
"""The Sustainable Development Goals (and targets) of the whole plan."""

PLANNING_ROLES = {
    OrganizationKind.otb: "Representa a la comunidad: convoca el autodiagnóstico y firma el acta",
    OrganizationKind.union: "Convoca a las bases y valida las demandas de sus afiliados",
    OrganizationKind.womens_organization: "Presenta y defiende las demandas de las mujeres",
    OrganizationKind.youth_organization: "Presenta las demandas de la juventud",
    OrganizationKind.elders_organization: "Presenta las demandas de las personas adultas mayores",
    OrganizationKind.producers_association: "Aporta las demandas productivas y la contraparte",
    OrganizationKind.functional_group: "Aporta información sectorial al diagnóstico",
    OrganizationKind.vigilance_committee: "Ejerce el control social sobre el PDM y el POA",
    OrganizationKind.council: "Aprueba el PDM y el POA y fiscaliza su ejecución",
    OrganizationKind.institution: "Apoya técnicamente la planificación y la ejecución",
    OrganizationKind.ngo: "Acompaña los talleres y cofinancia proyectos en convenio",
    OrganizationKind.other: "Participa en los talleres y en la cumbre",
}
"""What an organisation of each kind does while the plan is prepared."""

LATER_ROLES: dict[OrganizationKind, dict[ActorPhase, str]] = {
    OrganizationKind.institution: {
        ActorPhase.execution: "Ejecuta programas y proyectos de su competencia",
        ActorPhase.follow_up: "Informa sobre el avance físico y financiero",
    },
    OrganizationKind.council: {
        ActorPhase.execution: "Aprueba el presupuesto y las reformulaciones del POA",
        ActorPhase.follow_up: "Fiscaliza la ejecución del plan y del POA",
    },
    OrganizationKind.vigilance_committee: {
        ActorPhase.execution: "Ejerce control social sobre obras y contrataciones",
        ActorPhase.follow_up: "Se pronuncia sobre el avance en las audiencias públicas",
    },
    OrganizationKind.union: {
        ActorPhase.execution: "Moviliza la contraparte comunal en mano de obra",
        ActorPhase.follow_up: "Informa a las bases sobre el avance de los proyectos",
    },
    OrganizationKind.womens_organization: {
        ActorPhase.execution: "Participa en los comités de obra y de operación",
        ActorPhase.follow_up: "Vigila que los proyectos beneficien a las mujeres",
    },
    OrganizationKind.ngo: {
        ActorPhase.execution: "Cofinancia proyectos en convenio con el municipio",
        ActorPhase.follow_up: "Comparte la información de seguimiento de sus proyectos",
    },
}
"""What a municipal-level organisation of each kind does while the plan is executed and
followed up (other kinds: a role in planning only)."""

WORK_PLAN = (
    ("Conformación del equipo técnico y firma del convenio", 0, 20, "Dirección de Planificación"),
    ("Socialización del proceso con las organizaciones sociales", 14, 30, "Equipo técnico"),
    ("Talleres comunales de autodiagnóstico y priorización", 28, 118, "Facilitadores"),
    ("Reuniones distritales y cumbre municipal", 105, 130, "Equipo técnico"),
    ("Formulación estratégica: visión, ejes y programas", 125, 150, "Dirección de Planificación"),
    ("Perfiles de proyecto y programación quinquenal", 150, 200, "Unidades ejecutoras"),
    ("Validación en audiencia pública y aprobación por el Concejo", 200, 230, "Concejo Municipal"),
)
"""The work plan: activity, first and last day (days after setup), who is responsible."""

TEAM_ROLES = (
    ("Coordinación del PDM", "Gobierno Autónomo Municipal"),
    ("Especialista en planificación", "Gobierno Autónomo Municipal"),
    ("Especialista en proyectos de inversión", "Gobierno Autónomo Municipal"),
    ("Especialista en desarrollo productivo", "Gobierno Autónomo Municipal"),
    ("Especialista en género y generacional", "Gobierno Autónomo Municipal"),
    ("Facilitación de talleres", ""),
)
"""The roles of the technical team; an empty institution is the partner organisation."""

PACT_COMMITMENTS = (
    ("Cofinanciar obras y brindar asistencia técnica", "Hasta 20 % del costo de las obras"),
    (
        "Acompañar la organización comunal para operar y mantener las obras",
        "Capacitación de los comités",
    ),
    (
        "Aportar la contraparte comunal en mano de obra y materiales locales",
        "Mano de obra no calificada",
    ),
    ("Difundir los avances del programa en idioma originario", "Espacios radiales gratuitos"),
)
"""Commitment and contribution of the pacts of the management model."""

TEAM_CLASS_REASONS = {
    PriorityClass.a_plus: "Prioridad comunal A+, estudio técnico listo y contraparte "
    "comprometida: se ejecuta en los primeros años.",
    PriorityClass.a: "Alta prioridad comunal; el costo por familia beneficiada es razonable.",
    PriorityClass.b: "Beneficia a menos familias frente a su costo; se programa en los años "
    "intermedios del plan.",
    PriorityClass.c: "Falta el estudio de preinversión y el saneamiento del terreno; se "
    "posterga hasta conseguir financiamiento.",
}
"""Why the technical team gave a project its class."""
