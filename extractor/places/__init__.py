"""Places: countries, subdivisions, cities and named areas, from maintained data."""
