//! Renderers: [`Article::to_markdown`](crate::Article::to_markdown),
//! [`Article::to_html`](crate::Article::to_html) and
//! [`Article::to_text`](crate::Article::to_text). JSON is serde's job.
//!
//! Both render from [`sections`](crate::Article::sections), not from
//! [`text`](crate::Article::text), so an `Article` built or edited in code
//! renders as it is.

mod html;
mod inline;
mod markdown;
mod text;
