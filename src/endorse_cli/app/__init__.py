"""What each command does, from parsed options to output: the application layer.

The CLI (:mod:`endorse_cli.cli`) only parses options, builds one :class:`.context.Application`
and calls one function here. The Application holds what every command shares: the terminal,
the as-of date and today, the rules in force (read once, when first asked for), and the
choices that come from the environment. Each command's module takes it first.

One module per command, or per family of commands that share their options and their code:

- :mod:`.assess`, :mod:`.gaps`, :mod:`.credentials`, :mod:`.schema`, :mod:`.bundle`: one each.
- :mod:`.check`: `check` and `validate`, one batch with or without judging; :mod:`.batch`
  runs it over many processes.
- :mod:`.questionnaire`: `init`, `interview`, `edit` and `add`, the commands that write the
  portfolio; each is a few lines handing over to :mod:`endorse_cli.interview`, and they load
  questionary and tomlkit, which no other command may.

Nothing here prints a sentence of its own making except through the terminal, and no module
of a lower layer imports this package.
"""
