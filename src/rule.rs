//! What a rule is: identity (code, name, category, default severity), its documentation (the
//! Markdown file in `rules/`, embedded), and the check that runs it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::finding::{FileId, Finding};
use crate::link::Workspace;
use crate::model::{Service, TaskDef};
use crate::span::Span;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// The API or the deployment would fail.
    DeployError,
    /// Traffic or cross-resource breakage.
    Wiring,
    Security,
    BestPractice,
    /// Opt-in organisation rules.
    Policy,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::DeployError,
        Category::Wiring,
        Category::Security,
        Category::BestPractice,
        Category::Policy,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::DeployError => "deploy-error",
            Category::Wiring => "wiring",
            Category::Security => "security",
            Category::BestPractice => "best-practice",
            Category::Policy => "policy",
        }
    }

    /// Policy rules are opt-in; every other category is on by default.
    pub fn on_by_default(self) -> bool {
        self != Category::Policy
    }
}

/// How a rule runs.
pub enum Check {
    /// Reported by the loader itself (parse errors).
    Load,
    TaskDef(fn(&TaskDef<'_>, &mut Sink<'_>)),
    Service(fn(&Service<'_>, &mut Sink<'_>)),
    /// Runs once over the linked workspace (cross-file rules).
    Workspace(fn(&Workspace, &mut Sink<'_>)),
    /// Reported by the suppression stage (unused, expired or invalid suppressions).
    Meta,
}

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// The rule's documentation: `rules/<CODE>-<name>.md`.
    pub docs: &'static str,
    pub check: Check,
    /// For security rules: the CVSS-like score (0.0–10.0) GitHub code scanning ranks by.
    pub security_severity: Option<&'static str>,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

impl Rule {
    /// The one-line summary: the first paragraph after the title of the docs.
    pub fn summary(&self) -> String {
        self.docs
            .lines()
            .skip_while(|l| l.starts_with("# ") || l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The body of one `## Heading` section of the docs.
    pub fn section(&self, heading: &str) -> Option<&'static str> {
        section(self.docs, heading)
    }

    /// The rule's documentation page in the repository.
    pub fn docs_url(&self) -> String {
        format!(
            "{}/blob/main/rules/{}-{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            self.code,
            self.name
        )
    }

    /// The first URL in the References section (the AWS documentation of the constraint).
    pub fn help_uri(&self) -> Option<&'static str> {
        let refs = self.section("References")?;
        let start = refs.find("https://")?;
        let rest = &refs[start..];
        let end = rest.find([')', ' ', '\n', '>']).unwrap_or(rest.len());
        Some(&rest[..end])
    }
}

pub fn section<'d>(docs: &'d str, heading: &str) -> Option<&'d str> {
    let marker = format!("## {heading}\n");
    let start = docs.find(&marker)? + marker.len();
    let rest = &docs[start..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    Some(rest[..end].trim())
}

/// Where a check reports. The engine points it at the current rule and file.
pub struct Sink<'a> {
    pub(crate) rule: &'static Rule,
    pub(crate) file: FileId,
    pub(crate) resource: Option<&'a str>,
    pub(crate) out: &'a mut Vec<Finding>,
}

impl Sink<'_> {
    /// Reports a finding at `span` (in the current file), for the value at `pointer`.
    pub fn report(
        &mut self,
        span: Span,
        pointer: impl AsRef<str>,
        message: impl Into<String>,
    ) -> &mut Finding {
        let file = self.file;
        self.report_in(file, span, pointer, message)
    }

    /// Reports a finding in another file (workspace rules).
    pub fn report_in(
        &mut self,
        file: FileId,
        span: Span,
        pointer: impl AsRef<str>,
        message: impl Into<String>,
    ) -> &mut Finding {
        self.out.push(Finding {
            rule: self.rule,
            severity: self.rule.severity,
            file,
            span,
            pointer: pointer.as_ref().to_string(),
            stable: pointer.as_ref().to_string(),
            message: message.into(),
            help: None,
            labels: Vec::new(),
            resource: self.resource.map(str::to_string),
            related: Vec::new(),
        });
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}
