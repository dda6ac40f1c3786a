"""Running the pipeline over many inputs: a batch, a process pool, a Dask cluster."""
