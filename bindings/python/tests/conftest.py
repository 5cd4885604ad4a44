import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

# Spark's local Python workers must run this interpreter (the venv copydesk
# is installed in), not the first `python3` on PATH.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
