//! The date, byline, notice and quote-attribution grammars: how news pages write a
//! publication date, an author line and a notice about the piece, read into
//! ISO 8601 dates, [`Person`](crate::model::Person)s and
//! [`DisclaimerKind`](crate::model::DisclaimerKind)s.
//!
//! The metadata stage (dates and authors in `<meta>`, JSON-LD and the
//! page's header), the assemble stage (date and byline lines of the body)
//! and the label stage (notices) read them, so they sit below the stages,
//! above the base helpers.

pub(crate) mod attribution;
pub(crate) mod byline;
pub(crate) mod dates;
pub(crate) mod notices;

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
