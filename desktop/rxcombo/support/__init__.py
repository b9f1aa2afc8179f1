"""Small shared tools: late imports, start-up timing marks, the one crash-safe write, the
start-up code caches' file (marshal_file) and dataclasses' methods compiled once (dataclass_code)."""
