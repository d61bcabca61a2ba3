"""``pm-lint --daemon``: the command line served by a process that stays warm.

A cold ``pm-lint`` run spends most of its time before it reads a word: importing spaCy,
loading the model, building the rule packs' indexes (~0.9 s of a ~1.2 s run on a real
postmortem). A pre-commit hook pays that on every commit. With ``--daemon`` the command
line is run by a background process that has paid it once, like ``dmypy`` or
``eslint_d``:

* :mod:`~pm_lsp.cli.daemon.place`: where a daemon listens (a private folder, one socket
  per installed version of the code and data, so an upgrade never talks to an old daemon);
* :mod:`~pm_lsp.cli.daemon.wire`: the request (arguments, working folder, environment,
  standard input) and the reply (exit code, standard output and error), framed on a Unix
  socket;
* :mod:`~pm_lsp.cli.daemon.client`: what ``pm-lint --daemon`` runs: a few standard-library
  imports, then the daemon's answer, or, when there is none yet, a daemon started in the
  background and this run done in-process as without ``--daemon``;
* :mod:`~pm_lsp.cli.daemon.server`: the daemon: warms up, answers one request at a time
  with the ordinary :func:`pm_lsp.cli.command.main`, and exits after a quiet spell.

The output, exit code and files written are those of the same command without
``--daemon`` (tests compare them); only the time differs.
"""
