//! Report: findings to bytes. One renderer per format, each a pure function of the outcome.

pub mod excerpt;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use crate::engine::{Outcome, SourceFile};
use crate::finding::Finding;
use crate::rule::Severity;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Annotated source excerpts with carets under the offending token.
    Human,
    /// A JSON object with `version`, `findings` and `summary`.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the diff).
    Github,
    /// JUnit XML.
    Junit,
    /// A Markdown report (job summaries, review exports).
    Markdown,
}

/// The start and end (1-based line and column) of a span in a file.
#[derive(Clone, Copy, Debug)]
pub struct Region {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

pub fn region(file: &SourceFile, span: Span) -> Region {
    let start = file.position(span.start);
    let end = file.position(span.end);
    Region {
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

pub fn counts(findings: &[Finding]) -> Counts {
    let mut c = Counts::default();
    for f in findings {
        match f.severity {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Info => c.infos += 1,
        }
    }
    c
}

/// Files that were linted (not skipped, not failed).
pub fn linted_files(outcome: &Outcome) -> usize {
    outcome.statuses.iter().filter(|s| s.linted()).count()
}

/// Findings counted per rule (with the severity they were reported at), most frequent first,
/// then by code.
pub fn statistics(findings: &[Finding]) -> Vec<(&crate::rule::RuleRef, Severity, usize)> {
    let mut counts: Vec<(&crate::rule::RuleRef, Severity, usize)> = Vec::new();
    for f in findings {
        match counts.iter_mut().find(|c| c.0.code == f.rule.code) {
            Some(c) => c.2 += 1,
            None => counts.push((&f.rule, f.severity, 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.code.cmp(&b.0.code)));
    counts
}
