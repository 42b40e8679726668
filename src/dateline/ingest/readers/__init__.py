"""Built-in readers, one module per family of formats, registered in ``dateline.registry``.

Each module registers a function ``read(path, options)`` that yields Articles, and yields a
``Skip`` for a bad row of a many-article file; a file that yields nothing raises an
``InputError`` naming the file and the reason.
"""
