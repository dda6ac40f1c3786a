"""Stage 2: clean text -> Documents: the spaCy pipeline (:func:`extract.nlp.pipeline.build_nlp`),
its components, and the lexicons, patterns, numbers and periods they read."""
