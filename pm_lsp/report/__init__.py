"""``pm-lint report``: the quarterly cross-incident review of many postmortems.

:mod:`extract` reduces each file to a record (streamed, so memory holds records only);
:mod:`collect` runs the extraction over files, in worker processes with ``--jobs``;
:mod:`aggregate` turns records into the report's numbers (pure); :mod:`charts`,
:mod:`render_html` and :mod:`render_md` present them.
"""
