"""Types only: the portfolio, the rules and the results. No I/O, no printing."""
