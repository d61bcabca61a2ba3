"""Rule declarations, the registry, and one sub-package per rule family."""
