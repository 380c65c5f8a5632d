"""Read-only Qt item models over the store: lazy tables, lazy trees and small grids."""
