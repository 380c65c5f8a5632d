"""Territory geometry: reading GeoPackage, Shapefile and GeoJSON files, putting their
shapes in longitude and latitude (WGS 84), matching them to districts and communities and
writing them (no Qt).

Only :mod:`planner_desktop.geo.geojson_check` is light (the standard library alone): the
value rules and ``session verify`` use it. Every other module imports shapely, pyproj or
pyshp and is loaded only by the import itself.
"""
