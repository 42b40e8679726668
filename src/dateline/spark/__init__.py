"""The same pipeline on Spark, for corpora beyond one machine (``dateline spark``)."""

from dateline.pipeline import block_key
from dateline.spark.job import SparkSummary, read_events, run_spark, spark_session

__all__ = ["SparkSummary", "block_key", "read_events", "run_spark", "spark_session"]
