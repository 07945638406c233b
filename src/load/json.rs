//! JSON loading: a strict RFC 8259 parser that builds the shared spanned tree directly.
//!
//! Why hand-written rather than a crate: `jsonc-parser` (the span-keeping parser recommended in
//! `reference/libraries.md`) was measured here first. On the 10,000-file benchmark its parse
//! alone took 1.6x a `serde_json::Value` parse, and converting its AST into this tree (every
//! object and array allocated twice) put the whole lint run at 2.3x the bare parse, past the 2x
//! goal. This parser builds the tree in one pass, borrowing every string without escapes from
//! the source, and costs about what `serde_json` costs. It is strict (no comments, trailing
//! commas, single quotes, NaN...) because ECS and the AWS CLI are; it refuses nesting deeper
//! than [`MAX_DEPTH`](super::MAX_DEPTH) with an error instead of overflowing the stack, keeps
//! number literals as text (a 5,000-digit number is data, not a panic), and reports every error
//! with its byte span. It is covered by unit tests, the rule fixtures, the corpus and fuzzing.

use std::borrow::Cow;

use super::tree::{Kind, Member, Node};
use super::{LoadError, MAX_DEPTH};
use crate::span::Span;

/// Parses `text` (which starts at byte `base` of the file, after a BOM) into a tree.
/// `Ok(None)` means the text holds no value at all (empty or only whitespace).
pub fn parse(text: &str, base: usize) -> Result<Option<Node<'_>>, LoadError> {
    parse_template(text, base).map(|(node, _)| node)
}

/// [`parse`], also counting the template placeholders that stand where a value belongs
/// (`"cpu": ${CPU}`): each becomes a [`Kind::Placeholder`] node, an unknown value.
pub fn parse_template(text: &str, base: usize) -> Result<(Option<Node<'_>>, u32), LoadError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        base,
        items: Vec::new(),
        members: Vec::new(),
        placeholders: 0,
        conditional: 0,
        controls: 0,
    };
    p.skip_ws()?;
    if p.pos == p.bytes.len() {
        return Ok((None, 0));
    }
    let value = p.value(0)?;
    p.skip_ws()?;
    if p.pos < p.bytes.len() {
        return Err(p.error_at(
            p.pos,
            p.token_end(p.pos),
            "text after the JSON value; a file holds one JSON value",
        ));
    }
    Ok((Some(value), p.placeholders))
}

/// The length of the template placeholder `rest` starts with, when it is one a templating tool
/// writes where a JSON value belongs: `{{ .Values.x }}` (Go, Helm, ecspresso), `${CPU}`
/// (envsubst, Terraform `templatefile`), `#{Var}` (Octopus), `%{x}`, `$(Var)` (Azure), `$NAME`
/// (jq, shell), `$$$$CPU$$$$`, `<PORT>`. It must end the token: a comma, a closing bracket,
/// whitespace or the end of the text follows. Placeholders never span lines.
fn placeholder_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let line = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let closing = |open: &str, close: &str| -> Option<usize> {
        let inner = rest[..line].get(open.len()..)?;
        inner.find(close).map(|i| open.len() + i + close.len())
    };
    let word = |from: usize| {
        from + b[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count()
    };
    let len = if rest.starts_with("{{") {
        closing("{{", "}}")?
    } else if rest.starts_with("${") || rest.starts_with("#{") || rest.starts_with("%{") {
        closing("${", "}")?
    } else if rest.starts_with("$(") {
        closing("$(", ")")?
    } else if rest.starts_with("$$") {
        // `$$$$CPU$$$$`: dollars, a name, dollars.
        let dollars = b.iter().take_while(|c| **c == b'$').count();
        let name = word(dollars);
        if name == dollars {
            return None;
        }
        name + b[name..].iter().take_while(|c| **c == b'$').count()
    } else if rest.starts_with('$') {
        let end = word(1);
        if end == 1 || b[1].is_ascii_digit() {
            return None;
        }
        end
    } else if rest.starts_with('<') {
        let close = rest[..line].find('>')?;
        let name = &rest[1..close];
        if name.is_empty()
            || !name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
        {
            return None;
        }
        close + 1
    } else {
        return None;
    };
    let ends_token = matches!(
        b.get(len),
        None | Some(b' ' | b'\t' | b'\r' | b'\n' | b',' | b']' | b'}')
    );
    ends_token.then_some(len)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    base: usize,
    /// Scratch stacks shared by every nesting level: a finished array or object moves its
    /// tail into one exactly sized `Vec`, so no `Vec` grows by doubling.
    items: Vec<Node<'a>>,
    members: Vec<Member<'a>>,
    /// Template placeholders read as values.
    placeholders: u32,
    /// How many `{{ if }}`/`{{ range }}` blocks are open: what they hold is read as unknown.
    conditional: u32,
    /// Template control actions seen (then a trailing comma before `}` is the template's).
    controls: u32,
}

impl<'a> Parser<'a> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn error_at(&self, start: usize, end: usize, message: impl Into<String>) -> LoadError {
        LoadError {
            span: self.span(start, end),
            message: message.into(),
        }
    }

    /// The end of the token starting at `at` (for drawing an error under a whole word).
    fn token_end(&self, at: usize) -> usize {
        let mut end = at;
        while end < self.bytes.len()
            && !matches!(
                self.bytes[end],
                b' ' | b'\t' | b'\r' | b'\n' | b',' | b':' | b'[' | b']' | b'{' | b'}' | b'"'
            )
        {
            end += 1;
        }
        if end == at {
            end = at + self.text[at..].chars().next().map_or(0, char::len_utf8);
        }
        // Keep error spans on character boundaries.
        while end < self.bytes.len() && !self.text.is_char_boundary(end) {
            end += 1;
        }
        end
    }

    /// The text found is not echoed: it may be anything, a secret included.
    fn unexpected(&self, what: &str) -> LoadError {
        if self.pos >= self.bytes.len() {
            return self.error_at(
                self.pos,
                self.pos,
                format!("unexpected end of file; expected {what}"),
            );
        }
        let end = self.token_end(self.pos);
        self.error_at(self.pos, end, format!("unexpected text; expected {what}"))
    }

    fn skip_ws(&mut self) -> Result<(), LoadError> {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => self.pos += 1,
                b'/' if matches!(self.bytes.get(self.pos + 1), Some(b'/' | b'*')) => {
                    return Err(self.error_at(self.pos, self.pos + 2, "comments are not allowed"));
                }
                _ => break,
            }
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, LoadError> {
        let start = self.pos;
        match self.bytes.get(self.pos) {
            Some(b'{') if self.bytes.get(self.pos + 1) != Some(&b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Node {
                    span: self.span(start, self.pos),
                    kind: Kind::String(s),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.keyword("true", Kind::Bool(true)),
            Some(b'f') => self.keyword("false", Kind::Bool(false)),
            Some(b'n') => self.keyword("null", Kind::Null),
            _ => match placeholder_len(&self.text[start..]) {
                Some(len) => {
                    self.pos = start + len;
                    self.placeholders = self.placeholders.saturating_add(1);
                    Ok(Node {
                        span: self.span(start, self.pos),
                        kind: Kind::Placeholder(Cow::Borrowed(&self.text[start..self.pos])),
                    })
                }
                None => Err(self.unexpected("a value")),
            },
        }
    }

    fn keyword(&mut self, word: &str, kind: Kind<'a>) -> Result<Node<'a>, LoadError> {
        let start = self.pos;
        let end = self.token_end(start);
        if &self.text[start..end] != word {
            return Err(self.unexpected("a value"));
        }
        self.pos = end;
        Ok(Node {
            span: self.span(start, end),
            kind,
        })
    }

    fn number(&mut self) -> Result<Node<'a>, LoadError> {
        let start = self.pos;
        let b = self.bytes;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            _ => return Err(self.error_at(start, self.token_end(start), "invalid number")),
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            let digits = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == digits {
                return Err(self.error_at(
                    start,
                    self.token_end(start),
                    "invalid number: digits must follow the decimal point",
                ));
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let digits = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == digits {
                return Err(self.error_at(
                    start,
                    self.token_end(start),
                    "invalid number: the exponent has no digits",
                ));
            }
        }
        // `012`, `1x`: a number runs straight into something else.
        if b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.')
        {
            return Err(self.error_at(start, self.token_end(start), "invalid number"));
        }
        self.pos = i;
        Ok(Node {
            span: self.span(start, i),
            kind: Kind::Number(Cow::Borrowed(&self.text[start..i])),
        })
    }

    /// A string literal at `self.pos` (on its opening quote); borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, LoadError> {
        // The byte loop below decides; `skip_plain` only jumps over the 8-byte words that
        // hold no quote, backslash or control character first.
        let open = self.pos;
        let b = self.bytes;
        let mut i = skip_plain(b, open + 1);
        // Fast path: no escapes.
        while let Some(&c) = b.get(i) {
            match c {
                b'"' => {
                    self.pos = i + 1;
                    return Ok(Cow::Borrowed(&self.text[open + 1..i]));
                }
                b'\\' => break,
                0..=0x1f => return Err(self.control_char(open, i)),
                _ => i += 1,
            }
        }
        if i >= b.len() {
            return Err(self.error_at(open, b.len(), "unterminated string"));
        }
        let mut out = String::with_capacity(i - open + 16);
        out.push_str(&self.text[open + 1..i]);
        loop {
            let run = i;
            while let Some(&c) = b.get(i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                i += 1;
            }
            out.push_str(&self.text[run..i]);
            match b.get(i) {
                None => return Err(self.error_at(open, b.len(), "unterminated string")),
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(Cow::Owned(out));
                }
                Some(0..=0x1f) => return Err(self.control_char(open, i)),
                Some(_) => {
                    // A backslash escape.
                    let esc = i;
                    let c = match b.get(i + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let (c, len) = self.unicode_escape(esc)?;
                            out.push(c);
                            i = esc + len;
                            continue;
                        }
                        _ => {
                            // `esc + 1` is a boundary: the backslash is one byte.
                            let next = self.text[esc + 1..]
                                .chars()
                                .next()
                                .map_or(0, char::len_utf8);
                            return Err(self.error_at(
                                esc,
                                esc + 1 + next,
                                "invalid escape in string",
                            ));
                        }
                    };
                    out.push(c);
                    i += 2;
                }
            }
        }
    }

    fn control_char(&self, open: usize, at: usize) -> LoadError {
        if self.bytes[at] == b'\n' {
            self.error_at(open, at, "unterminated string (a string cannot span lines)")
        } else {
            self.error_at(
                at,
                at + 1,
                "control character in string; write it as an escape such as \\t",
            )
        }
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, at `esc` (the backslash). Returns the
    /// character and the length consumed. A lone surrogate becomes U+FFFD, as Python's JSON
    /// reader (the AWS CLI's) accepts it.
    fn unicode_escape(&self, esc: usize) -> Result<(char, usize), LoadError> {
        let hex = |at: usize| -> Option<u32> {
            let digits = self.bytes.get(at..at + 4)?;
            let s = std::str::from_utf8(digits).ok()?;
            if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(s, 16).ok()
        };
        let Some(first) = hex(esc + 2) else {
            let end = (esc + 2..=self.bytes.len().min(esc + 6))
                .rev()
                .find(|&e| self.text.is_char_boundary(e))
                .unwrap_or(esc + 2);
            return Err(self.error_at(esc, end, "invalid \\u escape: four hex digits expected"));
        };
        if (0xD800..0xDC00).contains(&first) && self.bytes.get(esc + 6..esc + 8) == Some(b"\\u") {
            if let Some(second) = hex(esc + 8).filter(|s| (0xDC00..0xE000).contains(s)) {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok((char::from_u32(c).unwrap_or('\u{fffd}'), 12));
            }
        }
        Ok((char::from_u32(first).unwrap_or('\u{fffd}'), 6))
    }

    fn depth_check(&self, depth: usize) -> Result<(), LoadError> {
        if depth > MAX_DEPTH {
            return Err(self.error_at(
                self.pos,
                self.pos + 1,
                format!("nesting is deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok(())
    }

    /// Skips template control actions (`{{ if .x }}`, `{{ else }}`, `{{ end }}`) where an item
    /// or a member, or the comma after one, belongs; what an `if`, `range` or `with` block
    /// encloses is read as unknown.
    #[inline(always)]
    fn skip_controls(&mut self) -> Result<(), LoadError> {
        self.skip_ws()?;
        // The hot path: no template here.
        if self.bytes.get(self.pos) == Some(&b'{') {
            self.skip_control_actions()?;
        }
        Ok(())
    }

    #[cold]
    fn skip_control_actions(&mut self) -> Result<(), LoadError> {
        loop {
            self.skip_ws()?;
            if self.bytes.get(self.pos) != Some(&b'{')
                || self.bytes.get(self.pos + 1) != Some(&b'{')
            {
                return Ok(());
            }
            let rest = &self.text[self.pos..];
            let line = rest.find(['\n', '\r']).unwrap_or(rest.len());
            let Some(close) = rest[..line].find("}}") else {
                return Ok(());
            };
            let action = &rest[..close + 2];
            match super::template::control_keyword(action) {
                Some("end") => self.conditional = self.conditional.saturating_sub(1),
                Some(k) if super::template::opens_block(k) => {
                    self.conditional = self.conditional.saturating_add(1);
                }
                Some(_) => {}
                None => return Ok(()),
            }
            self.controls = self.controls.saturating_add(1);
            self.placeholders = self.placeholders.saturating_add(1);
            self.pos += close + 2;
        }
    }

    /// A value inside a conditional block is unknown: the block may not be rendered.
    #[cold]
    fn unknown(&self, node: Node<'a>) -> Node<'a> {
        let range = (node.span.start as usize - self.base)..(node.span.end as usize - self.base);
        Node {
            span: node.span,
            kind: Kind::Placeholder(Cow::Borrowed(&self.text[range])),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Node<'a>, LoadError> {
        self.depth_check(depth)?;
        let start = self.pos;
        self.pos += 1;
        let mark = self.items.len();
        self.skip_controls()?;
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            let items = self.items.split_off(mark);
            return Ok(Node {
                span: self.span(start, self.pos),
                kind: Kind::Array(items),
            });
        }
        loop {
            let mut item = self.value(depth)?;
            if self.conditional > 0 {
                item = self.unknown(item);
            }
            self.items.push(item);
            if self.separator(b']', start, "unterminated array: `]` expected")? {
                let items = self.items.split_off(mark);
                return Ok(Node {
                    span: self.span(start, self.pos),
                    kind: Kind::Array(items),
                });
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Node<'a>, LoadError> {
        self.depth_check(depth)?;
        let start = self.pos;
        self.pos += 1;
        let mark = self.members.len();
        self.skip_controls()?;
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            let members = self.members.split_off(mark);
            return Ok(Node {
                span: self.span(start, self.pos),
                kind: Kind::Object(members),
            });
        }
        loop {
            if self.bytes.get(self.pos) != Some(&b'"') {
                // A placeholder standing for members (`$$$$START_PERIOD$$$$`): the object is
                // open, and a field it does not show is unknown, not absent.
                if let Some(len) = placeholder_len(&self.text[self.pos..]) {
                    let at = self.pos;
                    self.pos += len;
                    self.placeholders = self.placeholders.saturating_add(1);
                    let token = &self.text[at..self.pos];
                    let span = self.span(at, self.pos);
                    self.members.push(Member::open(Cow::Borrowed(token), span));
                    // The placeholder may stand for its comma too (`$$$$START_PERIOD$$$$`
                    // for `"startPeriod": 10,`): another member may follow without one.
                    self.skip_controls()?;
                    if self.bytes.get(self.pos) == Some(&b'"') {
                        continue;
                    }
                    if self.separator(b'}', start, "unterminated object: `}` expected")? {
                        let members = self.members.split_off(mark);
                        return Ok(Node {
                            span: self.span(start, self.pos),
                            kind: Kind::Object(members),
                        });
                    }
                    continue;
                }
                return Err(match self.bytes.get(self.pos) {
                    None => self.error_at(start, start + 1, "unterminated object: `}` expected"),
                    Some(_) => self.unexpected("a property name in double quotes"),
                });
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = self.span(key_start, self.pos);
            self.skip_ws()?;
            if self.bytes.get(self.pos) != Some(&b':') {
                return Err(self.unexpected("`:` after the property name"));
            }
            self.pos += 1;
            self.skip_ws()?;
            let mut value = self.value(depth)?;
            if self.conditional > 0 {
                value = self.unknown(value);
            }
            self.members.push(Member {
                key,
                key_span,
                value,
            });
            if self.separator(b'}', start, "unterminated object: `}` expected")? {
                let members = self.members.split_off(mark);
                return Ok(Node {
                    span: self.span(start, self.pos),
                    kind: Kind::Object(members),
                });
            }
        }
    }

    /// After an array item or an object member: a comma (more follow: `false`) or the closing
    /// bracket (consumed: `true`); anything else is an error.
    fn separator(
        &mut self,
        close: u8,
        start: usize,
        unterminated: &str,
    ) -> Result<bool, LoadError> {
        self.skip_controls()?;
        match self.bytes.get(self.pos) {
            Some(b',') => {
                let comma = self.pos;
                self.pos += 1;
                self.skip_controls()?;
                if self.bytes.get(self.pos) == Some(&close) {
                    // `"a": 1,{{ end }}}`: a template's own comma is not a JSON error.
                    if self.controls > 0 {
                        self.pos += 1;
                        return Ok(true);
                    }
                    return Err(self.error_at(comma, comma + 1, "trailing commas are not allowed"));
                }
                Ok(false)
            }
            Some(&c) if c == close => {
                self.pos += 1;
                Ok(true)
            }
            None => Err(self.error_at(start, start + 1, unterminated)),
            Some(_) => Err(self.missing_comma(char::from(close))),
        }
    }

    /// Two values with no comma between: point just after the first one.
    fn missing_comma(&self, close: char) -> LoadError {
        let mut end = self.pos;
        while end > 0 && self.bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        // The last character of the value before (ASCII: `"`, `]`, `}`, a digit, a letter).
        let start = (0..end)
            .rev()
            .find(|&s| self.text.is_char_boundary(s))
            .unwrap_or(0);
        self.error_at(
            start,
            end,
            format!("expected `,` or `{close}` after this value"),
        )
    }
}

/// The index of the first `"`, `\\` or control character from `i`, found eight bytes at a
/// time (SWAR); in the last seven bytes of the text, where no whole word is left, the index to
/// start the caller's byte loop from. Written by hand because it is a few lines on the hottest
/// path, where a crate's general search (memchr3 cannot test "below 0x20") would do more.
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    while let Some(word) = b.get(i..i + 8) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(word);
        let w = u64::from_le_bytes(bytes);
        // A byte is zero in `x` exactly when it matched: the classic "has zero byte" test.
        let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
        let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
        let found =
            zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\'))) | below_space;
        if found != 0 {
            // Each test can flag a byte wrongly only above its first true match (a borrow
            // runs upwards), so the lowest flagged byte is a true one.
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_skipping_never_jumps_over_a_quote_a_backslash_or_a_control_character() {
        for special in [b'"', b'\\', b'\n', 0u8, 0x1f] {
            for len in 0..40 {
                for at in 0..len {
                    let mut bytes: Vec<u8> = (0..len).map(|k| b'a' + (k % 26) as u8).collect();
                    bytes[at] = special;
                    // Bytes of multi-byte characters (0x80 and above) are plain.
                    if at > 0 {
                        bytes[at - 1] = 0xc3;
                    }
                    let skipped = super::skip_plain(&bytes, 0);
                    assert!(
                        skipped <= at,
                        "special {special:#x} at {at} of {len}: skipped to {skipped}"
                    );
                    assert!(
                        skipped == at || at + 8 > len,
                        "special {special:#x} at {at} of {len}: stopped at {skipped}"
                    );
                    assert!(
                        at - skipped < 8,
                        "stopped {skipped} more than a word before {at}"
                    );
                }
            }
        }
    }

    use super::*;

    fn ok(text: &str) -> Node<'_> {
        parse(text, 0).expect("parses").expect("a value")
    }

    fn err(text: &str) -> LoadError {
        parse(text, 0).expect_err("must fail")
    }

    #[test]
    fn keeps_key_and_value_spans() {
        let text = r#"{"a": [1, "x"]}"#;
        let node = ok(text);
        let member = node.member("a").expect("member a");
        assert_eq!(&text[member.key_span.range()], r#""a""#);
        assert_eq!(&text[member.value.span.range()], r#"[1, "x"]"#);
    }

    #[test]
    fn agrees_with_serde_json_on_values() {
        let text = r#"{"s": "a\"b\\c\/\n\u00e9\ud83d\ude00", "n": -1.5e+3, "z": 0, "t": true, "f": false, "x": null, "e": [], "o": {}}"#;
        let node = ok(text);
        assert_eq!(
            node.get("s").and_then(Node::as_str),
            Some("a\"b\\c/\n\u{e9}\u{1f600}")
        );
        assert_eq!(
            node.get("n").map(|n| n.kind.clone()),
            Some(Kind::Number(Cow::Borrowed("-1.5e+3")))
        );
        let reference: serde_json::Value = serde_json::from_str(text).expect("serde parses");
        assert_eq!(
            reference["s"].as_str(),
            node.get("s").and_then(Node::as_str)
        );
    }

    #[test]
    fn strictness_errors_are_located() {
        let e = err("{\"a\": 1,}");
        assert_eq!(
            (e.span.start, e.message.as_str()),
            (7, "trailing commas are not allowed")
        );
        let e = err("[1,\n]");
        assert_eq!(e.span.start, 2);
        let e = err("{\"a\": 1 // c\n}");
        assert!(e.message.contains("comments"), "{}", e.message);
        let e = err("{\"a\": 1\n \"b\": 2}");
        assert_eq!(e.span, Span::new(6, 7));
        assert!(
            e.message
                .starts_with("expected `,` or `}` after this value"),
            "{}",
            e.message
        );
        let e = err("{a: 1}");
        assert!(e.message.contains("property name"), "{}", e.message);
        let e = err("{\"a\": 'x'}");
        assert_eq!(e.span.start, 6);
        for bad in [
            "[01]",
            "[1.]",
            "[.5]",
            "[+1]",
            "[1e]",
            "[NaN]",
            "[tru]",
            "\"a\nb\"",
            "\"\\x\"",
            "\"\\u12\"",
            "[1] 2",
            "{",
            "[",
            "\"abc",
        ] {
            let e = err(bad);
            assert!(e.span.end as usize <= bad.len(), "{bad}: {e:?}");
        }
        assert!(parse("   ", 0).expect("ok").is_none());
    }

    #[test]
    fn huge_numbers_are_text_and_deep_nesting_is_refused() {
        let big = "9".repeat(5000);
        assert!(matches!(ok(&big).kind, Kind::Number(_)));
        let deep = "[".repeat(100_000);
        let e = err(&deep);
        assert!(e.message.contains("nesting"), "{}", e.message);
    }

    #[test]
    fn offsets_are_shifted_by_base() {
        let node = parse("{}", 3).ok().flatten().expect("parses");
        assert_eq!(node.span, Span::new(3, 5));
    }

    #[test]
    fn multibyte_text_near_errors_keeps_boundaries() {
        for bad in [
            "{\"é\" \"x\"}",
            "[\"a\" é]",
            "é",
            "[1 é]",
            "\"\\é\"",
            "\"\\u00é\"",
        ] {
            let e = err(bad);
            assert!(
                bad.is_char_boundary(e.span.start as usize)
                    && bad.is_char_boundary(e.span.end as usize),
                "{bad}: {e:?}"
            );
        }
    }
}
