"""Sports teams: places and names that the text's results, tables and fixtures show to be teams."""
