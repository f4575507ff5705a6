"""The portfolio's sections, as the questionnaire and `endorse add` take them: the one list
the command line's choices are built from. Plain names, so that reading them costs nothing
at start-up."""

#: The order the interview walks the sections in; `--section` takes these.
ORDER = ("education", "work", "training", "supervision", "reference", "exam")
#: Sections the rules packs read: added with `endorse add`, changed with `endorse edit`.
HELD = ("license", "endorsement")
#: Every section `endorse add` takes.
ADDABLE = (*ORDER, *HELD)
#: The sections kept in logs: `endorse import` and `endorse template` take these.
LOGGED = ("training", "supervision", "work", "education", "reference")
