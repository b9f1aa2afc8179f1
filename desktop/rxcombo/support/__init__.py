"""Small shared tools: late imports, start-up timing marks, the one crash-safe write, the
start-up code caches (their file: marshal_file; their entries: code_store) holding
dataclasses' methods (dataclass_code) and regular expressions (regex_code) compiled once."""
