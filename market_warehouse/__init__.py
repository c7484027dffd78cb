"""Glue of the Biopharmaceutical CMO & CRO market warehouse: check seeds, build, validate, publish, report."""
