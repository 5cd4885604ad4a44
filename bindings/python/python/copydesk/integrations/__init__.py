"""Map steps for data-processing engines (datatrove; see examples/spark for Spark)."""
