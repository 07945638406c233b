//! Byte ranges into a source file, and the line index that turns them into lines and columns.
//!
//! Spans are kept as byte offsets everywhere; line and column are computed only when a finding
//! is rendered. Offsets are `u32`: files larger than the size limit are refused before parsing.

/// A half-open byte range `start..end` into one file's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: clamp_u32(start),
            end: clamp_u32(end.max(start)),
        }
    }

    /// A span covering one character at `start` (used to point at an object's opening brace).
    pub fn first_char(self, text: &str) -> Span {
        let start = self.start as usize;
        let len = text
            .get(start..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        Span::new(start, start + len)
    }

    /// The smallest span holding both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Whether `inner` lies within this span.
    pub fn holds(self, inner: Span) -> bool {
        self.start <= inner.start && inner.end <= self.end
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Line/column position, both 1-based; columns count Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// Start offsets of every line of a text.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// Whether each line is pure ASCII (then a column is a byte difference, no counting).
    ascii: Vec<bool>,
    /// The text's length in bytes.
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        let mut ascii = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        let mut start = 0;
        for nl in memchr::memchr_iter(b'\n', bytes) {
            ascii.push(bytes[start..nl].is_ascii());
            start = nl + 1;
            starts.push(clamp_u32(start));
        }
        ascii.push(bytes[start..].is_ascii());
        LineIndex {
            starts,
            ascii,
            len: clamp_u32(text.len()),
        }
    }

    /// Whether the whole text is ASCII: then positions need only the index, not the text.
    pub fn is_ascii(&self) -> bool {
        self.ascii.iter().all(|a| *a)
    }

    /// The position of an offset in an ASCII text, from the index alone (see
    /// [`LineIndex::is_ascii`]; for other texts, [`LineIndex::position`]).
    pub fn position_in_ascii(&self, offset: u32) -> Position {
        let offset = offset.min(self.len);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        Position {
            line: clamp_u32(line),
            column: offset - self.starts[line - 1] + 1,
        }
    }

    /// The 1-based line and column of a byte offset. An offset inside a multi-byte character, or
    /// past the end of the text, is moved back to the nearest character boundary.
    pub fn position(&self, text: &str, offset: u32) -> Position {
        let (offset, line, mut line_start) = self.locate(text, offset);
        // A byte-order mark is not a column.
        if line == 1 && text.starts_with('\u{feff}') && offset >= 3 {
            line_start = 3;
        }
        let column = if self.ascii.get(line - 1).copied().unwrap_or(false) {
            offset - line_start + 1
        } else {
            text[line_start..offset].chars().count() + 1
        };
        Position {
            line: clamp_u32(line),
            column: clamp_u32(column),
        }
    }
}

impl LineIndex {
    /// The offset moved back to a character boundary (and into the text), its 1-based line,
    /// and where that line starts.
    fn locate(&self, text: &str, offset: u32) -> (usize, usize, usize) {
        let mut offset = (offset as usize).min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|&s| s as usize <= offset)
            .max(1);
        (offset, line, self.starts[line - 1] as usize)
    }

    /// The 0-based line and UTF-16 column of a byte offset, as the Language Server Protocol
    /// counts them (an edge conversion: the core keeps byte spans).
    pub fn position_utf16(&self, text: &str, offset: u32) -> (u32, u32) {
        let (offset, line, line_start) = self.locate(text, offset);
        let column: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
        (clamp_u32(line - 1), clamp_u32(column))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_positions_without_the_text() {
        let text = "ab\ncd\n\nlast";
        let idx = LineIndex::new(text);
        assert!(idx.is_ascii());
        for offset in 0..=(text.len() as u32 + 3) {
            assert_eq!(
                idx.position_in_ascii(offset),
                idx.position(text, offset),
                "{offset}"
            );
        }
        assert!(!LineIndex::new("a\n\u{e9}").is_ascii());
    }

    #[test]
    fn utf16_columns_for_editors() {
        // `😀` is one character, two UTF-16 units, four bytes.
        let text = "a\n\u{1f600}x";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position_utf16(text, 0), (0, 0));
        assert_eq!(idx.position_utf16(text, 6), (1, 2));
        assert_eq!(idx.position(text, 6), Position { line: 2, column: 2 });
    }

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "ab\n\u{e9}x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(idx.position(text, 3), Position { line: 2, column: 1 });
        // 'x' is after a two-byte character: byte 5, column 2
        assert_eq!(idx.position(text, 5), Position { line: 2, column: 2 });
        // inside the two-byte character: moved back to its start
        assert_eq!(idx.position(text, 4), Position { line: 2, column: 1 });
        assert_eq!(idx.position(text, 999), Position { line: 3, column: 1 });
        let bom = "\u{feff}{}";
        assert_eq!(
            LineIndex::new(bom).position(bom, 3),
            Position { line: 1, column: 1 }
        );
    }
}
