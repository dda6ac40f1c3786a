"""The tool's version: in every graph's extraction run, the report's footer and the run IRIs.

A module of its own so that any stage can name it without importing the package's face
(:mod:`extract`), which imports the pipeline."""
__version__ = "0.1.0"
