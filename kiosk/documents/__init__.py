"""Documents outside the content model: brochures, the document store, PDF probing (Qt)."""
