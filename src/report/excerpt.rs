//! Source excerpts for the human report: the files codespan-reporting draws from, with lines
//! too long to read (a minified task definition is one line of 2,000 characters) cut around
//! what the diagnostic points at, with an ellipsis on each cut side, as rustc does.
//!
//! codespan-reporting draws whole lines and has no option to cut them, so the cut is made in
//! the text it is given: a diagnostic on a long line gets its own copy of the file with that
//! line shortened and its spans moved to match. The `file:line:column` header still shows the
//! column in the real file: [`Excerpts`] implements codespan's `Files` and answers `location`
//! from the original line.

use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::files::{self, Files, Location};

use crate::span::Span;

/// Lines longer than this many bytes are cut.
pub const LONG_LINE: usize = 160;
/// Bytes kept on each side of what a diagnostic points at, on a cut line.
const CONTEXT: usize = 50;
const ELLIPSIS: &str = "…";

/// A line of the original text cut to `[start, end)`.
#[derive(Clone, Debug)]
struct Cut {
    /// The line in the original text.
    line: Range<usize>,
    /// What is kept of it.
    kept: Range<usize>,
    /// Where the kept text begins in the shortened text (after the leading ellipsis, if any).
    at: usize,
}

/// One file as codespan-reporting reads it (shortened when its long lines are cut).
#[derive(Clone, Debug)]
pub struct Entry {
    name: String,
    /// The text drawn (shortened when `cuts` is not empty).
    text: Arc<str>,
    starts: Arc<Vec<usize>>,
    /// The original text, when this entry is a shortened copy.
    original: Option<Arc<str>>,
    cuts: Vec<Cut>,
}

/// The files of one report, as codespan-reporting reads them.
#[derive(Clone, Debug, Default)]
pub struct Excerpts {
    entries: Vec<Entry>,
}

fn line_starts(text: &str) -> Vec<usize> {
    files::line_starts(text).collect()
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

impl Excerpts {
    pub fn add(&mut self, name: String, text: Arc<str>) -> usize {
        let starts = Arc::new(line_starts(&text));
        self.entries.push(Entry {
            name,
            text,
            starts,
            original: None,
            cuts: Vec::new(),
        });
        self.entries.len() - 1
    }

    /// The range of the line holding `offset` in file `id` (without its line break).
    fn line_of(&self, id: usize, offset: usize) -> Option<Range<usize>> {
        let e = self.entries.get(id)?;
        let i = e.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = *e.starts.get(i)?;
        let end = e.starts.get(i + 1).copied().unwrap_or(e.text.len());
        let line = &e.text[start..end];
        let trimmed = line.trim_end_matches(['\n', '\r']).len();
        Some(start..start + trimmed)
    }

    /// Puts `entry` in place of file `id`'s, and returns the one it replaces (to draw one
    /// finding from a shortened file, then put the file back).
    pub fn swap(&mut self, id: usize, entry: Entry) -> Option<Entry> {
        self.entries
            .get_mut(id)
            .map(|slot| std::mem::replace(slot, entry))
    }

    /// File `file` with every line longer than [`LONG_LINE`] that holds one of `spans` (the
    /// primary first) cut around them, and the spans moved to match. Returns `None` when no
    /// line needs cutting. Only that file is copied: a report has thousands.
    pub fn cut(&self, file: usize, spans: &[Span]) -> Option<(Entry, Vec<Span>)> {
        let entry = self.entries.get(file)?;
        let text = &entry.text;
        // The lines to cut, each with what must stay visible on it.
        let mut lines: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        for (n, s) in spans.iter().enumerate() {
            let (start, end) = (s.start as usize, s.end as usize);
            let Some(line) = self.line_of(file, start) else {
                continue;
            };
            if line.len() <= LONG_LINE {
                continue;
            }
            let end = end.min(line.end).max(start);
            match lines.iter_mut().find(|(l, _)| *l == line) {
                // Other labels on the primary's line widen the window only while it stays short.
                Some((_, keep)) if n > 0 => {
                    let wider = keep.start.min(start)..keep.end.max(end);
                    if wider.len() <= LONG_LINE - 2 * CONTEXT {
                        *keep = wider;
                    }
                }
                Some(_) => {}
                None => lines.push((line, start..end)),
            }
        }
        if lines.is_empty() {
            return None;
        }
        lines.sort_by_key(|(l, _)| l.start);
        let mut out = String::with_capacity(text.len());
        let mut cuts = Vec::new();
        let mut copied = 0;
        for (line, keep) in lines {
            let from = floor_boundary(text, keep.start.saturating_sub(CONTEXT).max(line.start));
            let to = ceil_boundary(text, (keep.end + CONTEXT).min(line.end));
            out.push_str(&text[copied..line.start]);
            if from > line.start {
                out.push_str(ELLIPSIS);
            }
            let at = out.len();
            out.push_str(&text[from..to]);
            if to < line.end {
                out.push_str(ELLIPSIS);
            }
            copied = line.end;
            cuts.push(Cut {
                line,
                kept: from..to,
                at,
            });
        }
        out.push_str(&text[copied..]);
        let moved = spans
            .iter()
            .map(|s| {
                Span::new(
                    move_offset(&cuts, s.start as usize, out.len()),
                    move_offset(&cuts, s.end as usize, out.len()),
                )
            })
            .collect();
        let cut = Entry {
            name: entry.name.clone(),
            starts: Arc::new(line_starts(&out)),
            text: Arc::from(out),
            original: Some(text.clone()),
            cuts,
        };
        Some((cut, moved))
    }
}

/// Where `offset` of the original text is in the shortened one (an offset in a cut-away part
/// moves to the nearest kept edge).
fn move_offset(cuts: &[Cut], offset: usize, new_len: usize) -> usize {
    let mut shift: isize = 0;
    for c in cuts {
        if offset < c.line.start {
            break;
        }
        if offset <= c.line.end {
            let within = offset.clamp(c.kept.start, c.kept.end);
            return c.at + (within - c.kept.start);
        }
        // Past this line: it shrank from its length to its new one.
        let trailing = if c.kept.end < c.line.end {
            ELLIPSIS.len()
        } else {
            0
        };
        let new_line_end = c.at + c.kept.len() + trailing;
        shift = new_line_end as isize - c.line.end as isize;
    }
    usize::try_from(offset as isize + shift)
        .unwrap_or(0)
        .min(new_len)
}

impl<'a> Files<'a> for Excerpts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.entries
            .get(id)
            .map(|e| e.name.as_str())
            .ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.entries
            .get(id)
            .map(|e| e.text.as_ref())
            .ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, files::Error> {
        let e = self.entries.get(id).ok_or(files::Error::FileMissing)?;
        Ok(e.starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, files::Error> {
        let e = self.entries.get(id).ok_or(files::Error::FileMissing)?;
        let start = *e.starts.get(line_index).ok_or(files::Error::LineTooLarge {
            given: line_index,
            max: e.starts.len().saturating_sub(1),
        })?;
        let end = e
            .starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(e.text.len());
        Ok(start..end)
    }

    /// The line and column in the original file, also on a cut line.
    fn location(&'a self, id: usize, byte_index: usize) -> Result<Location, files::Error> {
        let e = self.entries.get(id).ok_or(files::Error::FileMissing)?;
        let line_index = self.line_index(id, byte_index)?;
        let range = self.line_range(id, line_index)?;
        if let Some(original) = &e.original {
            let new_start = range.start;
            for c in &e.cuts {
                let shortened_start = c.at
                    - if c.kept.start > c.line.start {
                        ELLIPSIS.len()
                    } else {
                        0
                    };
                if shortened_start == new_start {
                    let within = byte_index.saturating_sub(c.at).min(c.kept.len());
                    let at = floor_boundary(original, c.kept.start + within);
                    return Ok(Location {
                        line_number: line_index + 1,
                        column_number: original[c.line.start..at].chars().count() + 1,
                    });
                }
            }
        }
        Ok(Location {
            line_number: line_index + 1,
            column_number: files::column_index(&e.text, range, byte_index) + 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_spans_and_columns_stay_true() {
        let long = format!(
            "{{\"a\": \"{}\", \"hostPort\": 8080, \"b\": \"{}\"}}",
            "x".repeat(500),
            "y".repeat(500)
        );
        let text = format!("first\n{long}\nlast\n");
        let at = text.find("8080").expect("8080");
        let mut files = Excerpts::default();
        let id = files.add("t.json".into(), Arc::from(text.as_str()));
        let (entry, spans) = files.cut(id, &[Span::new(at, at + 4)]).expect("cut");
        let mut cut = files.clone();
        cut.swap(id, entry);
        let shown = cut.source(id).expect("source");
        assert_eq!(&shown[spans[0].range()], "8080");
        let line = shown.lines().nth(1).expect("line 2");
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        assert!(line.chars().count() < 2 * CONTEXT + 10, "{line}");
        assert_eq!(shown.lines().nth(2), Some("last"));
        let loc = cut.location(id, spans[0].start as usize).expect("location");
        let true_column = long.find("8080").expect("8080") + 1;
        assert_eq!((loc.line_number, loc.column_number), (2, true_column));
        // Short lines are left alone.
        assert!(files.cut(id, &[Span::new(0, 5)]).is_none());
    }
}
