//! A finding: what a rule reports, where, and what else matters.

use crate::rule::{RuleRef, Severity};
use crate::span::Span;

/// Index of a file in the run's file table.
pub type FileId = usize;

#[derive(Clone)]
pub struct Finding {
    pub rule: RuleRef,
    /// The effective severity (after configuration overrides).
    pub severity: Severity,
    pub file: FileId,
    pub span: Span,
    /// JSON pointer to the offending value (or the object that lacks it).
    pub pointer: String,
    /// The pointer with array elements named by identity (see `model::pointer::stable_path`);
    /// what fingerprints are built from.
    pub stable: String,
    pub message: String,
    pub help: Option<String>,
    /// Secondary locations, possibly in other files.
    pub labels: Vec<Label>,
    /// The resource the finding is about (task family, service name), when known.
    pub resource: Option<String>,
    /// Other files the finding follows a cross-file link into (the task definitions a service
    /// resolves to): a change there can cause it, so `--changed-since` reports it.
    pub related: Vec<FileId>,
}

/// A location the linked model keeps for a value a cross-file rule may report on: its file,
/// span, JSON pointer and stable path (computed while the file's tree was there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub file: FileId,
    pub span: Span,
    pub pointer: Box<str>,
    pub stable: Box<str>,
}

#[derive(Clone, Debug)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

impl Finding {
    /// Adds a secondary label in the same file.
    pub fn label(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        let file = self.file;
        self.label_in(file, span, message)
    }

    pub fn label_in(&mut self, file: FileId, span: Span, message: impl Into<String>) -> &mut Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
        });
        self
    }

    /// Records files the finding was decided from, beyond its own and its labels'.
    pub fn related(&mut self, files: impl IntoIterator<Item = FileId>) -> &mut Self {
        self.related.extend(files);
        self.related.sort_unstable();
        self.related.dedup();
        self
    }

    /// Every file the finding is about: its own, its labels' and the related ones.
    pub fn files(&self) -> impl Iterator<Item = FileId> + '_ {
        std::iter::once(self.file)
            .chain(self.labels.iter().map(|l| l.file))
            .chain(self.related.iter().copied())
    }

    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn resource(&mut self, resource: Option<String>) -> &mut Self {
        self.resource = resource;
        self
    }

    pub fn stable(&mut self, stable: &str) -> &mut Self {
        self.stable = stable.to_string();
        self
    }

    /// A fingerprint that stays the same across unrelated edits: rule, file, resource and the
    /// stable path, never the line number. FNV-1a 64: the same on every platform and version.
    pub fn fingerprint(&self, file: &str) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for part in [
            self.rule.code.as_ref(),
            file,
            self.resource.as_deref().unwrap_or(""),
            &self.stable,
        ] {
            for b in part.bytes().chain(std::iter::once(0)) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{h:016x}")
    }
}

impl std::fmt::Debug for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Finding")
            .field("rule", &self.rule.code)
            .field("file", &self.file)
            .field("span", &self.span)
            .field("message", &self.message)
            .finish()
    }
}
