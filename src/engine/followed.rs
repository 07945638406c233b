//! Files a `.tf` file's task definitions take their container definitions from
//! (`container_definitions = file("…")` or `templatefile("…", …)`): read within the linted
//! tree's bound, linted as part of the task definition that names them, and their findings
//! moved into them.
//!
//! The followed file's text is appended to the `.tf` text (after a newline), so the one tree,
//! the one recogniser and every rule see a task definition whose containers are in the same
//! text; findings and secrets past the `.tf` part are then moved into the followed file with
//! their spans shifted. The run gives each followed file an id ([`super::Collected`]): the
//! input's, when the file is linted anyway (its findings made on its own, without the task
//! definition, give way to those made with it), or a new one after the inputs.
//!
//! Nothing outside [`Input::bound`] is read: a path is resolved against the `.tf` file's
//! directory and canonicalised (symbolic links followed), and a file whose real path is outside
//! the bound is not read; a finding says why.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::file::Unread;
use crate::discover::Input;
use crate::finding::{FileId, Finding};
use crate::model::recognise::terraform::follow::{self, NotFollowed};
use crate::span::{LineIndex, Span};

/// At most this many files are followed from one `.tf` file.
const MAX_FOLLOWED: usize = 32;

/// A followed file, as a `.tf` file's lint leaves it for the run.
#[derive(Debug)]
pub struct FollowedFile {
    /// Its path as shown: the `.tf` file's directory (as shown) joined with the path.
    pub display: String,
    /// Its canonical path.
    pub path: PathBuf,
    /// Its text with every secret masked, and its line index.
    pub text: Arc<str>,
    pub lines: Box<LineIndex>,
    /// Findings in it (spans into its text; `file` is [`provisional`] until the run sets it).
    pub findings: Vec<Finding>,
    pub secrets: Vec<Span>,
}

/// The id a finding or label in the `k`th followed file of a `.tf` carries until the run
/// gives the file its own id.
pub fn provisional(k: usize) -> FileId {
    usize::MAX - k
}

/// Which followed file a provisional id stands for.
pub fn provisional_index(id: FileId) -> Option<usize> {
    let k = usize::MAX - id;
    (k < MAX_FOLLOWED).then_some(k)
}

/// What following the calls of one `.tf` file gave: the length of the `.tf` text (the
/// followed texts come after it), the segments appended, and the calls not followed.
#[derive(Debug, Default)]
pub struct Gathered {
    pub tf_len: usize,
    pub segments: Vec<Segment>,
    pub refused: Vec<Refusal>,
}

#[derive(Debug)]
pub struct Segment {
    pub display: String,
    pub path: PathBuf,
    /// Where its text is in the combined text.
    pub content: Span,
    /// The calls it stands in for.
    pub calls: Vec<Span>,
}

/// A call whose file is not read, and why.
#[derive(Debug)]
pub struct Refusal {
    /// The path argument.
    pub at: Span,
    /// The path as written (without its quotes).
    pub shown: String,
    /// The task definition's address.
    pub resource: String,
    pub why: Why,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Why {
    /// No such file under `${path.module}`: `terraform plan` fails.
    Missing,
    /// No such file next to the `.tf` (Terraform resolves a bare relative path from the
    /// directory it runs in, which may be another).
    NotHere,
    /// Outside the linted tree (an absolute path, `../` out of it, a link out of it).
    Outside,
    /// Not a regular file, not UTF-8 text, over the size limit, or unreadable: what is said.
    Unreadable(String),
}

/// Reads the files `text` (a `.tf` file's) takes container definitions from and appends each
/// one's text to `text`. Nothing is read for standard input or without a bound.
pub fn gather(text: &mut String, input: &Input, limit: u64) -> Gathered {
    let mut out = Gathered {
        tf_len: text.len(),
        ..Gathered::default()
    };
    let (Some(path), Some(bound)) = (&input.path, &input.bound) else {
        return out;
    };
    if !follow::may_follow(text) {
        return out;
    }
    let calls = match crate::load::hcl::parse(text, 0) {
        Ok(doc) => follow::calls(&doc, text),
        Err(_) => return out,
    };
    let Some(dir) = path.parent() else {
        return out;
    };
    let shown_dir = Path::new(&input.display)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    for call in calls.into_iter().take(MAX_FOLLOWED) {
        let shown = text[call.arg.range()].trim_matches('"').to_string();
        let refuse = |why| Refusal {
            at: call.arg,
            shown: shown.clone(),
            resource: call.resource.clone(),
            why,
        };
        let rel = match call.path {
            Ok(rel) => rel,
            Err(NotFollowed::Computed) => continue,
            Err(NotFollowed::Absolute(_)) => {
                out.refused.push(refuse(Why::Outside));
                continue;
            }
        };
        let real = match std::fs::canonicalize(dir.join(&rel)) {
            Ok(real) => real,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // A lexical `../` out of the bound is refused without saying whether it exists.
                let lexical = lexical_join(dir, &rel);
                let why = if !lexical.starts_with(bound.as_ref()) {
                    Why::Outside
                } else if call.under_module {
                    Why::Missing
                } else {
                    Why::NotHere
                };
                out.refused.push(refuse(why));
                continue;
            }
            Err(e) => {
                out.refused.push(refuse(Why::Unreadable(e.to_string())));
                continue;
            }
        };
        if !real.starts_with(bound.as_ref()) {
            out.refused.push(refuse(Why::Outside));
            continue;
        }
        if let Some(seg) = out.segments.iter_mut().find(|s| s.path == real) {
            seg.calls.push(call.span);
            continue;
        }
        if !real.is_file() {
            out.refused
                .push(refuse(Why::Unreadable("not a regular file".to_string())));
            continue;
        }
        let content = match super::file::read_path(&real, limit) {
            Ok(content) => content,
            Err(Unread::TooBig(len, _)) => {
                out.refused.push(refuse(Why::Unreadable(format!(
                    "{len} bytes, over the size limit of {limit}"
                ))));
                continue;
            }
            Err(Unread::NotUtf8(..)) => {
                out.refused
                    .push(refuse(Why::Unreadable("not UTF-8 text".to_string())));
                continue;
            }
            Err(Unread::Io(e)) => {
                out.refused.push(refuse(Why::Unreadable(e)));
                continue;
            }
        };
        if (text.len() + 1 + content.len()) as u64 > super::MAX_FILE_SIZE_CEILING {
            out.refused.push(refuse(Why::Unreadable(
                "the files named together are over the size limit".to_string(),
            )));
            continue;
        }
        text.push('\n');
        let start = text.len();
        text.push_str(&content);
        out.segments.push(Segment {
            display: crate::discover::join_shown(&shown_dir, &rel),
            path: real,
            content: Span::new(start, text.len()),
            calls: vec![call.span],
        });
    }
    out
}

impl Gathered {
    /// `(call, content)` for [`follow::splice`].
    pub fn spliced(&self) -> Vec<(Span, Span)> {
        self.segments
            .iter()
            .flat_map(|s| s.calls.iter().map(|c| (*c, s.content)))
            .collect()
    }

    /// The followed file a span of the combined text is in.
    fn segment_of(&self, span: Span) -> Option<usize> {
        if (span.start as usize) < self.tf_len {
            return None;
        }
        self.segments
            .iter()
            .position(|s| s.content.start <= span.start && span.start <= s.content.end)
    }

    /// Moves the findings (and labels, and secrets) in followed text into their files, spans
    /// shifted; `findings` and `secrets` keep what is in the `.tf`. `text`: the combined text.
    pub fn rehome(
        &self,
        text: &str,
        findings: &mut Vec<Finding>,
        secrets: &mut Vec<Span>,
    ) -> Vec<FollowedFile> {
        let shift = |span: Span, k: usize| {
            let base = self.segments[k].content.start;
            Span {
                start: span.start - base,
                end: span.end.saturating_sub(base),
            }
        };
        let mut files: Vec<FollowedFile> = self
            .segments
            .iter()
            .map(|s| FollowedFile {
                display: s.display.clone(),
                path: s.path.clone(),
                text: Arc::from(""),
                lines: Box::new(LineIndex::new("")),
                findings: Vec::new(),
                secrets: Vec::new(),
            })
            .collect();
        let mut kept = Vec::with_capacity(findings.len());
        for mut f in findings.drain(..) {
            for l in &mut f.labels {
                if l.file == f.file {
                    if let Some(k) = self.segment_of(l.span) {
                        l.span = shift(l.span, k);
                        l.file = provisional(k);
                    }
                }
            }
            match self.segment_of(f.span) {
                Some(k) => {
                    f.span = shift(f.span, k);
                    f.file = provisional(k);
                    f.pointer = within_containers(&f.pointer);
                    f.stable = within_containers(&f.stable);
                    files[k].findings.push(f);
                }
                None => kept.push(f),
            }
        }
        *findings = kept;
        secrets.retain(|s| match self.segment_of(*s) {
            Some(k) => {
                files[k].secrets.push(shift(*s, k));
                false
            }
            None => true,
        });
        for (file, seg) in files.iter_mut().zip(&self.segments) {
            let own = text.get(seg.content.range()).unwrap_or("");
            file.text = super::file::masked(own, &file.secrets, true);
            *file.lines = LineIndex::new(&file.text);
        }
        files
    }
}

/// A pointer into a task definition's container definitions, made a pointer into the file
/// that holds them (an array of containers).
fn within_containers(pointer: &str) -> String {
    const AT: &str = "/containerDefinitions";
    match pointer.find(AT) {
        Some(i) => pointer[i + AT.len()..].to_string(),
        None => String::new(),
    }
}

/// `dir` joined with `rel`, `.` and `..` taken away without touching the file system.
fn lexical_join(dir: &Path, rel: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for part in dir.join(rel).components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_are_made_relative_to_the_container_array() {
        assert_eq!(
            within_containers("/resource/aws_ecs_task_definition.a/containerDefinitions/0/image"),
            "/0/image"
        );
        assert_eq!(
            within_containers("/resource/aws_ecs_task_definition.a/containerDefinitions"),
            ""
        );
    }

    #[test]
    fn provisional_ids_round_trip() {
        assert_eq!(provisional_index(provisional(3)), Some(3));
        assert_eq!(provisional_index(7), None);
    }
}
