"""Stage 3: Documents -> RDF: the vocabulary, IRIs and triples, output formats, SHACL checks,
the persistent store, SPARQL queries and remote endpoints."""
