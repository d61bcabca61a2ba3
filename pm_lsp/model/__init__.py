"""The document model: spans, line index, and the parsed postmortem (no parsing here)."""
