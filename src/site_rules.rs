//! Per-site rules loaded from data: CSS selectors for the headline, the
//! main-content root and elements to drop, for the sites whose markup the
//! generic heuristics get wrong.
//!
//! # Format
//!
//! A JSON document with a list of sites. Each site has a `domain` and any of
//! three rules:
//!
//! | key        | type               | effect                                                                 |
//! |------------|--------------------|------------------------------------------------------------------------|
//! | `domain`   | string, required   | the host it applies to, and its subdomains (`example.com` matches `www.example.com`, not `badexample.com`) |
//! | `headline` | CSS selector       | the text of the first match is the headline (Metadata stage, after the harvest; overrides it) |
//! | `body`     | CSS selector       | the first match is the main-content root (Score stage, after `score.main-content`; overrides it) |
//! | `remove`   | list of selectors  | every match is dropped before the body is looked for (Clean stage); `<html>`, `<head>` and `<body>` themselves are kept |
//! | `comment`  | string             | ignored; for notes                                                    |
//!
//! An optional top-level `"version": 1` is accepted (other versions are
//! refused). Unknown keys are errors, so a typo does not silently do
//! nothing. When several domains match a host, the longest (most specific)
//! wins. Selectors are compiled once, by [`SiteRules::from_json`].
//!
//! The page's host is taken from the URL the caller gave with the input
//! ([`Input::url`](crate::Input::url)) — the page's real address, whose
//! markup the rules describe — and, when none was given, from the page's
//! canonical URL (`<link rel=canonical>`, `og:url`). A syndicated copy whose
//! canonical points to the original publisher is therefore matched by where
//! it was fetched from.
//!
//! Rules apply to HTML input only.
//!
//! # Example
//!
//! ```
//! use copydesk::{Extractor, Input, Kind, SiteRules};
//!
//! let rules = SiteRules::from_json(r#"{
//!   "version": 1,
//!   "sites": [
//!     {
//!       "domain": "example.com",
//!       "comment": "story pages",
//!       "headline": "h2.story-title",
//!       "body": "div.story-text",
//!       "remove": [".promo", "aside.newsletter"]
//!     }
//!   ]
//! }"#)?;
//! let extractor = Extractor::builder().site_rules(rules).build()?;
//!
//! let page = r#"<html><head><title>Home | Example</title></head><body>
//!   <h1>Example News</h1>
//!   <h2 class="story-title">Harbour Ferries Resume Service</h2>
//!   <div class="teaser"><p>A long teaser block for another story that the
//!     generic scorer might mistake for the body of the page.</p></div>
//!   <div class="story-text">
//!     <p>Ferries resumed service on Monday after a week of storms kept them in port.</p>
//!     <p class="promo">Subscribe now for unlimited access to every story.</p>
//!     <p>Operators said timetables would return to normal by the weekend.</p>
//!   </div></body></html>"#;
//! let article = extractor.extract(
//!     Input::new(page).kind(Kind::Html).url("https://www.example.com/news/ferries"),
//! )?;
//! assert_eq!(article.headline.as_deref(), Some("Harbour Ferries Resume Service"));
//! assert!(article.text.starts_with("Ferries resumed service"));
//! assert!(!article.text.contains("Subscribe"));
//! assert!(!article.text.contains("another story"));
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::sync::Arc;

use scraper::{ElementRef, Selector};
use serde::Deserialize;

use crate::error::{BoxError, Error};
use crate::extractor::ExtractorBuilder;
use crate::heuristic::{Context, Draft, Heuristic, Stage};

/// Per-site rules; see the [module docs](crate::site_rules) for the format.
///
/// Cheap to clone (the compiled rules are shared).
#[derive(Clone, Debug, Default)]
pub struct SiteRules {
    sites: Arc<Vec<SiteRule>>,
}

/// One site's compiled rules.
#[derive(Debug)]
struct SiteRule {
    /// Lower case, no leading or trailing dot.
    domain: String,
    headline: Option<Rule>,
    body: Option<Rule>,
    remove: Vec<Rule>,
}

/// A compiled selector and its source text (for provenance).
#[derive(Debug)]
struct Rule {
    text: String,
    selector: Selector,
}

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    version: Option<u32>,
    sites: Vec<RawSite>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    domain: String,
    #[serde(default)]
    headline: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    comment: Option<String>,
}

impl SiteRules {
    /// Parses and compiles rules from JSON text (see the
    /// [module docs](crate::site_rules) for the format).
    ///
    /// # Errors
    ///
    /// [`Error::SiteRules`] when the text is not JSON of that shape, names
    /// an unsupported `version`, has an empty or malformed `domain`, or a
    /// selector that is not valid CSS. The message says which site and
    /// which rule.
    pub fn from_json(json: &str) -> Result<SiteRules, Error> {
        let raw: RawFile = serde_json::from_str(json).map_err(|e| Error::SiteRules {
            reason: format!("not a site rules file: {e}"),
        })?;
        if let Some(v) = raw.version.filter(|&v| v != 1) {
            return Err(Error::SiteRules {
                reason: format!("version {v} is not supported (this library reads version 1)"),
            });
        }
        let mut sites = Vec::with_capacity(raw.sites.len());
        for (i, site) in raw.sites.into_iter().enumerate() {
            let domain = normalize_domain(&site.domain).ok_or_else(|| Error::SiteRules {
                reason: format!(
                    "sites[{i}]: `domain` {:?} is not a host name like `example.com`",
                    site.domain
                ),
            })?;
            let compile = |key: &str, text: String| -> Result<Rule, Error> {
                match Selector::parse(&text) {
                    Ok(selector) => Ok(Rule { text, selector }),
                    Err(e) => Err(Error::SiteRules {
                        reason: format!(
                            "sites[{i}] ({domain}): `{key}` selector `{text}` is not valid CSS: {e}"
                        ),
                    }),
                }
            };
            let headline = site.headline.map(|t| compile("headline", t)).transpose()?;
            let body = site.body.map(|t| compile("body", t)).transpose()?;
            let remove = site
                .remove
                .into_iter()
                .map(|t| compile("remove", t))
                .collect::<Result<Vec<_>, _>>()?;
            sites.push(SiteRule {
                domain,
                headline,
                body,
                remove,
            });
        }
        Ok(SiteRules {
            sites: Arc::new(sites),
        })
    }

    /// Number of sites.
    pub fn len(&self) -> usize {
        self.sites.len()
    }

    /// True when there are no sites.
    pub fn is_empty(&self) -> bool {
        self.sites.is_empty()
    }

    /// The domains, in file order.
    pub fn domains(&self) -> impl Iterator<Item = &str> {
        self.sites.iter().map(|s| s.domain.as_str())
    }

    /// The domain whose rules apply to `host` (the longest matching one).
    pub fn domain_for(&self, host: &str) -> Option<&str> {
        self.rule_for(host).map(|r| r.domain.as_str())
    }

    fn rule_for(&self, host: &str) -> Option<&SiteRule> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.sites
            .iter()
            .filter(|s| domain_matches(&host, &s.domain))
            .max_by_key(|s| s.domain.len())
    }

    /// The three heuristics that apply these rules: `metadata.site-headline`,
    /// `clean.site-remove` and `score.site-body`. Adding them with
    /// [`ExtractorBuilder::site_rules`] is the usual way.
    pub fn heuristics(&self) -> Vec<Arc<dyn Heuristic>> {
        [Part::Headline, Part::Remove, Part::Body]
            .into_iter()
            .map(|part| {
                Arc::new(SiteHeuristic {
                    rules: self.clone(),
                    part,
                }) as Arc<dyn Heuristic>
            })
            .collect()
    }

    /// The rule for the page in `draft`: by the caller's URL, else the
    /// canonical URL found by the metadata stage.
    fn for_page(&self, draft: &Draft, cx: &Context<'_>) -> Option<&SiteRule> {
        if self.sites.is_empty() {
            return None;
        }
        let host = cx.url.and_then(crate::metadata::url_host).or_else(|| {
            draft
                .article
                .url
                .as_deref()
                .and_then(crate::metadata::url_host)
        })?;
        self.rule_for(&host)
    }
}

impl ExtractorBuilder {
    /// Adds per-site rules: the heuristics of [`SiteRules::heuristics`],
    /// each at the end of its stage.
    ///
    /// Calling it twice is a mistake reported by
    /// [`build`](ExtractorBuilder::build) as [`Error::DuplicateHeuristic`];
    /// put all sites in one [`SiteRules`].
    pub fn site_rules(self, rules: SiteRules) -> Self {
        [Part::Headline, Part::Remove, Part::Body]
            .into_iter()
            .fold(self, |b, part| {
                b.add(SiteHeuristic {
                    rules: rules.clone(),
                    part,
                })
            })
    }
}

/// `example.com`, `.example.com` or `*.example.com` → `example.com`; `None`
/// for anything that is not a bare host name.
fn normalize_domain(d: &str) -> Option<String> {
    let d = d.trim();
    let d = d
        .strip_prefix("*.")
        .or_else(|| d.strip_prefix('.'))
        .unwrap_or(d)
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let ok = !d.is_empty()
        && d.len() <= 253
        && d.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && !d.starts_with('-')
        && !d.contains("..");
    ok.then_some(d)
}

/// `host` is `domain` or one of its subdomains (both lower case).
fn domain_matches(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|rest| rest.ends_with('.'))
}

#[derive(Debug, Clone, Copy)]
enum Part {
    Headline,
    Remove,
    Body,
}

/// One of the three site-rule heuristics.
struct SiteHeuristic {
    rules: SiteRules,
    part: Part,
}

impl Heuristic for SiteHeuristic {
    fn name(&self) -> &'static str {
        match self.part {
            Part::Headline => "metadata.site-headline",
            Part::Remove => "clean.site-remove",
            Part::Body => "score.site-body",
        }
    }

    fn stage(&self) -> Stage {
        match self.part {
            Part::Headline => Stage::Metadata,
            Part::Remove => Stage::Clean,
            Part::Body => Stage::Score,
        }
    }

    fn description(&self) -> &'static str {
        match self.part {
            Part::Headline => {
                "Takes the headline from the text of the first element a site rule's `headline` selector matches."
            }
            Part::Remove => "Drops every element a site rule's `remove` selectors match.",
            Part::Body => {
                "Makes the first element a site rule's `body` selector matches the main-content root."
            }
        }
    }

    fn apply(&self, draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
        let Some(site) = self.rules.for_page(draft, cx) else {
            return Ok(());
        };
        let Some(dom) = draft.dom.as_mut() else {
            return Ok(());
        };
        match self.part {
            Part::Headline => {
                let Some(rule) = &site.headline else {
                    return Ok(());
                };
                let text = select(&dom.html, &rule.selector)
                    .next()
                    .map(|el| crate::metadata::spaced_text_of(el, 500))
                    .unwrap_or_default();
                if text.is_empty() {
                    draft.note(format!(
                        "{}: `{}` matched no text for {}",
                        self.name(),
                        rule.text,
                        site.domain
                    ));
                } else {
                    draft.article.headline = Some(text);
                    let source = format!("site rule {}: {}", site.domain, rule.text);
                    draft.record("headline", self.name(), source, 0.95);
                }
            }
            Part::Remove => {
                // The page skeleton stays: later stages expect `<html>`,
                // and a rule such as `*` must not leave no document.
                let skeleton =
                    |el: &ElementRef<'_>| matches!(el.value().name(), "html" | "head" | "body");
                let mut ids = Vec::new();
                for rule in &site.remove {
                    ids.extend(
                        select(&dom.html, &rule.selector)
                            .filter(|el| !skeleton(el))
                            .map(|el| el.id()),
                    );
                }
                let n = ids.len();
                dom.dropped_by_caller |= n > 0;
                for id in ids {
                    if let Some(mut node) = dom.html.tree.get_mut(id) {
                        node.detach();
                    }
                }
                if n > 0 {
                    draft.note(format!(
                        "{}: dropped {n} element(s) for {}",
                        self.name(),
                        site.domain
                    ));
                }
            }
            Part::Body => {
                let Some(rule) = &site.body else {
                    return Ok(());
                };
                let found = select(&dom.html, &rule.selector).next().map(|el| el.id());
                match found {
                    Some(id) => {
                        dom.decision.choose(id);
                        draft.note(format!(
                            "{}: `{}` chose the main content for {}",
                            self.name(),
                            rule.text,
                            site.domain
                        ));
                    }
                    None => draft.note(format!(
                        "{}: `{}` matched nothing for {}; kept the scored body",
                        self.name(),
                        rule.text,
                        site.domain
                    )),
                }
            }
        }
        Ok(())
    }
}

/// Matches of `selector` in document order among the nodes still in the
/// document (`Html::select` also visits nodes an earlier stage detached).
fn select<'a, 'b>(
    html: &'a scraper::Html,
    selector: &'b Selector,
) -> impl Iterator<Item = ElementRef<'a>> + use<'a, 'b> {
    html.tree
        .root()
        .children()
        .filter_map(ElementRef::wrap)
        .flat_map(move |top| {
            let own = selector.matches(&top).then_some(top);
            own.into_iter().chain(top.select(selector))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_match_table() {
        for (host, domain, want) in [
            ("example.com", "example.com", true),
            ("www.example.com", "example.com", true),
            ("a.b.example.com", "example.com", true),
            ("badexample.com", "example.com", false),
            ("example.com.evil.test", "example.com", false),
            ("example.co", "example.com", false),
        ] {
            assert_eq!(domain_matches(host, domain), want, "{host} vs {domain}");
        }
    }

    #[test]
    fn normalize_domain_table() {
        for (raw, want) in [
            ("Example.COM", Some("example.com")),
            ("*.example.com", Some("example.com")),
            (".example.com.", Some("example.com")),
            ("news-site.co.uk", Some("news-site.co.uk")),
            ("", None),
            ("https://example.com", None),
            ("example.com/path", None),
            ("exa mple.com", None),
            ("a..b", None),
        ] {
            assert_eq!(normalize_domain(raw).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn longest_domain_wins() {
        let rules = SiteRules::from_json(
            r#"{"sites":[{"domain":"example.com","body":"main"},{"domain":"blog.example.com","body":"article"}]}"#,
        )
        .expect("valid");
        assert_eq!(rules.len(), 2);
        assert_eq!(
            rules.domain_for("www.blog.example.com"),
            Some("blog.example.com")
        );
        assert_eq!(rules.domain_for("WWW.Example.com."), Some("example.com"));
        assert_eq!(rules.domain_for("example.org"), None);
        assert_eq!(
            rules.domains().collect::<Vec<_>>(),
            ["example.com", "blog.example.com"]
        );
    }

    #[test]
    fn errors_name_the_problem() {
        for (json, needle) in [
            ("not json", "not a site rules file"),
            (
                r#"{"sites":[{"domain":"example.com","headlin":"h1"}]}"#,
                "headlin",
            ),
            (r#"{"version":2,"sites":[]}"#, "version 2"),
            (
                r#"{"sites":[{"domain":"https://example.com"}]}"#,
                "sites[0]",
            ),
            (
                r#"{"sites":[{"domain":"a.test"},{"domain":"example.com","remove":["div["]}]}"#,
                "sites[1] (example.com): `remove` selector `div[`",
            ),
            (
                r#"{"sites":[{"domain":"example.com","body":"p:unknown-pseudo"}]}"#,
                "`body` selector",
            ),
        ] {
            let e = SiteRules::from_json(json).expect_err(json);
            assert!(matches!(e, Error::SiteRules { .. }), "{json}");
            let msg = e.to_string();
            assert!(msg.contains(needle), "{json}: {msg}");
        }
    }

    #[test]
    fn heuristic_names_follow_the_stage_rule() {
        let rules = SiteRules::default();
        for h in rules.heuristics() {
            let stage = format!("{:?}", h.stage()).to_lowercase();
            assert!(h.name().starts_with(&format!("{stage}.")), "{}", h.name());
            assert!(!h.description().is_empty());
        }
    }
}
