//! Renderers: Markdown and plain text.
