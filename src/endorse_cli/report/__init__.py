"""`endorse report`: one page, and the same numbers as CSV and JSON, for a whole cohort.

``cohort`` adds up the rows of `endorse check` as they stream in; ``page`` writes the files.
The command itself (the batch, then these two) is ``app/report.py``. Nothing here loads
until the command runs.
"""
