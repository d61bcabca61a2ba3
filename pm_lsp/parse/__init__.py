"""Text to document model: Markdown structure, chunking, masking, front matter, values."""
