"""Named entities from a model trained here: a CRF over characters on CLUENER2020.

:mod:`.features` (what the model sees), :mod:`.model` (tagging, spans, confidence),
:mod:`.train` (``python -m extract.nlp.ner.train DATA -o MODEL``), :mod:`.config` (types ->
ontology classes, thresholds: ``ontology/ner.toml``) and :mod:`.component` (the ``zhkg_ner``
spaCy component, ``--ner crf``). The model ships beside them as ``crf.model`` (see ``MODEL.md``).
"""
