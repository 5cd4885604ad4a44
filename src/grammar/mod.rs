//! The date and byline grammars: how news pages write a publication date
//! and an author line, read into ISO 8601 dates and [`Person`](crate::model::Person)s.
//!
//! Both the metadata stage (dates and authors in `<meta>`, JSON-LD and the
//! page's header) and the assemble stage (date and byline lines of the
//! body) read them, so they sit below the stages, above the base helpers.

pub(crate) mod byline;
pub(crate) mod dates;

pub(crate) use byline::people;
pub(crate) use dates::parse_date;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_date_is_exported() {
        assert_eq!(parse_date("Dec. 12, 2025").as_deref(), Some("2025-12-12"));
    }
}
