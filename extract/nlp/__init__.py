"""Language processing models trained in this project (:mod:`extract.nlp.ner`)."""
