"""Reading and writing files: portfolios, rules, and the lines behind every key."""
