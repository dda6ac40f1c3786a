"""Financial tables read as tables: each numeric cell -> a claim with its period, unit and scale.

One table model, three readers. A table (:class:`extract.inputs.source.Table`: rows of cells,
each with its span in the extracted text) comes from the PDF reader (ruled tables,
:mod:`extract.inputs.pdf`), the HTML reader (``<table>`` elements, :mod:`extract.inputs.html_tables`)
or the text reader (tables flattened into running text, :mod:`.text`), and is read by
:func:`read_table` (:mod:`.read`) with its header's periods and changes (:mod:`.columns`) and its
scale (:mod:`.cells`); a market tracker's table (rows are companies) is read by :mod:`.market`,
found in text by :mod:`.market_text` and among the HTML and PDF grids by :mod:`.market_grid`. The words of tables are data: ``ontology/tables.toml`` (:mod:`.words`).
"""
from .cells import (CURRENCY_WORDS, Scale, cell_number, cn_years, find_magnitude_scale, find_scale,
                    header_currency, header_period)
from .columns import Column, table_columns
from .read import TableClaims, read_table
from .find import find_tables
from .text import TextTable

__all__ = ["CURRENCY_WORDS", "Column", "Scale", "TableClaims", "TextTable", "cell_number", "cn_years",
           "find_magnitude_scale", "find_scale", "find_tables", "header_currency", "header_period", "read_table",
           "table_columns"]
