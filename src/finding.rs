//! A finding: what a rule reports, where, and what else matters.

use crate::rule::{Rule, Severity};
use crate::span::Span;

/// Index of a file in the run's file table.
pub type FileId = usize;

#[derive(Clone)]
pub struct Finding {
    pub rule: &'static Rule,
    /// The effective severity (after configuration overrides).
    pub severity: Severity,
    pub file: FileId,
    pub span: Span,
    /// JSON pointer to the offending value (or the object that lacks it).
    pub pointer: String,
    pub message: String,
    pub help: Option<String>,
    /// Secondary locations, possibly in other files.
    pub labels: Vec<Label>,
    /// The resource the finding is about (task family, service name), when known.
    pub resource: Option<String>,
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

    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn resource(&mut self, resource: Option<String>) -> &mut Self {
        self.resource = resource;
        self
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
