//! Resolving relative URLs against a base, enough for canonical links and
//! images (RFC 3986 §5.2 without percent-encoding or IDNA work, which a
//! caller storing the URL does not need; no extra dependency).

/// True for an absolute `http(s)` URL or a `www.` address.
pub(crate) fn is_url(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://") || l.starts_with("www.")
}

/// Length of a `scheme:` prefix, if `s` has one.
fn scheme_len(s: &str) -> Option<usize> {
    let colon = s.find(':')?;
    let scheme = s.get(..colon)?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then_some(colon)
}

/// The host of an absolute URL (`https://user@News.Example.com:8080/x` →
/// `news.example.com`), lower-cased, without a port or a trailing dot.
/// `None` when there is no `scheme://host`.
pub(crate) fn host(url: &str) -> Option<String> {
    let url = url.trim();
    let n = scheme_len(url)?;
    let after = url.get(n + 1..)?.strip_prefix("//")?;
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = after.get(..end)?;
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let host = if authority.starts_with('[') {
        // An IPv6 literal keeps its colons.
        authority.get(..=authority.find(']')?)?
    } else {
        authority.split(':').next().unwrap_or(authority)
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// Resolves `href` against `base`. Absolute `href`s are returned as they are;
/// `None` for empty, `javascript:`/`data:` links, or a relative `href` with no
/// usable base.
pub(crate) fn resolve(base: Option<&str>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if let Some(n) = scheme_len(href) {
        let scheme = href.get(..n)?.to_ascii_lowercase();
        return (scheme != "javascript" && scheme != "data").then(|| href.to_owned());
    }
    let base = base?.trim();
    let n = scheme_len(base)?;
    let scheme = base.get(..n)?;
    let rest = base.get(n + 1..)?;
    let rest = rest.split('#').next().unwrap_or(rest);
    if let Some(h) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{h}"));
    }
    let after = rest.strip_prefix("//")?;
    let auth_end = after.find(['/', '?']).unwrap_or(after.len());
    let authority = after.get(..auth_end)?;
    let path_query = after.get(auth_end..)?;
    let origin = format!("{scheme}://{authority}");
    if href.starts_with('#') {
        return Some(format!("{origin}{path_query}{href}"));
    }
    let path = path_query.split('?').next().unwrap_or("");
    if href.starts_with('?') {
        return Some(format!("{origin}{path}{href}"));
    }
    let joined = if href.starts_with('/') {
        href.to_owned()
    } else {
        let dir = path.rfind('/').and_then(|i| path.get(..=i)).unwrap_or("/");
        format!("{dir}{href}")
    };
    Some(format!("{origin}{}", remove_dot_segments(&joined)))
}

/// RFC 3986 §5.2.4 on the path part (the query and fragment are kept).
fn remove_dot_segments(path_query: &str) -> String {
    let split = path_query.find(['?', '#']).unwrap_or(path_query.len());
    let (path, tail) = path_query.split_at(split);
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut p = out.join("/");
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    p + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_table() {
        for (url, want) in [
            ("https://News.Example.com/a/b", Some("news.example.com")),
            ("http://user:pw@example.com:8080/x?y#z", Some("example.com")),
            ("https://example.com.", Some("example.com")),
            ("https://example.com?q=1", Some("example.com")),
            ("http://[::1]:80/", Some("[::1]")),
            ("/relative/path", None),
            ("mailto:someone@example.com", None),
            ("https://", None),
        ] {
            assert_eq!(host(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn resolve_table() {
        let base = Some("https://example.test/news/2025/story.html?x=1#top");
        for (href, want) in [
            ("https://other.test/a", Some("https://other.test/a")),
            ("//cdn.test/i.jpg", Some("https://cdn.test/i.jpg")),
            ("/img/a.jpg", Some("https://example.test/img/a.jpg")),
            ("a.jpg", Some("https://example.test/news/2025/a.jpg")),
            ("../a.jpg", Some("https://example.test/news/a.jpg")),
            ("./../../../a.jpg", Some("https://example.test/a.jpg")),
            (
                "?page=2",
                Some("https://example.test/news/2025/story.html?page=2"),
            ),
            (
                "#c",
                Some("https://example.test/news/2025/story.html?x=1#c"),
            ),
            ("javascript:void(0)", None),
            ("", None),
        ] {
            assert_eq!(resolve(base, href).as_deref(), want, "{href}");
        }
        assert_eq!(resolve(None, "a.jpg"), None);
        assert_eq!(
            resolve(Some("https://example.test"), "a.jpg").as_deref(),
            Some("https://example.test/a.jpg")
        );
        assert!(is_url("https://x.test/a") && !is_url("Ana Ruiz"));
    }
}
