"""Maps of the territory with no tiles and no network: places, projection, figures, classes
and labels, shared by the window's map view and the printed maps.

No Qt here. shapely (and through it numpy) is imported by these modules only, so a command
that draws no map never loads it.
"""
