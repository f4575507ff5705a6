"""The column headers of the logs people keep, as data: which field of which section each fills.

`endorse import` recognises a spreadsheet's columns by these names, and `endorse template`
writes the first name of each (translated) as the header of a blank log, so that what the
template writes, the importer reads back. Names are compared without case, accents, spaces
or punctuation: ``Session date``, ``SESSION_DATE`` and ``session-date`` are one name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..i18n import ENGLISH, N_, Language, available

from ..model.sections import LOGGED as IMPORTED  # the sections a log can be imported into

#: By section, then by field: the header names that column goes by, in English and Spanish.
#: The first is the template's header (a message of the catalog, so that it is written in the
#: reader's language); a field with no names here is read only when ``--map`` names it.
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "training": {
        "title": (N_("Title"), "Course", "Course title", "Course name", "Training",
                  "Training title", "Training name", "Workshop", "Event", "Event title",
                  "Session title", "Class", "Class title", "Activity", "Workshop title",
                  "Course name/title", "Título", "Titulo", "Curso",
                  "Título del curso", "Nombre del curso", "Capacitación",
                  "Título de la capacitación", "Nombre de la capacitación", "Taller",
                  "Título del taller", "Nombre del taller", "Actividad", "Evento"),
        "provider": (N_("Provider"), "Trainer", "Presenter", "Instructor", "Training provider",
                     "Sponsor", "Sponsoring organization", "Organization", "Offered by",
                     "Proveedor", "Capacitador", "Capacitadora", "Presentador",
                     "Organización", "Impartido por", "Entidad"),
        "date": (N_("Date"), "Date completed", "Completion date", "Completed", "Completed on",
                 "Training date", "Event date", "Date attended", "Session date", "Fecha",
                 "Fecha de finalización", "Fecha de la capacitación", "Fecha del curso"),
        "hours": (N_("Clock hours"), "Hours", "Duration", "Contact hours", "Training hours",
                  "Credit hours", "CE hours", "Hrs", "Horas", "Horas reloj", "Duración",
                  "Horas de capacitación"),
        "imh": (N_("Infant mental health"), "IMH", "IMH specialized", "Specialized",
                "Salud mental infantil", "SMI", "Especializada"),
        "competencies": (N_("Competency areas"), "Competencies", "Competency", "Areas",
                         "Áreas de competencia", "Competencias", "Áreas"),
        "topics": (N_("Topics"), "Topic", "Temas", "Tema"),
    },
    "supervision": {
        "date": (N_("Date"), "Session date", "Date of session", "Fecha", "Fecha de la sesión",
                 "Fecha de sesión"),
        "hours": (N_("Hours"), "Duration", "Clock hours", "Session hours", "Length", "Hrs",
                  "Horas", "Duración", "Horas reloj"),
        "provider": (N_("Provider"), "Supervisor/Consultant", "Supervisor", "Consultant",
                     "RS/C provider", "Facilitator", "Proveedor", "Supervisor/a",
                     "Supervisora", "Consultor", "Consultora", "Consultor/a", "Facilitador",
                     "Facilitadora"),
        "format": (N_("Individual/Group"), "Individual or group", "Format", "Session type",
                   "Type", "Individual/Grupal", "Individual o grupal", "Formato", "Tipo",
                   "Modalidad"),
        "provider_credential": (N_("Provider's Endorsement"), "Provider credential",
                                "Endorsement", "Credential", "Respaldo del proveedor",
                                "Credencial"),
        "notes": (N_("Notes"), "Comments", "Notas", "Comentarios", "Observaciones"),
    },
    "work": {
        "title": (N_("Job title"), "Position", "Title", "Job", "Puesto", "Cargo",
                  "Título del puesto"),
        "employer": (N_("Organization"), "Employer", "Agency", "Program", "Organización",
                     "Empleador", "Agencia", "Programa"),
        "start": (N_("First day"), "Start", "Start date", "From", "Hire date", "Primer día",
                  "Inicio", "Fecha de inicio", "Desde"),
        "end": (N_("Last day"), "End", "End date", "To", "Until", "Último día", "Fin",
                "Fecha de fin", "Fecha de término", "Hasta"),
        "infant_family": (N_("Work with infants and families"), "Infant/family work",
                          "Trabajo con bebés y familias"),
        "hours_per_week": (N_("Hours a week"), "Hours per week", "Weekly hours",
                           "Horas por semana", "Horas semanales"),
        "families_served": (N_("Families served"), "Families", "Familias atendidas",
                            "Familias"),
        "supervisor": (N_("Supervisor"), "Direct supervisor", "Supervisora"),
    },
    "education": {
        "degree": (N_("Degree"), "Degree level", "Grado", "Nivel", "Titulación"),
        "field": (N_("Field of study"), "Field", "Major", "Program of study",
                  "Campo de estudio", "Especialidad", "Carrera"),
        "institution": (N_("School"), "Institution", "University", "College", "Issuing body",
                        "Escuela", "Institución", "Universidad"),
        "completed": (N_("Date conferred"), "Completed", "Conferred", "Graduation date",
                      "Date", "Year", "Fecha de obtención", "Fecha de graduación", "Fecha",
                      "Año"),
    },
    "reference": {
        "name": (N_("Name"), "Reference", "Reference name", "Full name", "Nombre",
                 "Referencia", "Nombre completo"),
        "role": (N_("Role"), "Relationship", "Rol", "Relación"),
        "email": (N_("Email"), "E-mail", "Email address", "Correo", "Correo electrónico"),
        "phone": (N_("Phone"), "Telephone", "Phone number", "Teléfono"),
        "status": (N_("Status"), "Estado"),
        "requested": (N_("Date requested"), "Requested", "Fecha de solicitud", "Solicitada"),
        "endorsement": (N_("Endorsement"), "Credential", "Respaldo", "Credencial"),
    },
}

#: Words that make a header name a course or a title (compared as :func:`words` splits them):
#: a file with such a column is never taken for an RS/C log, and a section that leaves such a
#: column unread is not guessed.
TITLE_LIKE = ("title", "course", "training", "workshop", "class", "webinar", "seminar",
              "titulo", "curso", "capacitacion", "taller", "seminario", "clase")

#: The fields a header with a title word fills when no column is named as :data:`COLUMNS`
#: names it (``Título del curso completado``).
LIKE: dict[str, tuple[str, ...]] = {"training": ("title",)}

#: Headers that give hours in minutes: a plain number under them is minutes.
IN_MINUTES: dict[str, tuple[str, ...]] = {
    "hours": ("Minutes", "Mins", "Duration (minutes)", "Duration (min)", "Length (minutes)",
              "Minutos", "Duración (minutos)", "Duración (min)"),
}

#: Words for the values of a choice besides the rules file's own (which are read too).
VALUE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "format": {"individual": ("Ind", "Indiv", "One-on-one", "1:1", "Individual session"),
               "group": ("Grp", "Group session", "Grupo", "En grupo")},
}

#: The first cell of a row that sums up the rows above it: not an entry.
TOTALS = ("Total", "Totals", "Sum", "Grand total", "Total hours", "Totales", "Suma",
          "Total de horas")


def normal(name: str) -> str:
    """A header as compared: no case, accents, spaces or punctuation."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", plain.casefold())


def words(name: str) -> list[str]:
    """A header's words as compared: no case or accents, split at spaces and punctuation."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return [w for w in re.split(r"[\W_]+", plain.casefold()) if w]


#: Words that make a header name something else, whatever title word it has too
#: (``Training hours``, ``Course date``, ``Estado del curso``).
NOT_TITLE = ("hours", "hrs", "date", "day", "provider", "credits", "credit", "id", "code",
             "number", "status", "horas", "fecha", "dia", "proveedor", "creditos", "codigo",
             "numero", "estado", "duration", "duracion", "description", "descripcion",
             "type", "tipo", "level", "nivel", "format", "formato", "location", "lugar",
             "category", "categoria", "modality", "modalidad")


def title_like(name: str) -> bool:
    """Whether a header names a course or a title (``Título del curso``, ``Workshop``)."""
    said = words(name)
    return any(w in TITLE_LIKE for w in said) and not any(w in NOT_TITLE for w in said)


def _names(section: str) -> dict[str, tuple[str, bool]]:
    """Each known header of ``section`` (as compared) and the (field, in minutes) it fills:
    every name above, and the template's header in every language endorse speaks."""
    found: dict[str, tuple[str, bool]] = {}
    languages = [Language(code) for code in available() if code != "en"]
    for key, names in COLUMNS[section].items():
        said = [language.gettext(names[0]) for language in languages]
        for name in (*names, *said):
            found.setdefault(normal(name), (key, False))
    for key, names in IN_MINUTES.items():
        if key in COLUMNS[section]:
            for name in names:
                found.setdefault(normal(name), (key, True))
    return found


_KNOWN: dict[str, dict[str, tuple[str, bool]]] = {}


def known(section: str) -> dict[str, tuple[str, bool]]:
    """:func:`_names`, worked out once per section."""
    if section not in _KNOWN:
        _KNOWN[section] = _names(section)
    return _KNOWN[section]


def recognised(section: str, headers: Iterable[str],
               like: bool = True) -> dict[int, tuple[str, bool]]:
    """The columns of ``headers`` (by index) that ``section`` knows, and what each fills; a
    field named by two columns is filled by the first. With ``like``, a field of
    :data:`LIKE` no column names is filled by the one column with a title word."""
    names = known(section)
    taken: dict[int, tuple[str, bool]] = {}
    keys: set[str] = set()
    headers = list(headers)
    for i, header in enumerate(headers):
        hit = names.get(normal(header))
        if hit is not None and hit[0] not in keys:
            taken[i] = hit
            keys.add(hit[0])
    for key in LIKE.get(section, ()) if like else ():  # no column named exactly: the one a title word names
        like = [i for i, h in enumerate(headers) if i not in taken and title_like(h)]
        if key not in keys and len(like) == 1:
            taken[like[0]] = (key, False)
            keys.add(key)
    return taken


def is_total(first: str) -> bool:
    return normal(first) in {normal(word) for word in TOTALS}


def header(section: str, key: str, language: Language = ENGLISH) -> str:
    """The template's header of ``key`` in ``language``."""
    return language.gettext(COLUMNS[section][key][0])
