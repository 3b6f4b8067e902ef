"""Events: meetings, summits, talks, visits, conferences and ceremonies, with date, place and chairs."""
