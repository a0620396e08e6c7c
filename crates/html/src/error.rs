//! Why a page yields no article: each variant names the limit or the missing part.

/// Why [`crate::extract`] could not produce an article from a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// The input is larger than one HTML page is allowed to be; parsing it would cost unbounded
    /// memory, so it is refused before any parsing.
    #[error("HTML input is {size} bytes, over the {limit}-byte limit for one page")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Tags nest deeper than any real page does (a generated or hostile page); the parser's
    /// cost grows with depth per tag, so the page is refused before parsing.
    #[error("HTML tags nest more than {limit} levels deep (at byte {at}); refusing to parse")]
    TooDeep {
        /// The nesting limit.
        limit: usize,
        /// Byte offset of the tag that went over the limit.
        at: usize,
    },
    /// The parsed page has more elements than the extractor is allowed to score.
    #[error("HTML page has {found} elements, over the limit of {limit}")]
    TooManyElements {
        /// Number of elements found.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// The page has no `<body>` content at all (only a head, or nothing).
    #[error("HTML page has no body content")]
    NoBody,
    /// The page has a body but no readable article text was found in it.
    #[error("no article text found in the HTML page")]
    NoText,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_limit() {
        let e = HtmlError::TooDeep { limit: 512, at: 9 };
        assert!(e.to_string().contains("512 levels"));
        let e = HtmlError::TooLarge { size: 10, limit: 5 };
        assert_eq!(
            e.to_string(),
            "HTML input is 10 bytes, over the 5-byte limit for one page"
        );
    }
}
