"""spaCy, loaded lazily and used sparingly: the pipeline, cheap sentence splitting, word regexes."""
