"""Window parts of the plan: the checks panel, the project profile editor, traceability."""
